//! The organisation's policy, loaded at run time from JSON: what counts as production, what is
//! protected, which rules are off, and per-rule decision overrides.

use crate::model::Decision;
use crate::strict_json::Json;
use crate::words::Join;
use crate::words::Words;
use std::fmt;

pub const POLICY_VERSION: u32 = 1;

/// The most entries a policy list may hold. Real policies name tens of patterns; the bound keeps
/// the cost of matching every step against every pattern small whatever a file or a portal's
/// message holds (a policy arrives from outside, like the plan).
pub const MAX_ENTRIES: usize = 1000;
/// The longest entry, in bytes: a name fragment or a rule id, never a document.
pub const MAX_ENTRY_BYTES: usize = 256;

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
    /// Reserved and read by nothing yet (docs/policy.md): an embedded page's allow-list comes
    /// from its own address only, since a policy arrives inside a message and a message must not
    /// widen who may send messages.
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

/// The fields a policy file may have.
const FIELDS: Words = words![
    "version",
    "production_patterns",
    "protected",
    "disabled_rules",
    "overrides",
    "allowed_origins",
];

fn error(field: impl Into<String>, message: impl Into<String>) -> PolicyError {
    PolicyError {
        field: field.into(),
        message: message.into(),
    }
}

/// A list of strings, or an error naming the field (and the item) at fault.
fn strings(value: Option<&Json>, field: &str) -> Result<Vec<String>, PolicyError> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let items = value.as_array().ok_or_else(|| {
        error(
            field,
            crate::words::fill("expected a list of strings, found {}", value.kind()),
        )
    })?;
    if items.len() > MAX_ENTRIES {
        return Err(error(
            field,
            format!(
                "{} entries; a policy list holds at most {}",
                items.len(),
                MAX_ENTRIES
            ),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item.as_str() {
            Some(text) if text.len() > MAX_ENTRY_BYTES => Err(error(
                format!("{field}[{i}]"),
                format!(
                    "{} bytes; an entry holds at most {}",
                    text.len(),
                    MAX_ENTRY_BYTES
                ),
            )),
            Some(text) => Ok(text.to_string()),
            None => Err(error(
                format!("{field}[{i}]"),
                crate::words::fill("expected a string, found {}", item.kind()),
            )),
        })
        .collect()
}

impl Policy {
    /// Parses and validates a policy file. Errors name the field at fault.
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        let value = Json::parse(text).map_err(|e| error("", format!("not valid JSON: {e}")))?;
        Policy::from_value(&value)
    }

    /// The policy in a JSON value already read (a portal's message holds its policy as an
    /// object), checked as `from_json` checks a file.
    pub fn from_value(value: &Json) -> Result<Policy, PolicyError> {
        let object = value.as_object().ok_or_else(|| {
            error(
                "",
                crate::words::fill("expected a JSON object, found {}", value.kind()),
            )
        })?;
        if let Some((unknown, _)) = object.iter().find(|(k, _)| !FIELDS.contains(k)) {
            return Err(error(
                unknown.clone(),
                format!(
                    "unknown field; the fields are {}",
                    FIELDS.iter().collect::<Vec<_>>().joined(", ")
                ),
            ));
        }
        match value.get("version") {
            Some(Json::Number(n)) if n.parse::<u32>() == Ok(POLICY_VERSION) => {}
            Some(other) => {
                let version = match other {
                    Json::Number(n) => n.clone(),
                    other => other.shown(),
                };
                return Err(error(
                    "version",
                    format!(
                        "unsupported version {}; this engine reads version {}",
                        version, POLICY_VERSION
                    ),
                ));
            }
            None => {
                return Err(error(
                    "version",
                    format!("missing; add \"version\": {}", POLICY_VERSION),
                ))
            }
        }
        let production_patterns = strings(value.get("production_patterns"), "production_patterns")?;
        let protected = strings(value.get("protected"), "protected")?;
        let disabled_rules = strings(value.get("disabled_rules"), "disabled_rules")?;
        let allowed_origins = strings(value.get("allowed_origins"), "allowed_origins")?;
        let known = |id: &str| crate::rules::find(id).is_some();
        for (i, id) in disabled_rules.iter().enumerate() {
            if !known(id) {
                return Err(error(
                    format!("disabled_rules[{i}]"),
                    crate::words::fill("no rule has the id `{}` (see docs/rules.md)", id),
                ));
            }
        }
        let mut overrides = Vec::new();
        if let Some(value) = value.get("overrides") {
            let map = value.as_object().ok_or_else(|| {
                error(
                    "overrides",
                    crate::words::fill(
                        "expected an object of rule id to decision, found {}",
                        value.kind(),
                    ),
                )
            })?;
            if map.len() > MAX_ENTRIES {
                return Err(error(
                    "overrides",
                    format!(
                        "{} entries; a policy list holds at most {}",
                        map.len(),
                        MAX_ENTRIES
                    ),
                ));
            }
            for (id, decision) in map {
                let field = crate::words::fill("overrides.{}", id);
                if !known(id) {
                    return Err(error(
                        field,
                        crate::words::fill("no rule has the id `{}`", id),
                    ));
                }
                let parsed = decision.as_str().and_then(Decision::parse).ok_or_else(|| {
                    error(field.clone(), crate::words::fill("expected one of \"proceed\", \"review\", \"escalate\", \"block\", found {}", &decision.shown()))
                })?;
                overrides.push((id.clone(), parsed));
            }
        }
        for (i, pattern) in production_patterns.iter().enumerate() {
            if pattern.trim().is_empty() {
                return Err(error(
                    format!("production_patterns[{i}]"),
                    "an empty pattern would match every name",
                ));
            }
        }
        Ok(Policy {
            production_patterns: production_patterns
                .iter()
                .map(|p| p.to_ascii_lowercase())
                .collect(),
            protected: protected.iter().map(|p| p.to_ascii_lowercase()).collect(),
            disabled_rules,
            overrides,
            allowed_origins,
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
    fn a_policy_read_as_a_value_is_the_policy_read_as_text() {
        let text = include_str!("../../../examples/policy.json");
        let value = Json::parse(text).expect("examples/policy.json is JSON");
        assert_eq!(Policy::from_value(&value), Policy::from_json(text));
        let error = Policy::from_json(r#"{"version": "1"}"#).expect_err("a string version");
        assert_eq!(
            error.message,
            r#"unsupported version "1"; this engine reads version 1"#
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

    #[test]
    fn lists_and_entries_are_bounded() {
        let many = vec!["\"a\""; MAX_ENTRIES + 1].join(",");
        let error = Policy::from_json(&format!(r#"{{"version": 1, "protected": [{many}]}}"#))
            .expect_err("too many entries");
        assert_eq!(error.field, "protected");
        let long = "x".repeat(MAX_ENTRY_BYTES + 1);
        let error = Policy::from_json(&format!(
            r#"{{"version": 1, "production_patterns": ["ok", "{long}"]}}"#
        ))
        .expect_err("entry too long");
        assert_eq!(error.field, "production_patterns[1]");
        let fits = vec!["\"a\""; MAX_ENTRIES].join(",");
        assert!(Policy::from_json(&format!(r#"{{"version": 1, "protected": [{fits}]}}"#)).is_ok());
    }
}
