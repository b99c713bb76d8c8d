//! Fuzz target: arbitrary bytes through format detection, every reader and the whole
//! assessment. The engine must never panic, and every span it reports must lie on character
//! boundaries of the input.
#![no_main]

use approval_risk_engine::{assess, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let assessment = assess(&input, &Options::default());
    for step in &assessment.steps {
        assert_eq!(input.get(step.span.start..step.span.end), Some(step.text.as_str()));
        for finding in &step.findings {
            for span in &finding.evidence {
                assert!(input.get(span.start..span.end).is_some());
            }
        }
    }
});
