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

/// Places one finding: the rule's own axes, then one stage per thing that moves them, in a
/// fixed order. Each stage reads the step and the context and records what it changed as an
/// adjustment, so the card can say why.
pub fn place(
    input: &str,
    rule: &'static Rule,
    hit: Hit,
    command: Option<&Command>,
    tokens: &[Token],
    environment: &Environment,
    options: &Options,
) -> Scored {
    let mut p = Placing {
        input,
        rule,
        command,
        tokens,
        environment,
        options,
        reversibility: hit.reversibility.unwrap_or(rule.reversibility),
        scope: hit.scope.unwrap_or(rule.scope),
        floor: hit.floor.or(rule.floor),
        adjustments: Vec::new(),
        raised: Vec::new(),
        unnamed_at: None,
        on_this_machine: false,
        hit,
    };
    // The claims a plan makes about itself are placed by the rule alone: they change nothing,
    // so no environment, amplifier or mitigation applies to them.
    let changes = rule.id() != "plan.claims";
    if changes {
        if p.hit.scope.is_none() {
            p.named_environment();
        }
        p.filled_in_production();
        p.another_machine();
        p.production_directory();
        p.audit_records();
        p.everything_at_once();
        p.many_at_once();
        p.counted_many();
        p.skipped_confirmation();
        p.preview();
        p.dry_run_in_words();
        p.recovery_window();
        p.scratch();
    }
    let mutating = changes && rule.action != Action::Backup && p.scope > Scope::None;
    if mutating {
        p.credentials();
    }
    let mut decision = p.matrix();
    if mutating {
        decision = p.freeze(decision);
        decision = p.protected(decision);
    }
    decision = p.rule_override(decision);
    Scored {
        rule,
        hit: p.hit,
        reversibility: p.reversibility,
        scope: p.scope,
        decision,
        adjustments: p.adjustments,
        raised: p.raised,
    }
}

/// One finding being placed: what the stages read, and the axes and notes they move.
struct Placing<'a> {
    input: &'a str,
    rule: &'static Rule,
    hit: Hit,
    command: Option<&'a Command>,
    tokens: &'a [Token],
    environment: &'a Environment,
    options: &'a Options,
    reversibility: Reversibility,
    scope: Scope,
    floor: Option<Decision>,
    adjustments: Vec<Adjustment>,
    raised: Vec<Raised>,
    /// Where the unnamed-environment adjustment is, should a production directory replace it.
    unnamed_at: Option<usize>,
    /// The step names the machine it runs on (`localhost`, "my local database"), which no
    /// account's rights reach beyond.
    on_this_machine: bool,
}

impl Placing<'_> {
    fn push(&mut self, kind: AdjustmentKind, text: impl Into<String>, evidence: Vec<Span>) {
        self.adjustments.push(note(kind, text, evidence));
    }

    /// The first span of any of `terms` outside parentheses and inline code: words there are an
    /// aside or a name ("(every personal column)"), they describe, they do not widen what the
    /// step acts on.
    fn phrase(&self, terms: Words) -> Option<Span> {
        let tokens = self.tokens;
        find_all(tokens, terms)
            .iter()
            .find(|(s, _)| !tokens[*s].data)
            .map(|(s, e)| tokens[*s].span.cover(tokens[*e - 1].span))
    }

    fn flag(&self, names: Words) -> Option<Span> {
        self.command
            .and_then(|c| crate::rules::find_flag(c, names).map(|a| a.span))
    }

    /// The environment the step names, or the target the approver set when it names none.
    fn named_environment(&mut self) {
        let input = self.input;
        let switched = self.production_context();
        match (self.rule.reach, self.environment.production) {
            (Reach::Environment | Reach::Host | Reach::Workspace, Some(span))
                if self.scope < Scope::Production =>
            {
                self.scope = Scope::Production;
                self.push(
                    AdjustmentKind::Amplifier,
                    crate::words::fill("It names production (`{}`).", span.slice(input)),
                    vec![span],
                );
            }
            (Reach::Environment | Reach::Host, None) if switched.is_some() => {
                let (program, context) = switched.unwrap_or_default();
                self.scope = self.scope.max(Scope::Production);
                self.push(
                    AdjustmentKind::Amplifier,
                    crate::words::fill2("An earlier step made `{}` the current context of `{}`: it runs in production.", &context, &program),
                    vec![],
                );
            }
            (Reach::Environment | Reach::Host, None) => {
                let named = self.environment.nonproduction;
                let target = self.options.context.target;
                if let Some(span) = named.filter(|span| {
                    let name = span.slice(input);
                    (target == Target::Development && super::environment::is_development(name))
                        || super::environment::is_local_machine(name)
                }) {
                    // The step names the development target the approver set (`dev-priya` on
                    // `gke-acme-dev`), or the machine it runs on ("my local database"): the
                    // developers' own, as when a development target names nothing.
                    self.developers_own();
                    self.on_this_machine = super::environment::is_local_machine(span.slice(input));
                    self.push(
                        AdjustmentKind::Context,
                        crate::words::fill(
                            "It names the developers' own environment (`{}`).",
                            span.slice(input),
                        ),
                        vec![span],
                    );
                } else if let Some(span) = named {
                    self.scope = self.scope.max(Scope::Shared);
                    self.push(
                        AdjustmentKind::Context,
                        crate::words::fill(
                            "It names a non-production environment (`{}`).",
                            span.slice(input),
                        ),
                        vec![span],
                    );
                } else {
                    self.target_set();
                }
            }
            _ => {}
        }
    }

    /// A step that names no environment is placed where the approver said the plan runs.
    fn target_set(&mut self) {
        match self.options.context.target {
            Target::Unknown => {
                if self.scope < Scope::Production {
                    self.scope = Scope::Production;
                    self.unnamed_at = Some(self.adjustments.len());
                    self.raised.push(Raised::UnnamedEnvironment);
                    self.push(AdjustmentKind::Amplifier, "It names no environment, so it is taken as production until you set the target.", vec![]);
                }
            }
            Target::Production => {
                self.scope = self.scope.max(Scope::Production);
                self.push(
                    AdjustmentKind::Context,
                    "You set the target to production.",
                    vec![],
                );
            }
            Target::Staging => {
                self.scope = self.scope.max(Scope::Shared);
                self.push(
                    AdjustmentKind::Context,
                    "You set the target to staging, a shared non-production environment.",
                    vec![],
                );
            }
            // A development environment is the developers' own: a mistake there reaches no one
            // else's work, so a change that is easy to undo proceeds. What a rule knows reaches
            // further keeps its scope.
            Target::Development => {
                self.developers_own();
                self.push(
                    AdjustmentKind::Context,
                    "You set the target to development, where a mistake stays with the developers.",
                    vec![],
                );
            }
        }
    }

    /// The production context an earlier step made current for this command's program
    /// (`kubectl config use-context prod-eu`), when the command names none of its own.
    fn production_context(&self) -> Option<(String, String)> {
        let command = self.command?;
        let context = command.context.as_deref()?;
        let own = crate::rules::find_flag(
            command,
            words![
                "--context",
                "--kube-context",
                "--kubeconfig",
                "--project",
                "--subscription",
                "--profile"
            ],
        );
        (own.is_none() && names_production(context))
            .then(|| (command.program.clone(), context.to_string()))
    }

    /// An argument the plan's variables turn into a production name (`rg-fares-$ENV-$LOC`,
    /// with `ENV=prod` set steps earlier): the command acts on production whatever its words
    /// show, and the card shows what the name becomes. When the step's words name another
    /// environment ("remove the idle load-test copy"), the step does something other than it
    /// says, the mistake of a variable carried over from an earlier step: a destruction is
    /// blocked, any other change escalated.
    fn filled_in_production(&mut self) {
        let input = self.input;
        let Some((command, arg)) = self
            .command
            .filter(|_| {
                self.rule.reach.follows_environment()
                    && self.scope > Scope::None
                    && self.environment.production.is_none()
            })
            .and_then(|c| {
                let arg = c.args.iter().find(|a| {
                    names_production(&a.value) && !names_production(a.span.slice(input))
                })?;
                Some((c, arg))
            })
        else {
            return;
        };
        // What the step's words say, not a word of the command itself (`--local-ssd-count`).
        let said = self
            .environment
            .nonproduction
            .filter(|said| !command.span.contains(*said));
        if said.is_none() && self.scope >= Scope::Production {
            return;
        }
        self.scope = self.scope.max(Scope::Production);
        self.push(
            AdjustmentKind::Amplifier,
            crate::words::fill2(
                "`{}` becomes `{}` with the values the plan set: it acts on production.",
                arg.span.slice(input),
                &arg.value,
            ),
            vec![arg.span],
        );
        if let Some(said) = said {
            let destroys = matches!(self.rule.action, Action::Delete | Action::DeleteRecreate)
                && self.reversibility != Reversibility::Reversible;
            let floor = if destroys {
                Decision::Block
            } else {
                Decision::Escalate
            };
            self.floor = Some(self.floor.map_or(floor, |f| f.max(floor)));
            self.push(
                AdjustmentKind::Amplifier,
                crate::words::fill(
                    "The step's words name `{}`: it does something other than it says.",
                    said.slice(input),
                ),
                vec![said],
            );
        }
    }

    fn developers_own(&mut self) {
        if self.scope <= Scope::Shared {
            self.scope = Scope::Local;
            self.raised.push(Raised::DevelopersOwn);
        }
    }

    /// Commands run on another machine (`ssh host '...'`, `kubectl exec`, `docker exec`) act
    /// on that machine, not the agent's workspace. A program the tool does not know stays
    /// judged where the tool can see it: unknown, not widened further by guesses about the
    /// remote side. What reaches nothing anyone relies on (a retention trim of old logs) does
    /// so on any machine.
    fn another_machine(&mut self) {
        if self.rule.reach != Reach::Workspace
            || self.scope >= Scope::Shared
            || self.scope == Scope::None
            || self.rule.id() == "shell.unrecognized"
        {
            return;
        }
        let Some(c) = self.command.filter(|c| {
            c.has_wrapper("ssh") || c.has_wrapper("kubectl exec") || c.has_wrapper("docker exec")
        }) else {
            return;
        };
        self.scope = Scope::Shared;
        let place = if c.has_wrapper("ssh") {
            "another machine over `ssh`"
        } else {
            "a running container"
        };
        self.push(
            AdjustmentKind::Amplifier,
            crate::words::fill("It runs on {}, not in the agent's workspace.", place),
            vec![],
        );
        if self.environment.production.is_some() {
            self.scope = Scope::Production;
        }
    }

    /// A directory the plan moved into (`cd envs/prod`) names the environment too.
    fn production_directory(&mut self) {
        if self.environment.production.is_some()
            || self.scope >= Scope::Production
            || !matches!(
                self.rule.reach,
                Reach::Environment | Reach::Host | Reach::Workspace
            )
        {
            return;
        }
        let Some(cwd) = self.command.and_then(|c| c.cwd.as_deref()) else {
            return;
        };
        if !names_production(cwd) {
            return;
        }
        self.scope = Scope::Production;
        if let Some(at) = self.unnamed_at.take() {
            self.adjustments.remove(at);
            self.raised.retain(|r| *r != Raised::UnnamedEnvironment);
        }
        self.push(
            AdjustmentKind::Amplifier,
            crate::words::fill("It runs in `{}`, a production directory.", cwd),
            vec![],
        );
    }

    /// Audit records are the organisation's memory of what happened; destroying them reaches
    /// everyone who would investigate.
    fn audit_records(&mut self) {
        if !matches!(
            self.rule.action,
            Action::Delete | Action::DeleteRecreate | Action::DisableSafety
        ) || self.scope >= Scope::Organization
        {
            return;
        }
        let audit = self.hit.target.as_deref().is_some_and(names_audit_trail)
            || self
                .command
                .is_some_and(|c| c.args.iter().any(|a| names_audit_trail(&a.value)));
        if audit {
            self.scope = Scope::Organization;
            self.push(AdjustmentKind::Amplifier, "It destroys audit records, which the whole organisation relies on to know what happened.", vec![]);
        }
    }

    /// Every region or account at once, in a flag or in words.
    fn everything_at_once(&mut self) {
        let span = self
            .flag(words!["--all-regions", "--region=all"])
            .or_else(|| {
                self.phrase(words![
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
            });
        if let Some(span) = span.filter(|_| self.scope < Scope::Organization) {
            self.scope = Scope::Organization;
            self.push(
                AdjustmentKind::Amplifier,
                crate::words::fill(
                    "It reaches everything at once (`{}`).",
                    span.slice(self.input),
                ),
                vec![span],
            );
        }
    }

    /// Many things at once: a breadth flag, an unquoted glob, a loop or `xargs` around the
    /// command, or "all" in words.
    fn many_at_once(&mut self) {
        if !self.rule.reach.follows_environment() || self.scope >= Scope::Production {
            return;
        }
        let glob = self
            .command
            .and_then(|c| c.args.iter().find(|a| a.glob && !a.quoted).map(|a| a.span));
        // A PowerShell cmdlet fed by a pipeline from a `Get-` cmdlet or a filter acts on every
        // object the list holds, as `xargs` does.
        let fed_a_list = |c: &Command| {
            matches!(&c.input, Input::Pipe { from, .. }
                if rules::verb_noun_lower(from) && (from.starts_with("get-") || from == "where-object"))
        };
        let loop_wrapper = self
            .command
            .filter(|c| {
                c.has_wrapper("xargs")
                    || c.has_wrapper("find -exec")
                    || c.has_wrapper("loop")
                    || fed_a_list(c)
            })
            .map(|c| c.program_span);
        let broad = self.flag(BREADTH).or(glob).or(loop_wrapper).or_else(|| {
            self.phrase(words![
                "all",
                "every",
                "everything",
                "entire",
                "each of the"
            ])
        });
        if let Some(span) = broad {
            self.scope = self.scope.widen();
            self.push(AdjustmentKind::Amplifier, crate::words::fill("It applies to many things at once (`{}`), which widens what a mistake reaches.", span.slice(self.input)), vec![span]);
        }
    }

    /// A tool call acting on whatever its filter matches, where an earlier read in the plan
    /// counted many matches for the same filter (see `transcript`): the change reaches that
    /// many items at once, more than anyone checks one by one, which the filter's words alone
    /// do not show.
    fn counted_many(&mut self) {
        let Some(span) = self.environment.counted else {
            return;
        };
        if !self.rule.reach.follows_environment() || self.scope >= Scope::Organization {
            return;
        }
        self.scope = self.scope.widen().max(Scope::Production);
        self.push(
            AdjustmentKind::Amplifier,
            "It acts on every item its filter matches, and an earlier read in the plan counted many of them: more than anyone can check one by one.",
            vec![span],
        );
    }

    /// A flag that answers the prompt for the agent; one that skips a check showing what will
    /// happen also makes a reversible change harder to undo.
    fn skipped_confirmation(&mut self) {
        let Some(span) = self
            .flag(SKIP_CONFIRMATION)
            .filter(|s| !rule_flag(&self.hit, *s))
        else {
            return;
        };
        let input = self.input;
        if self.reversibility == Reversibility::Reversible && SKIP_CHECK.contains(span.slice(input))
        {
            self.reversibility = Reversibility::Recoverable;
        }
        self.push(
            AdjustmentKind::Amplifier,
            crate::words::fill(
                "`{}` skips the confirmation or safety check that would have caught a mistake.",
                span.slice(input),
            ),
            vec![span],
        );
    }

    /// A real dry run changes nothing; a flag the program does not have is no dry run.
    fn preview(&mut self) {
        let Some(c) = self.command else {
            return;
        };
        match rules::preview(c) {
            Some(Preview::Unsupported(arg)) => self.push(
                AdjustmentKind::Amplifier,
                format!(
                    "`{}` is not known to have `{}`: the flag is no dry run, and this step runs as written.",
                    c.program,
                    arg.value.split('=').next().unwrap_or(&arg.value)
                ),
                vec![arg.span],
            ),
            Some(Preview::Real(arg)) => {
                let span = arg.span;
                self.reversibility = Reversibility::Reversible;
                self.scope = Scope::None;
                self.floor = None;
                self.push(
                    AdjustmentKind::Mitigation,
                    crate::words::fill("`{}` only shows what would happen; nothing changes.", span.slice(self.input)),
                    vec![span],
                );
            }
            None => {}
        }
    }

    /// A step whose words say it runs as a dry run ("run the price update as a dry run", a
    /// tool call's `"dry_run": true`), in the clause of what it does: nothing changes. A dry
    /// run the step skips or only plans for ("without a dry run", "after the dry run") is not.
    fn dry_run_in_words(&mut self) {
        if self.command.is_some()
            || self.reversibility == Reversibility::Reversible && self.scope == Scope::None
        {
            return;
        }
        let tokens = self.tokens;
        let Some(acts) = self
            .hit
            .evidence
            .first()
            .and_then(|e| tokens.iter().position(|t| t.span.start == e.start))
        else {
            return;
        };
        let clause = tokens[acts].clause;
        let dry = find_all(tokens, words!["dry run", "dry-run", "dryrun", "dry_run"])
            .into_iter()
            .find(|&(s, _)| {
                tokens[s].clause == clause
                    && !crate::prose::is_negated(tokens, s)
                    && !tokens[s.saturating_sub(3)..s].iter().any(|t| {
                        t.clause == clause
                            && words![
                                "after", "before", "then", "skip", "skips", "skipping", "past"
                            ]
                            .contains(t.text.as_str())
                    })
            });
        let Some((s, e)) = dry else {
            return;
        };
        let span = tokens[s].span.cover(tokens[e - 1].span);
        self.reversibility = Reversibility::Reversible;
        self.scope = Scope::None;
        self.floor = None;
        self.push(
            AdjustmentKind::Mitigation,
            "It runs as a dry run: it only shows what would happen, and nothing changes.",
            vec![span],
        );
    }

    /// A secret deleted with a recovery window can be restored for a while.
    fn recovery_window(&mut self) {
        if self.reversibility != Reversibility::Irreversible {
            return;
        }
        let window = self.command.and_then(|c| {
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
        if let Some(span) = window {
            self.reversibility = Reversibility::Recoverable;
            self.push(
                AdjustmentKind::Mitigation,
                "A recovery window keeps it restorable for a while.",
                vec![span],
            );
        }
    }

    /// A scratch path is the agent's own only when it is what the command acts on: a file a
    /// tool reads in (`@/tmp/key.json`, `< /tmp/x`, `-f /tmp/manifest.yaml` of a cluster or
    /// cloud tool, `/tmp/export.csv` piped to `curl` or uploaded by it) is input, and the
    /// change lands where the tool points. A resource named scratch (`scratch-bucket`) still
    /// lives in a shared account.
    fn scratch(&mut self) {
        let Some(span) = self
            .environment
            .scratch
            .filter(|_| self.rule.reach.follows_environment())
        else {
            return;
        };
        let input = self.input;
        let word = span.slice(input);
        // `cd /tmp && pg_upgrade ...`: where a command runs from is not what it acts on.
        let before = input[..span.start].trim_end();
        if before
            .strip_suffix("cd")
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(&[' ', '\n', '&', ';', '('][..]))
        {
            return;
        }
        let path = word.starts_with(&['/', '~', '.'][..]) || word.contains('/');
        let read_in = input[..span.start].trim_end().ends_with(&['@', '<'][..]);
        let on_a_system = self.command.is_some_and(|c| {
            super::drives_an_environment(&c.program) || super::flows::sends_off_machine(c)
        });
        let lowest = match (path, read_in || on_a_system) {
            (true, false) => Some(Scope::Local),
            (false, _) => Some(Scope::Shared),
            (true, true) => None,
        };
        if let Some(lowest) =
            lowest.filter(|lowest| self.environment.production.is_none() && self.scope > *lowest)
        {
            self.scope = lowest;
            self.push(
                AdjustmentKind::Mitigation,
                crate::words::fill("It targets something scratch or temporary (`{}`).", word),
                vec![span],
            );
        }
    }

    /// Credentials widen what reaches through an account or a cluster (`Environment`,
    /// `Fixed`); a command on the machine it runs on (`Host`) reaches that machine, whatever
    /// the account lets the agent do. A change that is easy to undo is undone wherever a
    /// mistake took it (a node cordoned, a deployment scaled): wider credentials widen only
    /// what can be lost.
    fn credentials(&mut self) {
        // A change to the machine the agent runs on (a local container, a database on
        // `localhost`) reaches that machine whatever the account may do elsewhere.
        if self.on_this_machine
            || self.reversibility == Reversibility::Reversible
            || !matches!(self.rule.reach, Reach::Environment | Reach::Fixed)
        {
            return;
        }
        match self.options.context.credentials {
            Credentials::Broad if self.scope < Scope::Production => {
                self.scope = self.scope.widen();
                self.push(AdjustmentKind::Context, "The agent holds broader credentials than the task needs, so a mistaken target is not stopped by permissions.", vec![]);
            }
            // Admin rights make a named development target no protection: a wrong context
            // reaches production, so the scope is at least that.
            Credentials::Admin if self.scope < Scope::Organization => {
                self.scope = self.scope.widen().max(Scope::Production);
                self.push(AdjustmentKind::Context, "The agent holds admin credentials, so a mistake here can reach beyond the intended target; nothing would stop it.", vec![]);
            }
            _ => {}
        }
    }

    /// The decision matrix on the placed axes, then the rule's floor.
    fn matrix(&self) -> Decision {
        let mut decision = decide(self.reversibility, self.scope);
        // What a step loses on the developers' own target is theirs and rebuilt from code and
        // seeds (a local database reset, a dev namespace's volume): a second look, not a
        // senior's. Wider credentials or a production name above took the scope out of `Local`.
        if self.raised.contains(&Raised::DevelopersOwn) && self.scope == Scope::Local {
            decision = decision.min(Decision::Review);
        }
        if let Some(floor) = self.floor {
            decision = decision.max(floor);
        }
        decision
    }

    /// A freeze means no changes: every change to shared or production systems needs a second
    /// look, and destroying something in production that cannot be brought back is not to be
    /// done at all until the freeze ends (the Replit database was dropped during a declared
    /// freeze). The card says so wherever the freeze applies, even when the step was escalated
    /// already.
    fn freeze(&mut self, decision: Decision) -> Decision {
        if !self.options.context.change_freeze || self.scope < Scope::Shared {
            return decision;
        }
        let destroys = matches!(self.rule.action, Action::Delete | Action::DeleteRecreate);
        let frozen = if destroys
            && self.reversibility == Reversibility::Irreversible
            && self.scope >= Scope::Production
        {
            Decision::Block
        } else {
            Decision::Escalate
        };
        self.raised.push(Raised::ChangeFreeze);
        self.push(
            AdjustmentKind::Context,
            if frozen == Decision::Block {
                "A change freeze is on: destroying something in production that cannot be brought back waits until it ends."
            } else {
                "A change freeze is on: any change to shared or production systems needs a second look."
            },
            vec![],
        );
        decision.max(frozen)
    }

    /// A change touching a name the organisation's policy protects is escalated at least.
    fn protected(&mut self, decision: Decision) -> Decision {
        let command_words: Vec<String> = self
            .command
            .map(|c| {
                c.args
                    .iter()
                    .map(|a| a.value.to_ascii_lowercase())
                    .collect()
            })
            .unwrap_or_default();
        let tokens = self.tokens;
        let Some(name) = self.options.policy.protected.iter().find(|p| {
            tokens.iter().any(|t| t.text.contains(p.as_str()))
                || command_words.iter().any(|w| w.contains(p.as_str()))
        }) else {
            return decision;
        };
        self.push(
            AdjustmentKind::Policy,
            crate::words::fill(
                "It touches `{}`, which your policy marks as protected.",
                name,
            ),
            vec![],
        );
        decision.max(Decision::Escalate)
    }

    /// The policy's decision for this rule replaces the placed one (never below the rule's
    /// floor).
    fn rule_override(&mut self, decision: Decision) -> Decision {
        let Some(forced) = self.options.policy.override_for(self.rule.id()) else {
            return decision;
        };
        let floored = self.floor.map_or(forced, |f| forced.max(f));
        if floored != decision {
            self.push(
                AdjustmentKind::Policy,
                crate::words::fill("Your policy sets this rule to {}.", floored.as_str()),
                vec![],
            );
        }
        floored
    }
}

/// Whether a name has a word of production in it (`prod-eu`, `larkspur-prod`, `envs/live`).
fn names_production(name: &str) -> bool {
    name.to_ascii_lowercase()
        .split(crate::words::not_alphanumeric)
        .any(|part| words!["prod", "production", "prd", "live"].contains(part))
}

fn names_audit_trail(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.split(crate::words::not_alphanumeric).any(|p| {
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
