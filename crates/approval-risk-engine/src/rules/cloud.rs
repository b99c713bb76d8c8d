//! Cloud CLIs: AWS, Google Cloud and Azure.

use super::Rule;

pub static RULES: &[Rule] = &[];
