//! Fuzz target: arbitrary text read as settings (a policy file, or the strict JSON of a
//! portal's options). Reading must end in a value or an error, never a panic, and a value must
//! write back as JSON that reads the same.
#![no_main]

use approval_risk_engine::strict_json::Json;
use approval_risk_engine::Policy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = Policy::from_json(&text);
    if let Ok(value) = Json::parse(&text) {
        assert_eq!(Json::parse(&value.to_string()).ok(), Some(value));
    }
});
