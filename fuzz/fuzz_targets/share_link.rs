//! Fuzz target: arbitrary text read as a share link's fragment. Reading must end in a plan or
//! nothing, never a panic, and never yield more than the largest plan the page writes a link
//! for, whatever the compressed stream claims.
#![no_main]

use approval_risk_web::share::{read, SHARE_LIMIT};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    if let Some(shared) = read(&fragment) {
        assert!(shared.plan.len() <= SHARE_LIMIT);
    }
    // The same bytes as the compressed plan of a well-formed link.
    let link = format!("v=1&plan={}", approval_risk_web::compress::to_base64url(data));
    if let Some(shared) = read(&link) {
        assert!(shared.plan.len() <= SHARE_LIMIT);
    }
});
