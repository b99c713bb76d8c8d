//! The help texts: what `approval-risk --help` and `approval-risk assess --help` print.
//!
//! Kept apart from the parser so the words a user reads can be reviewed on their own; a test in
//! `args` checks that the options named here and the options the parser accepts are the same.

pub const HELP: &str = "\
approval-risk: a second look at an AI agent's plan before you approve it.

Scores each step on reversibility (can it be undone?) and scope (how far does it reach?) and
decides proceed, review, escalate or block, with the reason in plain language.

Usage:
  approval-risk assess [FILE|-] [OPTIONS]   Assess a plan (see approval-risk assess --help)
  approval-risk hook --agent AGENT          Answer an agent's pre-tool hook (see
                                            approval-risk hook --help)
  approval-risk hook install --agent claude-code [--write] [--settings FILE]
                                            Print or merge the hook's settings
  approval-risk --help                      Show this help
  approval-risk --version                   Show the version

Exit status of assess: 0 when the verdict is below --fail-on (default block), 3 when at or
above it, 2 for bad usage or an unreadable plan or policy (or one over the input limit).
The hook answers in each agent's own convention (docs/integrations.md).
";

pub const ASSESS_HELP: &str = "\
Usage: approval-risk assess [FILE|-] [OPTIONS]

Reads the plan from FILE, or from standard input when FILE is `-` or absent, scores each step
on reversibility and scope, and decides proceed, review, escalate or block. Input that is not
UTF-8 is read with the bad bytes replaced.

Input formats, detected unless --input-format says otherwise (a FILE ending in .sh, .bash,
.zsh, .ksh, .ps1 or .psm1 is read as shell, and one ending in .sql as sql):
  prose       numbered or bulleted steps in words, Kiro tasks.md checklists
  markdown    prose with fenced code blocks and inline commands
  shell       shell scripts (quotes, heredocs, pipes, sudo, ssh, kubectl exec, bash -c, ...)
  sql         SQL scripts
  json        tool-call transcripts (Anthropic tool_use, OpenAI tool_calls, MCP tools/call,
              generic {tool, input} calls, JSON Lines), and agent hook payloads
  terraform   `terraform plan` output, `terraform show -json` plans, CloudFormation change sets

Options (as `--format json` or `--format=json`):
  --format text|json|markdown|sarif
        The report: text for a terminal (default), json for the approval-risk/v1 contract,
        markdown for a ticket or pull-request comment, sarif (SARIF 2.1.0) for code scanning.
        With sarif, several FILEs may be given and go into one log.
  --target unknown|development|staging|production
        The environment the plan is meant for. With unknown (default), a target the plan does
        not name is assumed to be production.
  --credentials unknown|scoped|broad|admin
        How far the agent's credentials reach. Broad or admin credentials widen what any
        mistaken step can touch.
  --change-freeze
        A change freeze is in force: any change to shared or production systems escalates,
        and destroying production data that cannot be brought back is blocked.
  --policy FILE
        The organisation's policy (JSON): production name patterns, protected resources,
        rules switched off, per-rule overrides.
  --input-format auto|prose|markdown|shell|sql|json|terraform
        Read the plan as this format instead of detecting it (default auto).
  --fail-on proceed|review|escalate|block
        Exit with status 3 when the verdict is at or above this decision (default block).
  --max-input SIZE
        The largest plan read, in bytes or with K, M or G (default 4M). A bigger plan is
        refused with status 2, never assessed in part.
  --log FILE
        Append one JSON line per plan: the time (UTC), the plan's SHA-256, the verdict, the
        rules that fired and the reason. Appended in one write, so concurrent runs never mix.
  --log-text
        Put the plan's text in the log line too (left out by default: plans hold secrets).
  --rules-url URL
        The https:// address of docs/rules.md, for the rule links (helpUri) in SARIF.
  -h, --help
        Show this help.

Exit status:
  0  the verdict is below --fail-on
  3  the verdict is at or above --fail-on
  2  bad usage, or the plan or policy could not be read (one-line reason on stderr)

Examples:
  approval-risk assess plan.md
  approval-risk assess tasks.md --target production --credentials admin --fail-on escalate
  agent-plan | approval-risk assess - --format json
  approval-risk assess plans/*.md --format sarif > approval-risk.sarif
";

pub const HOOK_HELP: &str = "\
Usage: approval-risk hook --agent AGENT [OPTIONS] < payload.json
       approval-risk hook install --agent claude-code [--write] [--settings FILE]

Reads one pre-tool hook payload from standard input (a shell command, a file write or edit, an
MCP tool call), assesses it like `assess` would, and answers in the agent's own JSON and exit
status. Steps below --ask-at pass without comment, so the agent's own permission rules still
apply; a payload that cannot be read is refused, never let through.

Agents:
  claude-code   PreToolUse: hookSpecificOutput.permissionDecision ask or deny
  gemini-cli    BeforeTool: decision deny (it cannot ask, so an ask is a deny)
  codex         PreToolUse: permissionDecision deny (it cannot ask, so an ask is a deny)
  cursor        beforeShellExecution, beforeMCPExecution: permission ask or deny
  copilot       preToolUse: permissionDecision ask or deny (the cloud agent denies an ask)

Options:
  --agent claude-code|gemini-cli|codex|cursor|copilot
        Whose payload this is and whose answer to write (required).
  --ask-at review|escalate|block
        Ask the person from this decision on (default escalate).
  --deny-at review|escalate|block
        Refuse the call from this decision on (default block).
  --target, --credentials, --change-freeze, --policy, --max-input
        The context, policy and input limit, as for assess.
  --log FILE, --log-text
        Append one JSON line per decision, as for assess, with the agent and the answer.
  -h, --help
        Show this help.

Install (Claude Code):
  --agent claude-code
        The agent whose settings to write (only Claude Code for now).
  --settings FILE
        The settings file (default .claude/settings.json).
  --write
        Merge the hook into FILE, keeping FILE.bak; without it the snippet is printed.
  --command COMMAND
        The command the hook runs (default: approval-risk hook --agent claude-code).

Exit status: as the agent expects (docs/integrations.md); 2 for a payload that cannot be read
(which the agents treat as a refusal) and for bad usage.
";
