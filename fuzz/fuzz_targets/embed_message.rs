//! Fuzz target: arbitrary text as a portal's `postMessage` request to the embedded page, read
//! the way the frame reads it (strict JSON, then the request). Reading must end in a request or
//! a refusal with a reason, never a panic, and an accepted plan is within the frame's limit.
#![no_main]

use approval_risk_engine::strict_json::Json;
use approval_risk_web::embed::message::{read, PLAN_LIMIT};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(json) = Json::parse(&text) else {
        return;
    };
    match read(&json) {
        Ok(request) => assert!(request.plan.encode_utf16().count() <= PLAN_LIMIT),
        Err(refusal) => assert!(!refusal.reason.is_empty()),
    }
});
