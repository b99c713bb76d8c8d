//! What the page shows of an assessment: the verdict and its reason, one mark per step for the
//! pictures, the plan patterns, and one page of step cards.
//!
//! A board is built from the engine's `Assessment` in the same way whether the engine ran on
//! the main thread or in the worker (`wire` carries it across), and it stays small whatever the
//! plan's size: a 5 MB paste has 100,000 steps, but the page draws at most `CARD_PAGE` cards and
//! `PATTERN_LIMIT` patterns at a time, so no render can block the page for long.

use approval_risk_engine::report::{Assessment, PatternReport, StepReport};
use approval_risk_engine::{Context, Decision, Reversibility, Scope, Span};
use std::rc::Rc;

/// Cards drawn at a time. A hundred cards render in a few milliseconds; a longer plan pages.
pub const CARD_PAGE: usize = 100;
/// Patterns listed at a time; a pathological plan can produce one per step.
pub const PATTERN_LIMIT: usize = 100;
/// Deciding steps linked from the verdict banner; the rest are counted.
pub const DECIDING_LINKS: usize = 8;

/// Which steps get cards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    /// Only the steps an approver must not wave through: escalate and block.
    Attention,
}

impl Filter {
    pub fn admits(self, decision: Decision) -> bool {
        match self {
            Filter::All => true,
            Filter::Attention => decision >= Decision::Escalate,
        }
    }
}

/// The cards asked for: a filter and a page of `CARD_PAGE` cards among the steps it admits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    pub filter: Filter,
    pub page: usize,
}

/// A step as the pictures need it: where it falls on the two axes, and its decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub decision: Decision,
    pub reversibility: Reversibility,
    pub scope: Scope,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    pub verdict: Decision,
    /// One sentence: which step (or steps together) decide the verdict, and why.
    pub reason: String,
    /// The engine's paragraph for the whole plan.
    pub summary: String,
    /// The format the engine read (`prose`, `shell`, ...).
    pub format: String,
    pub context: Context,
    /// One per step, in plan order (step `n` is `marks[n - 1]`).
    pub marks: Vec<Mark>,
    pub patterns: Vec<Rc<PatternReport>>,
    /// How many patterns the engine found (`patterns` holds the first `PATTERN_LIMIT`).
    pub pattern_total: usize,
    /// The selected page of steps. Their spans are rebased onto their own text (see `rebase`),
    /// so a card needs nothing but itself, and a keystroke in step 3 leaves card 40 unchanged.
    pub cards: Vec<Rc<StepReport>>,
    /// The selection the cards answer, with its page clamped to the steps there are.
    pub selection: Selection,
    /// How many steps the filter admits.
    pub matching: usize,
}

impl Board {
    /// The board before anything was assessed.
    pub fn empty() -> Board {
        Board::new(
            &approval_risk_engine::assess("", &Default::default()),
            Selection::default(),
        )
    }

    pub fn new(assessment: &Assessment, selection: Selection) -> Board {
        let marks: Vec<Mark> = assessment
            .steps
            .iter()
            .map(|step| Mark {
                decision: step.decision,
                reversibility: step.reversibility,
                scope: step.scope,
            })
            .collect();
        let (selection, matching) = clamp(&marks, selection);
        let cards = assessment
            .steps
            .iter()
            .filter(|step| selection.filter.admits(step.decision))
            .skip(selection.page * CARD_PAGE)
            .take(CARD_PAGE)
            .map(|step| Rc::new(rebase(step)))
            .collect();
        Board {
            verdict: assessment.verdict,
            reason: reason(assessment),
            summary: assessment.summary.clone(),
            format: assessment.format.clone(),
            context: assessment.context,
            marks,
            patterns: assessment
                .patterns
                .iter()
                .take(PATTERN_LIMIT)
                .map(|pattern| Rc::new(pattern.clone()))
                .collect(),
            pattern_total: assessment.patterns.len(),
            cards,
            selection,
            matching,
        }
    }

    /// How many steps got each decision, in `Decision::ALL` order.
    pub fn counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for mark in &self.marks {
            counts[mark.decision as usize] += 1;
        }
        counts
    }

    /// The steps whose decision is the verdict (the first `DECIDING_LINKS`), and how many there
    /// are in all. An empty plan, or one that proceeds, has none worth linking.
    pub fn deciding(&self) -> (Vec<usize>, usize) {
        if self.verdict == Decision::Proceed {
            return (Vec::new(), 0);
        }
        let all = self
            .marks
            .iter()
            .enumerate()
            .filter(|(_, mark)| mark.decision == self.verdict)
            .map(|(i, _)| i + 1);
        let total = all.clone().count();
        (all.take(DECIDING_LINKS).collect(), total)
    }

    /// The first and last card's position among the admitted steps (1-based), for "cards
    /// 101-200 of 340".
    pub fn card_range(&self) -> (usize, usize) {
        let first = self.selection.page * CARD_PAGE;
        (first + 1, first + self.cards.len())
    }
}

/// The selection with its page moved back inside the admitted steps, and how many there are.
fn clamp(marks: &[Mark], selection: Selection) -> (Selection, usize) {
    let matching = marks
        .iter()
        .filter(|mark| selection.filter.admits(mark.decision))
        .count();
    let last_page = matching.saturating_sub(1) / CARD_PAGE;
    let page = selection.page.min(last_page);
    (Selection { page, ..selection }, matching)
}

/// The selection that shows step `step` (1-based): the same filter when it admits the step,
/// otherwise all steps, on the page that holds it. Out-of-range steps change nothing.
pub fn reveal(marks: &[Mark], selection: Selection, step: usize) -> Selection {
    let Some(mark) = step.checked_sub(1).and_then(|i| marks.get(i)) else {
        return selection;
    };
    let filter = if selection.filter.admits(mark.decision) {
        selection.filter
    } else {
        Filter::All
    };
    let position = marks[..step]
        .iter()
        .filter(|mark| filter.admits(mark.decision))
        .count();
    Selection {
        filter,
        page: (position - 1) / CARD_PAGE,
    }
}

/// A copy of `step` whose spans count from the start of its own text: the card highlights
/// words in `step.text` without the rest of the plan. Evidence outside the step is dropped.
pub fn rebase(step: &StepReport) -> StepReport {
    // A tool call from a JSON transcript is shown as what runs (decoded), with its marks.
    if !step.shown.is_empty() && step.shown_evidence.len() == step.findings.len() {
        let mut shown = step.clone();
        // `shown` stays set: the card says the text was decoded.
        shown.text = shown.shown.clone();
        shown.span = Span::new(0, shown.text.len());
        let evidence = std::mem::take(&mut shown.shown_evidence);
        for (finding, spans) in shown.findings.iter_mut().zip(evidence) {
            finding.evidence = spans;
            finding
                .adjustments
                .iter_mut()
                .for_each(|a| a.evidence.clear());
        }
        return shown;
    }
    let base = step.span;
    let shift = |spans: &[Span]| -> Vec<Span> {
        spans
            .iter()
            .filter(|span| base.contains(**span))
            .map(|span| Span::new(span.start - base.start, span.end - base.start))
            .collect()
    };
    let mut step = step.clone();
    step.span = Span::new(0, base.len());
    for finding in &mut step.findings {
        finding.evidence = shift(&finding.evidence);
        for adjustment in &mut finding.adjustments {
            adjustment.evidence = shift(&adjustment.evidence);
        }
    }
    step
}

/// `51,545`: long plans have step counts people should not have to count digits in.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The verdict's reason in one sentence, built from the first step that decides it.
fn reason(assessment: &Assessment) -> String {
    let verdict = assessment.verdict;
    if assessment.steps.is_empty() {
        return "No steps found yet: paste or type a plan, or drop a file.".into();
    }
    if verdict == Decision::Proceed {
        return "No step is hard to undo or reaches beyond the agent's own workspace.".into();
    }
    let deciding: Vec<&StepReport> = assessment
        .steps
        .iter()
        .filter(|step| step.decision == verdict)
        .collect();
    let others = match deciding.len() {
        0 | 1 => String::new(),
        n => format!(
            "; {} more {} {verdict}",
            thousands(n - 1),
            if n == 2 { "step is" } else { "steps are" }
        ),
    };
    let Some(step) = deciding.first() else {
        return format!("{}.", verdict.advice());
    };
    // The deciding step's headline says what it does to what, and what is lost.
    if !step.headline.is_empty() {
        let more = match deciding.len() {
            0 | 1 => String::new(),
            n => format!(
                " {} more {} {verdict}.",
                thousands(n - 1),
                if n == 2 { "step is" } else { "steps are" }
            ),
        };
        return format!("Because of step {}: {}{more}", step.index, step.headline);
    }
    // A step's own finding explains it best; when none reaches the verdict, a pattern it takes
    // part in raised it, and the pattern is the reason.
    if let Some(finding) = step.findings.iter().find(|f| f.decision == verdict) {
        return format!(
            "Because of step {} ({}): it {} and {}{others}.",
            step.index,
            finding.title.trim_end_matches('.'),
            step.reversibility.phrase(),
            step.scope.phrase()
        );
    }
    if let Some(pattern) = assessment
        .patterns
        .iter()
        .find(|p| p.decision == verdict && p.steps.contains(&step.index))
    {
        return format!(
            "Because of {} together ({}){others}.",
            approval_risk_engine::render::steps_phrase(&pattern.steps),
            pattern.title.trim_end_matches('.')
        );
    }
    format!(
        "Because of step {}: it {} and {}{others}.",
        step.index,
        step.reversibility.phrase(),
        step.scope.phrase()
    )
}

#[cfg(test)]
mod tests;
