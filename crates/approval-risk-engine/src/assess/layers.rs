//! The outer layers of an assessment: Unicode tricks are folded away and JSON transcripts or
//! infrastructure plans are rewritten as Markdown plans (each a derived text), the plan is
//! assessed, and every span is mapped back to the bytes of the input as given.

use super::run_text;
use crate::derived::Derived;
use crate::explain;
use crate::model::{decide, Decision, Reversibility, Scope};
use crate::plan::{terraform, transcript, Format, LineIndex};
use crate::report::{Assessment, Finding};
use crate::span::Span;
use crate::unicode;
use crate::Options;

pub fn run(input: &str, options: &Options) -> Assessment {
    let tricks = unicode::find(input);
    let cleaned: Option<Derived> = (!tricks.is_empty()).then(|| unicode::cleaned(input, &tricks));
    let text = cleaned.as_ref().map_or(input, |d| d.text.as_str());

    let rewritten = match options.format {
        None | Some(Format::Json) | Some(Format::Terraform) => transcript::rewrite(text)
            .map(|r| (r.derived, r.kind, r.outside))
            .or_else(|| terraform::rewrite(text).map(|d| (d, "terraform-plan", Vec::new()))),
        Some(_) => None,
    };
    let mut assessment = match &rewritten {
        Some((derived, kind, outside)) => {
            let inner = Options {
                format: Some(Format::Markdown),
                ..options.clone()
            };
            let mut a = run_text(&derived.text, &inner, outside);
            a.format = (*kind).to_string();
            remap(&mut a, text, &|s| derived.map(s));
            // The summary quotes step text, which is now the input's own words.
            a.summary = explain::summary(a.verdict, &a.steps, &a.patterns, options);
            a
        }
        None => run_text(text, options, &[]),
    };
    if let Some(cleaned) = &cleaned {
        remap(&mut assessment, input, &|s| cleaned.map(s));
        report_tricks(&mut assessment, input, &tricks, options);
    }
    assessment
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
    if assessment.steps.is_empty() || options.policy.is_disabled(rule.id) {
        return;
    }
    for (trick, span) in tricks {
        let index = assessment
            .steps
            .iter()
            .position(|s| s.span.end >= span.end)
            .unwrap_or(assessment.steps.len() - 1);
        let step = &mut assessment.steps[index];
        if let Some(existing) = step.findings.iter_mut().find(|f| f.rule == rule.id) {
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
            .override_for(rule.id)
            .unwrap_or_else(|| decide(reversibility, scope));
        step.findings.push(Finding {
            rule: rule.id.to_string(),
            title: rule.title.to_string(),
            why: format!("{} Here: {}.", rule.why, trick.describe()),
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
            step.headline = format!("{}: {}.", rule.title, rule.consequence);
            step.explanation = format!("{} Here: {}.", rule.why, trick.describe());
            step.safer = rule.safer.to_string();
            step.questions = rule.questions.iter().map(|q| q.to_string()).collect();
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
