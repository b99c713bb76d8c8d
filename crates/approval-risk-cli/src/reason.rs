//! The one-line reason given for a decision: what a hook shows the person or the agent, what the
//! decision log keeps, and what a SARIF result says.

use approval_risk_engine::render::{visible, Breaks};
use approval_risk_engine::{Assessment, Decision, Finding, StepReport};

/// The longest reason given, in characters: a permission prompt or a log line, not a report.
const LIMIT: usize = 400;

/// The reason for a step's decision: the card's headline (what the step does to what, and what
/// is lost or who is reached) and the rule that decided it, on one line.
pub fn reason_of(step: &StepReport) -> String {
    let sentence = if step.headline.trim().is_empty() {
        first_sentence(&step.explanation)
    } else {
        step.headline.trim().to_string()
    };
    match deciding_finding(step) {
        Some(finding) => one_line(&format!("{sentence} ({})", finding.rule)),
        None => one_line(&sentence),
    }
}

/// The finding whose decision is the step's, or failing that the highest one.
pub fn deciding_finding(step: &StepReport) -> Option<&Finding> {
    step.findings
        .iter()
        .find(|finding| finding.decision == step.decision)
        .or_else(|| step.findings.iter().max_by_key(|finding| finding.decision))
}

/// What decided a whole assessment, for a hook's answer and the decision log.
#[derive(Debug, Clone, PartialEq)]
pub struct Deciding {
    pub decision: Decision,
    /// Every rule behind a decision above proceed, in plan order, each once.
    pub rules: Vec<String>,
    pub reason: String,
}

pub fn deciding(assessment: &Assessment) -> Deciding {
    let verdict = assessment.verdict;
    let mut rules: Vec<String> = Vec::new();
    let mut note = |rule: &str| {
        if !rules.iter().any(|known| known == rule) {
            rules.push(rule.to_string());
        }
    };
    for step in &assessment.steps {
        for finding in &step.findings {
            if finding.decision > Decision::Proceed {
                note(&finding.rule);
            }
        }
    }
    for pattern in &assessment.patterns {
        if pattern.decision > Decision::Proceed {
            note(&pattern.rule);
        }
    }
    let step = assessment
        .steps
        .iter()
        .find(|step| step.decision == verdict);
    let pattern = assessment
        .patterns
        .iter()
        .find(|pattern| pattern.decision == verdict);
    let reason = match (step, pattern) {
        (Some(step), _) if verdict > Decision::Proceed => reason_of(step),
        (_, Some(pattern)) if verdict > Decision::Proceed => {
            one_line(&format!("{} ({})", pattern.title, pattern.rule))
        }
        _ => one_line(&first_sentence(&assessment.summary)),
    };
    Deciding {
        decision: verdict,
        rules,
        reason,
    }
}

/// The text up to the end of its first sentence: a full stop, question or exclamation mark
/// followed by a space and something other than a lower-case letter (so "e.g. the" goes on,
/// and a next sentence opening with `a command` in backticks ends it).
pub fn first_sentence(text: &str) -> String {
    let text = text.trim();
    for (at, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let rest = &text[at + c.len_utf8()..];
        let Some(after_space) = rest.strip_prefix(char::is_whitespace) else {
            continue;
        };
        let next = after_space.trim_start().chars().next();
        if next.is_none_or(|next| !next.is_lowercase()) {
            return text[..at + c.len_utf8()].to_string();
        }
    }
    text.to_string()
}

/// `text` on one line, its hidden characters shown, and at most `LIMIT` characters long.
pub fn one_line(text: &str) -> String {
    let shown = visible(text, Breaks::Space);
    if shown.chars().count() <= LIMIT {
        return shown;
    }
    let mut cut: String = shown.chars().take(LIMIT - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_ends_before_the_next_one() {
        assert_eq!(
            first_sentence("Deletes a directory tree (\"rm … -rf … /\"). `rm -r` removes it."),
            "Deletes a directory tree (\"rm … -rf … /\")."
        );
        assert_eq!(
            first_sentence("Stops e.g. the web service. Then more."),
            "Stops e.g. the web service."
        );
        assert_eq!(first_sentence("No full stop"), "No full stop");
        assert_eq!(first_sentence("  "), "");
    }

    #[test]
    fn a_reason_is_one_bounded_line() {
        let long = format!("{}\nsecond line", "word ".repeat(200));
        let line = one_line(&long);
        assert!(!line.contains('\n'));
        assert!(line.chars().count() <= LIMIT);
        assert!(line.ends_with('…'));
    }
}
