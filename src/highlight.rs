//! Cuts a step's text into runs for highlighting: plain runs, and runs that findings point at.
//!
//! Evidence spans of different findings may overlap (`rm -rf /` is both "deletes recursively"
//! and "wipes the root"). Cutting the text at every span boundary gives runs that each carry
//! the exact set of findings covering them, so every word is shown once, marked by all the
//! rules that saw it.

use approval_risk_engine::report::StepReport;
use approval_risk_engine::Span;

/// A finding that points at a run: by its own evidence, or through one of its adjustments
/// (the words that raised or lowered it, such as a production name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into the step's `findings`.
    pub finding: usize,
    /// Index into that finding's `adjustments`, when the words are an adjustment's evidence.
    pub adjustment: Option<usize>,
}

/// A run of the step's text (byte offsets into `step.text`) and the findings that point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub span: Span,
    pub hits: Vec<Hit>,
}

impl Run {
    /// The hit a run is labelled by: the finding with the highest decision, its own evidence
    /// before an adjustment's.
    pub fn lead(&self, step: &StepReport) -> Option<Hit> {
        self.hits.iter().copied().max_by_key(|hit| {
            (
                step.findings[hit.finding].decision,
                hit.adjustment.is_none(),
                std::cmp::Reverse(hit.finding),
            )
        })
    }
}

/// The runs of `step.text`, in order, covering it exactly. Spans must already be relative to
/// the step's text (see `board::rebase`); spans that are empty, out of range or not on
/// character boundaries are ignored.
pub fn runs(step: &StepReport) -> Vec<Run> {
    let text = step.text.as_str();
    let fits = |span: &Span| {
        !span.is_empty()
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let mut marked: Vec<(Span, Hit)> = Vec::new();
    for (finding, f) in step.findings.iter().enumerate() {
        for span in f.evidence.iter().filter(|s| fits(s)) {
            marked.push((
                *span,
                Hit {
                    finding,
                    adjustment: None,
                },
            ));
        }
        for (adjustment, a) in f.adjustments.iter().enumerate() {
            for span in a.evidence.iter().filter(|s| fits(s)) {
                marked.push((
                    *span,
                    Hit {
                        finding,
                        adjustment: Some(adjustment),
                    },
                ));
            }
        }
    }
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(marked.iter().flat_map(|(span, _)| [span.start, span.end]));
    cuts.sort_unstable();
    cuts.dedup();
    let mut runs: Vec<Run> = Vec::new();
    for pair in cuts.windows(2) {
        let span = Span::new(pair[0], pair[1]);
        let mut hits: Vec<Hit> = marked
            .iter()
            .filter(|(covering, _)| covering.contains(span))
            .map(|(_, hit)| *hit)
            .collect();
        hits.dedup();
        // Neighbours marked by the same findings read as one highlight, not several.
        match runs.last_mut() {
            Some(last) if last.hits == hits => last.span = last.span.cover(span),
            _ => runs.push(Run { span, hits }),
        }
    }
    runs.retain(|run| !run.span.is_empty());
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use approval_risk_engine::report::{Adjustment, AdjustmentKind, Finding};
    use approval_risk_engine::{Decision, Reversibility, Scope};

    fn finding(decision: Decision, evidence: &[(usize, usize)]) -> Finding {
        Finding {
            rule: "test.rule".into(),
            title: "Title".into(),
            why: String::new(),
            reversibility: Reversibility::Irreversible,
            scope: Scope::Production,
            decision,
            evidence: evidence.iter().map(|&(a, b)| Span::new(a, b)).collect(),
            adjustments: Vec::new(),
        }
    }

    fn step(text: &str, findings: Vec<Finding>) -> StepReport {
        StepReport {
            index: 1,
            line: 1,
            span: Span::new(0, text.len()),
            text: text.into(),
            decision: Decision::Escalate,
            reversibility: Reversibility::Irreversible,
            scope: Scope::Production,
            headline: String::new(),
            explanation: String::new(),
            safer: String::new(),
            questions: Vec::new(),
            findings,
            shown: String::new(),
            shown_evidence: Vec::new(),
        }
    }

    fn shape(step: &StepReport) -> Vec<(&str, usize)> {
        runs(step)
            .iter()
            .map(|run| (run.span.slice(&step.text), run.hits.len()))
            .collect()
    }

    #[test]
    fn runs_cover_the_text_exactly_with_marks_where_the_evidence_is() {
        let s = step(
            "rm -rf /srv/data now",
            vec![finding(Decision::Escalate, &[(0, 2), (3, 6)])],
        );
        assert_eq!(
            shape(&s),
            [("rm", 1), (" ", 0), ("-rf", 1), (" /srv/data now", 0)]
        );
    }

    #[test]
    fn overlapping_findings_split_into_runs_marked_by_both() {
        let s = step(
            "rm -rf /",
            vec![
                finding(Decision::Escalate, &[(0, 6)]),
                finding(Decision::Block, &[(3, 8)]),
            ],
        );
        assert_eq!(shape(&s), [("rm ", 1), ("-rf", 2), (" /", 1)]);
        let runs = runs(&s);
        assert_eq!(
            runs[1].lead(&s).map(|hit| hit.finding),
            Some(1),
            "block leads"
        );
    }

    #[test]
    fn adjustment_words_are_marked_and_lead_only_without_own_evidence() {
        let mut f = finding(Decision::Escalate, &[(0, 6)]);
        f.adjustments.push(Adjustment {
            kind: AdjustmentKind::Amplifier,
            note: "It names production.".into(),
            evidence: vec![Span::new(11, 21)],
        });
        let s = step("Delete the production db", vec![f]);
        let runs = runs(&s);
        let marked: Vec<(&str, Option<usize>)> = runs
            .iter()
            .filter_map(|run| Some((run.span.slice(&s.text), run.lead(&s)?.adjustment)))
            .collect();
        assert_eq!(marked, [("Delete", None), ("production", Some(0))]);
    }

    #[test]
    fn spans_that_do_not_fit_the_text_are_ignored() {
        let s = step(
            "café rm",
            vec![finding(Decision::Escalate, &[(4, 5), (6, 99), (2, 2)])],
        );
        assert_eq!(shape(&s), [("café rm", 0)]);
    }
}
