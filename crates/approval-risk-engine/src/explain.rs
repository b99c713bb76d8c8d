//! Plain-language explanations, built from the rules' prose and the step's own words: one
//! paragraph per step, a safer alternative, questions to ask, and a summary of the plan.

use crate::assess::{Raised, StepWork};
use crate::model::{Decision, Reversibility, Scope};
use crate::report::{PatternReport, StepReport};
use crate::Options;

/// Quotes the step's own words, shortened for a sentence.
fn quote(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// "step 2", "steps 1 and 2", "steps 1, 2 and 5".
pub fn steps_label(steps: &[usize]) -> String {
    match steps {
        [] => String::new(),
        [one] => format!("step {one}"),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(|s| s.to_string()).collect();
            format!("steps {} and {last}", rest.join(", "))
        }
    }
}

/// The text with its first letter in capitals. Every text given here is the engine's own
/// English prose, so ASCII case is enough (and spares the page Unicode's case tables).
fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// How specific a rule is: a command or SQL rule says more than a sentence rule, which says
/// more than the engine's own fallbacks. Used to choose which finding leads an explanation.
pub fn specificity(rule: &crate::rules::Rule) -> u8 {
    match rule.matcher {
        crate::rules::Matcher::Command(_)
        | crate::rules::Matcher::CommandFn { .. }
        | crate::rules::Matcher::Sql(_) => 2,
        crate::rules::Matcher::Prose(_) => 1,
        crate::rules::Matcher::Builtin => 0,
    }
}

/// The sentences that say what plan patterns add to a step.
fn pattern_sentences(work: &StepWork, patterns: &[PatternReport], own: Decision) -> Vec<String> {
    let mut parts = Vec::new();
    for (n, (index, pattern_decision)) in work.patterns.iter().enumerate() {
        let Some(pattern) = patterns.get(*index) else {
            continue;
        };
        let raises = *pattern_decision > own;
        let why = if n == 0 {
            format!(" {}", pattern.why)
        } else {
            String::new()
        };
        parts.push(format!(
            "Across the plan: {} ({}).{}{}",
            pattern.title.to_ascii_lowercase(),
            steps_label(&pattern.steps),
            why,
            if raises {
                format!(" That makes this step {}.", pattern_decision.as_str())
            } else {
                String::new()
            }
        ));
    }
    parts
}

pub fn step(
    input: &str,
    work: &StepWork,
    decision: Decision,
    reversibility: Reversibility,
    scope: Scope,
    patterns: &[PatternReport],
    _options: &Options,
) -> String {
    let Some(top) = work.top() else {
        if work.patterns.is_empty() {
            let changes = work.commands.iter().any(|c| !crate::rules::is_read_only(c));
            return if changes {
                "This step makes only routine changes in the agent's workspace that are easy to undo, so it is safe to approve."
            } else {
                "This step only reads or inspects; nothing changes, so it is safe to approve."
            }
            .to_string();
        }
        let mut parts =
            vec!["On its own this step changes nothing that is hard to undo.".to_string()];
        parts.extend(pattern_sentences(work, patterns, Decision::Proceed));
        return parts.join(" ");
    };
    let mut parts: Vec<String> = Vec::new();
    let title_lower = top.rule.title.to_ascii_lowercase();
    let evidence: Vec<String> = top
        .hit
        .evidence
        .iter()
        .map(|s| quote(s.slice(input), 40))
        .filter(|s| !s.is_empty() && !title_lower.contains(&s.to_ascii_lowercase()))
        .collect();
    let shown = if evidence.is_empty() {
        String::new()
    } else {
        format!(" (\"{}\")", evidence.join(" … "))
    };
    parts.push(format!("{}{}.", top.rule.title, shown));
    parts.push(top.rule.why.to_string());
    if let Some(note) = &top.hit.note {
        parts.push(note.clone());
    }
    for adjustment in &top.adjustments {
        parts.push(adjustment.note.clone());
    }
    let own = top.decision;
    if top.rule.id == "plan.claims" {
        parts.push("Claims like this change nothing in the assessment.".to_string());
    } else if top.reversibility == Reversibility::Unknown {
        parts.push(format!("So the tool cannot tell what this step changes; judged by where it runs (it {}), it is {}.", top.scope.phrase(), own.as_str()));
    } else {
        parts.push(format!(
            "So this step {} and {}: {}.",
            top.reversibility.phrase(),
            top.scope.phrase(),
            own.as_str()
        ));
    }
    let _ = (reversibility, scope);
    if top.hit.floor.or(top.rule.floor) == Some(Decision::Block) && own == Decision::Block {
        parts.push(
            "This shape is blocked in any context: it is catastrophic whatever the target."
                .to_string(),
        );
    }
    let mut others: Vec<String> = Vec::new();
    for f in work.findings.iter().filter(|f| !std::ptr::eq(*f, top)) {
        let line = if f.rule.id == "plan.claims" {
            "the plan vouches for itself, which changes nothing".to_string()
        } else {
            format!(
                "{} ({})",
                f.rule.title.to_ascii_lowercase(),
                f.decision.as_str()
            )
        };
        if !others.contains(&line) {
            others.push(line);
        }
    }
    if !others.is_empty() {
        parts.push(format!("Also: {}.", others.join("; ")));
    }
    parts.extend(pattern_sentences(work, patterns, own));
    if decision > own && work.patterns.is_empty() {
        parts.push(format!("Overall: {}.", decision.as_str()));
    }
    parts.join(" ")
}

/// A target name that can be put into a command without changing its meaning.
fn usable_in_a_command(target: &str) -> bool {
    !target.is_empty()
        && !target.contains(['*', '?', '[', '{', '}', '$', '`', ' ', '\'', '"'])
        && !target.ends_with('/')
}

pub fn safer_and_questions(work: &StepWork, patterns: &[PatternReport]) -> (String, Vec<String>) {
    let Some(top) = work.top() else {
        return (String::new(), Vec::new());
    };
    // A target that is a command substitution, a glob or a placeholder cannot be put into a
    // sentence or a command as if it were a name.
    let target = top
        .hit
        .target
        .clone()
        .filter(|t| {
            t.len() <= 80
                && !t.contains("$(")
                && !t.contains('`')
                && !t.contains("{}")
                && !t.contains('\n')
        })
        .unwrap_or_else(|| "it".to_string());
    let fill = |text: &str| text.replace("{target}", &target);
    let mut safer = fill(top.rule.safer);
    if !top.rule.instead.is_empty()
        && top.rule.instead.contains("{target}")
        && top.hit.target.as_deref().is_some_and(usable_in_a_command)
    {
        safer = format!("{safer} For example: {}", fill(top.rule.instead));
    }
    if top.rule.id == "plan.claims" {
        safer.clear();
    }
    let mut questions: Vec<String> = top.rule.questions.iter().map(&fill).collect();
    for finding in &work.findings {
        if std::ptr::eq(finding, top) {
            continue;
        }
        if let Some(q) = finding.rule.questions.iter().next() {
            let q = fill(q);
            if !questions.contains(&q) {
                questions.push(q);
            }
        }
    }
    let unnamed = top.raised.contains(&Raised::UnnamedEnvironment);
    if unnamed
        && !questions
            .iter()
            .any(|q| q.to_ascii_lowercase().contains("environment"))
    {
        questions.insert(0, "Which environment does this run against?".to_string());
    }
    // The environment question belongs only where the step leaves the environment open.
    if !unnamed {
        questions.retain(|q| q != "Which environment does this run against?");
    }
    let mut seen: Vec<String> = Vec::new();
    questions.retain(|q| {
        let fresh = !seen.contains(q);
        seen.push(q.clone());
        fresh
    });
    for (index, _) in &work.patterns {
        if let Some(pattern) = patterns.get(*index) {
            if safer.is_empty() || pattern.decision > top.decision {
                safer = pattern.safer.clone();
            }
        }
    }
    questions.truncate(4);
    (safer, questions)
}

pub fn summary(
    verdict: Decision,
    steps: &[StepReport],
    patterns: &[PatternReport],
    _options: &Options,
) -> String {
    if steps.is_empty() {
        return "No steps found: paste a plan (a numbered list, shell commands, SQL, or a tool-call transcript).".to_string();
    }
    let deciding: Vec<&StepReport> = steps.iter().filter(|s| s.decision == verdict).collect();
    let mut parts = Vec::new();
    if verdict == Decision::Proceed {
        parts.push(format!(
            "All {} step{} only read or make changes that are easy to undo.",
            steps.len(),
            if steps.len() == 1 { "" } else { "s" }
        ));
    } else {
        let named: Vec<String> = deciding
            .iter()
            .take(3)
            .map(|s| {
                format!(
                    "step {} (\"{}\": {}, {})",
                    s.index,
                    quote(&s.text, 60),
                    s.reversibility.short(),
                    s.scope.short()
                )
            })
            .collect();
        let more = deciding.len().saturating_sub(3);
        let extra = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        if named.is_empty() {
            parts.push(format!(
                "{}: decided by a plan pattern.",
                capitalised(verdict.as_str())
            ));
        } else {
            parts.push(format!(
                "{} because of {}{}.",
                capitalised(verdict.as_str()),
                named.join("; "),
                extra
            ));
        }
    }
    let deciding_patterns: Vec<&PatternReport> = patterns
        .iter()
        .filter(|p| p.decision >= Decision::Escalate)
        .collect();
    if !deciding_patterns.is_empty() {
        let named: Vec<String> = deciding_patterns
            .iter()
            .take(2)
            .map(|p| {
                format!(
                    "{} ({})",
                    p.title.to_ascii_lowercase(),
                    steps_label(&p.steps)
                )
            })
            .collect();
        parts.push(format!("Across steps: {}.", named.join("; ")));
    }
    let counts = {
        let mut c = [0usize; 4];
        for s in steps {
            c[s.decision as usize] += 1;
        }
        c
    };
    let tally: Vec<String> = Decision::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(d, n)| format!("{n} {}", d.as_str()))
        .collect();
    parts.push(format!(
        "{} step{}: {}.",
        steps.len(),
        if steps.len() == 1 { "" } else { "s" },
        tally.join(", ")
    ));
    parts.push(verdict.advice().to_string());
    parts.join(" ")
}
