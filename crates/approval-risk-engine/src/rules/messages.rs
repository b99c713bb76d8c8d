//! Messages and money: email, SMS and chat blasts, refunds, charges and payouts.

use super::Rule;

pub static RULES: &[Rule] = &[];
