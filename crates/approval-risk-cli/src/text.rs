//! The terminal report: verdict and advice first, then each step with its axes, reasons and the
//! plan's own words that triggered each finding.
//!
//! Written for an approver reading top to bottom minutes before clicking "yes": what to do
//! comes first, rule ids come last on each line, and prose is wrapped so it reads in a terminal.

use approval_risk_engine::render::{
    adjustment_kind, context_line, counts_line, evidence_not_in_note, shorten, steps_phrase,
    visible, Breaks,
};
use approval_risk_engine::report::Adjustment;
use approval_risk_engine::{Assessment, Decision, Finding, PatternReport, Span, StepReport};
use std::fmt::Write as _;

/// Prose is wrapped to this many characters: narrow enough for a split terminal or a CI log.
const WIDTH: usize = 92;
/// Evidence longer than this is cut, so one long heredoc cannot bury the rest of the report.
const EVIDENCE_LIMIT: usize = 120;
const INDENT: &str = "    ";

/// Whether to colour the report. Colour is decided once by the caller (terminal, `NO_COLOR`);
/// here it only chooses between ANSI sequences and nothing.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub colour: bool,
}

impl Style {
    fn paint(self, codes: &str, text: &str) -> String {
        if self.colour {
            format!("\u{1b}[{codes}m{text}\u{1b}[0m")
        } else {
            text.to_string()
        }
    }

    fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    /// `[ESCALATE]`, in the colour of how much the decision asks of the approver.
    fn tag(self, decision: Decision) -> String {
        let codes = match decision {
            Decision::Proceed => "32",
            Decision::Review => "33",
            Decision::Escalate => "1;31",
            Decision::Block => "1;97;41",
        };
        self.paint(codes, &format!("[{}]", decision.as_str().to_uppercase()))
    }
}

/// The whole report. `input` is the plan exactly as assessed, so evidence spans slice into it.
pub fn render(assessment: &Assessment, input: &str, style: Style) -> String {
    let mut out = String::new();
    let verdict = assessment.verdict;
    if assessment.empty {
        // Nothing was assessed: "proceed" here would read as an approval of nothing.
        let _ = writeln!(out, "{} nothing to assess", style.bold("Verdict:"));
    } else {
        let _ = writeln!(out, "{} {}", style.bold("Verdict:"), style.tag(verdict));
    }
    // The summary leads with the deciding step's headline and ends with the advice.
    if !assessment.summary.trim().is_empty() {
        push_hanging(&mut out, "", &visible(&assessment.summary, Breaks::Space));
        out.push('\n');
    }
    let _ = writeln!(out, "{}", context_line(assessment));
    // An empty plan's summary already says no steps were found.
    if !assessment.steps.is_empty() {
        let _ = writeln!(out, "{}", counts_line(assessment));
    }

    for step in &assessment.steps {
        out.push('\n');
        push_step(&mut out, step, input, style);
    }

    if !assessment.patterns.is_empty() {
        let _ = writeln!(out, "\n{}", style.bold("Across steps:"));
        for pattern in &assessment.patterns {
            push_pattern(&mut out, pattern, style);
        }
    }
    out
}

fn push_step(out: &mut String, step: &StepReport, input: &str, style: Style) {
    // A tool call from a JSON transcript is shown as what it runs.
    let shown = if step.shown.is_empty() {
        &step.text
    } else {
        &step.shown
    };
    let text = visible(shown.trim_end(), Breaks::Keep);
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("");
    let heading = format!("step {} (line {}):", step.index, step.line);
    let _ = writeln!(
        out,
        "{} {} {first}",
        style.tag(step.decision),
        style.bold(&heading)
    );
    // A multi-line step (a heredoc, a fenced block) keeps its shape, marked off from the report.
    for line in lines {
        let _ = writeln!(out, "{INDENT}{} {line}", style.dim("|"));
    }
    if !step.headline.trim().is_empty() {
        push_hanging(
            out,
            INDENT,
            &style.bold(&visible(&step.headline, Breaks::Space)),
        );
    }

    let reversibility = format!(
        "{} ({})",
        step.reversibility.as_str(),
        step.reversibility.phrase()
    );
    push_hanging(out, &format!("{INDENT}Reversibility: "), &reversibility);
    let scope = format!("{} ({})", step.scope.as_str(), step.scope.phrase());
    push_hanging(out, &format!("{INDENT}Scope: "), &scope);
    if !step.explanation.trim().is_empty() {
        push_hanging(out, INDENT, &visible(&step.explanation, Breaks::Space));
    }
    if !step.safer.trim().is_empty() {
        push_hanging(
            out,
            INDENT,
            &format!("Safer: {}", visible(&step.safer, Breaks::Space)),
        );
    }
    if !step.questions.is_empty() {
        let _ = writeln!(out, "{INDENT}Ask before approving:");
        for question in &step.questions {
            push_hanging(
                out,
                &format!("{INDENT}  - "),
                &visible(question, Breaks::Space),
            );
        }
    }
    if !step.findings.is_empty() {
        let _ = writeln!(out, "{INDENT}Findings:");
        for finding in &step.findings {
            push_finding(out, finding, input, style);
        }
    }
}

fn push_finding(out: &mut String, finding: &Finding, input: &str, style: Style) {
    let _ = writeln!(
        out,
        "{INDENT}  - {} {} {}",
        visible(&finding.title, Breaks::Space),
        style.dim(&format!("({})", visible(&finding.rule, Breaks::Space))),
        style.tag(finding.decision)
    );
    let quoted = quote_all(&finding.evidence, input);
    if !quoted.is_empty() {
        push_hanging(out, &format!("{INDENT}      because of "), &quoted);
    }
    for adjustment in &finding.adjustments {
        push_hanging(
            out,
            &format!("{INDENT}      "),
            &adjustment_line(adjustment, input),
        );
    }
}

fn push_pattern(out: &mut String, pattern: &PatternReport, style: Style) {
    let _ = writeln!(
        out,
        "{} {} {} {}",
        style.tag(pattern.decision),
        style.bold(&format!("{}:", steps_phrase(&pattern.steps))),
        visible(&pattern.title, Breaks::Space),
        style.dim(&format!("({})", visible(&pattern.rule, Breaks::Space)))
    );
    if !pattern.why.trim().is_empty() {
        push_hanging(out, INDENT, &visible(&pattern.why, Breaks::Space));
    }
    if !pattern.safer.trim().is_empty() {
        push_hanging(
            out,
            INDENT,
            &format!("Safer: {}", visible(&pattern.safer, Breaks::Space)),
        );
    }
}

/// `amplifier: names production ("prod-db")`: what moved the axes, with the words that did it.
fn adjustment_line(adjustment: &Adjustment, input: &str) -> String {
    let kind = adjustment_kind(adjustment.kind);
    let note = visible(&adjustment.note, Breaks::Space);
    let quoted = quote_all(&evidence_not_in_note(adjustment, input), input);
    if quoted.is_empty() {
        format!("{kind}: {note}")
    } else {
        format!("{kind}: {note} ({quoted})")
    }
}

/// Each span's words from the plan, quoted and made visible: `"Delete", "production"`. A span
/// that does not fall on the input's character boundaries (an engine bug) is skipped rather than
/// shown as an empty quote.
fn quote_all(spans: &[Span], input: &str) -> String {
    spans
        .iter()
        .map(|span| span.slice(input))
        .filter(|words| !words.is_empty())
        .map(|words| {
            format!(
                "\"{}\"",
                shorten(&visible(words, Breaks::Escape), EVIDENCE_LIMIT)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes `text` wrapped to `WIDTH`, the first line after `first_prefix` and the rest aligned
/// under its end. Words longer than a line (a URL, a path) are kept whole.
fn push_hanging(out: &mut String, first_prefix: &str, text: &str) {
    let hanging = " ".repeat(first_prefix.chars().count());
    let mut line = String::from(first_prefix);
    let mut line_len = line.chars().count();
    let mut empty = true;
    for word in text.split_whitespace() {
        let word_len = word.chars().count();
        if !empty && line_len + 1 + word_len > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = hanging.clone();
            line_len = line.chars().count();
            empty = true;
        }
        if !empty {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += word_len;
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use approval_risk_engine::report::AdjustmentKind;

    #[test]
    fn wrapping_keeps_lines_within_width_and_words_whole() {
        let mut out = String::new();
        let text = "word ".repeat(60);
        push_hanging(&mut out, "    - ", &text);
        assert!(out.lines().count() > 1);
        assert!(out.lines().all(|line| line.chars().count() <= WIDTH));
        assert!(out
            .lines()
            .skip(1)
            .all(|line| line.starts_with("      word")));
    }

    #[test]
    fn evidence_is_quoted_from_the_input_and_bad_spans_are_skipped() {
        let input = "Delete the prod database";
        let spans = [
            Span { start: 0, end: 6 },
            Span { start: 11, end: 15 },
            Span { start: 30, end: 40 },
        ];
        assert_eq!(quote_all(&spans, input), "\"Delete\", \"prod\"");
    }

    #[test]
    fn adjustment_evidence_already_in_the_note_is_not_repeated() {
        let input = "drop prod";
        let adjustment = Adjustment {
            kind: AdjustmentKind::Amplifier,
            note: "It names production (`prod`).".to_string(),
            evidence: vec![Span { start: 5, end: 9 }, Span { start: 0, end: 4 }],
        };
        assert_eq!(
            evidence_not_in_note(&adjustment, input),
            vec![Span { start: 0, end: 4 }]
        );
        assert_eq!(
            adjustment_line(&adjustment, input),
            "raised: It names production (`prod`). (\"drop\")"
        );
    }

    #[test]
    fn no_colour_means_no_escape_sequences() {
        let plain = Style { colour: false };
        assert_eq!(plain.tag(Decision::Escalate), "[ESCALATE]");
        assert!(Style { colour: true }
            .tag(Decision::Block)
            .contains('\u{1b}'));
    }
}
