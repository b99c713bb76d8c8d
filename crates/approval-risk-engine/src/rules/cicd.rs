//! CI/CD, repositories and secrets: GitHub CLI, Vault, branch protection.

use super::Rule;

pub static RULES: &[Rule] = &[];
