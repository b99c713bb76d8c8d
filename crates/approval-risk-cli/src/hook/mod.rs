//! `approval-risk hook`: answers an agent's pre-tool hook. Reads the payload on stdin, assesses
//! the call it describes with the same engine and context as `assess`, and answers in the
//! agent's own JSON and exit status.
//!
//! Hook input is hostile: it is read up to `--max-input` bytes, and anything that cannot be read
//! (too big, not JSON, no tool, a broken policy) is refused in the agent's blocking convention,
//! never let through. Nothing in the payload besides the tool and its arguments is read, so no
//! claim in it can lower the decision.

pub mod answer;
pub mod args;
pub mod install;
pub mod payload;

use crate::args::InputSource;
use crate::decision_log::{self, Entry};
use crate::reason;
use answer::{Answer, Reply};
use approval_risk_engine::{assess, Decision, Options, Policy};
use args::HookArgs;
use std::io::{self, Write};

/// The agents whose hooks the binary answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agent {
    ClaudeCode,
    GeminiCli,
    Codex,
    Cursor,
    Copilot,
}

impl Agent {
    pub const ALL: [Agent; 5] = [
        Agent::ClaudeCode,
        Agent::GeminiCli,
        Agent::Codex,
        Agent::Cursor,
        Agent::Copilot,
    ];

    /// The name `--agent` takes.
    pub fn name(self) -> &'static str {
        match self {
            Agent::ClaudeCode => "claude-code",
            Agent::GeminiCli => "gemini-cli",
            Agent::Codex => "codex",
            Agent::Cursor => "cursor",
            Agent::Copilot => "copilot",
        }
    }

    /// The product's own name, for sentences.
    pub fn display(self) -> &'static str {
        match self {
            Agent::ClaudeCode => "Claude Code",
            Agent::GeminiCli => "Gemini CLI",
            Agent::Codex => "Codex",
            Agent::Cursor => "Cursor",
            Agent::Copilot => "Copilot",
        }
    }

    pub fn parse(text: &str) -> Option<Agent> {
        let wanted = text.trim().to_ascii_lowercase();
        Agent::ALL.into_iter().find(|agent| agent.name() == wanted)
    }
}

/// Answers one hook call; returns the exit status. Only a failure to write the answer itself is
/// an error, and then there is nobody left to tell.
pub fn run(request: &HookArgs) -> u8 {
    let agent = request.agent;
    let reply = match decide(request) {
        Ok(reply) => reply,
        Err(reason) => {
            log(
                request,
                &Entry {
                    command: "hook",
                    agent: Some(agent.name()),
                    tool: None,
                    file: None,
                    text: "",
                    decision: None,
                    answer: Some(Answer::Deny.as_str()),
                    rules: &[],
                    reason: &reason,
                },
            );
            answer::unreadable(agent, &reason)
        }
    };
    // If stdout or stderr is gone the agent reads no answer; the exit status still carries it.
    let _ = io::stdout().lock().write_all(reply.stdout.as_bytes());
    let _ = io::stderr().lock().write_all(reply.stderr.as_bytes());
    reply.status
}

/// Reads, assesses and answers; `Err` is the one-line reason the payload cannot be judged.
fn decide(request: &HookArgs) -> Result<Reply, String> {
    let policy = match &request.common.policy {
        Some(path) => crate::read_policy(path)?,
        None => Policy::default(),
    };
    let text = crate::read_plan(&InputSource::Stdin, request.common.max_input)?;
    let call = payload::read(request.agent, &text)?;
    let options = Options {
        context: request.common.context,
        policy,
        format: Some(call.format()),
    };
    let assessment = assess(call.text(), &options);
    let deciding = reason::deciding(&assessment);
    let wanted = answer_for(deciding.decision, request);
    let answer = answer::effective(request.agent, wanted);
    log(
        request,
        &Entry {
            command: "hook",
            agent: Some(request.agent.name()),
            tool: Some(call.tool()),
            file: None,
            text: call.text(),
            decision: Some(deciding.decision.as_str()),
            answer: Some(answer.as_str()),
            rules: &deciding.rules,
            reason: &deciding.reason,
        },
    );
    Ok(answer::decided(request.agent, wanted, &deciding.reason))
}

/// The answer a decision gets under the thresholds; the stricter one wins where they meet.
pub fn answer_for(decision: Decision, request: &HookArgs) -> Answer {
    if decision >= request.deny_at {
        Answer::Deny
    } else if decision >= request.ask_at {
        Answer::Ask
    } else {
        Answer::Pass
    }
}

/// Appends to `--log` if asked. A log that cannot be written changes no answer (a wrong path
/// must not stop every tool call, nor let any through) but is said on stderr, which the agents
/// show in their hook output.
fn log(request: &HookArgs, entry: &Entry<'_>) {
    if let Some(path) = &request.common.log {
        if let Err(reason) = decision_log::append(path, entry, request.common.log_text) {
            let _ = writeln!(io::stderr(), "approval-risk: {reason}");
        }
    }
}
