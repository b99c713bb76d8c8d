//! The options a JavaScript caller gives, `{format?, context?, policy?}`, read from JSON into
//! the engine's `Options`. The ES module and the embedded page's `postMessage` protocol both
//! read them here, so the two accept the same names and explain a mistake the same way. The
//! JSON is the engine's own strict reader's (`strict_json`), which the policy reader uses too,
//! so the page carries one small JSON reader and no serde deserialiser.
//!
//! The names are the JSON contract's own: `format` and `context.{target, credentials,
//! change_freeze}` are what an assessment reports back, and `policy` is a policy file's JSON
//! (docs/policy.md). A field that is absent or `null` keeps the engine's default. Anything else
//! that does not fit, including a field this version does not know, is an error naming the
//! field: a typo (`change_freze`) must not silently assess with the wrong context.

use approval_risk_engine::strict_json::Json;
use approval_risk_engine::words::Join;
use approval_risk_engine::{Context, Credentials, Format, Options, Policy, Target};
use std::fmt;

/// The fields of the options object.
pub const FIELDS: [&str; 3] = ["format", "context", "policy"];

/// The fields of `context`, named as in the JSON contract.
pub const CONTEXT_FIELDS: [&str; 3] = ["target", "credentials", "change_freeze"];

/// Why the options cannot be used: the field at fault, as a dotted path from the options
/// object (`context.target`, `policy.overrides.git.force-push`), and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError {
    pub field: String,
    pub problem: String,
}

impl OptionError {
    fn new(field: impl Into<String>, problem: impl Into<String>) -> OptionError {
        OptionError {
            field: field.into(),
            problem: problem.into(),
        }
    }

    /// The one-line reason, with the field's path under `root` (`options`, or nothing for a
    /// message whose fields are at the top).
    pub fn reason(&self, root: &str) -> String {
        match (root.is_empty(), self.field.is_empty()) {
            (true, _) => format!("{}: {}", self.field, self.problem),
            (false, true) => format!("{root}: {}", self.problem),
            (false, false) => format!("{root}.{}: {}", self.field, self.problem),
        }
    }
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason(""))
    }
}

impl std::error::Error for OptionError {}

/// Reads the options from `object`. Fields named in `also` belong to the caller (a message's
/// `type`, `id` and `plan`) and are skipped; any other unknown field is an error.
pub fn read(object: &[(String, Json)], also: &[&str]) -> Result<Options, OptionError> {
    if let Some((unknown, _)) = object
        .iter()
        .find(|(key, _)| !FIELDS.contains(&key.as_str()) && !also.contains(&key.as_str()))
    {
        let mut known: Vec<&str> = also.to_vec();
        known.extend(FIELDS);
        return Err(OptionError::new(
            unknown.clone(),
            format!("unknown field; the fields are {}", known.joined(", ")),
        ));
    }
    Ok(Options {
        format: format(given(object, "format"))?,
        context: context(given(object, "context"))?,
        policy: policy(given(object, "policy"))?,
    })
}

/// The field's value, treating `null` as not given. Of duplicates the last counts, as in
/// `JSON.parse`.
pub fn given<'a>(object: &'a [(String, Json)], field: &str) -> Option<&'a Json> {
    object
        .iter()
        .rev()
        .find(|(key, _)| key == field)
        .map(|(_, value)| value)
        .filter(|value| **value != Json::Null)
}

fn format(value: Option<&Json>) -> Result<Option<Format>, OptionError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let names: Vec<&str> = Format::ALL.iter().map(|format| format.as_str()).collect();
    let expected = format!("auto, {}", names.joined(", "));
    let text = value.as_str().ok_or_else(|| {
        OptionError::new(
            "format",
            format!("expected a string ({expected}), found {}", value.kind()),
        )
    })?;
    if matches!(text.trim(), "" | "auto") {
        return Ok(None);
    }
    Format::parse(text).map(Some).ok_or_else(|| {
        OptionError::new(
            "format",
            format!("expected one of {expected}, found {}", value.shown()),
        )
    })
}

fn context(value: Option<&Json>) -> Result<Context, OptionError> {
    let mut context = Context::default();
    let Some(value) = value else {
        return Ok(context);
    };
    let object = value.as_object().ok_or_else(|| {
        OptionError::new(
            "context",
            format!("expected an object, found {}", value.kind()),
        )
    })?;
    if let Some((unknown, _)) = object
        .iter()
        .find(|(key, _)| !CONTEXT_FIELDS.contains(&key.as_str()))
    {
        return Err(OptionError::new(
            format!("context.{unknown}"),
            format!(
                "unknown field; the fields are {}",
                CONTEXT_FIELDS.joined(", ")
            ),
        ));
    }
    if let Some(value) = given(object, "target") {
        let names: Vec<&str> = Target::ALL.iter().map(|target| target.as_str()).collect();
        context.target = named(value, "context.target", &names, Target::parse)?;
    }
    if let Some(value) = given(object, "credentials") {
        let names: Vec<&str> = Credentials::ALL
            .iter()
            .map(|level| level.as_str())
            .collect();
        context.credentials = named(value, "context.credentials", &names, Credentials::parse)?;
    }
    if let Some(value) = given(object, "change_freeze") {
        context.change_freeze = value.as_bool().ok_or_else(|| {
            OptionError::new(
                "context.change_freeze",
                format!("expected true or false, found {}", value.kind()),
            )
        })?;
    }
    Ok(context)
}

/// A string that must be one of `names` (read by the engine's own `parse`, which also takes
/// the short forms the CLI takes, such as `prod`).
fn named<T>(
    value: &Json,
    field: &str,
    names: &[&str],
    parse: fn(&str) -> Option<T>,
) -> Result<T, OptionError> {
    let expected = names.joined(", ");
    let text = value.as_str().ok_or_else(|| {
        OptionError::new(
            field,
            format!("expected a string ({expected}), found {}", value.kind()),
        )
    })?;
    parse(text).ok_or_else(|| {
        OptionError::new(
            field,
            format!("expected one of {expected}, found {}", value.shown()),
        )
    })
}

/// A policy as an object, or as the text of a policy file. The engine's reader checks it and
/// names the field at fault, which becomes a path under `policy`.
fn policy(value: Option<&Json>) -> Result<Policy, OptionError> {
    let policy = match value {
        None => return Ok(Policy::default()),
        Some(Json::String(text)) => Policy::from_json(text),
        Some(object @ Json::Object(_)) => Policy::from_value(object),
        Some(other) => {
            return Err(OptionError::new(
                "policy",
                format!(
                    "expected an object (a policy file's JSON) or its text, found {}",
                    other.kind()
                ),
            ))
        }
    };
    policy.map_err(|error| {
        let field = if error.field.is_empty() {
            String::from("policy")
        } else {
            format!("policy.{}", error.field)
        };
        OptionError::new(field, error.message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// The test's JSON (written with serde's `json!` for readability) as the strict reader
    /// reads it.
    fn strict(value: Value) -> Json {
        Json::parse(&value.to_string()).expect("serde writes JSON")
    }

    fn options(value: Value) -> Result<Options, OptionError> {
        match strict(value) {
            Json::Object(object) => read(&object, &[]),
            other => Err(OptionError::new("", format!("not an object: {other}"))),
        }
    }

    fn reason(value: Value) -> String {
        match options(value) {
            Ok(_) => String::from("accepted"),
            Err(error) => error.reason("options"),
        }
    }

    #[test]
    fn nothing_given_is_the_default() {
        let read = options(json!({})).expect("empty options are valid");
        assert_eq!(read.context, Context::default());
        assert_eq!(read.format, None);
        assert_eq!(read.policy, Policy::default());
        let nulls = options(json!({"format": null, "context": null, "policy": null}))
            .expect("null means not given");
        assert_eq!(nulls.context, Context::default());
    }

    #[test]
    fn contract_names_are_read() {
        let read = options(json!({
            "format": "shell",
            "context": {"target": "production", "credentials": "admin", "change_freeze": true},
        }))
        .expect("valid options");
        assert_eq!(read.format, Some(Format::Shell));
        assert_eq!(read.context.target, Target::Production);
        assert_eq!(read.context.credentials, Credentials::Admin);
        assert!(read.context.change_freeze);
        // The short forms the CLI takes are taken here too.
        let short =
            options(json!({"context": {"target": "prod"}, "format": "auto"})).expect("short forms");
        assert_eq!(short.context.target, Target::Production);
        assert_eq!(short.format, None);
    }

    #[test]
    fn a_policy_is_an_object_or_its_text() {
        let object = options(json!({"policy": {"version": 1, "protected": ["billing-db"]}}))
            .expect("policy object");
        assert_eq!(object.policy.protected, vec![String::from("billing-db")]);
        let text = options(json!({"policy": "{\"version\": 1, \"protected\": [\"billing-db\"]}"}))
            .expect("policy text");
        assert_eq!(text.policy, object.policy);
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(
            reason(json!({"context": {"target": "moon"}})),
            "options.context.target: expected one of unknown, development, staging, production, \
             found \"moon\""
        );
        assert_eq!(
            reason(json!({"context": {"change_freeze": "yes"}})),
            "options.context.change_freeze: expected true or false, found a string"
        );
        assert!(reason(json!({"context": {"change_freze": true}}))
            .starts_with("options.context.change_freze: unknown field"));
        assert!(reason(json!({"fromat": "shell"})).starts_with("options.fromat: unknown field"));
        assert!(reason(json!({"format": "cobol"})).starts_with("options.format: expected one of"));
        assert_eq!(
            reason(json!({"context": "production"})),
            "options.context: expected an object, found a string"
        );
        assert_eq!(
            reason(json!({"policy": {"version": 1, "disabled_rules": ["no.such-rule"]}})),
            "options.policy.disabled_rules[0]: no rule has the id `no.such-rule` (see \
             docs/rules.md)"
        );
        assert!(reason(json!({"policy": {}})).starts_with("options.policy.version: missing"));
        assert!(reason(json!({"policy": 3})).starts_with("options.policy: expected an object"));
    }

    #[test]
    fn long_or_multi_line_values_are_shown_short_on_one_line() {
        let reason = reason(json!({"format": format!("line one\nline two {}", "x".repeat(80))}));
        assert!(!reason.contains('\n'));
        assert!(reason.ends_with("found \"line one\\nline two xxxxxxxxxxxxxxxxxxxxxx…\""));
    }

    #[test]
    fn a_callers_own_fields_are_skipped_and_listed() {
        let Json::Object(message) = strict(json!({"type": "x", "id": 1, "plan": "ls"})) else {
            unreachable!("a literal object");
        };
        assert!(read(&message, &["type", "id", "plan"]).is_ok());
        let Json::Object(typo) = strict(json!({"type": "x", "plna": "ls"})) else {
            unreachable!("a literal object");
        };
        let error = read(&typo, &["type", "id", "plan"]).expect_err("plna is unknown");
        assert_eq!(
            error.reason(""),
            "plna: unknown field; the fields are type, id, plan, format, context, policy"
        );
    }
}
