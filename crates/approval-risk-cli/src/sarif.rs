//! `--format sarif`: the assessment as a SARIF 2.1.0 log, for code scanning.
//!
//! The driver lists the whole rule catalogue (id, title, why); each finding above proceed is one
//! result, `error` for block and escalate and `warning` for review, with the reason as its
//! message and a region computed from the finding's evidence spans. Columns count UTF-16 code
//! units (declared as the run's `columnKind`, which is also SARIF's default), 1-based, the end
//! column one past the last character. Fingerprints hash the rule, the evidence text and the
//! line it stands on, never offsets, so a result keeps its identity when lines are added above
//! it.

use crate::decision_log::sha256_hex;
use crate::reason::{deciding_finding, one_line, reason_of};
use approval_risk_engine::{rules, Assessment, Decision, Span, StepReport};
use serde_json::{json, Map, Value};

/// One assessed plan: where it came from (`None` for standard input, which has no location a
/// code-scanning tool could show) and the text its spans index.
pub struct Plan<'a> {
    pub uri: Option<String>,
    pub input: &'a str,
    pub assessment: &'a Assessment,
}

/// The SARIF log for `plans`, pretty-printed, with a final line break.
pub fn render(plans: &[Plan<'_>], rules_url: Option<&str>) -> String {
    let mut catalogue: Vec<Value> = rules::all()
        .map(|rule| rule_descriptor(rule.id(), rule.title(), rule.why(), rules_url))
        .collect();
    let mut ids: Vec<String> = rules::all().map(|rule| rule.id().to_string()).collect();
    let mut results = Vec::new();
    for plan in plans {
        let lines = Lines::new(plan.input);
        for step in &plan.assessment.steps {
            for finding in &step.findings {
                if finding.decision == Decision::Proceed {
                    continue;
                }
                let deciding = deciding_finding(step).is_some_and(|d| std::ptr::eq(d, finding));
                let message = if deciding {
                    reason_of(step)
                } else {
                    one_line(&format!("{} ({})", finding.title, finding.rule))
                };
                let spans = if finding.evidence.is_empty() {
                    vec![step.span]
                } else {
                    finding.evidence.clone()
                };
                let index = rule_index(
                    &mut ids,
                    &mut catalogue,
                    &finding.rule,
                    &finding.title,
                    &finding.why,
                    rules_url,
                );
                results.push(result(
                    plan,
                    &lines,
                    ResultParts {
                        rule: &finding.rule,
                        rule_index: index,
                        decision: finding.decision,
                        message,
                        spans: &spans,
                        step: step.index,
                    },
                ));
            }
        }
        for pattern in &plan.assessment.patterns {
            if pattern.decision == Decision::Proceed {
                continue;
            }
            let Some(first) = pattern
                .steps
                .first()
                .and_then(|index| step_at(plan.assessment, *index))
            else {
                continue;
            };
            let index = rule_index(
                &mut ids,
                &mut catalogue,
                &pattern.rule,
                &pattern.title,
                &pattern.why,
                rules_url,
            );
            results.push(result(
                plan,
                &lines,
                ResultParts {
                    rule: &pattern.rule,
                    rule_index: index,
                    decision: pattern.decision,
                    message: one_line(&format!("{} ({})", pattern.title, pattern.rule)),
                    spans: &[first.span],
                    step: first.index,
                },
            ));
        }
    }
    let mut driver = Map::new();
    driver.insert("name".into(), json!("approval-risk"));
    driver.insert("version".into(), json!(env!("CARGO_PKG_VERSION")));
    driver.insert("semanticVersion".into(), json!(env!("CARGO_PKG_VERSION")));
    driver.insert("rules".into(), Value::Array(catalogue));
    let log = json!({
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [ {
            "tool": { "driver": Value::Object(driver) },
            "columnKind": "utf16CodeUnits",
            "results": results,
        } ],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

fn step_at(assessment: &Assessment, index: usize) -> Option<&StepReport> {
    assessment.steps.iter().find(|step| step.index == index)
}

/// The index of `id` in the driver's rules, adding a descriptor for an id the catalogue does not
/// list (a plan pattern found by the engine itself).
fn rule_index(
    ids: &mut Vec<String>,
    catalogue: &mut Vec<Value>,
    id: &str,
    title: &str,
    why: &str,
    rules_url: Option<&str>,
) -> usize {
    if let Some(at) = ids.iter().position(|known| known == id) {
        return at;
    }
    ids.push(id.to_string());
    catalogue.push(rule_descriptor(id, title, why, rules_url));
    ids.len() - 1
}

fn rule_descriptor(id: &str, title: &str, why: &str, rules_url: Option<&str>) -> Value {
    let mut rule = Map::new();
    rule.insert("id".into(), json!(id));
    rule.insert(
        "shortDescription".into(),
        json!({ "text": non_empty(title, id) }),
    );
    rule.insert(
        "fullDescription".into(),
        json!({ "text": non_empty(why, title) }),
    );
    rule.insert("help".into(), json!({ "text": non_empty(why, title) }));
    if let Some(base) = rules_url {
        // docs/rules.md names each rule in a `### domain.name` heading, whose anchor drops the
        // dot (GitHub's heading slugs keep letters, digits, `-` and `_`).
        let anchor: String = id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        let base = base.split('#').next().unwrap_or(base);
        rule.insert("helpUri".into(), json!(format!("{base}#{anchor}")));
    }
    Value::Object(rule)
}

/// SARIF messages must not be empty; a rule with no prose is described by its id.
fn non_empty<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    if text.trim().is_empty() {
        fallback
    } else {
        text
    }
}

struct ResultParts<'a> {
    rule: &'a str,
    rule_index: usize,
    decision: Decision,
    message: String,
    spans: &'a [Span],
    step: usize,
}

fn result(plan: &Plan<'_>, lines: &Lines<'_>, parts: ResultParts<'_>) -> Value {
    let start = parts.spans.iter().map(|s| s.start).min().unwrap_or(0);
    let end = parts
        .spans
        .iter()
        .map(|s| s.end)
        .max()
        .unwrap_or(start)
        .max(start);
    let (start_line, start_column) = lines.position(start);
    let (end_line, end_column) = lines.position(end);
    let evidence: Vec<&str> = parts
        .spans
        .iter()
        .map(|span| lines.slice(span.start, span.end))
        .collect();
    let fingerprint = sha256_hex(
        format!(
            "{}\u{0}{}\u{0}{}",
            parts.rule,
            evidence.join("\u{1f}"),
            lines.line_text(start_line).trim()
        )
        .as_bytes(),
    );
    let level = match parts.decision {
        Decision::Block | Decision::Escalate => "error",
        Decision::Review | Decision::Proceed => "warning",
    };
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(parts.rule));
    result.insert("ruleIndex".into(), json!(parts.rule_index));
    result.insert("level".into(), json!(level));
    result.insert(
        "message".into(),
        json!({ "text": non_empty(&parts.message, parts.rule) }),
    );
    if let Some(uri) = &plan.uri {
        result.insert(
            "locations".into(),
            json!([ { "physicalLocation": {
                "artifactLocation": { "uri": uri },
                "region": {
                    "startLine": start_line,
                    "startColumn": start_column,
                    "endLine": end_line,
                    "endColumn": end_column,
                },
            } } ]),
        );
    }
    result.insert(
        "partialFingerprints".into(),
        json!({ "approvalRisk/v1": fingerprint }),
    );
    result.insert(
        "properties".into(),
        json!({ "decision": parts.decision.as_str(), "step": parts.step }),
    );
    Value::Object(result)
}

/// A file path as a SARIF relative URI: `/` separators, and every byte outside the unreserved
/// characters percent-encoded, so a space or `#` in a name cannot change what the URI means.
pub fn path_uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

/// Line starts of a text, to turn byte offsets into lines and UTF-16 columns in `log n`.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        Lines { text, starts }
    }

    /// The nearest character boundary at or before `offset`, inside the text: a span that does
    /// not fall on one (an engine bug) still gets a place rather than a panic.
    fn boundary(&self, offset: usize) -> usize {
        let mut at = offset.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// The 1-based line and 1-based UTF-16 column of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let at = self.boundary(offset);
        let line = self.starts.partition_point(|start| *start <= at);
        let line_start = self.starts[line.saturating_sub(1)];
        let column = self.text[line_start..at].encode_utf16().count() + 1;
        (line, column)
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        let (start, end) = (self.boundary(start), self.boundary(end));
        self.text.get(start..end.max(start)).unwrap_or("")
    }

    /// The text of a 1-based line, without its line break.
    fn line_text(&self, line: usize) -> &'a str {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        self.text.get(start..end.max(start)).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_code_units_from_one() {
        // "é" is one UTF-16 unit and two UTF-8 bytes; "𝄞" is two units and four bytes.
        let text = "ab\né𝄞rm -rf /\n";
        let lines = Lines::new(text);
        assert_eq!(lines.position(0), (1, 1));
        assert_eq!(lines.position(3), (2, 1));
        let rm = text.find("rm").unwrap_or(0);
        assert_eq!(lines.position(rm), (2, 4));
        assert_eq!(lines.position(text.len()), (3, 1));
        // Inside a character: the position of that character, not a panic.
        assert_eq!(lines.position(4), (2, 1));
        assert_eq!(lines.line_text(2), "é𝄞rm -rf /");
    }

    #[test]
    fn paths_become_relative_uris() {
        assert_eq!(path_uri("plans/a b#1.md"), "plans/a%20b%231.md");
        assert_eq!(path_uri("plans\\x.md"), "plans/x.md");
        assert_eq!(path_uri("plän.md"), "pl%C3%A4n.md");
    }
}
