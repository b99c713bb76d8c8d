//! End-to-end tests of `approval-risk hook`: every agent's documented payload shapes, kept as
//! fixtures in `tests/fixtures/hooks/<agent>/`, piped through the built binary, with the answer
//! and the exit status read the way that agent reads them.

// A failing test says what it saw through `panic!` with the output attached.
#![allow(clippy::panic)]

mod common;

use common::{crate_dir, run, scratch, Run};
use serde_json::Value;

const AGENTS: [&str; 5] = ["claude-code", "gemini-cli", "codex", "cursor", "copilot"];

/// What the agent does with the hook's reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Heard {
    /// No decision: the agent's own permission rules apply.
    Nothing,
    Ask,
    Deny,
    /// The agent treats the hook's exit status as a refusal (exit 2, or any failure in Copilot).
    Refused,
}

/// Reads a reply as `agent` does (docs/integrations.md has the table).
fn heard(agent: &str, run: &Run) -> Heard {
    if run.status == 2 {
        return Heard::Refused;
    }
    assert_eq!(
        run.status, 0,
        "{agent}: unexpected status; stderr: {}",
        run.stderr
    );
    if run.stdout.trim().is_empty() {
        assert_ne!(agent, "cursor", "Cursor wants JSON on stdout");
        return Heard::Nothing;
    }
    let reply: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|error| panic!("{agent}: stdout is not JSON ({error}): {}", run.stdout));
    let decision = match agent {
        "claude-code" | "codex" => {
            assert_eq!(reply["hookSpecificOutput"]["hookEventName"], "PreToolUse");
            reply["hookSpecificOutput"]["permissionDecision"].clone()
        }
        "gemini-cli" => reply["decision"].clone(),
        "cursor" => reply["permission"].clone(),
        "copilot" => reply["permissionDecision"].clone(),
        _ => panic!("unknown agent {agent}"),
    };
    match decision.as_str() {
        Some("ask") => Heard::Ask,
        Some("deny") => Heard::Deny,
        None if agent == "cursor" && reply == serde_json::json!({}) => Heard::Nothing,
        other => panic!("{agent}: unexpected decision {other:?} in {}", run.stdout),
    }
}

/// The reason the reply gives, wherever the agent's format puts it.
fn reason(run: &Run) -> String {
    let reply: Value = serde_json::from_str(&run.stdout).unwrap_or(Value::Null);
    [
        &reply["hookSpecificOutput"]["permissionDecisionReason"],
        &reply["reason"],
        &reply["user_message"],
        &reply["permissionDecisionReason"],
    ]
    .iter()
    .find_map(|value| value.as_str().map(str::to_string))
    .unwrap_or_else(|| run.stderr.clone())
}

fn fixture(agent: &str, name: &str) -> Vec<u8> {
    let path = crate_dir()
        .join("tests/fixtures/hooks")
        .join(agent)
        .join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn hook(agent: &str, name: &str, extra: &[&str]) -> Run {
    let mut args = vec!["hook", "--agent", agent];
    args.extend_from_slice(extra);
    run(&args, &fixture(agent, name))
}

#[test]
fn rm_rf_root_is_denied_by_every_agent() {
    for agent in AGENTS {
        let reply = hook(agent, "rm-rf.json", &[]);
        assert_eq!(
            heard(agent, &reply),
            Heard::Deny,
            "{agent}: {}",
            reply.stdout
        );
        assert!(
            reason(&reply).contains("fs.rm-recursive"),
            "{agent}: {}",
            reason(&reply)
        );
    }
    let pascal = hook("copilot", "pascal-case-rm-rf.json", &[]);
    assert_eq!(heard("copilot", &pascal), Heard::Deny);
}

#[test]
fn ls_passes_without_comment_for_every_agent() {
    for agent in AGENTS {
        let reply = hook(agent, "ls.json", &[]);
        assert_eq!(
            heard(agent, &reply),
            Heard::Nothing,
            "{agent}: {}",
            reply.stdout
        );
        assert!(reply.stderr.is_empty(), "{agent}: {}", reply.stderr);
    }
}

#[test]
fn terraform_destroy_is_asked_or_denied_where_the_agent_cannot_ask() {
    for agent in AGENTS {
        let reply = hook(agent, "terraform-destroy.json", &[]);
        let expected = match agent {
            "codex" | "gemini-cli" => Heard::Deny,
            _ => Heard::Ask,
        };
        assert_eq!(heard(agent, &reply), expected, "{agent}: {}", reply.stdout);
        assert!(reason(&reply).contains("iac.terraform-destroy"), "{agent}");
    }
}

#[test]
fn claims_in_the_payload_do_not_lower_the_decision() {
    // The Claude Code and Codex destroy fixtures say "pre-approved" and "bypassPermissions".
    let claude = hook("claude-code", "terraform-destroy.json", &[]);
    assert_eq!(heard("claude-code", &claude), Heard::Ask);
    let codex = hook("codex", "terraform-destroy.json", &[]);
    assert_eq!(heard("codex", &codex), Heard::Deny);
}

#[test]
fn a_broken_payload_is_refused_with_a_one_line_reason() {
    for agent in AGENTS {
        let reply = hook(agent, "broken.json", &[]);
        let answer = heard(agent, &reply);
        let expected = if agent == "cursor" {
            Heard::Deny
        } else {
            Heard::Refused
        };
        assert_eq!(
            answer, expected,
            "{agent}: {} / {}",
            reply.stdout, reply.stderr
        );
        let reason = reason(&reply);
        assert!(reason.contains("could not read"), "{agent}: {reason}");
        assert_eq!(reason.trim_end().lines().count(), 1, "{agent}: {reason:?}");
    }
}

#[test]
fn an_empty_or_oversized_payload_is_refused() {
    for agent in AGENTS {
        let empty = run(&["hook", "--agent", agent], b"");
        assert_ne!(heard(agent, &empty), Heard::Nothing, "{agent}");
        let flood = format!(
            r#"{{"tool_name":"Bash","tool_input":{{"command":"{}"}}}}"#,
            "ls ".repeat(10_000)
        );
        let big = run(
            &["hook", "--agent", agent, "--max-input", "1K"],
            flood.as_bytes(),
        );
        assert_ne!(heard(agent, &big), Heard::Nothing, "{agent}");
        assert!(
            reason(&big).contains("input limit"),
            "{agent}: {}",
            reason(&big)
        );
    }
}

#[test]
fn file_writes_edits_mcp_calls_and_patches_are_assessed() {
    let sudoers = hook("claude-code", "write-sudoers.json", &[]);
    assert_eq!(
        heard("claude-code", &sudoers),
        Heard::Ask,
        "{}",
        sudoers.stdout
    );
    let edit = hook("claude-code", "edit-source.json", &[]);
    assert_eq!(
        heard("claude-code", &edit),
        Heard::Nothing,
        "{}",
        edit.stdout
    );
    let mcp = hook("claude-code", "mcp-delete-repository.json", &[]);
    assert_eq!(heard("claude-code", &mcp), Heard::Ask, "{}", mcp.stdout);
    let cursor_mcp = hook("cursor", "mcp-delete-repository.json", &[]);
    assert_eq!(
        heard("cursor", &cursor_mcp),
        Heard::Ask,
        "{}",
        cursor_mcp.stdout
    );
    let patch = hook("codex", "apply-patch.json", &[]);
    assert_eq!(heard("codex", &patch), Heard::Nothing, "{}", patch.stdout);
    let note = hook("gemini-cli", "write-file.json", &[]);
    assert_eq!(
        heard("gemini-cli", &note),
        Heard::Nothing,
        "{}",
        note.stdout
    );
}

#[test]
fn thresholds_and_context_flags_change_the_answer() {
    // Asking from review on: `rm -rf build` (a review in a workspace) is now asked about.
    let payload = br#"{"tool_name":"Bash","tool_input":{"command":"rm -rf build"}}"#;
    let default = run(&["hook", "--agent", "claude-code"], payload);
    let strict = run(
        &["hook", "--agent", "claude-code", "--ask-at", "review"],
        payload,
    );
    assert_eq!(
        heard("claude-code", &default),
        Heard::Nothing,
        "{}",
        default.stdout
    );
    assert_eq!(
        heard("claude-code", &strict),
        Heard::Ask,
        "{}",
        strict.stdout
    );
    // Denying from escalate: the destroy is refused outright.
    let deny = hook(
        "claude-code",
        "terraform-destroy.json",
        &["--deny-at", "escalate"],
    );
    assert_eq!(heard("claude-code", &deny), Heard::Deny);
    // A change freeze escalates a change that would otherwise pass.
    let change = br#"{"tool_name":"Bash","tool_input":{"command":"kubectl scale deployment web --replicas=3 -n shop"}}"#;
    let calm = run(&["hook", "--agent", "claude-code"], change);
    let frozen = run(
        &["hook", "--agent", "claude-code", "--change-freeze"],
        change,
    );
    assert_eq!(
        heard("claude-code", &calm),
        Heard::Nothing,
        "{}",
        calm.stdout
    );
    assert_eq!(
        heard("claude-code", &frozen),
        Heard::Ask,
        "{}",
        frozen.stdout
    );
}

#[test]
fn a_broken_policy_refuses_rather_than_passes() {
    let dir = scratch("hook-broken-policy");
    let policy = dir.join("policy.json");
    std::fs::write(&policy, "{ nope").expect("written");
    let policy = policy.to_string_lossy().into_owned();
    let reply = run(
        &["hook", "--agent", "claude-code", "--policy", &policy],
        &fixture("claude-code", "ls.json"),
    );
    assert_eq!(
        heard("claude-code", &reply),
        Heard::Refused,
        "{}",
        reply.stderr
    );
}

#[test]
fn bad_usage_exits_2_which_the_agents_read_as_a_refusal() {
    let reply = run(
        &["hook", "--agent", "vim"],
        &fixture("claude-code", "ls.json"),
    );
    assert_eq!(reply.status, 2);
    assert!(reply.stderr.contains("--agent"), "{}", reply.stderr);
}

#[test]
fn every_decision_is_logged_as_one_json_line() {
    let dir = scratch("hook-log");
    let log = dir.join("decisions.jsonl");
    let log_arg = log.to_string_lossy().into_owned();
    for name in ["rm-rf.json", "ls.json", "broken.json"] {
        hook("claude-code", name, &["--log", &log_arg]);
    }
    hook(
        "claude-code",
        "terraform-destroy.json",
        &["--log", &log_arg, "--log-text"],
    );
    let text = std::fs::read_to_string(&log).expect("the log is written");
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[0]["decision"], "block");
    assert_eq!(lines[0]["answer"], "deny");
    assert_eq!(lines[0]["agent"], "claude-code");
    assert_eq!(lines[0]["tool"], "Bash");
    assert_eq!(lines[0]["rules"][0], "fs.rm-recursive");
    // The SHA-256 of `rm -rf /` (as `printf 'rm -rf /' | sha256sum` gives it), and no text
    // without --log-text.
    assert_eq!(
        lines[0]["sha256"],
        "5c7923bd67b06c93279d49c466301c57023822eec29c49e269063e47aecd973c"
    );
    assert!(lines[0].get("text").is_none());
    assert_eq!(lines[1]["answer"], "pass");
    assert_eq!(lines[2]["decision"], Value::Null);
    assert_eq!(lines[2]["answer"], "deny");
    assert_eq!(lines[3]["text"], "terraform destroy -auto-approve");
    let time = lines[0]["time"].as_str().unwrap_or_default();
    assert!(
        time.len() == 20 && time.ends_with('Z') && time.as_bytes()[10] == b'T',
        "{time}"
    );
}

#[test]
fn concurrent_hooks_never_interleave_their_log_lines() {
    let dir = scratch("hook-log-concurrent");
    let log = dir.join("decisions.jsonl");
    let log_arg = log.to_string_lossy().into_owned();
    // Long commands make long lines, which a non-atomic append would be likely to split.
    let command = format!("echo {}", "x".repeat(3000));
    let payload =
        serde_json::json!({"tool_name": "Bash", "tool_input": {"command": command}}).to_string();
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let (log_arg, payload) = (log_arg.clone(), payload.clone());
            std::thread::spawn(move || {
                for _ in 0..5 {
                    run(
                        &[
                            "hook",
                            "--agent",
                            "claude-code",
                            "--log",
                            &log_arg,
                            "--log-text",
                        ],
                        payload.as_bytes(),
                    );
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("the thread finishes");
    }
    let text = std::fs::read_to_string(&log).expect("the log is written");
    assert_eq!(text.lines().count(), 40);
    for line in text.lines() {
        let entry: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(entry["text"].as_str().map(str::len), Some(command.len()));
    }
}
