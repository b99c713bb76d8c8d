//! The approval risk engine for JavaScript: `assess(plan, options)` as an ES module, for portals
//! that want the assessment without the page (docs/embedding.md).
//!
//! The work is in plain Rust that native tests reach: `options` reads `{format?, context?,
//! policy?}` (the embedded page reads its messages with it too), and [`assess_json`] is the
//! whole call with JSON text on both sides. The JavaScript export in `module` only moves
//! values across: `JSON.stringify` in, `JSON.parse` out, so a portal gets exactly the
//! `approval-risk/v1` object that `approval-risk assess --format json` prints.

pub mod options;

#[cfg(feature = "es-module")]
mod module;

use approval_risk_engine::strict_json::Json;
use approval_risk_engine::{assess, Options};
use wasm_bindgen::JsValue;

/// Assesses `plan` with the options in `options_json` (`None` for the defaults) and returns
/// the assessment as the JSON contract, or the one-line reason the options cannot be used.
pub fn assess_json(plan: &str, options_json: Option<&str>) -> Result<String, String> {
    let options = match options_json {
        None => Options::default(),
        Some(text) => read_options(text)?,
    };
    Ok(assess(plan, &options).to_json())
}

/// The options from their JSON text; the errors say `options.<field>`.
fn read_options(text: &str) -> Result<Options, String> {
    let value = Json::parse(text).map_err(|error| format!("options: not valid JSON: {error}"))?;
    let object = value
        .as_object()
        .ok_or_else(|| format!("options: expected an object, found {}", value.kind()))?;
    options::read(object, &[]).map_err(|error| error.reason("options"))
}

/// What kind of JavaScript value this is, in words for an error message (the page's embedding
/// protocol says it the same way).
pub fn js_kind(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "undefined"
    } else if value.is_null() {
        "null"
    } else if value.as_bool().is_some() {
        "true/false"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.is_string() {
        "a string"
    } else if js_sys::Array::is_array(value) {
        "a list"
    } else if value.is_function() {
        "a function"
    } else {
        "an object"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approval_risk_engine::Target;

    const PLAN: &str = "1. List the buckets.\n2. Run `terraform destroy -auto-approve` in prod.\n";

    #[test]
    fn the_result_is_the_engines_own_json() {
        let options = Options::default();
        let expected = assess(PLAN, &options).to_json();
        assert_eq!(assess_json(PLAN, None), Ok(expected.clone()));
        assert_eq!(assess_json(PLAN, Some("{}")), Ok(expected));
    }

    #[test]
    fn the_context_reaches_the_engine() {
        let json = assess_json(PLAN, Some(r#"{"context": {"target": "staging"}}"#))
            .expect("valid options");
        let value: serde_json::Value = serde_json::from_str(&json).expect("the contract is JSON");
        assert_eq!(value["context"]["target"], Target::Staging.as_str());
        assert_eq!(value["schema"], "approval-risk/v1");
    }

    #[test]
    fn bad_options_are_a_reason_not_a_result() {
        assert_eq!(
            assess_json(PLAN, Some("[1]")),
            Err(String::from("options: expected an object, found a list"))
        );
        let reason = assess_json(PLAN, Some(r#"{"context": {"credentials": "root"}}"#))
            .expect_err("root is not a level");
        assert!(reason.starts_with("options.context.credentials: expected one of"));
        assert!(!reason.contains('\n'));
    }
}
