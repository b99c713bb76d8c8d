//! The JavaScript export: `assess(plan, options)`. Values only cross here; the reading and the
//! judging are `options` and the engine. Every mistake a caller can make becomes a thrown
//! `Error` with a one-line reason naming what is wrong; nothing panics.

use crate::js_kind;
use wasm_bindgen::prelude::*;

/// The module's allocator (see Cargo.toml).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Assesses `plan` (a string) with `options` (`{format?, context?, policy?}`, or nothing) and
/// returns the `approval-risk/v1` object. Throws an `Error` whose message names the argument
/// or field at fault.
#[wasm_bindgen(js_name = assess)]
pub fn assess_js(plan: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let plan = plan.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "approval-risk: plan: expected a string, found {}",
            js_kind(&plan)
        ))
    })?;
    let options = if options.is_undefined() || options.is_null() {
        None
    } else if options.is_object() && !js_sys::Array::is_array(&options) {
        // Stringify refuses only what JSON cannot hold (a BigInt, a cycle); functions and
        // `undefined` fields are dropped, as a JSON API would drop them.
        let text = js_sys::JSON::stringify(&options)
            .ok()
            .and_then(|text| text.as_string())
            .ok_or_else(|| {
                JsError::new(
                    "approval-risk: options: cannot be read as JSON (a cycle or a BigInt?)",
                )
            })?;
        Some(text)
    } else {
        return Err(JsError::new(&format!(
            "approval-risk: options: expected an object, found {}",
            js_kind(&options)
        )));
    };
    let json = crate::assess_json(&plan, options.as_deref())
        .map_err(|reason| JsError::new(&format!("approval-risk: {reason}")))?;
    js_sys::JSON::parse(&json)
        .map_err(|_| JsError::new("approval-risk: the engine's report is not valid JSON"))
}
