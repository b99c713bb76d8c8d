//! The command line of `approval-risk hook` and `approval-risk hook install`.
//!
//! Bad usage is exit status 2, which every agent but Cursor reads as "refuse the call": a hook
//! whose command line was mistyped blocks tool calls rather than letting them all through.

use super::Agent;
use crate::args::{
    common_option, invalid_value, split_option, take_path, take_value, unknown_option, Command,
    Common, UsageError, SEE_HELP,
};
use approval_risk_engine::Decision;
use std::ffi::OsString;
use std::path::PathBuf;

/// Everything `hook` needs besides the payload.
#[derive(Debug, Clone, PartialEq)]
pub struct HookArgs {
    pub agent: Agent,
    /// Ask the person from this decision on.
    pub ask_at: Decision,
    /// Refuse the call from this decision on.
    pub deny_at: Decision,
    pub common: Common,
}

/// `hook install`: where the settings go and whether to write them.
#[derive(Debug, Clone, PartialEq)]
pub struct InstallArgs {
    pub agent: Agent,
    pub settings: PathBuf,
    pub write: bool,
    /// The command line the agent runs for each tool call.
    pub command: String,
}

const HOOK_OPTIONS: [&str; 13] = [
    "--agent",
    "--ask-at",
    "--deny-at",
    "--target",
    "--credentials",
    "--change-freeze",
    "--policy",
    "--max-input",
    "--log",
    "--log-text",
    "--help",
    "--version",
    "install",
];

const INSTALL_OPTIONS: [&str; 5] = ["--agent", "--settings", "--write", "--command", "--help"];

/// The decisions a threshold may name: `proceed` would ask about every `ls`.
const THRESHOLDS: &str = "review, escalate or block";

/// Parses the arguments after `hook`.
pub fn parse(args: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut args = args.peekable();
    if args.peek().is_some_and(|first| first == "install") {
        args.next();
        return parse_install(args);
    }
    let mut agent = None;
    let mut ask_at = Decision::Escalate;
    let mut deny_at = Decision::Block;
    let mut common = Common::default();
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else {
            return Err(UsageError(format!(
                "unexpected argument `{}`: the hook reads its payload from standard input \
                 ({SEE_HELP})",
                arg.to_string_lossy()
            )));
        };
        let (name, inline_value) = split_option(text);
        if common_option(name, inline_value.clone(), &mut args, &mut common)? {
            continue;
        }
        match name {
            "--help" | "-h" => return Ok(Command::HookHelp),
            "--version" | "-V" => return Ok(Command::Version),
            "--agent" => agent = Some(take_agent(inline_value, &mut args)?),
            "--ask-at" | "--deny-at" => {
                let value = take_value(name, inline_value, &mut args, THRESHOLDS)?;
                let decision = Decision::parse(&value)
                    .filter(|decision| *decision > Decision::Proceed)
                    .ok_or_else(|| invalid_value(name, &value, THRESHOLDS))?;
                if name == "--ask-at" {
                    ask_at = decision;
                } else {
                    deny_at = decision;
                }
            }
            other if !other.starts_with('-') => {
                return Err(UsageError(format!(
                    "unexpected argument `{other}`: the hook reads its payload from standard \
                     input ({SEE_HELP})"
                )))
            }
            _ => return Err(unknown_option(name, &HOOK_OPTIONS)),
        }
    }
    let agent = agent.ok_or_else(missing_agent)?;
    Ok(Command::Hook(HookArgs {
        agent,
        ask_at,
        deny_at,
        common,
    }))
}

fn parse_install(mut args: impl Iterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut agent = None;
    let mut settings = None;
    let mut write = false;
    let mut command = None;
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        let (name, inline_value) = split_option(&text);
        match name {
            "--help" | "-h" => return Ok(Command::HookHelp),
            "--agent" => agent = Some(take_agent(inline_value, &mut args)?),
            "--settings" => {
                settings = Some(take_path(name, inline_value, &mut args, "a settings file")?)
            }
            "--command" => {
                command = Some(take_value(name, inline_value, &mut args, "a command line")?)
            }
            "--write" if inline_value.is_none() => write = true,
            "--write" => {
                return Err(UsageError(format!(
                    "option --write takes no value ({SEE_HELP})"
                )))
            }
            _ => return Err(unknown_option(name, &INSTALL_OPTIONS)),
        }
    }
    let agent = agent.ok_or_else(missing_agent)?;
    if agent != Agent::ClaudeCode {
        // The other agents' settings files are documented in docs/integrations.md; writing them
        // is not done here yet, and saying so beats writing a file they may not read.
        return Err(UsageError(format!(
            "hook install writes Claude Code settings only; for {} see docs/integrations.md",
            agent.name()
        )));
    }
    Ok(Command::HookInstall(InstallArgs {
        agent,
        settings: settings.unwrap_or_else(|| PathBuf::from(".claude/settings.json")),
        write,
        command: command.unwrap_or_else(|| "approval-risk hook --agent claude-code".to_string()),
    }))
}

fn take_agent(
    inline_value: Option<String>,
    args: &mut impl Iterator<Item = OsString>,
) -> Result<Agent, UsageError> {
    let expected = "claude-code, gemini-cli, codex, cursor or copilot";
    let value = take_value("--agent", inline_value, args, expected)?;
    Agent::parse(&value).ok_or_else(|| invalid_value("--agent", &value, expected))
}

fn missing_agent() -> UsageError {
    UsageError(format!(
        "missing --agent (claude-code, gemini-cli, codex, cursor or copilot; {SEE_HELP})"
    ))
}

#[cfg(test)]
// A failing test says what it got through `panic!`.
#[allow(clippy::panic)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, UsageError> {
        crate::args::parse(args.iter().map(OsString::from))
    }

    #[test]
    fn hook_defaults_ask_at_escalate_and_deny_at_block() {
        match parse_strs(&["hook", "--agent", "claude-code"]) {
            Ok(Command::Hook(args)) => {
                assert_eq!(args.agent, Agent::ClaudeCode);
                assert_eq!(args.ask_at, Decision::Escalate);
                assert_eq!(args.deny_at, Decision::Block);
            }
            other => panic!("expected hook arguments, got {other:?}"),
        }
    }

    #[test]
    fn hook_needs_an_agent_and_a_real_threshold() {
        for (args, says) in [
            (vec!["hook"], "missing --agent"),
            (vec!["hook", "--agent", "vim"], "invalid value `vim`"),
            (
                vec!["hook", "--agent", "codex", "--ask-at", "proceed"],
                "invalid value `proceed`",
            ),
            (
                vec!["hook", "--agent", "codex", "payload.json"],
                "standard input",
            ),
        ] {
            match parse_strs(&args) {
                Err(UsageError(message)) => assert!(message.contains(says), "{message}"),
                other => panic!("{args:?} should be refused, got {other:?}"),
            }
        }
    }

    #[test]
    fn install_defaults_to_the_project_settings_and_printing() {
        match parse_strs(&["hook", "install", "--agent=claude-code"]) {
            Ok(Command::HookInstall(args)) => {
                assert!(!args.write);
                assert_eq!(args.settings, PathBuf::from(".claude/settings.json"));
            }
            other => panic!("expected install arguments, got {other:?}"),
        }
        assert!(parse_strs(&["hook", "install", "--agent", "cursor"]).is_err());
    }

    #[test]
    fn the_help_names_the_hook_options() {
        for option in HOOK_OPTIONS.iter().chain(INSTALL_OPTIONS.iter()) {
            if option.starts_with("--") && *option != "--version" {
                assert!(
                    crate::help::HOOK_HELP.contains(option),
                    "{option} is accepted but not in the hook help"
                );
            }
        }
    }
}
