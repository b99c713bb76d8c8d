//! Reading an agent's pre-tool hook payload into the one call the engine assesses.
//!
//! Each agent documents its own field names (docs/integrations.md names the pages); whatever
//! the agent, the call is a shell command, assessed as a shell script, or another tool call (a
//! file write or edit, an MCP tool), assessed as a one-call JSON transcript through the
//! engine's own tool-call reading. Only the tool's name and its arguments are read: nothing
//! else in the payload (a permission mode, a description, a claim that the call is safe) can
//! change the decision.

use super::Agent;
use approval_risk_engine::Format;
use serde_json::{json, Map, Value};

/// The call a payload asks about, as the text the engine assesses.
#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    /// A shell command, exactly as the agent would run it.
    Shell { tool: String, command: String },
    /// Any other tool call, written as `{"tool_name": ..., "tool_input": ...}` (or a JSON array
    /// of such calls for a patch that touches several files).
    Tool { tool: String, transcript: String },
}

impl Call {
    /// The text assessed, hashed and (with `--log-text`) logged.
    pub fn text(&self) -> &str {
        match self {
            Call::Shell { command, .. } => command,
            Call::Tool { transcript, .. } => transcript,
        }
    }

    /// The format the engine reads the text as; never left to detection, since a command like
    /// `Delete the cache` must not be read as prose.
    pub fn format(&self) -> Format {
        match self {
            Call::Shell { .. } => Format::Shell,
            Call::Tool { .. } => Format::Json,
        }
    }

    pub fn tool(&self) -> &str {
        match self {
            Call::Shell { tool, .. } | Call::Tool { tool, .. } => tool,
        }
    }
}

/// Tool names that run their `command` argument in a shell, lower-cased: Claude Code and Codex
/// `Bash`, Gemini CLI `run_shell_command`, Copilot `bash` and `powershell`, Cursor `Shell`,
/// Codex's older `shell`, `local_shell` and `exec_command`.
const SHELL_TOOLS: [&str; 8] = [
    "bash",
    "shell",
    "run_shell_command",
    "powershell",
    "exec_command",
    "local_shell",
    "shell_command",
    "run_terminal_cmd",
];

/// Reads the payload `text` of `agent`, or says in one line why it cannot be read.
pub fn read(agent: Agent, text: &str) -> Result<Call, String> {
    let value: Value = serde_json::from_str(text)
        .map_err(|error| format!("the {} payload is not JSON ({error})", agent.name()))?;
    let Value::Object(payload) = value else {
        return Err(format!("the {} payload is not a JSON object", agent.name()));
    };
    let (tool, input) = match agent {
        Agent::ClaudeCode | Agent::Codex | Agent::GeminiCli => {
            tool_and_input(&payload, "tool_name", "tool_input")?
        }
        // Copilot writes `toolName` and `toolArgs` (a JSON string) for hooks configured as
        // `preToolUse`, and Claude Code's names for hooks configured as `PreToolUse`.
        Agent::Copilot if payload.contains_key("toolName") => {
            tool_and_input(&payload, "toolName", "toolArgs")?
        }
        Agent::Copilot => tool_and_input(&payload, "tool_name", "tool_input")?,
        Agent::Cursor => return cursor(&payload),
    };
    normalize(tool, input)
}

/// Cursor's `beforeShellExecution` has the command at the top; `beforeMCPExecution` (and the
/// newer `preToolUse`) name a tool. The MCP event's own `command` is how the MCP server is
/// started, not a command the call runs, so a tool name always wins.
fn cursor(payload: &Map<String, Value>) -> Result<Call, String> {
    if payload.contains_key("tool_name") {
        let (tool, input) = tool_and_input(payload, "tool_name", "tool_input")?;
        return normalize(tool, input);
    }
    match payload.get("command") {
        Some(Value::String(command)) => Ok(Call::Shell {
            tool: "shell".to_string(),
            command: command.clone(),
        }),
        _ => Err("the cursor payload has neither a command nor a tool_name".to_string()),
    }
}

/// The tool's name and arguments under the given keys. Arguments written as a JSON string (as
/// Copilot and Cursor do) are parsed; arguments that are neither an object nor such a string
/// cannot be read.
fn tool_and_input(
    payload: &Map<String, Value>,
    name_key: &str,
    input_key: &str,
) -> Result<(String, Value), String> {
    let tool = match payload.get(name_key) {
        Some(Value::String(tool)) if !tool.trim().is_empty() => tool.clone(),
        Some(_) => return Err(format!("`{name_key}` is not a tool name")),
        None => return Err(format!("the payload has no `{name_key}`")),
    };
    let input = match payload.get(input_key) {
        Some(Value::Object(fields)) => Value::Object(fields.clone()),
        Some(Value::String(text)) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(fields)) => Value::Object(fields),
            _ => return Err(format!("`{input_key}` of {tool} is not a JSON object")),
        },
        Some(_) => return Err(format!("`{input_key}` of {tool} is not an object")),
        None => return Err(format!("the payload has no `{input_key}` for {tool}")),
    };
    Ok((tool, input))
}

/// The call a tool name and its arguments make: shell tools become their command, a patch
/// becomes the file changes it makes, and anything else stays a tool call.
fn normalize(tool: String, input: Value) -> Result<Call, String> {
    let lower = tool.to_ascii_lowercase();
    if SHELL_TOOLS.contains(&lower.as_str()) {
        return match input.get("command").or_else(|| input.get("cmd")) {
            Some(Value::String(command)) => Ok(Call::Shell {
                tool,
                command: command.clone(),
            }),
            // An argv list (`["rm", "-rf", "/x"]`) is one command, which the engine's
            // transcript reader already knows how to read.
            Some(Value::Array(_)) => Ok(tool_call(tool, input)),
            _ => Err(format!("the {tool} call has no command")),
        };
    }
    if lower == "apply_patch" {
        let patch = ["command", "input", "patch"]
            .iter()
            .find_map(|key| input.get(*key).and_then(Value::as_str))
            .ok_or_else(|| format!("the {tool} call has no patch"))?;
        let changes = patch_changes(patch);
        if changes.is_empty() {
            return Err(format!("the {tool} patch names no file"));
        }
        return Ok(Call::Tool {
            tool,
            transcript: Value::Array(changes).to_string(),
        });
    }
    Ok(tool_call(tool, input))
}

fn tool_call(tool: String, input: Value) -> Call {
    let transcript = json!({ "tool_name": tool, "tool_input": input }).to_string();
    Call::Tool { tool, transcript }
}

/// The file changes of a Codex patch (`*** Add File: p`, `*** Update File: p`, `*** Move to:
/// p`, `*** Delete File: p`), each as the tool call that makes it: a new file is written whole
/// (its added lines are what a later step may run), an update is an edit, a move and a
/// deletion say so.
fn patch_changes(patch: &str) -> Vec<Value> {
    let mut changes = Vec::new();
    let mut adding: Option<(String, String)> = None;
    let mut updating: Option<String> = None;
    let finish_add = |adding: &mut Option<(String, String)>, changes: &mut Vec<Value>| {
        if let Some((path, content)) = adding.take() {
            changes.push(json!({
                "tool_name": "Write",
                "tool_input": { "file_path": path, "content": content },
            }));
        }
    };
    for line in patch.lines() {
        let header = line.trim_end();
        if let Some(path) = header.strip_prefix("*** Add File: ") {
            finish_add(&mut adding, &mut changes);
            updating = None;
            adding = Some((path.trim().to_string(), String::new()));
        } else if let Some(path) = header.strip_prefix("*** Update File: ") {
            finish_add(&mut adding, &mut changes);
            let path = path.trim().to_string();
            changes.push(json!({ "tool_name": "Edit", "tool_input": { "file_path": path } }));
            updating = Some(path);
        } else if let Some(path) = header.strip_prefix("*** Delete File: ") {
            finish_add(&mut adding, &mut changes);
            updating = None;
            changes.push(json!({
                "tool_name": "delete_file",
                "tool_input": { "file_path": path.trim() },
            }));
        } else if let Some(destination) = header.strip_prefix("*** Move to: ") {
            if let Some(source) = updating.take() {
                changes.push(json!({
                    "tool_name": "move_file",
                    "tool_input": { "source": source, "destination": destination.trim() },
                }));
            }
        } else if let (Some((_, content)), Some(added)) = (adding.as_mut(), line.strip_prefix('+'))
        {
            content.push_str(added);
            content.push('\n');
        }
    }
    finish_add(&mut adding, &mut changes);
    changes
}

#[cfg(test)]
// A failing test says what it got through `panic!`.
#[allow(clippy::panic)]
mod tests {
    use super::*;

    fn shell(agent: Agent, payload: &str) -> String {
        match read(agent, payload) {
            Ok(Call::Shell { command, .. }) => command,
            other => panic!("expected a shell command, got {other:?}"),
        }
    }

    #[test]
    fn each_agent_s_shell_command_is_found() {
        let claude = r#"{"tool_name":"Bash","tool_input":{"command":"rm -rf /"}}"#;
        assert_eq!(shell(Agent::ClaudeCode, claude), "rm -rf /");
        let gemini = r#"{"tool_name":"run_shell_command","tool_input":{"command":"ls"}}"#;
        assert_eq!(shell(Agent::GeminiCli, gemini), "ls");
        let copilot = r#"{"toolName":"bash","toolArgs":"{\"command\":\"rm -rf dist\"}"}"#;
        assert_eq!(shell(Agent::Copilot, copilot), "rm -rf dist");
        let cursor = r#"{"hook_event_name":"beforeShellExecution","command":"ls","cwd":"/w"}"#;
        assert_eq!(shell(Agent::Cursor, cursor), "ls");
    }

    #[test]
    fn an_mcp_call_stays_a_tool_call_even_with_a_server_command() {
        let cursor = r#"{"hook_event_name":"beforeMCPExecution","tool_name":"delete_repo",
            "tool_input":"{\"repo\":\"acme/payments\"}","command":"npx github-mcp"}"#;
        match read(Agent::Cursor, cursor) {
            Ok(Call::Tool { tool, transcript }) => {
                assert_eq!(tool, "delete_repo");
                assert!(transcript.contains("acme/payments"), "{transcript}");
                assert!(!transcript.contains("npx"), "{transcript}");
            }
            other => panic!("expected a tool call, got {other:?}"),
        }
    }

    #[test]
    fn a_patch_becomes_its_file_changes() {
        let patch = "*** Begin Patch\n*** Add File: run.sh\n+rm -rf /srv\n*** Update File: a.rs\n*** Move to: b.rs\n@@\n-x\n+y\n*** Delete File: c.rs\n*** End Patch\n";
        let payload = json!({"tool_name": "apply_patch", "tool_input": {"command": patch}});
        match read(Agent::Codex, &payload.to_string()) {
            Ok(Call::Tool { transcript, .. }) => {
                let calls: Vec<Value> = serde_json::from_str(&transcript).unwrap_or_default();
                let names: Vec<&str> = calls
                    .iter()
                    .filter_map(|c| c["tool_name"].as_str())
                    .collect();
                assert_eq!(names, ["Write", "Edit", "move_file", "delete_file"]);
                assert_eq!(calls[0]["tool_input"]["content"], "rm -rf /srv\n");
            }
            other => panic!("expected the patch's changes, got {other:?}"),
        }
    }

    #[test]
    fn broken_payloads_are_refused_with_a_reason() {
        for (agent, payload, says) in [
            (Agent::ClaudeCode, "{not json", "not JSON"),
            (Agent::ClaudeCode, "[1, 2]", "not a JSON object"),
            (Agent::ClaudeCode, r#"{"tool_input":{}}"#, "no `tool_name`"),
            (
                Agent::ClaudeCode,
                r#"{"tool_name":"Bash"}"#,
                "no `tool_input`",
            ),
            (
                Agent::ClaudeCode,
                r#"{"tool_name":"Bash","tool_input":{}}"#,
                "no command",
            ),
            (
                Agent::Copilot,
                r#"{"toolName":"bash","toolArgs":"rm -rf /"}"#,
                "not a JSON object",
            ),
            (
                Agent::Cursor,
                r#"{"hook_event_name":"beforeMCPExecution"}"#,
                "neither",
            ),
            (
                Agent::Codex,
                r#"{"tool_name":"apply_patch","tool_input":{"command":"hi"}}"#,
                "names no file",
            ),
        ] {
            match read(agent, payload) {
                Err(reason) => assert!(reason.contains(says), "{payload}: {reason}"),
                Ok(call) => panic!("{payload} should be refused, got {call:?}"),
            }
        }
    }
}
