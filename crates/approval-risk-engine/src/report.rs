//! The assessment as the outside world sees it: schema `approval-risk/v1` (DESIGN.md, "Output
//! contract"). Fields may be added; existing ones never change meaning.

use crate::context::Context;
use crate::model::{Decision, Reversibility, Scope};
use crate::span::Span;
use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "approval-risk/v1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub schema: String,
    pub verdict: Decision,
    pub summary: String,
    /// 1-based indexes of the steps that carry the verdict: every step whose own decision is
    /// the verdict, and the steps of every pattern whose decision is. Empty when the verdict
    /// is `proceed`, since then nothing raised it. A portal points the approver here first.
    #[serde(default)]
    pub deciding_steps: Vec<usize>,
    /// The first deciding step's headline (a pattern's title when only a pattern reaches the
    /// verdict); empty when the verdict is `proceed`.
    #[serde(default)]
    pub headline: String,
    /// Which engine and which rule set wrote this, for an audit trail.
    #[serde(default)]
    pub engine: Engine,
    /// The format that was read (`prose`, `markdown`, `shell`, ...).
    pub format: String,
    pub context: Context,
    pub steps: Vec<StepReport>,
    pub patterns: Vec<PatternReport>,
    /// No step was found (an empty or unreadable plan): nothing was assessed. The verdict
    /// then says `proceed` only because nothing raised it, so a portal must not take it as an
    /// approval; the page says "Nothing to assess". Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub empty: bool,
}

/// The engine's version and its catalogue's, as an audit trail records them beside a decision.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Engine {
    /// The engine crate's version.
    pub version: String,
    /// A fingerprint of the rule catalogue (16 hex digits): it changes whenever a rule is
    /// added, removed or renamed, or its axes, floor, action or prose change, so two results
    /// with the same fingerprint were judged by the same rules.
    pub catalogue: String,
}

impl Engine {
    /// This build's engine.
    pub fn current() -> Engine {
        Engine {
            version: env!("CARGO_PKG_VERSION").to_string(),
            catalogue: crate::rules::fingerprint().to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepReport {
    /// 1-based position in the plan.
    pub index: usize,
    /// 1-based line of the step's first byte.
    pub line: usize,
    pub span: Span,
    pub text: String,
    pub decision: Decision,
    pub reversibility: Reversibility,
    pub scope: Scope,
    /// One sentence of at most 30 words: what the step does to what, and what is lost or who
    /// is reached. Cards, the verdict banner and the reports lead with it.
    #[serde(default)]
    pub headline: String,
    pub explanation: String,
    pub safer: String,
    pub questions: Vec<String>,
    pub findings: Vec<Finding>,
    /// What runs, decoded, when the plan holds it encoded (a tool call in a JSON transcript):
    /// the command, the SQL, or the tool's name and argument values, as a card shows it.
    /// Empty when `text` already reads as what runs.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub shown: String,
    /// Each finding's evidence as byte spans of `shown`, in the order of `findings` (empty
    /// when `shown` is).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shown_evidence: Vec<Vec<Span>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub title: String,
    pub why: String,
    pub reversibility: Reversibility,
    pub scope: Scope,
    /// This finding's own decision (matrix, floor, policy and context applied).
    pub decision: Decision,
    pub evidence: Vec<Span>,
    /// What raised or lowered the axes, in words, each with the bytes that show it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adjustment {
    pub kind: AdjustmentKind,
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AdjustmentKind {
    Amplifier,
    Mitigation,
    Context,
    Policy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatternReport {
    pub rule: String,
    /// 1-based indexes of the steps the pattern joins, in plan order.
    pub steps: Vec<usize>,
    pub decision: Decision,
    pub title: String,
    pub why: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub safer: String,
}

impl Assessment {
    /// The `approval-risk/v1` JSON. Characters a reader cannot see or a terminal obeys (C1
    /// controls, DEL, bidirectional overrides, zero-width and tag characters) are written as
    /// `\u` escapes: the same JSON to a parser, and inert when the output is shown raw (a CI
    /// log, a terminal, a diff).
    pub fn to_json(&self) -> String {
        escape_hidden(crate::report_json::pretty(self))
    }

    /// The same bytes as `to_json`, written to `out` as they are made instead of built as one
    /// string first. The JSON of a big plan is many times the plan's size (a 32 MB shell plan
    /// gives gigabytes), so the command line streams it to a buffered standard output and
    /// never holds the whole report. The engine itself does no I/O: `out` is whatever the
    /// caller passes.
    pub fn write_json(&self, out: impl std::io::Write) -> std::io::Result<()> {
        use std::io::Write as _;
        let mut escaper = EscapeHidden {
            inner: out,
            partial: [0; 4],
            partial_len: 0,
        };
        // Serde writes a key, a quote or an indent at a time; gathered into large pieces
        // first, the escaper scans long runs and hands `out` few, large writes.
        let mut gathered = std::io::BufWriter::with_capacity(32 * 1024, &mut escaper);
        serde_json::to_writer_pretty(&mut gathered, self).map_err(std::io::Error::from)?;
        gathered.flush()?;
        drop(gathered);
        escaper.finish()
    }

    /// How many steps got each decision, in `Decision::ALL` order.
    pub fn counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for step in &self.steps {
            counts[step.decision as usize] += 1;
        }
        counts
    }
}

/// `json` with every hidden character escaped. They can only stand inside strings (the rest of
/// serde's output is ASCII), where an escape means the same character.
fn escape_hidden(json: String) -> String {
    if !json.chars().any(crate::render::is_hidden) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        // Serde escapes C0 controls itself; raw ones left are the pretty printer's line breaks.
        if crate::render::is_hidden(c) && c > '\u{1F}' {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str("\\u");
                crate::words::push_hex(&mut out, u64::from(*unit), 4, false);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `\u` escapes of a hidden character, as `escape_hidden` writes them.
fn escaped(c: char) -> String {
    let mut units = [0u16; 2];
    let mut out = String::new();
    for unit in c.encode_utf16(&mut units) {
        out.push_str("\\u");
        crate::words::push_hex(&mut out, u64::from(*unit), 4, false);
    }
    out
}

/// A writer that escapes hidden characters exactly as `escape_hidden` does, for `write_json`.
/// Serde writes its output in pieces; a character split across two pieces is held in
/// `partial` until the rest arrives, so the bytes out never depend on where the pieces break.
struct EscapeHidden<W> {
    inner: W,
    /// The start of a UTF-8 character whose remaining bytes have not been written yet.
    partial: [u8; 4],
    partial_len: usize,
}

impl<W: std::io::Write> EscapeHidden<W> {
    /// Writes what is still held (only bytes that never completed a character, which serde
    /// does not produce) and flushes.
    fn finish(&mut self) -> std::io::Result<()> {
        let held = self.partial_len;
        self.partial_len = 0;
        self.inner.write_all(&self.partial[..held])?;
        self.inner.flush()
    }

    /// Writes one whole character (or stray bytes) given as UTF-8, escaped when hidden.
    fn character(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match std::str::from_utf8(bytes)
            .ok()
            .and_then(|c| c.chars().next())
        {
            // Serde escapes C0 controls itself; raw ones left are the pretty printer's breaks.
            Some(c) if crate::render::is_hidden(c) && c > '\u{1F}' => {
                self.inner.write_all(escaped(c).as_bytes())
            }
            _ => self.inner.write_all(bytes),
        }
    }
}

impl<W: std::io::Write> std::io::Write for EscapeHidden<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        // First complete a character begun in an earlier piece.
        if self.partial_len > 0 {
            let need = utf8_length(self.partial[0]) - self.partial_len;
            let take = need.min(rest.len());
            self.partial[self.partial_len..self.partial_len + take].copy_from_slice(&rest[..take]);
            self.partial_len += take;
            rest = &rest[take..];
            if take < need {
                return Ok(buf.len());
            }
            let held = self.partial;
            let len = std::mem::take(&mut self.partial_len);
            self.character(&held[..len])?;
        }
        while !rest.is_empty() {
            // Plain ASCII (everything below DEL) is never hidden: pass runs of it through.
            let plain = rest.iter().position(|&b| b >= 0x7F).unwrap_or(rest.len());
            self.inner.write_all(&rest[..plain])?;
            rest = &rest[plain..];
            let Some(&lead) = rest.first() else {
                break;
            };
            let len = utf8_length(lead);
            if rest.len() < len {
                self.partial[..rest.len()].copy_from_slice(rest);
                self.partial_len = rest.len();
                break;
            }
            self.character(&rest[..len])?;
            rest = &rest[len..];
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The length of the UTF-8 sequence that `lead` starts (1 for a byte that starts none, which
/// is then written as it is).
fn utf8_length(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

#[cfg(test)]
mod escape_tests {
    use super::escape_hidden;

    #[test]
    fn hidden_characters_are_escaped_and_parse_back() {
        let text = "rm \u{202E}fr- \u{9B}2J \u{7F} \u{E0072}";
        let json = serde_json::to_string(text).expect("a string serialises");
        let escaped = escape_hidden(json);
        assert_eq!(escaped, r#""rm \u202efr- \u009b2J \u007f \udb40\udc72""#);
        let back: String = serde_json::from_str(&escaped).expect("still JSON");
        assert_eq!(back, text);
        let plain = serde_json::to_string("ünïcode ✓").expect("serialises");
        assert_eq!(
            escape_hidden(plain.clone()),
            plain,
            "visible text is left alone"
        );
    }
}

#[cfg(test)]
mod write_json_tests {
    use super::EscapeHidden;
    use crate::{assess, Options};
    use std::io::Write;

    /// Plans whose steps, findings and explanations quote hidden characters of every kind the
    /// escaping covers: C1 controls (U+009B, a terminal's CSI), DEL, bidirectional overrides
    /// and isolates, zero-width characters and tag characters ("ASCII smuggling"), beside
    /// visible non-ASCII text that must be left alone.
    const PLANS: [&str; 4] = [
        "1. Run `rm \u{202E}fr- /srv/data` on prod.\n2. echo \u{9B}2J do\u{7F}ne\n",
        "rm -rf /tmp/x\u{E0072}\u{E006D}\u{E0020}\u{E002F}\nkubectl delete ns y\u{200B}z\n",
        "psql -c \"DROP TABLE t\u{2066}\u{2069}\" # ünïcode ✓ \u{FEFF}\necho hello\n",
        "",
    ];

    #[test]
    fn write_json_writes_the_very_bytes_of_to_json() {
        for plan in PLANS {
            let assessment = assess(plan, &Options::default());
            let mut streamed = Vec::new();
            assessment
                .write_json(&mut streamed)
                .expect("writing to memory cannot fail");
            let whole = assessment.to_json();
            assert_eq!(String::from_utf8_lossy(&streamed), whole, "plan {plan:?}");
        }
        // The plans really do carry hidden characters into the JSON, escaped.
        let json = assess(PLANS[0], &Options::default()).to_json();
        assert!(json.contains("\\u202e") && json.contains("\\u009b") && json.contains("\\u007f"));
        let tags = assess(PLANS[1], &Options::default()).to_json();
        assert!(tags.contains("\\udb40\\udc72"));
    }

    #[test]
    fn a_character_split_across_writes_is_escaped_whole() {
        let text = "a \u{9B} b \u{202E} c \u{E0072} d ✓ \u{7F}";
        let expected = super::escape_hidden(text.to_string());
        // One byte per write: every multi-byte character arrives in pieces.
        let mut out = Vec::new();
        let mut writer = EscapeHidden {
            inner: &mut out,
            partial: [0; 4],
            partial_len: 0,
        };
        for byte in text.as_bytes() {
            writer
                .write_all(std::slice::from_ref(byte))
                .expect("memory");
        }
        writer.finish().expect("memory");
        assert_eq!(String::from_utf8_lossy(&out), expected);
    }
}
