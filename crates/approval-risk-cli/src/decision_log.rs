//! The decision log (`--log FILE`): one JSON line per decision, appended, for an audit trail of
//! what was allowed, asked and refused.
//!
//! A line holds the time (RFC 3339, UTC), which command and agent decided, the SHA-256 of the
//! text assessed, the decision, the rules and the reason; the text itself only with
//! `--log-text`, since commands and plans carry secrets. Each line is written with one `write`
//! to a file opened with `O_APPEND`, so hooks running at the same time never interleave their
//! lines.

use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// What one line records.
pub struct Entry<'a> {
    /// `hook` or `assess`.
    pub command: &'a str,
    /// The agent whose hook asked; `None` for `assess`.
    pub agent: Option<&'a str>,
    /// The tool the hook was asked about (`Bash`, `mcp__github__delete_repo`).
    pub tool: Option<&'a str>,
    /// The plan file, when the plan came from one.
    pub file: Option<&'a str>,
    /// The text assessed; hashed always, logged only with `--log-text`.
    pub text: &'a str,
    /// The engine's decision; `None` when the payload could not be read.
    pub decision: Option<&'a str>,
    /// What the hook answered (`pass`, `ask`, `deny`); `None` for `assess`.
    pub answer: Option<&'a str>,
    pub rules: &'a [String],
    pub reason: &'a str,
}

/// The SHA-256 of `text` in lower-case hex.
pub fn sha256_hex(text: &[u8]) -> String {
    Sha256::digest(text)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The line for `entry` at `time`, without its line break.
pub fn line(entry: &Entry<'_>, time: SystemTime, with_text: bool) -> String {
    let mut fields = Map::new();
    fields.insert("time".into(), json!(rfc3339_utc(time)));
    fields.insert("command".into(), json!(entry.command));
    fields.insert("agent".into(), json!(entry.agent));
    if let Some(tool) = entry.tool {
        fields.insert("tool".into(), json!(tool));
    }
    if let Some(file) = entry.file {
        fields.insert("file".into(), json!(file));
    }
    fields.insert("sha256".into(), json!(sha256_hex(entry.text.as_bytes())));
    fields.insert("decision".into(), json!(entry.decision));
    if let Some(answer) = entry.answer {
        fields.insert("answer".into(), json!(answer));
    }
    fields.insert("rules".into(), json!(entry.rules));
    fields.insert("reason".into(), json!(entry.reason));
    if with_text {
        fields.insert("text".into(), json!(entry.text));
    }
    // serde_json escapes every control character, so a command with line breaks stays on one
    // line of the log.
    Value::Object(fields).to_string()
}

/// Appends `entry` to the log at `path`, creating it if needed.
pub fn append(path: &Path, entry: &Entry<'_>, with_text: bool) -> Result<(), String> {
    let mut record = line(entry, SystemTime::now(), with_text);
    record.push('\n');
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|error| format!("cannot open the log {}: {error}", path.display()))?;
    // One `write` for the whole line: with O_APPEND the kernel places it at the end in one
    // piece. A short write (a full disk) is finished rather than left half-written.
    let written = file
        .write(record.as_bytes())
        .map_err(|error| format!("cannot write the log {}: {error}", path.display()))?;
    if written < record.len() {
        file.write_all(&record.as_bytes()[written..])
            .map_err(|error| format!("cannot write the log {}: {error}", path.display()))?;
    }
    Ok(())
}

/// `2026-12-03T09:41:07Z`: seconds since the epoch as a UTC date and time (RFC 3339), by the
/// days-to-civil algorithm, so the binary needs no date crate. A clock before 1970 is written
/// as the epoch.
pub fn rfc3339_utc(time: SystemTime) -> String {
    let seconds = time
        .duration_since(UNIX_EPOCH)
        .map(|since| since.as_secs())
        .unwrap_or(0);
    let days = (seconds / 86_400) as i64;
    let of_day = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

/// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date of a day count from
/// 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn times_are_rfc3339_utc() {
        assert_eq!(rfc3339_utc(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let leap_day = UNIX_EPOCH + Duration::from_secs(951_782_400 + 3_661);
        assert_eq!(rfc3339_utc(leap_day), "2000-02-29T01:01:01Z");
        let later = UNIX_EPOCH + Duration::from_secs(1_798_761_599);
        assert_eq!(rfc3339_utc(later), "2026-12-31T23:59:59Z");
    }

    #[test]
    fn sha256_matches_the_standard_vector() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn the_text_is_left_out_unless_asked_for() {
        let entry = Entry {
            command: "hook",
            agent: Some("claude-code"),
            tool: Some("Bash"),
            file: None,
            text: "rm -rf /\necho done",
            decision: Some("block"),
            answer: Some("deny"),
            rules: &["fs.rm-recursive".to_string()],
            reason: "Deletes a directory tree.",
        };
        let without = line(&entry, UNIX_EPOCH, false);
        assert!(!without.contains("rm -rf"), "{without}");
        assert!(!without.contains('\n'));
        let with = line(&entry, UNIX_EPOCH, true);
        assert!(with.contains(r#""text":"rm -rf /\necho done""#), "{with}");
    }
}
