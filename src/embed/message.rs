//! The embedding protocol's request, read from JSON: `{type: "approval-risk:assess", id, plan,
//! format?, context?, policy?}` (docs/embedding.md). The options are read by the same code as
//! the engine module's (`approval_risk_wasm::options`), so a portal that moves from the frame to
//! the module, or back, keeps its field names and gets the same reasons.
//!
//! Reading never fails silently: whatever is wrong becomes a `Refusal` whose reason names the
//! field, sent back as `approval-risk:error` with the request's `id` when it could be read.

use approval_risk_engine::strict_json::Json;
use approval_risk_engine::Options;
use approval_risk_wasm::options::{self, given};

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

/// The whole request as JSON, in UTF-16 units, is refused above this before it is copied into
/// wasm. It leaves room for the longest plan escaped twice over and a policy of the largest
/// lists the engine reads (`policy::MAX_ENTRIES` entries of `policy::MAX_ENTRY_BYTES`), so no
/// request within the documented limits is turned away, and no other field (a context value, a
/// plan given as an array) can carry megabytes into the frame.
pub const MESSAGE_LIMIT: usize = 2 * PLAN_LIMIT + 1024 * 1024;

/// The reason given for a message over `MESSAGE_LIMIT`.
pub fn message_too_long(units: usize) -> String {
    format!(
        "message: {units} characters of JSON is more than the {MESSAGE_LIMIT} the embedded page \
         reads; send the plan (at most {PLAN_LIMIT} characters), its context and a policy only"
    )
}

/// A request that can be assessed. Its `id` (a string or a number) is echoed in the reply as
/// the value the portal sent, so it is not copied here.
#[derive(Debug, Clone)]
pub struct Request {
    pub plan: String,
    pub options: Options,
}

/// Why a message cannot be answered with an assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// The message had a usable `id`, which the error then carries back.
    pub with_id: bool,
    pub reason: String,
}

impl Refusal {
    pub fn new(with_id: bool, reason: impl Into<String>) -> Refusal {
        Refusal {
            with_id,
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
pub fn read(message: &Json) -> Result<Request, Refusal> {
    let Some(object) = message.as_object() else {
        return Err(Refusal::new(false, not_an_object(message.kind())));
    };
    // The id first, so that every later refusal can carry it back.
    match given(object, "id") {
        Some(Json::String(_) | Json::Number(_)) => {}
        Some(other) => {
            return Err(Refusal::new(
                false,
                format!("id: expected a string or a number, found {}", other.kind()),
            ))
        }
        None => {
            return Err(Refusal::new(
                false,
                "id: missing; give each request an id (a string or a number), the reply carries it",
            ))
        }
    }
    let refuse = |reason: String| Refusal::new(true, reason);
    match given(object, "type") {
        Some(Json::String(kind)) if kind == ASSESS => {}
        Some(other) => {
            return Err(refuse(format!(
                "type: expected \"{ASSESS}\", found {}",
                other.shown()
            )))
        }
        None => return Err(refuse(format!("type: missing; expected \"{ASSESS}\""))),
    }
    let plan = match given(object, "plan") {
        Some(Json::String(plan)) => plan,
        Some(other) => {
            return Err(refuse(format!(
                "plan: expected a string, found {}",
                other.kind()
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
        plan: plan.clone(),
        options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use approval_risk_engine::Target;

    fn strict(text: &str) -> Json {
        Json::parse(text).expect("the test's JSON")
    }

    fn refused(message: &str) -> Refusal {
        match read(&strict(message)) {
            Ok(_) => Refusal::new(true, "accepted"),
            Err(refusal) => refusal,
        }
    }

    #[test]
    fn a_request_is_read_with_its_options() {
        let request = read(&strict(
            r#"{"type": "approval-risk:assess", "id": 7, "plan": "terraform destroy",
                "context": {"target": "production", "change_freeze": true},
                "policy": {"version": 1, "protected": ["billing-db"]}}"#,
        ))
        .expect("a valid request");
        assert_eq!(request.plan, "terraform destroy");
        assert_eq!(request.options.context.target, Target::Production);
        assert!(request.options.context.change_freeze);
        assert_eq!(request.options.policy.protected, vec!["billing-db"]);
        let plain = read(&strict(
            r#"{"type": "approval-risk:assess", "id": "a", "plan": ""}"#,
        ))
        .expect("no options");
        assert_eq!(plain.plan, "");
    }

    #[test]
    fn every_refusal_names_the_field_and_keeps_the_id() {
        let wrong_plan = refused(r#"{"type": "approval-risk:assess", "id": "r1", "plan": 42}"#);
        assert!(wrong_plan.with_id);
        assert_eq!(wrong_plan.reason, "plan: expected a string, found a number");
        let wrong_type = refused(r#"{"type": "approval-risk:asses", "id": 1, "plan": "x"}"#);
        assert!(wrong_type.with_id);
        assert_eq!(
            wrong_type.reason,
            "type: expected \"approval-risk:assess\", found \"approval-risk:asses\""
        );
        let context = refused(
            r#"{"type": "approval-risk:assess", "id": 2, "plan": "x", "context": {"target": 3}}"#,
        );
        assert!(context
            .reason
            .starts_with("context.target: expected a string"));
        let unknown =
            refused(r#"{"type": "approval-risk:assess", "id": 3, "plan": "x", "contxt": {}}"#);
        assert!(unknown.reason.starts_with("contxt: unknown field"));
        let policy = refused(
            r#"{"type": "approval-risk:assess", "id": 4, "plan": "x", "policy": {"version": 2}}"#,
        );
        assert!(policy
            .reason
            .starts_with("policy.version: unsupported version 2"));
    }

    #[test]
    fn without_a_usable_id_the_refusal_has_none() {
        assert!(!refused(r#"{"type": "approval-risk:assess", "plan": "x"}"#).with_id);
        assert!(!refused(r#"{"type": "approval-risk:assess", "id": {}, "plan": "x"}"#).with_id);
        let text = refused(r#""assess this""#);
        assert!(!text.with_id);
        assert!(text.reason.contains("found a string"));
    }

    #[test]
    fn plans_over_the_limit_are_refused_with_the_way_out() {
        let message = |length: usize| {
            format!(
                r#"{{"type": "approval-risk:assess", "id": 1, "plan": "{}"}}"#,
                "x".repeat(length)
            )
        };
        let refusal = refused(&message(PLAN_LIMIT + 1));
        assert!(refusal.reason.contains("engine module"));
        assert!(read(&strict(&message(PLAN_LIMIT))).is_ok());
    }
}
