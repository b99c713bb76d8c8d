//! The `approval-risk/v1` JSON written by hand, byte for byte as `serde_json`'s pretty printer
//! writes the report types (two-space indent, `"key": value`, empty lists as `[]`, fields
//! skipped where serde skips them). The page and the engine module write every result this
//! way, so serde's serialiser is not compiled into the download; the command line streams with
//! serde (`Assessment::write_json`), and a test holds the two to the same bytes on every eval
//! plan and fixture.

use crate::report::{Adjustment, Assessment, Finding, PatternReport, StepReport};
use crate::span::Span;

/// A JSON writer that knows where it is: how deep, and whether the container it is in has a
/// value yet.
struct Writer {
    out: String,
    depth: usize,
    first: bool,
}

impl Writer {
    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Before a value in a list or a field in an object: the comma and the new line.
    fn next(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.newline();
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.first {
            self.newline();
        }
        self.first = false;
        self.out.push(bracket);
    }

    fn key(&mut self, key: &str) {
        self.next();
        self.string(key);
        self.out.push_str(": ");
    }

    fn string(&mut self, text: &str) {
        self.out.push('"');
        let mut from = 0;
        for (at, byte) in text.bytes().enumerate() {
            let escape = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            self.out.push_str(&text[from..at]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(byte >> 4)]));
                self.out.push(char::from(HEX[usize::from(byte & 0xf)]));
            } else {
                self.out.push_str(escape);
            }
            from = at + 1;
        }
        self.out.push_str(&text[from..]);
        self.out.push('"');
    }

    fn number(&mut self, value: usize) {
        self.out.push_str(&value.to_string());
    }

    fn field_str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    fn field_number(&mut self, key: &str, value: usize) {
        self.key(key);
        self.number(value);
    }

    /// A list, each item written by `item` after its comma and new line.
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Writer, &T)) {
        self.open('[');
        for value in items {
            self.next();
            item(self, value);
        }
        self.close(']');
    }

    fn span(&mut self, span: &Span) {
        self.list(&[span.start, span.end], |w, n| w.number(*n));
    }

    fn spans(&mut self, spans: &[Span]) {
        self.list(spans, |w, s| w.span(s));
    }
}

/// The assessment as `serde_json::to_string_pretty` writes it.
pub fn pretty(assessment: &Assessment) -> String {
    let mut w = Writer {
        out: String::new(),
        depth: 0,
        first: true,
    };
    let a = assessment;
    w.open('{');
    w.field_str("schema", &a.schema);
    w.field_str("verdict", a.verdict.as_str());
    w.field_str("summary", &a.summary);
    w.key("deciding_steps");
    w.list(&a.deciding_steps, |w, n| w.number(*n));
    w.field_str("headline", &a.headline);
    w.key("engine");
    w.open('{');
    w.field_str("version", &a.engine.version);
    w.field_str("catalogue", &a.engine.catalogue);
    w.close('}');
    w.field_str("format", &a.format);
    w.key("context");
    w.open('{');
    w.field_str("target", a.context.target.as_str());
    w.field_str("credentials", a.context.credentials.as_str());
    w.key("change_freeze");
    w.out.push_str(if a.context.change_freeze {
        "true"
    } else {
        "false"
    });
    w.close('}');
    w.key("steps");
    w.list(&a.steps, step);
    w.key("patterns");
    w.list(&a.patterns, pattern);
    if a.empty {
        w.key("empty");
        w.out.push_str("true");
    }
    w.close('}');
    w.out
}

fn step(w: &mut Writer, s: &StepReport) {
    w.open('{');
    w.field_number("index", s.index);
    w.field_number("line", s.line);
    w.key("span");
    w.span(&s.span);
    w.field_str("text", &s.text);
    w.field_str("decision", s.decision.as_str());
    w.field_str("reversibility", s.reversibility.as_str());
    w.field_str("scope", s.scope.as_str());
    w.field_str("headline", &s.headline);
    w.field_str("explanation", &s.explanation);
    w.field_str("safer", &s.safer);
    w.key("questions");
    w.list(&s.questions, |w, q| w.string(q));
    w.key("findings");
    w.list(&s.findings, finding);
    if !s.shown.is_empty() {
        w.field_str("shown", &s.shown);
    }
    if !s.shown_evidence.is_empty() {
        w.key("shown_evidence");
        w.list(&s.shown_evidence, |w, spans| w.spans(spans));
    }
    w.close('}');
}

fn finding(w: &mut Writer, f: &Finding) {
    w.open('{');
    w.field_str("rule", &f.rule);
    w.field_str("title", &f.title);
    w.field_str("why", &f.why);
    w.field_str("reversibility", f.reversibility.as_str());
    w.field_str("scope", f.scope.as_str());
    w.field_str("decision", f.decision.as_str());
    w.key("evidence");
    w.spans(&f.evidence);
    if !f.adjustments.is_empty() {
        w.key("adjustments");
        w.list(&f.adjustments, adjustment);
    }
    w.close('}');
}

fn adjustment(w: &mut Writer, a: &Adjustment) {
    use crate::report::AdjustmentKind as K;
    w.open('{');
    let kind = match a.kind {
        K::Amplifier => "amplifier",
        K::Mitigation => "mitigation",
        K::Context => "context",
        K::Policy => "policy",
    };
    w.field_str("kind", kind);
    w.field_str("note", &a.note);
    if !a.evidence.is_empty() {
        w.key("evidence");
        w.spans(&a.evidence);
    }
    w.close('}');
}

fn pattern(w: &mut Writer, p: &PatternReport) {
    w.open('{');
    w.field_str("rule", &p.rule);
    w.key("steps");
    w.list(&p.steps, |w, n| w.number(*n));
    w.field_str("decision", p.decision.as_str());
    w.field_str("title", &p.title);
    w.field_str("why", &p.why);
    if !p.safer.is_empty() {
        w.field_str("safer", &p.safer);
    }
    w.close('}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{assess, Context, Credentials, Options, Target};

    /// Every plan the project keeps (eval plans and test fixtures), under two contexts, gives
    /// the same bytes as serde's pretty printer.
    #[test]
    fn writes_what_serde_writes() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let mut files = Vec::new();
        for dir in ["eval/plans", "crates/approval-risk-engine/tests/fixtures"] {
            let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
                continue;
            };
            files.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()));
        }
        files.retain(|p| p.extension().is_some_and(|e| e != "expect"));
        assert!(files.len() > 100, "the plans are there: {}", files.len());
        let mut plans: Vec<String> = files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        plans.push(String::new());
        plans.push("echo \"a\\\\b\" \u{1}\u{8}\u{c}\t\r\n\u{7f} ünïcode \u{202e}".to_string());
        let frozen = Options {
            context: Context {
                target: Target::Staging,
                credentials: Credentials::Admin,
                change_freeze: true,
            },
            ..Options::default()
        };
        for plan in &plans {
            for options in [&Options::default(), &frozen] {
                let assessment = assess(plan, options);
                let serde = serde_json::to_string_pretty(&assessment).expect("serialises");
                assert_eq!(pretty(&assessment), serde, "{plan:.80}");
            }
        }
    }
}
