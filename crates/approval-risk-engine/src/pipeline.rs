//! The whole pipeline, one way: Unicode tricks are folded away and JSON transcripts or
//! infrastructure plans are rewritten as Markdown plans (each a derived text), the plan is
//! assessed (`assess`), its cards and summary are written (`explain::report`), and every span
//! is mapped back to the bytes of the input as given.

use crate::assess;
use crate::derived::Derived;
use crate::explain;
use crate::model::{decide, Decision, Reversibility, Scope};
use crate::plan::{terraform, transcript, Format, LineIndex};
use crate::report::{Assessment, Finding};
use crate::span::Span;
use crate::unicode;
use crate::Options;

/// Assesses text that is already a plan and writes its report: steps, findings, patterns,
/// then cards.
fn run_text(input: &str, options: &Options, given: &assess::Given) -> Assessment {
    explain::report(input, assess::assess_text(input, options, given), options)
}

pub fn run(input: &str, options: &Options) -> Assessment {
    let tricks = unicode::find(input);
    let cleaned: Option<Derived> = (!tricks.is_empty()).then(|| unicode::cleaned(input, &tricks));
    let text = cleaned.as_ref().map_or(input, |d| d.text.as_str());

    let rewritten = match options.format {
        None | Some(Format::Json) | Some(Format::Terraform) => transcript::rewrite(text)
            .map(|r| (r.derived, r.kind, r.outside, r.counted))
            .or_else(|| {
                terraform::rewrite(text).map(|d| (d, "terraform-plan", Vec::new(), Vec::new()))
            }),
        Some(_) => None,
    };
    let mut assessment = match &rewritten {
        Some((derived, kind, outside, counted)) => {
            let inner = Options {
                format: Some(Format::Markdown),
                ..options.clone()
            };
            let given = assess::Given { outside, counted };
            let mut a = run_text(&derived.text, &inner, &given);
            a.format = (*kind).to_string();
            decode(&mut a);
            remap(&mut a, text, &|s| derived.map(s));
            // Where the input's own bytes already read as what runs, nothing is decoded.
            for step in &mut a.steps {
                if step.shown == step.text {
                    step.shown.clear();
                    step.shown_evidence.clear();
                }
            }
            // The summary quotes step text, which is now the input's own words.
            a.summary = explain::summary(a.verdict, &a.steps, &a.patterns, options);
            a
        }
        None => run_text(text, options, &assess::Given::default()),
    };
    if let Some(cleaned) = &cleaned {
        remap(&mut assessment, input, &|s| cleaned.map(s));
        report_tricks(&mut assessment, input, &tricks, options);
    }
    assessment
}

/// Keeps what each step of a derived plan reads as (the decoded command, SQL or tool call) with
/// its evidence, before the spans move back onto the encoded input. A tool call written as
/// words (`{ delete file /etc/hosts }`) is shown without the braces that stand for its object.
/// Where the input's own bytes already read the same, nothing is kept (see `run`).
fn decode(assessment: &mut Assessment) {
    for step in &mut assessment.steps {
        let text = step.text.as_str();
        // An infrastructure plan's resource change is written `@resource replace <kind>
        // <name>`; the marker is the engine's, not the plan's.
        let (inner, lead) = match text.strip_prefix("{ ").and_then(|t| t.strip_suffix(" }")) {
            Some(inner) => (inner, "{ ".len()),
            None => match text.strip_prefix("@resource ") {
                Some(inner) => (inner, "@resource ".len()),
                None => (text, 0),
            },
        };
        let offset = step.span.start + lead;
        // A file the agent writes is read through a heredoc whose end marker is the engine's
        // own; the card shows the usual `EOF`. Spans after a replaced marker move with it.
        let (shown, moves) = plain_markers(inner);
        let at = |position: usize| -> Option<usize> {
            let mut shift: isize = 0;
            for &(from, to, delta) in &moves {
                if position > from && position < to {
                    return None;
                }
                if position >= to {
                    shift += delta;
                }
            }
            position.checked_add_signed(shift)
        };
        step.shown_evidence = step
            .findings
            .iter()
            .map(|finding| {
                finding
                    .evidence
                    .iter()
                    .filter(|s| s.start >= offset && s.end <= offset + inner.len())
                    .filter_map(|s| Some(Span::new(at(s.start - offset)?, at(s.end - offset)?)))
                    .collect()
            })
            .collect();
        step.shown = shown;
    }
}

/// `text` with the engine's heredoc marker for written files spelled `EOF`, and each
/// replacement as (start, end, change in length) in `text`'s offsets.
fn plain_markers(text: &str) -> (String, Vec<(usize, usize, isize)>) {
    let marker = transcript::WRITTEN_END;
    let mut out = String::with_capacity(text.len());
    let mut moves = Vec::new();
    let mut rest = 0;
    while let Some(found) = text[rest..].find(marker) {
        let start = rest + found;
        out.push_str(&text[rest..start]);
        out.push_str("EOF");
        moves.push((
            start,
            start + marker.len(),
            "EOF".len() as isize - marker.len() as isize,
        ));
        rest = start + marker.len();
    }
    out.push_str(&text[rest..]);
    (out, moves)
}

/// Moves every span of an assessment made on a derived text onto the text it came from.
fn remap(assessment: &mut Assessment, original: &str, map: &dyn Fn(Span) -> Span) {
    let lines = LineIndex::new(original);
    for step in &mut assessment.steps {
        step.span = map(step.span);
        step.text = step.span.slice(original).to_string();
        step.line = lines.line_of(step.span.start);
        for finding in &mut step.findings {
            for span in finding.evidence.iter_mut() {
                *span = map(*span);
            }
            // Words the engine wrote for one piece of input map to the same bytes.
            finding.evidence.dedup();
            for adjustment in &mut finding.adjustments {
                for span in adjustment.evidence.iter_mut() {
                    *span = map(*span);
                }
            }
        }
    }
}

/// Each trick becomes a finding of the step it sits in (or the next one), which can only raise
/// that step; the verdict and summary are then recomputed.
fn report_tricks(
    assessment: &mut Assessment,
    input: &str,
    tricks: &[(unicode::Trick, Span)],
    options: &Options,
) {
    let Some(rule) = crate::rules::find("text.unicode-trick") else {
        return;
    };
    if assessment.steps.is_empty() || options.policy.is_disabled(rule.id()) {
        return;
    }
    for (trick, span) in tricks {
        let index = assessment
            .steps
            .iter()
            .position(|s| s.span.end >= span.end)
            .unwrap_or(assessment.steps.len() - 1);
        let step = &mut assessment.steps[index];
        if let Some(existing) = step.findings.iter_mut().find(|f| f.rule == rule.id()) {
            existing.evidence.push(*span);
            continue;
        }
        // Hidden and look-alike characters are how commands are slipped past a reader; a stray
        // typographic dash is usually copy-paste damage, worth a read rather than a second person.
        let scope = if *trick == unicode::Trick::Dash {
            Scope::Local
        } else {
            Scope::Shared
        };
        let reversibility = Reversibility::Unknown;
        let decision = options
            .policy
            .override_for(rule.id())
            .unwrap_or_else(|| decide(reversibility, scope));
        step.findings.push(Finding {
            rule: rule.id().to_string(),
            title: rule.title().to_string(),
            why: format!("{} Here: {}.", rule.why(), trick.describe()),
            reversibility,
            scope,
            decision,
            evidence: vec![*span],
            adjustments: Vec::new(),
        });
        if decision > step.decision {
            step.decision = decision;
            step.reversibility = reversibility;
            step.scope = scope;
            step.headline = format!("{}: {}.", rule.title(), rule.consequence());
            step.explanation = format!("{} Here: {}.", rule.why(), trick.describe());
            step.safer = rule.safer().to_string();
            step.questions = rule.questions().iter().map(|q| q.to_string()).collect();
        }
        // Most severe first; equally severe findings keep the order they were found in.
        crate::order::sort_by_rank(&mut step.findings, |f| !(f.decision as u64));
    }
    let _ = input;
    assessment.verdict = assessment
        .steps
        .iter()
        .map(|s| s.decision)
        .chain(assessment.patterns.iter().map(|p| p.decision))
        .max()
        .unwrap_or(Decision::Proceed);
    assessment.summary = explain::summary(
        assessment.verdict,
        &assessment.steps,
        &assessment.patterns,
        options,
    );
}
