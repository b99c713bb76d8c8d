//! The answer in each agent's own convention: what goes to stdout and stderr, and the exit
//! status. docs/integrations.md has the same table for people.
//!
//! | agent | ask | deny | cannot read the payload |
//! |---|---|---|---|
//! | claude-code | `permissionDecision: "ask"` | `"deny"` | exit 2, reason on stderr |
//! | codex | (no ask: deny) | `permissionDecision: "deny"` | exit 2, reason on stderr |
//! | gemini-cli | (no ask: deny) | `decision: "deny"` | exit 2, reason on stderr |
//! | cursor | `permission: "ask"` | `permission: "deny"` | `permission: "deny"` |
//! | copilot | `permissionDecision: "ask"` | `"deny"` | exit 2 (a failed hook denies) |
//!
//! A call that passes gets no decision at all (Cursor gets `{}`, since it wants JSON): an
//! explicit "allow" would skip the agent's own permission prompt, which is not ours to skip.

use super::Agent;
use serde_json::json;

/// What the hook tells the agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// No decision: the agent's own permission rules apply.
    Pass,
    Ask,
    Deny,
}

impl Answer {
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Pass => "pass",
            Answer::Ask => "ask",
            Answer::Deny => "deny",
        }
    }
}

/// The process's output and exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub stdout: String,
    pub stderr: String,
    pub status: u8,
}

/// What this agent can be told for `wanted`: an agent whose hook cannot ask gets a refusal
/// instead, since letting the call through would weaken the decision.
pub fn effective(agent: Agent, wanted: Answer) -> Answer {
    match (agent, wanted) {
        (Agent::Codex | Agent::GeminiCli, Answer::Ask) => Answer::Deny,
        _ => wanted,
    }
}

/// The reply for a decision the engine made.
pub fn decided(agent: Agent, wanted: Answer, reason: &str) -> Reply {
    let answer = effective(agent, wanted);
    let reason = if answer != wanted {
        format!(
            "Needs a person's approval, which {} hooks cannot ask for: {reason}",
            agent.display()
        )
    } else {
        reason.to_string()
    };
    let json = match (agent, answer) {
        (Agent::Cursor, Answer::Pass) => Some(json!({})),
        (_, Answer::Pass) => None,
        (Agent::ClaudeCode | Agent::Codex, _) => Some(json!({
            "hookSpecificOutput": {
                "hookEventName": "PreToolUse",
                "permissionDecision": answer.as_str(),
                "permissionDecisionReason": reason,
            }
        })),
        (Agent::GeminiCli, _) => Some(json!({ "decision": "deny", "reason": reason })),
        (Agent::Cursor, _) => Some(json!({
            "permission": answer.as_str(),
            "user_message": reason,
            "agent_message": reason,
        })),
        (Agent::Copilot, _) => Some(json!({
            "permissionDecision": answer.as_str(),
            "permissionDecisionReason": reason,
        })),
    };
    Reply {
        stdout: json.map(|value| format!("{value}\n")).unwrap_or_default(),
        stderr: String::new(),
        status: 0,
    }
}

/// The reply for a payload that could not be read (or a policy or input that could not be):
/// a refusal in the agent's blocking convention, with the reason on one line.
pub fn unreadable(agent: Agent, reason: &str) -> Reply {
    let reason = format!("approval-risk refused a payload it could not read: {reason}");
    match agent {
        // Cursor reads its answer from stdout; a failed hook may be let through there.
        Agent::Cursor => Reply {
            stdout: format!(
                "{}\n",
                json!({ "permission": "deny", "user_message": reason, "agent_message": reason })
            ),
            stderr: String::new(),
            status: 0,
        },
        // Exit 2 with the reason on stderr blocks in Claude Code, Gemini CLI and Codex, and any
        // non-zero exit of a command hook denies in Copilot.
        _ => Reply {
            stdout: String::new(),
            stderr: format!("{reason}\n"),
            status: 2,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pass_says_nothing_except_to_cursor() {
        for agent in Agent::ALL {
            let reply = decided(agent, Answer::Pass, "fine");
            assert_eq!(reply.status, 0);
            if agent == Agent::Cursor {
                assert_eq!(reply.stdout, "{}\n");
            } else {
                assert!(reply.stdout.is_empty(), "{agent:?}: {}", reply.stdout);
            }
        }
    }

    #[test]
    fn agents_that_cannot_ask_are_told_to_deny() {
        for agent in [Agent::Codex, Agent::GeminiCli] {
            let reply = decided(agent, Answer::Ask, "Destroys everything.");
            assert!(reply.stdout.contains("deny"), "{}", reply.stdout);
            assert!(reply.stdout.contains("Needs a person's approval"));
            assert!(!reply.stdout.contains("\"ask\""));
        }
        let claude = decided(Agent::ClaudeCode, Answer::Ask, "Destroys everything.");
        assert!(claude.stdout.contains(r#""permissionDecision":"ask""#));
    }

    #[test]
    fn an_unreadable_payload_is_refused_by_every_agent() {
        for agent in Agent::ALL {
            let reply = unreadable(agent, "not JSON");
            let refused = reply.status == 2 || reply.stdout.contains(r#""permission":"deny""#);
            assert!(refused, "{agent:?} would let it through: {reply:?}");
            assert!(reply.stdout.contains("not JSON") || reply.stderr.contains("not JSON"));
            assert!(reply.stderr.lines().count() <= 1);
        }
    }
}
