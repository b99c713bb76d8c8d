//! The Markdown report, for a ticket or a pull-request comment: verdict heading, summary, a
//! table of steps, then the details of every step that needs a look, and the plan patterns.
//!
//! The plan is untrusted and the comment is rendered by a tracker, so plan words only ever appear
//! inside code spans or fenced blocks (no HTML, no links, no @-mentions can come alive), and
//! engine prose, which quotes the plan, has Markdown's special characters escaped.

use super::phrases::{
    adjustment_kind, context_line, counts_line, evidence_not_in_note, steps_phrase,
};
use super::visible::{shorten, visible, Breaks};
use crate::report::{Assessment, Finding, PatternReport, StepReport};
use crate::words::Join;
use crate::{Decision, Span};
use std::fmt::Write as _;

/// A table cell holds the step's first line up to this many characters; the details hold it all.
const CELL_LIMIT: usize = 80;
const EVIDENCE_LIMIT: usize = 120;

/// The whole report. `input` is the plan exactly as assessed, so evidence spans slice into it.
pub fn markdown(assessment: &Assessment, input: &str) -> String {
    let mut out = String::new();
    let verdict = assessment.verdict;
    let heading = if assessment.empty {
        // Nothing was assessed: "PROCEED" would read as an approval of nothing.
        "NOTHING TO ASSESS".to_string()
    } else {
        verdict.as_str().to_ascii_uppercase()
    };
    let _ = writeln!(out, "## Approval risk: {heading}\n");
    // The summary leads with the deciding step's headline and ends with the advice.
    if !assessment.summary.trim().is_empty() {
        let _ = writeln!(out, "{}\n", prose(&assessment.summary));
    }
    let mut facts = prose(&context_line(assessment));
    // An empty plan's summary already says no steps were found.
    if !assessment.steps.is_empty() {
        facts.push(' ');
        facts.push_str(&prose(&counts_line(assessment)));
    }
    let _ = writeln!(out, "{facts}\n");

    if !assessment.steps.is_empty() {
        out.push_str("| Step | Line | Decision | Reversibility | Scope | Text |\n");
        out.push_str("|---:|---:|---|---|---|---|\n");
        for step in &assessment.steps {
            let first_line = step.text.trim().lines().next().unwrap_or("");
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                step.index,
                step.line,
                decision_word(step.decision),
                step.reversibility.as_str(),
                step.scope.as_str(),
                table_code(&shorten(first_line, CELL_LIMIT))
            );
        }
        out.push('\n');
    }

    // Steps that proceed with nothing found are fully described by their table row; leaving them
    // out keeps a long plan's comment within what trackers accept.
    let detailed: Vec<&StepReport> = assessment
        .steps
        .iter()
        .filter(|step| step.decision > Decision::Proceed || !step.findings.is_empty())
        .collect();
    for step in &detailed {
        push_step(&mut out, step, input);
    }
    if detailed.len() < assessment.steps.len() && !detailed.is_empty() {
        out.push_str("_Steps that proceed with nothing found appear in the table only._\n\n");
    }

    if !assessment.patterns.is_empty() {
        out.push_str("### Across steps\n\n");
        for pattern in &assessment.patterns {
            push_pattern(&mut out, pattern);
        }
        out.push('\n');
    }
    // One trailing newline, however the last section ended.
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn push_step(out: &mut String, step: &StepReport, input: &str) {
    let _ = writeln!(
        out,
        "### Step {} (line {}): {}\n",
        step.index,
        step.line,
        step.decision.as_str().to_ascii_uppercase()
    );
    if !step.headline.trim().is_empty() {
        let _ = writeln!(out, "**{}**\n", prose(&step.headline));
    }
    // A tool call from a JSON transcript is shown as what it runs.
    let shown = if step.shown.is_empty() {
        &step.text
    } else {
        &step.shown
    };
    out.push_str(&code_block(shown.trim_end()));
    let _ = writeln!(
        out,
        "- **Reversibility:** {}, {}",
        step.reversibility.as_str(),
        step.reversibility.phrase()
    );
    let _ = writeln!(
        out,
        "- **Scope:** {}, {}\n",
        step.scope.as_str(),
        step.scope.phrase()
    );
    if !step.explanation.trim().is_empty() {
        let _ = writeln!(out, "{}\n", prose(&step.explanation));
    }
    if !step.safer.trim().is_empty() {
        let _ = writeln!(out, "**Safer:** {}\n", prose(&step.safer));
    }
    if !step.questions.is_empty() {
        out.push_str("**Ask before approving:**\n\n");
        for question in &step.questions {
            let _ = writeln!(out, "- {}", prose(question));
        }
        out.push('\n');
    }
    if !step.findings.is_empty() {
        out.push_str("**Findings:**\n\n");
        for finding in &step.findings {
            push_finding(out, finding, input);
        }
        out.push('\n');
    }
}

fn push_finding(out: &mut String, finding: &Finding, input: &str) {
    let _ = write!(
        out,
        "- **{}** ({}, {})",
        prose(&finding.title),
        code(&finding.rule),
        finding.decision.as_str()
    );
    let quoted = code_all(&finding.evidence, input);
    if quoted.is_empty() {
        out.push('\n');
    } else {
        let _ = writeln!(out, ": {quoted}");
    }
    for adjustment in &finding.adjustments {
        let _ = write!(
            out,
            "  - {}: {}",
            adjustment_kind(adjustment.kind),
            prose(&adjustment.note)
        );
        let quoted = code_all(&evidence_not_in_note(adjustment, input), input);
        if quoted.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, " ({quoted})");
        }
    }
}

fn push_pattern(out: &mut String, pattern: &PatternReport) {
    let _ = writeln!(
        out,
        "- {}, {}: {} ({})",
        decision_word(pattern.decision),
        steps_phrase(&pattern.steps),
        prose(&pattern.title),
        code(&pattern.rule)
    );
    if !pattern.why.trim().is_empty() {
        let _ = writeln!(out, "  {}", prose(&pattern.why));
    }
    if !pattern.safer.trim().is_empty() {
        let _ = writeln!(out, "  **Safer:** {}", prose(&pattern.safer));
    }
}

/// Escalate and block are the decisions an approver must not skim past, so they stand out.
fn decision_word(decision: Decision) -> String {
    match decision {
        Decision::Escalate | Decision::Block => {
            format!("**{}**", decision.as_str().to_ascii_uppercase())
        }
        Decision::Proceed | Decision::Review => decision.as_str().to_string(),
    }
}

/// Engine prose on one line. The engine quotes plan words in backticks; each such pair becomes
/// a code span (inert, whatever the words are) and everything outside it has the characters
/// Markdown or HTML would act on escaped. A backtick without a partner is shown as itself.
fn prose(text: &str) -> String {
    let flat = visible(text.trim(), Breaks::Space);
    let mut out = String::with_capacity(flat.len());
    let mut rest = flat.as_str();
    while let Some(open) = rest.find('`') {
        push_escaped(&mut out, &rest[..open]);
        let after = &rest[open + 1..];
        match after.find('`') {
            Some(close) if close > 0 => {
                out.push_str(&code(&after[..close]));
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str("\\`");
                rest = after;
            }
        }
    }
    push_escaped(&mut out, rest);
    out
}

/// Engine prose with Markdown's special characters escaped, and every word a tracker would
/// bring alive (an @-mention, a URL, an e-mail address, an issue reference such as `#12`) put
/// inside a code span: a backslash does not stop a tracker from linking or notifying.
fn push_escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        // Punctuation around the word stays outside the span, so a sentence still reads as one.
        let opened = word.trim_start_matches(&['(', '[', '"', '\''][..]);
        let core =
            opened.trim_end_matches(&['.', ',', ';', ':', ')', ']', '!', '?', '"', '\''][..]);
        if is_live(core) {
            push_plain(out, &word[..word.len() - opened.len()]);
            out.push_str(&code(core));
            push_plain(out, &opened[core.len()..]);
        } else {
            push_plain(out, word);
        }
        let space_end = after
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(after.len());
        out.push_str(&after[..space_end]);
        rest = &after[space_end..];
    }
}

/// Would a tracker turn this word into a link or a notification?
fn is_live(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    word.contains('@')
        || lower.contains("://")
        || lower.starts_with("www.")
        || lower.starts_with("mailto:")
        || word
            .strip_prefix('#')
            .or_else(|| word.strip_prefix("GH-"))
            .is_some_and(crate::words::starts_with_digit)
}

fn push_plain(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Plan words as an inline code span, with a fence longer than any backtick run inside them.
fn code(text: &str) -> String {
    let text = visible(text, Breaks::Escape);
    let fence = "`".repeat(crate::words::longest_backtick_run(&text) + 1);
    // CommonMark strips one space from each end of a padded span, so padding is only added
    // where a backtick at the edge would otherwise join the fence.
    if text.starts_with('`') || text.ends_with('`') {
        crate::words::fill3("{} {} {}", &fence, &text, &fence)
    } else if text.is_empty() {
        String::new()
    } else {
        crate::words::fill3("{}{}{}", &fence, &text, &fence)
    }
}

/// A code span inside a table cell, where GitHub-flavoured Markdown splits on `|` even inside code.
fn table_code(text: &str) -> String {
    crate::words::replace_char(&code(text), '|', "\\|")
}

/// The step's own text in a fenced block, so a multi-line heredoc keeps its shape and nothing in
/// it renders.
fn code_block(text: &str) -> String {
    let text = visible(text, Breaks::Keep);
    let fence = "`".repeat((crate::words::longest_backtick_run(&text) + 1).max(3));
    crate::words::fill3("{}text\n{}\n{}\n\n", &fence, &text, &fence)
}

fn code_all(spans: &[Span], input: &str) -> String {
    spans
        .iter()
        .map(|span| span.slice(input))
        .filter(|words| !words.is_empty())
        .map(|words| code(&shorten(words, EVIDENCE_LIMIT)))
        .collect::<Vec<_>>()
        .joined(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_words_cannot_break_out_of_their_code_span() {
        assert_eq!(code("rm -rf /"), "`rm -rf /`");
        assert_eq!(code("echo `id`"), "`` echo `id` ``");
        assert_eq!(code("a ``` b"), "````a ``` b````");
        assert_eq!(table_code("a | b"), "`a \\| b`");
    }

    #[test]
    fn prose_escapes_html_and_emphasis() {
        assert_eq!(prose("<img src=x> *now*"), "\\<img src=x\\> \\*now\\*");
        assert_eq!(prose("two\nlines"), "two lines");
        assert_eq!(prose("names `prod <b>` here"), "names `prod <b>` here");
        assert_eq!(prose("a ` alone"), "a \\` alone");
    }

    #[test]
    fn mentions_links_and_issue_references_stay_inert() {
        assert_eq!(
            prose("Tell @org/team and @everyone."),
            "Tell `@org/team` and `@everyone`."
        );
        assert_eq!(
            prose("It posts to https://hooks.example/x, see www.example.com"),
            "It posts to `https://hooks.example/x`, see `www.example.com`"
        );
        assert_eq!(
            prose("Closes #12 (ops@example.com)"),
            "Closes `#12` (`ops@example.com`)"
        );
        assert_eq!(prose("the #general channel"), "the \\#general channel");
    }

    #[test]
    fn a_whole_report_leads_with_the_verdict_and_tables_every_step() {
        let input =
            "1. List the files in the repo\n2. Delete and recreate the production environment\n";
        let assessment = crate::assess(input, &crate::Options::default());
        let report = markdown(&assessment, input);
        let verdict = assessment.verdict.as_str().to_ascii_uppercase();
        assert!(
            report.starts_with(&format!("## Approval risk: {verdict}\n")),
            "{report}"
        );
        assert!(report.contains("| Step | Line | Decision | Reversibility | Scope | Text |"));
        assert!(report.contains("| 1 | 1 | proceed |"), "{report}");
        assert!(report.contains("### Step 2 (line 2): "), "{report}");
        assert!(report.ends_with('\n') && !report.ends_with("\n\n"));
    }

    #[test]
    fn code_blocks_outgrow_the_fences_inside_them() {
        let block = code_block("```\nrm -rf /\n```");
        assert!(block.starts_with("````text\n"));
        assert!(block.ends_with("\n````\n\n"));
    }
}
