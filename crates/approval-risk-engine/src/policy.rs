//! The organisation's policy, loaded at run time from JSON: what counts as production, what is
//! protected, which rules are off, and per-rule decision overrides.

use crate::model::Decision;
use serde::Deserialize;
use std::fmt;

pub const POLICY_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Policy {
    /// Extra name fragments that mark a target as production (`"payments-"`, `"acct-1234"`).
    pub production_patterns: Vec<String>,
    /// Names that must never be touched by a mutating step: such a step is at least `escalate`.
    pub protected: Vec<String>,
    /// Rule ids switched off.
    pub disabled_rules: Vec<String>,
    /// Rule id -> decision that replaces the rule's own (claims in the plan never reach this).
    pub overrides: Vec<(String, Decision)>,
    /// Origins allowed to send plans to an embedded page.
    pub allowed_origins: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    /// The JSON path of the field at fault (`overrides.git.force-push`), or `""` for the whole file.
    pub field: String,
    pub message: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "policy: {}", self.message)
        } else {
            write!(f, "policy field `{}`: {}", self.field, self.message)
        }
    }
}

impl std::error::Error for PolicyError {}

/// The file as written, before validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    version: Option<serde_json::Value>,
    #[serde(default)]
    production_patterns: Vec<String>,
    #[serde(default)]
    protected: Vec<String>,
    #[serde(default)]
    disabled_rules: Vec<String>,
    #[serde(default)]
    overrides: serde_json::Map<String, serde_json::Value>,
    #[serde(default)]
    allowed_origins: Vec<String>,
}

impl Policy {
    /// Parses and validates a policy file. Errors name the field at fault.
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        let file: PolicyFile = serde_json::from_str(text).map_err(|e| PolicyError {
            field: unknown_field_name(&e.to_string()),
            message: e.to_string(),
        })?;
        match file.version {
            Some(serde_json::Value::Number(n)) if n.as_u64() == Some(u64::from(POLICY_VERSION)) => {
            }
            Some(other) => {
                return Err(PolicyError {
                    field: "version".into(),
                    message: format!(
                        "unsupported version {other}; this engine reads version {POLICY_VERSION}"
                    ),
                })
            }
            None => {
                return Err(PolicyError {
                    field: "version".into(),
                    message: format!("missing; add \"version\": {POLICY_VERSION}"),
                })
            }
        }
        let known = crate::rules::all_rule_ids();
        for (i, id) in file.disabled_rules.iter().enumerate() {
            if !known.iter().any(|k| k == id) {
                return Err(PolicyError {
                    field: format!("disabled_rules[{i}]"),
                    message: format!("no rule has the id `{id}` (see docs/rules.md)"),
                });
            }
        }
        let mut overrides = Vec::new();
        for (id, value) in file.overrides {
            let field = format!("overrides.{id}");
            if !known.iter().any(|k| *k == id) {
                return Err(PolicyError {
                    field,
                    message: format!("no rule has the id `{id}`"),
                });
            }
            let decision = value.as_str().and_then(Decision::parse).ok_or_else(|| PolicyError {
                field: field.clone(),
                message: format!("expected one of \"proceed\", \"review\", \"escalate\", \"block\", found {value}"),
            })?;
            overrides.push((id, decision));
        }
        for (i, pattern) in file.production_patterns.iter().enumerate() {
            if pattern.trim().is_empty() {
                return Err(PolicyError {
                    field: format!("production_patterns[{i}]"),
                    message: "an empty pattern would match every name".into(),
                });
            }
        }
        Ok(Policy {
            production_patterns: file
                .production_patterns
                .iter()
                .map(|p| p.to_lowercase())
                .collect(),
            protected: file.protected.iter().map(|p| p.to_lowercase()).collect(),
            disabled_rules: file.disabled_rules,
            overrides,
            allowed_origins: file.allowed_origins,
        })
    }

    pub fn is_disabled(&self, rule: &str) -> bool {
        self.disabled_rules.iter().any(|r| r == rule)
    }

    pub fn override_for(&self, rule: &str) -> Option<Decision> {
        self.overrides
            .iter()
            .find(|(id, _)| id == rule)
            .map(|(_, d)| *d)
    }
}

/// serde_json says "unknown field `x`, expected ..."; pull the name out for the error's field.
fn unknown_field_name(message: &str) -> String {
    message
        .split('`')
        .nth(1)
        .filter(|_| {
            message.starts_with("unknown field")
                || message.starts_with("invalid type")
                || message.contains("field")
        })
        .unwrap_or("")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_example_parses() {
        let policy = Policy::from_json(include_str!("../../../examples/policy.json"))
            .expect("examples/policy.json is valid");
        assert!(policy
            .production_patterns
            .contains(&"payments-".to_string()));
        assert_eq!(
            policy.override_for("git.force-push"),
            Some(Decision::Escalate)
        );
    }

    #[test]
    fn errors_name_the_field() {
        let error =
            Policy::from_json(r#"{"version": 1, "overrides": {"git.force-push": "maybe"}}"#)
                .expect_err("bad decision");
        assert_eq!(error.field, "overrides.git.force-push");
        let error = Policy::from_json(r#"{"version": 2}"#).expect_err("bad version");
        assert_eq!(error.field, "version");
        let error =
            Policy::from_json(r#"{"version": 1, "colour": "red"}"#).expect_err("unknown field");
        assert_eq!(error.field, "colour");
    }
}
