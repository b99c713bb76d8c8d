//! The embedding protocol's request, read from JSON: `{type: "approval-risk:assess", id, plan,
//! format?, context?, policy?}` (docs/embedding.md). The options are read by the same code as
//! the engine module's (`approval_risk_wasm::options`), so a portal that moves from the frame to
//! the module, or back, keeps its field names and gets the same reasons.
//!
//! Reading never fails silently: whatever is wrong becomes a `Refusal` whose reason names the
//! field, sent back as `approval-risk:error` with the request's `id` when it could be read.

use approval_risk_engine::Options;
use approval_risk_wasm::options::{self, kind};
use serde_json::Value;

/// The one request the frame answers.
pub const ASSESS: &str = "approval-risk:assess";

/// The request's own fields; the options' fields come from `options::FIELDS`.
const REQUEST_FIELDS: [&str; 3] = ["type", "id", "plan"];

/// Plans longer than this (in UTF-16 units, as JavaScript counts) are refused. A plan from a
/// message is assessed on the main thread, because the reply carries the whole assessment and
/// the worker hands back only what the page draws; at this size that stays a fraction of a
/// second, and agents' plans are far shorter. Bigger plans belong to the engine module, which
/// a portal can run in its own worker.
pub const PLAN_LIMIT: usize = 256 * 1024;

/// A request that can be assessed.
#[derive(Debug, Clone)]
pub struct Request {
    /// The caller's id, echoed in the reply: a string or a number.
    pub id: Value,
    pub plan: String,
    pub options: Options,
}

/// Why a message cannot be answered with an assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// The message's id, when it had a usable one.
    pub id: Option<Value>,
    pub reason: String,
}

impl Refusal {
    pub fn new(id: Option<Value>, reason: impl Into<String>) -> Refusal {
        Refusal {
            id,
            reason: reason.into(),
        }
    }
}

/// The reason given for a message that is not an object at all.
pub fn not_an_object(found: &str) -> String {
    format!("expected an object {{type: \"{ASSESS}\", id, plan, context?, policy?}}, found {found}")
}

/// The reason given for a plan over `PLAN_LIMIT`.
pub fn too_long(units: usize) -> String {
    format!(
        "plan: {units} characters is more than the {PLAN_LIMIT} the embedded page assesses; use \
         the engine module (docs/embedding.md) for longer plans"
    )
}

/// Reads a message that arrived from an allowed origin.
pub fn read(message: &Value) -> Result<Request, Refusal> {
    let Some(object) = message.as_object() else {
        return Err(Refusal::new(None, not_an_object(kind(message))));
    };
    // The id first, so that every later refusal can carry it back.
    let id =
        match object.get("id") {
            Some(id @ (Value::String(_) | Value::Number(_))) => id.clone(),
            Some(other) => {
                return Err(Refusal::new(
                    None,
                    format!("id: expected a string or a number, found {}", kind(other)),
                ))
            }
            None => return Err(Refusal::new(
                None,
                "id: missing; give each request an id (a string or a number), the reply carries it",
            )),
        };
    let refuse = |reason: String| Refusal::new(Some(id.clone()), reason);
    match object.get("type") {
        Some(Value::String(kind)) if kind == ASSESS => {}
        Some(other) => {
            return Err(refuse(format!(
                "type: expected \"{ASSESS}\", found {other}"
            )))
        }
        None => return Err(refuse(format!("type: missing; expected \"{ASSESS}\""))),
    }
    let plan = match object.get("plan") {
        Some(Value::String(plan)) => plan,
        Some(other) => {
            return Err(refuse(format!(
                "plan: expected a string, found {}",
                kind(other)
            )))
        }
        None => return Err(refuse(String::from("plan: missing; expected a string"))),
    };
    let units = plan.encode_utf16().count();
    if units > PLAN_LIMIT {
        return Err(refuse(too_long(units)));
    }
    let options =
        options::read(object, &REQUEST_FIELDS).map_err(|error| refuse(error.reason("")))?;
    Ok(Request {
        id,
        plan: plan.clone(),
        options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use approval_risk_engine::Target;
    use serde_json::json;

    fn refused(message: Value) -> Refusal {
        match read(&message) {
            Ok(request) => Refusal::new(Some(request.id), "accepted"),
            Err(refusal) => refusal,
        }
    }

    #[test]
    fn a_request_is_read_with_its_options() {
        let request = read(&json!({
            "type": ASSESS,
            "id": 7,
            "plan": "terraform destroy",
            "context": {"target": "production", "change_freeze": true},
            "policy": {"version": 1, "protected": ["billing-db"]},
        }))
        .expect("a valid request");
        assert_eq!(request.id, json!(7));
        assert_eq!(request.plan, "terraform destroy");
        assert_eq!(request.options.context.target, Target::Production);
        assert!(request.options.context.change_freeze);
        assert_eq!(request.options.policy.protected, vec!["billing-db"]);
        let plain = read(&json!({"type": ASSESS, "id": "a", "plan": ""})).expect("no options");
        assert_eq!(plain.id, json!("a"));
    }

    #[test]
    fn every_refusal_names_the_field_and_keeps_the_id() {
        let wrong_plan = refused(json!({"type": ASSESS, "id": "r1", "plan": 42}));
        assert_eq!(wrong_plan.id, Some(json!("r1")));
        assert_eq!(wrong_plan.reason, "plan: expected a string, found a number");
        let wrong_type = refused(json!({"type": "approval-risk:asses", "id": 1, "plan": "x"}));
        assert_eq!(wrong_type.id, Some(json!(1)));
        assert!(wrong_type
            .reason
            .starts_with("type: expected \"approval-risk:assess\""));
        let context =
            refused(json!({"type": ASSESS, "id": 2, "plan": "x", "context": {"target": 3}}));
        assert!(context
            .reason
            .starts_with("context.target: expected a string"));
        let unknown = refused(json!({"type": ASSESS, "id": 3, "plan": "x", "contxt": {}}));
        assert!(unknown.reason.starts_with("contxt: unknown field"));
        let policy =
            refused(json!({"type": ASSESS, "id": 4, "plan": "x", "policy": {"version": 2}}));
        assert!(policy
            .reason
            .starts_with("policy.version: unsupported version 2"));
    }

    #[test]
    fn without_a_usable_id_the_refusal_has_none() {
        assert_eq!(refused(json!({"type": ASSESS, "plan": "x"})).id, None);
        assert_eq!(
            refused(json!({"type": ASSESS, "id": {}, "plan": "x"})).id,
            None
        );
        let text = refused(json!("assess this"));
        assert_eq!(text.id, None);
        assert!(text.reason.contains("found a string"));
    }

    #[test]
    fn plans_over_the_limit_are_refused_with_the_way_out() {
        let long = "x".repeat(PLAN_LIMIT + 1);
        let refusal = refused(json!({"type": ASSESS, "id": 1, "plan": long}));
        assert!(refusal.reason.contains("engine module"));
        let at_limit = "x".repeat(PLAN_LIMIT);
        assert!(read(&json!({"type": ASSESS, "id": 1, "plan": at_limit})).is_ok());
    }
}
