//! `approval-risk hook install --agent claude-code`: the settings that make Claude Code run the
//! hook before every tool call, printed or merged into a settings file.
//!
//! Merging never loses what is there: the file is parsed first (a file that is not a JSON
//! object is refused, not replaced), the old file is copied to `FILE.bak`, the hook is added to
//! the existing `hooks.PreToolUse` array beside any other hooks, and an identical hook already
//! present is reported rather than added twice.

use super::args::InstallArgs;
use serde_json::{json, Map, Value};
use std::path::Path;

/// Which tools the hook is asked about: every tool, since a file write or an MCP call can be as
/// dangerous as a shell command, and a read costs a few milliseconds.
const MATCHER: &str = "*";

/// The hook's entry in `hooks.PreToolUse`.
pub fn entry(command: &str) -> Value {
    json!({
        "matcher": MATCHER,
        "hooks": [ { "type": "command", "command": command } ]
    })
}

/// The snippet printed without `--write`: a settings file holding only the hook.
pub fn snippet(command: &str) -> String {
    let settings = json!({ "hooks": { "PreToolUse": [ entry(command) ] } });
    let mut text = serde_json::to_string_pretty(&settings).unwrap_or_default();
    text.push('\n');
    text
}

/// What `--write` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new settings file was written.
    Created,
    /// The hook was merged in; the old file is at the backup path.
    Merged { backup: String },
    /// The same hook is already there: nothing was written.
    AlreadyPresent,
}

/// The settings text with the hook merged into `existing`, or why it cannot be.
pub fn merged(existing: &str, command: &str) -> Result<Option<String>, String> {
    let mut settings: Value = if existing.trim().is_empty() {
        Value::Object(Map::new())
    } else {
        serde_json::from_str(existing)
            .map_err(|error| format!("the settings file is not JSON ({error}); not changed"))?
    };
    let Value::Object(root) = &mut settings else {
        return Err("the settings file is not a JSON object; not changed".to_string());
    };
    let hooks = root
        .entry("hooks")
        .or_insert_with(|| Value::Object(Map::new()));
    let Value::Object(hooks) = hooks else {
        return Err("`hooks` in the settings file is not an object; not changed".to_string());
    };
    let pre_tool_use = hooks
        .entry("PreToolUse")
        .or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(groups) = pre_tool_use else {
        return Err("`hooks.PreToolUse` in the settings file is not an array; not changed".into());
    };
    let present = groups.iter().any(|group| {
        group["hooks"]
            .as_array()
            .is_some_and(|list| list.iter().any(|hook| hook["command"] == command))
    });
    if present {
        return Ok(None);
    }
    groups.push(entry(command));
    let mut text = serde_json::to_string_pretty(&settings).unwrap_or_default();
    text.push('\n');
    Ok(Some(text))
}

/// Writes the hook into the settings file of `request`, keeping a backup of what was there.
pub fn write(request: &InstallArgs) -> Result<Outcome, String> {
    let path = &request.settings;
    let shown = path.display();
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(format!("cannot read {shown}: {error}")),
    };
    let Some(text) = merged(existing.as_deref().unwrap_or(""), &request.command)
        .map_err(|reason| format!("{shown}: {reason}"))?
    else {
        return Ok(Outcome::AlreadyPresent);
    };
    let outcome = match &existing {
        Some(old) => {
            let backup = format!("{}.bak", path.display());
            if Path::new(&backup).exists() {
                // An older backup may be the only copy of settings from before an earlier
                // install; it is not ours to overwrite.
                return Err(format!(
                    "{backup} already exists; move it away and run again (nothing was changed)"
                ));
            }
            std::fs::write(&backup, old)
                .map_err(|error| format!("cannot write the backup {backup}: {error}"))?;
            Outcome::Merged { backup }
        }
        None => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
            }
            Outcome::Created
        }
    };
    std::fs::write(path, text).map_err(|error| format!("cannot write {shown}: {error}"))?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMAND: &str = "approval-risk hook --agent claude-code";

    #[test]
    fn merging_keeps_other_settings_and_hooks() {
        let existing = r#"{ "model": "opus", "hooks": { "PreToolUse": [
            { "matcher": "Bash", "hooks": [ { "type": "command", "command": "other-guard" } ] } ] } }"#;
        let text = merged(existing, COMMAND).ok().flatten().unwrap_or_default();
        let settings: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(settings["model"], "opus");
        let groups = settings["hooks"]["PreToolUse"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0]["hooks"][0]["command"], "other-guard");
        assert_eq!(groups[1]["hooks"][0]["command"], COMMAND);
    }

    #[test]
    fn an_identical_hook_is_not_added_twice() {
        let once = merged("", COMMAND).ok().flatten().unwrap_or_default();
        assert_eq!(merged(&once, COMMAND), Ok(None));
    }

    #[test]
    fn settings_that_are_not_an_object_are_refused() {
        for bad in [
            "[1]",
            "{ \"hooks\": [] }",
            "not json",
            "{\"hooks\":{\"PreToolUse\":{}}}",
        ] {
            assert!(merged(bad, COMMAND).is_err(), "{bad}");
        }
    }
}
