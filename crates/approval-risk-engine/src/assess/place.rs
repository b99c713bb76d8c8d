//! Placing a finding on the two axes: the rule's own axes, then the environment the step names,
//! the amplifiers and mitigations in the command, the approver's context and the policy, each
//! recorded as an adjustment with the words that show it.

use super::{Environment, Raised, Scored};
use crate::context::{Credentials, Target};
use crate::model::{decide, Decision, Reversibility, Scope};
use crate::prose::{find_all, Token};
use crate::report::{Adjustment, AdjustmentKind};
use crate::rules::{self, Action, Hit, Preview, Reach, Rule};
use crate::shell::{Command, Input};
use crate::span::Span;
use crate::words::Words;
use crate::Options;

const SKIP_CONFIRMATION: Words = words![
    "-y",
    "--yes",
    "-auto-approve",
    "--auto-approve",
    "--no-verify",
    "--assume-yes",
    "--force-yes",
    "--non-interactive",
    "--no-prompt",
    "--quiet",
    "--no-confirm",
    "--noconfirm",
    "--skip-confirmation",
    "--confirm",
    "--force",
    "--skip-final-snapshot",
    "--no-wait",
    "--yes-i-really-mean-it",
];
/// Of those, the flags that skip a check showing what will happen (terraform's plan, git's
/// hooks, a final snapshot), not only a yes-or-no prompt an agent answers anyway: a change
/// they make reversible is undone only with effort once the check is gone.
const SKIP_CHECK: Words = words![
    "-auto-approve",
    "--auto-approve",
    "--no-verify",
    "--force",
    "--skip-final-snapshot",
    "--yes-i-really-mean-it"
];
const BREADTH: Words = words![
    "--all",
    "-A",
    "--all-namespaces",
    "--recursive",
    "--include-all",
    "--purge",
    "--everything",
    "--cascade",
];

fn note(kind: AdjustmentKind, note: impl Into<String>, evidence: Vec<Span>) -> Adjustment {
    Adjustment {
        kind,
        note: note.into(),
        evidence,
    }
}

pub fn place(
    input: &str,
    rule: &'static Rule,
    hit: Hit,
    command: Option<&Command>,
    tokens: &[Token],
    environment: &Environment,
    options: &Options,
) -> Scored {
    let mut reversibility = hit.reversibility.unwrap_or(rule.reversibility);
    let mut scope = hit.scope.unwrap_or(rule.scope);
    let mut adjustments = Vec::new();
    let mut raised = Vec::new();
    // Where the unnamed-environment adjustment is, should a production directory replace it.
    let mut unnamed_at: Option<usize> = None;
    let mut floor = hit.floor.or(rule.floor);
    let changes = rule.id() != "plan.claims";

    // The environment the step names.
    if changes && hit.scope.is_none() {
        match (rule.reach, environment.production) {
            (Reach::Environment | Reach::Host | Reach::Workspace, Some(span))
                if scope < Scope::Production =>
            {
                scope = Scope::Production;
                adjustments.push(note(
                    AdjustmentKind::Amplifier,
                    format!("It names production (`{}`).", span.slice(input)),
                    vec![span],
                ));
            }
            (Reach::Environment | Reach::Host, None) => {
                let named = environment.nonproduction;
                if let Some(span) = named.filter(|span| {
                    let name = span.slice(input);
                    (options.context.target == Target::Development
                        && super::environment::is_development(name))
                        || super::environment::is_local_machine(name)
                }) {
                    // The step names the development target the approver set (`dev-priya` on
                    // `gke-acme-dev`), or the machine it runs on ("my local database"): the
                    // developers' own, as when a development target names nothing.
                    if scope <= Scope::Shared {
                        scope = Scope::Local;
                        raised.push(Raised::DevelopersOwn);
                    }
                    adjustments.push(note(
                        AdjustmentKind::Context,
                        format!(
                            "It names the developers' own environment (`{}`).",
                            span.slice(input)
                        ),
                        vec![span],
                    ));
                } else if let Some(span) = named {
                    scope = scope.max(Scope::Shared);
                    adjustments.push(note(
                        AdjustmentKind::Context,
                        format!(
                            "It names a non-production environment (`{}`).",
                            span.slice(input)
                        ),
                        vec![span],
                    ));
                } else {
                    match options.context.target {
                        Target::Unknown => {
                            if scope < Scope::Production {
                                scope = Scope::Production;
                                unnamed_at = Some(adjustments.len());
                                raised.push(Raised::UnnamedEnvironment);
                                adjustments.push(note(AdjustmentKind::Amplifier, "It names no environment, so it is taken as production until you set the target.", vec![]));
                            }
                        }
                        Target::Production => {
                            scope = scope.max(Scope::Production);
                            adjustments.push(note(
                                AdjustmentKind::Context,
                                "You set the target to production.",
                                vec![],
                            ));
                        }
                        Target::Staging => {
                            scope = scope.max(Scope::Shared);
                            adjustments.push(note(AdjustmentKind::Context, "You set the target to staging, a shared non-production environment.", vec![]));
                        }
                        // A development environment is the developers' own: a mistake there
                        // reaches no one else's work, so a change that is easy to undo
                        // proceeds. What a rule knows reaches further keeps its scope.
                        Target::Development => {
                            if scope <= Scope::Shared {
                                scope = Scope::Local;
                                raised.push(Raised::DevelopersOwn);
                            }
                            adjustments.push(note(AdjustmentKind::Context, "You set the target to development, where a mistake stays with the developers.", vec![]));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    // Commands run on another machine (`ssh host '...'`, `kubectl exec`, `docker exec`) act on
    // that machine, not the agent's workspace.
    // A program the tool does not know stays judged where the tool can see it: unknown, not
    // widened further by guesses about the remote side.
    if changes
        && rule.reach == Reach::Workspace
        && scope < Scope::Shared
        && rule.id() != "shell.unrecognized"
    {
        if let Some(c) = command.filter(|c| {
            c.has_wrapper("ssh") || c.has_wrapper("kubectl exec") || c.has_wrapper("docker exec")
        }) {
            scope = Scope::Shared;
            let place = if c.has_wrapper("ssh") {
                "another machine over `ssh`"
            } else {
                "a running container"
            };
            adjustments.push(note(
                AdjustmentKind::Amplifier,
                format!("It runs on {place}, not in the agent's workspace."),
                vec![],
            ));
            if environment.production.is_some() {
                scope = Scope::Production;
            }
        }
    }
    // A directory the plan moved into (`cd envs/prod`) names the environment too.
    if changes
        && environment.production.is_none()
        && scope < Scope::Production
        && matches!(
            rule.reach,
            Reach::Environment | Reach::Host | Reach::Workspace
        )
    {
        if let Some(cwd) = command.and_then(|c| c.cwd.as_deref()) {
            let lower = cwd.to_ascii_lowercase();
            if lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|p| words!["prod", "production", "prd", "live"].contains(p))
            {
                scope = Scope::Production;
                if let Some(at) = unnamed_at.take() {
                    adjustments.remove(at);
                    raised.retain(|r| *r != Raised::UnnamedEnvironment);
                }
                adjustments.push(note(
                    AdjustmentKind::Amplifier,
                    format!("It runs in `{cwd}`, a production directory."),
                    vec![],
                ));
            }
        }
    }
    // Audit records are the organisation's memory of what happened; destroying them reaches
    // everyone who would investigate.
    if changes
        && matches!(
            rule.action,
            Action::Delete | Action::DeleteRecreate | Action::DisableSafety
        )
        && scope < Scope::Organization
    {
        let audit = hit.target.as_deref().is_some_and(names_audit_trail)
            || command.is_some_and(|c| c.args.iter().any(|a| names_audit_trail(&a.value)));
        if audit {
            scope = Scope::Organization;
            adjustments.push(note(AdjustmentKind::Amplifier, "It destroys audit records, which the whole organisation relies on to know what happened.", vec![]));
        }
    }

    // Amplifiers and mitigations written into the command or the sentence.
    if changes {
        let flags = |names: Words| -> Option<Span> {
            command.and_then(|c| crate::rules::find_flag(c, names).map(|a| a.span))
        };
        // Words in parentheses or inline code are an aside or a name ("(every personal
        // column)"): they describe, they do not widen what the step acts on.
        let phrase = |terms: Words| -> Option<Span> {
            find_all(tokens, terms)
                .iter()
                .find(|(s, _)| !tokens[*s].data)
                .map(|(s, e)| tokens[*s].span.cover(tokens[*e - 1].span))
        };
        if let Some(span) = flags(words!["--all-regions", "--region=all"]).or_else(|| {
            phrase(words![
                "all regions",
                "every region",
                "each region",
                "all accounts",
                "every account",
                "entire organization",
                "entire organisation",
                "whole organization",
                "whole organisation",
            ])
        }) {
            if scope < Scope::Organization {
                scope = Scope::Organization;
                adjustments.push(note(
                    AdjustmentKind::Amplifier,
                    format!("It reaches everything at once (`{}`).", span.slice(input)),
                    vec![span],
                ));
            }
        }
        if rule.reach.follows_environment() && scope < Scope::Production {
            let glob =
                command.and_then(|c| c.args.iter().find(|a| a.glob && !a.quoted).map(|a| a.span));
            // A PowerShell cmdlet fed by a pipeline from a `Get-` cmdlet or a filter acts on
            // every object the list holds, as `xargs` does.
            let fed_a_list = |c: &Command| {
                matches!(&c.input, Input::Pipe { from, .. }
                    if rules::verb_noun_lower(from) && (from.starts_with("get-") || from == "where-object"))
            };
            let loop_wrapper = command
                .filter(|c| {
                    c.has_wrapper("xargs")
                        || c.has_wrapper("find -exec")
                        || c.has_wrapper("loop")
                        || fed_a_list(c)
                })
                .map(|c| c.program_span);
            let broad = flags(BREADTH).or(glob).or(loop_wrapper).or_else(|| {
                phrase(words![
                    "all",
                    "every",
                    "everything",
                    "entire",
                    "each of the"
                ])
            });
            if let Some(span) = broad {
                scope = scope.widen();
                adjustments.push(note(AdjustmentKind::Amplifier, format!("It applies to many things at once (`{}`), which widens what a mistake reaches.", span.slice(input)), vec![span]));
            }
        }
        if let Some(span) = flags(SKIP_CONFIRMATION).filter(|s| !rule_flag(&hit, *s)) {
            if reversibility == Reversibility::Reversible && SKIP_CHECK.contains(span.slice(input))
            {
                reversibility = Reversibility::Recoverable;
            }
            adjustments.push(note(
                AdjustmentKind::Amplifier,
                format!(
                    "`{}` skips the confirmation or safety check that would have caught a mistake.",
                    span.slice(input)
                ),
                vec![span],
            ));
        }
        let preview = command.and_then(|c| rules::preview(c).map(|p| (c, p)));
        if let Some((c, Preview::Unsupported(arg))) = &preview {
            adjustments.push(note(
                AdjustmentKind::Amplifier,
                format!(
                    "`{}` is not known to have `{}`: the flag is no dry run, and this step runs as written.",
                    c.program,
                    arg.value.split('=').next().unwrap_or(&arg.value)
                ),
                vec![arg.span],
            ));
        }
        let dry_run = match preview {
            Some((_, Preview::Real(arg))) => Some(arg.span),
            _ => None,
        };
        if let Some(span) = dry_run {
            reversibility = Reversibility::Reversible;
            scope = Scope::None;
            floor = None;
            adjustments.push(note(
                AdjustmentKind::Mitigation,
                format!(
                    "`{}` only shows what would happen; nothing changes.",
                    span.slice(input)
                ),
                vec![span],
            ));
        }
        let window = command.and_then(|c| {
            let at = c
                .args
                .iter()
                .position(|a| a.value.starts_with("--recovery-window-in-days"))?;
            let value = c.args[at]
                .value
                .split_once('=')
                .map(|(_, v)| v.to_string())
                .or_else(|| c.args.get(at + 1).map(|a| a.value.clone()))?;
            (value.parse::<u32>().ok()? > 0).then_some(c.args[at].span)
        });
        if let (Some(span), Reversibility::Irreversible) = (window, reversibility) {
            reversibility = Reversibility::Recoverable;
            adjustments.push(note(
                AdjustmentKind::Mitigation,
                "A recovery window keeps it restorable for a while.",
                vec![span],
            ));
        }
        if let (Some(span), true) = (environment.scratch, rule.reach.follows_environment()) {
            // A scratch path is the agent's own only when it is what the command acts on: a
            // file a tool reads in (`@/tmp/key.json`, `< /tmp/x`, `-f /tmp/manifest.yaml` of a
            // cluster or cloud tool) is input, and the change lands where the tool points. A
            // resource named scratch (`scratch-bucket`) still lives in a shared account.
            let word = span.slice(input);
            let path = word.starts_with(['/', '~', '.']) || word.contains('/');
            let read_in = input[..span.start].trim_end().ends_with(['@', '<']);
            let on_a_system = command.is_some_and(|c| super::drives_an_environment(&c.program));
            let lowest = match (path, read_in || on_a_system) {
                (true, false) => Some(Scope::Local),
                (false, _) => Some(Scope::Shared),
                (true, true) => None,
            };
            if let Some(lowest) =
                lowest.filter(|lowest| environment.production.is_none() && scope > *lowest)
            {
                scope = lowest;
                adjustments.push(note(
                    AdjustmentKind::Mitigation,
                    format!(
                        "It targets something scratch or temporary (`{}`).",
                        span.slice(input)
                    ),
                    vec![span],
                ));
            }
        }
    }

    // The approver's context. Credentials widen what reaches through an account or a cluster
    // (`Environment`, `Fixed`); a command on the machine it runs on (`Host`) reaches that
    // machine, whatever the account lets the agent do.
    let mutating = changes && rule.action != Action::Backup && scope > Scope::None;
    // A change that is easy to undo is undone wherever a mistake took it (a node cordoned,
    // a deployment scaled): wider credentials widen only what can be lost.
    if mutating
        && reversibility != Reversibility::Reversible
        && matches!(rule.reach, Reach::Environment | Reach::Fixed)
    {
        match options.context.credentials {
            Credentials::Broad if scope < Scope::Production => {
                scope = scope.widen();
                adjustments.push(note(AdjustmentKind::Context, "The agent holds broader credentials than the task needs, so a mistaken target is not stopped by permissions.", vec![]));
            }
            // Admin rights make a named development target no protection: a wrong context
            // reaches production, so the scope is at least that.
            Credentials::Admin if scope < Scope::Organization => {
                scope = scope.widen().max(Scope::Production);
                adjustments.push(note(AdjustmentKind::Context, "The agent holds admin credentials, so a mistake here can reach beyond the intended target; nothing would stop it.", vec![]));
            }
            _ => {}
        }
    }
    let mut decision = decide(reversibility, scope);
    // What a step loses on the developers' own target is theirs and rebuilt from code and
    // seeds (a local database reset, a dev namespace's volume): a second look, not a senior's.
    // Wider credentials or a production name above took the scope out of `Local`.
    if raised.contains(&Raised::DevelopersOwn) && scope == Scope::Local {
        decision = decision.min(Decision::Review);
    }
    if let Some(floor) = floor {
        decision = decision.max(floor);
    }
    // A freeze means no changes: every change to shared or production systems needs a second
    // look, and destroying something in production that cannot be brought back is not to be
    // done at all until the freeze ends (the Replit database was dropped during a declared
    // freeze). The card says so wherever the freeze applies, even when the step was escalated
    // already.
    if mutating && options.context.change_freeze && scope >= Scope::Shared {
        let destroys = matches!(rule.action, Action::Delete | Action::DeleteRecreate);
        let frozen = if destroys
            && reversibility == Reversibility::Irreversible
            && scope >= Scope::Production
        {
            Decision::Block
        } else {
            Decision::Escalate
        };
        decision = decision.max(frozen);
        raised.push(Raised::ChangeFreeze);
        adjustments.push(note(
            AdjustmentKind::Context,
            if frozen == Decision::Block {
                "A change freeze is on: destroying something in production that cannot be brought back waits until it ends."
            } else {
                "A change freeze is on: any change to shared or production systems needs a second look."
            },
            vec![],
        ));
    }

    // The organisation's policy.
    if mutating {
        let text = tokens.iter().map(|t| t.text.as_str()).collect::<Vec<_>>();
        let command_words: Vec<String> = command
            .map(|c| {
                c.args
                    .iter()
                    .map(|a| a.value.to_ascii_lowercase())
                    .collect()
            })
            .unwrap_or_default();
        if let Some(name) = options.policy.protected.iter().find(|p| {
            text.iter().any(|t| t.contains(p.as_str()))
                || command_words.iter().any(|w| w.contains(p.as_str()))
        }) {
            if decision < Decision::Escalate {
                decision = Decision::Escalate;
            }
            adjustments.push(note(
                AdjustmentKind::Policy,
                format!("It touches `{name}`, which your policy marks as protected."),
                vec![],
            ));
        }
    }
    if let Some(forced) = options.policy.override_for(rule.id()) {
        let floored = floor.map_or(forced, |f| forced.max(f));
        if floored != decision {
            adjustments.push(note(
                AdjustmentKind::Policy,
                format!("Your policy sets this rule to {}.", floored.as_str()),
                vec![],
            ));
        }
        decision = floored;
    }
    Scored {
        rule,
        hit,
        reversibility,
        scope,
        decision,
        adjustments,
        raised,
    }
}

fn names_audit_trail(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).any(|p| {
        words![
            "audit",
            "audits",
            "auditlog",
            "auditlogs",
            "cloudtrail",
            "audittrail"
        ]
        .contains(p)
    }) || lower.starts_with("audit_")
        || lower.contains("audit_log")
        || lower.contains("audit_event")
}

/// A flag that is itself the rule's evidence (the `--force` of a force push) is not also an
/// amplifier of it.
fn rule_flag(hit: &Hit, span: Span) -> bool {
    hit.evidence.contains(&span)
}
