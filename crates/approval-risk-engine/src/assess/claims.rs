//! Claims inside the plan ("safe", "pre-approved", "risk: low") and instructions aimed at the
//! reviewer ("ignore previous rules", HTML comments for AI reviewers). Claims never lower
//! anything; they become findings of their own, attached to the step they sit in (or the next).

use super::{place, StepWork};
use crate::prose::{find_all, tokens, Token};
use crate::rules::{self, Hit};
use crate::span::Span;
use crate::words::Words;
use crate::Options;

const CLAIMS: Words = words![
    "pre-approved",
    "preapproved",
    "already approved",
    "approved by",
    "has been approved",
    "no review needed",
    "no review required",
    "no need to review",
    "no need for review",
    "does not need review",
    "doesn't need review",
    "does not require review",
    "no approval needed",
    "no approval required",
    "skip review",
    "skip the review",
    "risk low",
    "risk level low",
    "low risk",
    "low-risk",
    "zero risk",
    "no risk",
    "risk-free",
    "riskless",
    "is safe",
    "completely safe",
    "totally safe",
    "perfectly safe",
    "100% safe",
    "safe to run",
    "safe to approve",
    "safe operation",
    "harmless",
    "non-destructive",
    "nondestructive",
    "fully reversible",
    "easily reversible",
    "nothing will be lost",
    "no data loss",
    "no data will be lost",
    "trust me",
    "rubber stamp",
    "routine change, no review",
];

const INJECTIONS: Words = words![
    // Text that addresses an AI directly, as planted prompts do.
    "you are an ai",
    "you are an agent",
    "you are an ai agent",
    "you are a coding agent",
    "as an ai agent",
    "your goal is to",
    "your task is to",
    "your job is to",
    "you must now",
    "near-factory state",
    "from now on you",
    "system override",
    "ignore previous",
    "ignore all previous",
    "ignore the previous",
    "ignore prior",
    "ignore any previous",
    "ignore your",
    "ignore the above",
    "ignore all rules",
    "ignore the rules",
    "ignore previous rules",
    "disregard previous",
    "disregard all",
    "disregard the above",
    "disregard your",
    "forget your instructions",
    "do not flag",
    "don't flag",
    "do not escalate",
    "don't escalate",
    "do not warn",
    "don't warn",
    "approve this plan",
    "approve every",
    "approve all",
    "you must approve",
    "must be approved",
    "mark it as safe",
    "mark this as safe",
    "mark as safe",
    "classify this as safe",
    "rate this as",
    "ai reviewer",
    "ai reviewers",
    "automated reviewer",
    "automated reviewers",
    "llm reviewer",
    "system prompt",
    "new instructions",
    "do not tell the user",
    "don't tell the user",
    "without telling the user",
    "without informing",
    "do not mention",
    "don't mention",
];

/// Words that make an HTML comment one addressed to a reviewer or a tool.
const COMMENT_ADDRESSEES: Words = words![
    "review*",
    "approv*",
    "ai",
    "assistant",
    "agent",
    "model",
    "llm",
    "ignore",
    "instruction*",
    "flag*",
    "scanner",
    "tool",
    "safe",
    "risk",
    "escalat*",
    "classif*",
    "gpt",
    "claude",
    "copilot",
];

pub fn attach(input: &str, work: &mut [StepWork], outside: &[Span], options: &Options) {
    if work.is_empty()
        || options.policy.is_disabled("plan.claims") && options.policy.is_disabled("plan.injection")
    {
        return;
    }
    // The words of each step were read when the step was; only the text between steps (a
    // heading, a preamble, a closing note) is read here.
    let mut found: Vec<(&str, Span)> = Vec::new();
    let mut from = 0;
    for at in 0..=work.len() {
        let start = work.get(at).map_or(input.len(), |w| w.step.span.start);
        if start > from {
            look_for_claims(&tokens(input, Span::new(from, start), &[]), &mut found);
        }
        if let Some(w) = work.get(at) {
            look_for_claims(&w.all_tokens, &mut found);
            from = from.max(w.step.span.end);
        }
    }
    for span in html_comments(input) {
        let inner = tokens(input, span, &[]);
        if !find_all(&inner, COMMENT_ADDRESSEES).is_empty() {
            found.push(("plan.injection", span));
        }
    }
    crate::order::sort_by_rank(&mut found, |(_, s)| crate::order::by_position(*s));
    for (id, span) in found {
        let Some(rule) = rules::find(id) else {
            continue;
        };
        if options.policy.is_disabled(id) {
            continue;
        }
        // The step the claim is in, or the next one: steps are in order and do not overlap, so
        // it is the first that does not end before the claim starts (a binary search; a plan of
        // ten thousand steps, each with a claim, must not cost their number squared).
        let index = work
            .partition_point(|w| w.step.span.end <= span.start && w.step.span.start < span.start)
            .min(work.len() - 1);
        // Instructions inside what a tool returned belong to the call that read them, and are
        // data until a step acts on them: the card tells the approver, and reading them
        // changes nothing. A later step that does what they ask is judged by the sequences
        // (an injected instruction carried out, or destruction after injected text).
        let returned = id == "plan.injection" && outside.iter().any(|o| o.contains(span));
        let index = if returned {
            work.partition_point(|w| w.step.span.start < span.start)
                .saturating_sub(1)
        } else {
            index
        };
        let step = &mut work[index];
        if let Some(existing) = step.findings.iter_mut().find(|f| f.rule.id() == id) {
            // One finding per kind of claim in a step, with every place it is made. Claims come
            // in text order, so only the last place can overlap this one.
            if !existing
                .hit
                .evidence
                .last()
                .is_some_and(|e| e.contains(span) || span.contains(*e))
            {
                existing.hit.evidence.push(span);
            }
            continue;
        }
        let mut hit = Hit::on(span);
        if returned {
            hit.reversibility = Some(crate::model::Reversibility::Reversible);
            hit.scope = Some(crate::model::Scope::None);
            hit.note(
                "It is in what a tool returned to the agent: data, until a step does what it asks.",
            );
        }
        let mut scored = place::place(input, rule, hit, None, &[], &step.environment, options);
        if returned {
            scored.raised.push(super::Raised::Returned);
        }
        step.findings.push(scored);
    }
}

/// Claims and instructions aimed at the agent in one run of words, by rule id and where.
fn look_for_claims(all: &[Token], found: &mut Vec<(&'static str, Span)>) {
    for (start, end) in find_all(all, CLAIMS) {
        found.push(("plan.claims", all[start].span.cover(all[end - 1].span)));
    }
    for (i, token) in all.iter().enumerate() {
        if token.text == "safe" && stands_alone(all, i) {
            found.push(("plan.claims", token.span));
        }
    }
    for (start, end) in find_all(all, INJECTIONS) {
        found.push(("plan.injection", all[start].span.cover(all[end - 1].span)));
    }
}

/// "safe" on its own in a clause ("(safe, pre-approved)", "this is safe."), not "safe mode".
fn stands_alone(all: &[Token], i: usize) -> bool {
    let clause = all[i].clause;
    // The start of an aside ("in production (safe, ...)") is a boundary too.
    let same = |t: &Token| t.clause == clause && t.data == all[i].data;
    let before_same = i > 0
        && same(&all[i - 1])
        && !words!["is", "it's", "totally", "completely"].contains(all[i - 1].text.as_str());
    let after_same = all.get(i + 1).is_some_and(same);
    !before_same && !after_same
}

fn html_comments(input: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = input[from..].find("<!--") {
        let start = from + open;
        let end = input[start + 4..]
            .find("-->")
            .map_or(input.len(), |e| start + 4 + e + 3);
        out.push(Span::new(start, end));
        from = end;
    }
    out
}
