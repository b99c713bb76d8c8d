//! Plan patterns: shapes that only show across steps (delete then recreate, destroy without a
//! backup, safety off then act, privilege widening, unchecked preconditions, fan-out). Each is
//! reported once and raises the steps it joins.

use super::{Raised, StepWork};
use crate::model::{decide, Decision, Reversibility, Scope};
use crate::plan::CodeKind;
use crate::prose::{find_all, hits_near, is_negated, Token};
use crate::report::{Adjustment, AdjustmentKind, PatternReport};
use crate::rules::{Action, Reach};
use crate::shell::Command;
use crate::span::Span;
use crate::words::Last;
use crate::words::Trim;
use crate::words::Words;

const RECREATE: Words = words![
    "recreat*",
    "rebuild*",
    "rebuilt",
    "redeploy*",
    "reprovision*",
    "re-provision*",
    "from scratch",
    "again",
    "start fresh",
    "set it up again",
    "bring it back",
];
const CREATE: Words = words![
    "creat*",
    "provision*",
    "deploy*",
    "set up",
    "spin up",
    "stand up",
    "launch*",
    "install*",
    "apply",
    "build",
    "restore*",
    "bootstrap*",
    "initiali*",
    "make a new",
    "new",
];
const BACKUP: Words = words![
    "back up",
    "backup*",
    "backed up",
    "snapshot*",
    "dump*",
    "export*",
    "copy",
    "copies",
    "archiv*",
    "clone",
    "replicate",
    "save a copy",
    "take a copy",
    "pg_dump",
    "mysqldump",
    "mongodump",
];
const SAFETY_NETS: Words = words![
    "deletion protection",
    "deletion-protection",
    "termination protection",
    "prevent_destroy",
    "branch protection",
    "protected branch",
    "audit*",
    "cloudtrail",
    "logging",
    "alarm*",
    "alert*",
    "monitor*",
    "backup*",
    "backups",
    "versioning",
    "mfa",
    "guardrail*",
    "safeguard*",
    "safety",
    "retention",
    "object lock",
    "pitr",
    "point-in-time",
];
/// The safety nets that keep a record of what happened, as opposed to those that prevent or
/// raise the alarm about what happens next.
const RECORDS: Words = words![
    "audit*",
    "cloudtrail",
    "trail",
    "trails",
    "log",
    "logs",
    "logging",
    "history",
    "histfile",
    "journal",
    "journald",
];
const DISABLE: Words = words![
    "disabl*",
    "turn off",
    "turned off",
    "switch off",
    "remov*",
    "delet*",
    "suspend*",
    "stop*",
    "pause*",
    "bypass*",
    "unset",
    "unprotect*",
    "no-deletion-protection",
    "mute*",
    "silence*",
];
const WIDEN: Words = words![
    "administratoraccess",
    "admin access",
    "full access",
    "grant admin",
    "make admin",
    "cluster-admin",
    "owner role",
    "0.0.0.0/0",
    "777",
    "allow all",
    "wildcard permission*",
    "open to the world",
    "public access",
    "publicly accessible",
    "roles/owner",
    "roles/editor",
];
const STOP_WORDS: Words = words![
    "the", "a", "an", "and", "then", "it", "its", "of", "to", "from", "in", "on", "for", "with",
    "new", "old", "all", "this", "that", "using", "via", "same", "again", "our", "we", "will",
];

/// Does a step point back at something named before: a pronoun ("create it", "recreate
/// them") or only a kind of thing ("seed the tables") as what its verb acts on?
fn refers_back(tokens: &[Token]) -> bool {
    const POINTERS: Words = words!["it", "them", "those", "these", "they"];
    let verbs: Vec<usize> = crate::prose::find_all(tokens, CREATE)
        .into_iter()
        .chain(crate::prose::find_all(tokens, RECREATE))
        .chain(crate::prose::find_all(
            tokens,
            words!["seed*", "reseed*", "populat*", "refill*"],
        ))
        .map(|(_, end)| end)
        .collect();
    verbs.iter().any(|&end| {
        let after = &tokens[end.min(tokens.len())..tokens.len().min(end + 3)];
        after
            .first()
            .is_some_and(|t| POINTERS.contains(t.text.as_str()))
            || (after
                .first()
                .is_some_and(|t| words!["the", "those", "these"].contains(t.text.as_str()))
                && after
                    .get(1)
                    .is_some_and(|t| KINDS.contains(t.text.as_str())))
    })
}

fn significant(tokens: &[Token]) -> Vec<&str> {
    tokens
        .iter()
        .map(|t| t.text.as_str())
        .filter(|t| t.len() >= 3 && !STOP_WORDS.contains(t))
        .collect()
}

/// What a step acts on, for telling whether two steps touch the same thing.
#[derive(Default)]
struct Subject {
    /// Words naming it: the parts of its names and the step's nouns.
    words: Vec<String>,
    /// Its names whole, where they are made of parts (`acme/legacy-web`, `s3://logs/2025`,
    /// `orders-prod`): two such names are one object only when they are equal or one lies
    /// inside the other, since sibling names share parts (`acme/legacy-web`, `acme/legacy-api`).
    names: Vec<String>,
}

impl Subject {
    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    fn add_name(&mut self, name: &str) {
        let parts = split_name(name);
        if let Some(whole) = parts
            .first()
            .filter(|w| w.contains(&['/', '-', '.', ':'][..]))
        {
            self.names.push(whole.clone());
        }
        self.words.extend(parts);
    }
}

/// What a step acts on: its finding targets, its command arguments, its nouns.
fn subject_words(work: &StepWork) -> Subject {
    let mut subject = Subject::default();
    for finding in &work.findings {
        if let Some(target) = &finding.hit.target {
            subject.add_name(target);
        }
    }
    for command in &work.commands {
        for arg in command.args.iter().filter(|a| !a.value.starts_with('-')) {
            subject.add_name(&arg.value);
        }
    }
    subject
        .words
        .extend(significant(&work.tokens).into_iter().map(str::to_string));
    subject
}

fn split_name(name: &str) -> Vec<String> {
    let lower = name.to_ascii_lowercase();
    let mut parts: Vec<String> = vec![lower.trim_end_matches('/').to_string()];
    parts.extend(
        lower
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|p| p.len() >= 3 && !STOP_WORDS.contains(p))
            .map(str::to_string),
    );
    parts
}

/// Do two steps act on the same thing? By their whole names when both have some, otherwise by
/// a word they share.
fn shares_subject(a: &Subject, b: &Subject) -> bool {
    if !a.names.is_empty() && !b.names.is_empty() {
        return a
            .names
            .iter()
            .any(|x| b.names.iter().any(|y| same_object(x, y)));
    }
    a.words.iter().any(|w| w.len() >= 3 && b.words.contains(w))
}

/// Two whole names are one object when they are equal, when one is a path inside the other
/// (`/srv/uploads/*` in `/srv/uploads`), or when one is a word of the other (`orders-prod` in
/// "the orders-prod database").
fn same_object(x: &str, y: &str) -> bool {
    let inside = |outer: &str, inner: &str| {
        inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with('/'))
            || inner
                .split(&[' ', '\t', '\n', '\r', '`'][..])
                .any(|word| word == outer)
    };
    x == y || inside(x, y) || inside(y, x)
}

/// Nouns that name a kind of thing, not which one: two steps that both say "stack" need not
/// touch the same stack.
const KINDS: Words = words![
    "stack",
    "stacks",
    "environment",
    "env",
    "database",
    "db",
    "table",
    "tables",
    "cluster",
    "bucket",
    "namespace",
    "service",
    "instance",
    "instances",
    "volume",
    "volumes",
    "server",
    "infrastructure",
    "infra",
    "deployment",
    "resources",
    "aws",
    "cloudformation",
    "kubectl",
    "terraform",
    "gcloud",
    "data",
    "files",
    "file",
    "directory",
    "folder",
    "create",
    "delete",
    "stack-name",
    "template",
    "name",
];

/// The words that name what a step's destructive findings act on, without the kind nouns
/// when a proper name is there (`legacy-reports`, `invoices_v1`); only the kind noun when the
/// step names nothing else ("the environment").
fn target_words(work: &StepWork, actions: &[Action]) -> Subject {
    let mut subject = Subject::default();
    for target in work
        .findings
        .iter()
        .filter(|f| actions.contains(&f.rule.action))
        .filter_map(|f| f.hit.target.as_deref())
    {
        subject.add_name(target);
    }
    if subject.words.iter().any(|w| !KINDS.contains(&w.as_str())) {
        subject.words.retain(|w| !KINDS.contains(&w.as_str()));
    }
    subject
}

/// A backup narrowed to named tables or collections (`pg_dump -t customers`) covers only those.
fn narrowed_backup(work: &StepWork) -> bool {
    work.commands.iter().any(|c| {
        c.args.iter().any(|a| {
            words!["-t", "--table", "--collection", "-c", "--tables"].contains(a.value.as_str())
                || a.value.starts_with("--table=")
        })
    })
}

fn mentions(tokens: &[Token], terms: Words) -> bool {
    find_all(tokens, terms)
        .iter()
        .any(|(s, _)| !is_negated(tokens, *s) && !tokens[*s].data)
}

fn command_creates(command: &Command) -> bool {
    let words: Vec<&str> = command
        .args
        .iter()
        .filter(|a| !a.value.starts_with('-'))
        .map(|a| a.value.as_str())
        .take(3)
        .collect();
    match command.program.as_str() {
        "terraform" | "tofu" | "pulumi" => {
            words.first().is_some_and(|w| matches!(*w, "apply" | "up"))
        }
        "kubectl" | "oc" => words
            .first()
            .is_some_and(|w| matches!(*w, "create" | "apply")),
        "helm" => words
            .first()
            .is_some_and(|w| matches!(*w, "install" | "upgrade")),
        "aws" | "gcloud" | "az" => words.iter().any(|w| {
            w.starts_with("create")
                || *w == "deploy"
                || w.starts_with("run-instances")
                || *w == "mb"
        }),
        listed if words!["createdb", "cdk", "sam", "serverless", "sls"].contains(listed) => true,
        _ => false,
    }
}

fn command_backs_up(command: &Command) -> bool {
    matches!(command.program.as_str(), "pg_dump" | "pg_dumpall" | "mysqldump" | "mongodump" | "redis-cli" if command.program != "redis-cli" || command.args.iter().any(|a| a.value.eq_ignore_ascii_case("bgsave") || a.value.eq_ignore_ascii_case("save")))
        || command.args.iter().any(|a| {
            let v = a.value.to_ascii_lowercase();
            v.contains("snapshot") && (v.starts_with("create") || v.starts_with("copy"))
                || v == "backup"
                || v == "backups"
                || v.starts_with("create-backup")
                || v.starts_with("export")
        })
        || words!["tar", "rsync", "velero", "restic", "borg"].contains(command.program.as_str())
}

/// Does a command of the step that backs up name the finding's target, and run before the
/// finding's own evidence? Names compare without a schema prefix or quotes (`-t
/// public.order_export_jobs` covers `TRUNCATE order_export_jobs`).
fn backs_up_first_within(work: &StepWork, finding: &super::Scored) -> bool {
    let bare = |name: &str| -> String {
        let name = name.trim_matches(&['"', '\'', '`', ';'][..]);
        let name = name.after_last(b'.');
        name.trim_matches(&['"', '`'][..]).to_ascii_lowercase()
    };
    let (Some(at), Some(target)) = (finding.hit.evidence.first(), finding.hit.target.as_deref())
    else {
        return false;
    };
    let target = bare(target);
    !target.is_empty()
        && work.commands.iter().any(|c| {
            c.span.end <= at.start
                && command_backs_up(c)
                && c.args.iter().any(|a| {
                    let value = a.value.split_once('=').map_or(a.value.as_str(), |(_, v)| v);
                    bare(value) == target
                })
        })
}

fn step_creates(work: &StepWork) -> bool {
    // A step that only posts or sends a message ("Post in #ops: the new policy is live") tells
    // people about things; what its message names, it does not make.
    let only_tells = work.commands.is_empty()
        && !work.findings.is_empty()
        && work
            .findings
            .iter()
            .all(|f| f.rule.action == Action::Publish);
    if only_tells {
        return false;
    }
    work.has_action(Action::Create)
        || work.commands.iter().any(command_creates)
        || mentions(&work.tokens, CREATE)
        || mentions(&work.tokens, RECREATE)
}

fn step_backs_up(work: &StepWork) -> bool {
    work.has_action(Action::Backup)
        || work.commands.iter().any(command_backs_up)
        || mentions(&work.tokens, BACKUP)
}

/// Deletes something, or takes access away from whoever relies on it.
fn step_destroys(work: &StepWork) -> bool {
    work.findings.iter().any(|f| {
        matches!(
            f.rule.action,
            Action::Delete | Action::DeleteRecreate | Action::Revoke
        ) && f.decision >= Decision::Review
    })
}

fn step_disables_safety(work: &StepWork) -> bool {
    work.has_action(Action::DisableSafety)
        || {
            // The safety nets are found once, and only when the step switches something off;
            // each verb of switching off looks only at the nets within five words of it.
            let verbs = find_all(&work.tokens, DISABLE);
            let nets = if verbs.is_empty() {
                Vec::new()
            } else {
                find_all(&work.tokens, SAFETY_NETS)
            };
            verbs.iter().any(|(s, _)| {
                !is_negated(&work.tokens, *s)
                    && hits_near(&nets, *s, 5)
                        .iter()
                        .any(|(o, _)| work.tokens[*o].clause == work.tokens[*s].clause)
            })
        }
        || work.commands.iter().any(|c| {
            c.args.iter().any(|a| {
                let v = a.value.to_ascii_lowercase();
                v == "--no-deletion-protection"
                    || v == "stop-logging"
                    || v == "--no-enable-termination-protection"
                    || v == "disable-alarm-actions"
                    || v == "delete-trail"
                    || v.contains("prevent_destroy=false")
                    || v == "--no-termination-protection"
            })
        })
}

/// The branch whose protection the step removes, from the API path it calls
/// (`repos/o/r/branches/main/protection`); the default branch's usual names when the step
/// removes protection without naming one.
fn unprotected_branch(work: &StepWork) -> Option<String> {
    if !work
        .findings
        .iter()
        .any(|f| f.rule.id().ends_with("branch-protection-off"))
    {
        return None;
    }
    let named = work.commands.iter().flat_map(|c| &c.args).find_map(|a| {
        let (_, rest) = a.value.split_once("branches/")?;
        let (branch, _) = rest.split_once('/')?;
        Some(branch.to_string())
    });
    Some(named.unwrap_or_else(|| "main".to_string()))
}

/// Does one of the step's `git push` commands write to `branch`? Each refspec after the remote
/// is read for its destination (`HEAD:main`, `+fix:refs/heads/main`, `main`).
fn pushes_to(work: &StepWork, branch: &str) -> bool {
    for command in work.commands.iter().filter(|c| c.program == "git") {
        let mut words = command.positionals();
        if words.next().is_none_or(|w| w.value != "push") {
            continue;
        }
        for spec in words.skip(1) {
            let to = spec.value.after_last(b':');
            if to.trim_start_matches('+').trim_start_str("refs/heads/") == branch {
                return true;
            }
        }
    }
    false
}

/// Of a step that switches off a safety net: is the net one that records or announces what
/// happened (audit logs, trails, alarms, monitoring, shell history)?
fn names_a_record(work: &StepWork) -> bool {
    mentions(&work.tokens, RECORDS)
        || work.commands.iter().any(|c| {
            c.args.iter().any(|a| {
                let v = a.value.to_ascii_lowercase();
                v == "stop-logging" || v == "delete-trail"
            })
        })
}

fn step_widens(work: &StepWork) -> bool {
    work.has_action(Action::WidenPrivilege)
        || mentions(&work.tokens, WIDEN)
        || work.commands.iter().any(|c| {
            (c.program == "chmod"
                && c.args
                    .iter()
                    .any(|a| a.value.ends_with("777") || a.value == "a+rwx" || a.value == "o+w"))
                || c.args.iter().any(|a| {
                    a.value.contains("AdministratorAccess")
                        || a.value == "0.0.0.0/0"
                        || a.value == "cluster-admin"
                        || a.value.contains("\"Action\":\"*\"")
                        || a.value.contains("roles/owner")
                })
        })
}

/// Does the step act on a system with the access it has: change, delete, switch off a net or
/// run something unseen? A message sent, a release published or another grant is not acting
/// "with" a wider access (a Slack notice three steps after a grant is not what the grant was
/// for); each of those is judged by its own rule.
fn step_acts(work: &StepWork) -> bool {
    // A step whose commands only grant access (a narrow role binding the catalogue has no
    // rule of its own for, read as a generic change) is another grant.
    if !work.commands.is_empty() && work.commands.iter().all(grants_access) {
        return false;
    }
    work.findings.iter().any(|f| {
        f.rule.id() != "plan.claims"
            && f.scope > Scope::None
            && f.decision >= Decision::Review
            && matches!(
                f.rule.action,
                Action::Delete
                    | Action::DeleteRecreate
                    | Action::Change
                    | Action::DisableSafety
                    | Action::Opaque
                    | Action::Revoke
            )
            && !(f.rule.action == Action::Change && f.rule.id().starts_with("messages."))
    })
}

/// Whether a command grants a role or policy: the subcommands cloud CLIs and kubectl give
/// grants (`add-iam-policy-binding`, `attach-role-policy`, `role assignment create`, `create
/// rolebinding`).
fn grants_access(command: &crate::shell::Command) -> bool {
    let words: Vec<&str> = command
        .args
        .iter()
        .filter(|a| !a.value.starts_with('-'))
        .take(4)
        .map(|a| a.value.as_str())
        .collect();
    words.iter().any(|w| {
        w.ends_with("-iam-policy-binding")
            || (w.starts_with("attach-") && w.ends_with("-policy"))
            || matches!(*w, "rolebinding" | "clusterrolebinding")
    }) || words
        .windows(2)
        .any(|pair| pair == ["assignment", "create"])
}

/// How far apart (in steps) two steps of one pattern may be. Real plans join steps a few
/// apart; the bound keeps a 100,000-step paste linear.
const REACH: usize = 64;

/// What each step does, computed once so patterns compare flags, not text.
struct Traits {
    creates: bool,
    backs_up: bool,
    destroys: bool,
    disables_safety: bool,
    /// Of the safety nets switched off, one keeps the record of what happened.
    erases_record: bool,
    widens: bool,
    acts: bool,
}

/// Plan patterns, one stage each, in a fixed order: the patterns that join steps first, then the
/// credit copies and transactions give, then the backups (which read that credit), then a
/// backup deleted after it was relied on. Returns the patterns found; each step records the
/// patterns that raise it.
pub fn find(input: &str, work: &mut [StepWork]) -> Vec<PatternReport> {
    let seen = Seen::new(input, work);
    let mut found = Found::new();
    delete_then_recreate(&seen, work, &mut found);
    safety_off_then_act(&seen, work, &mut found);
    privilege_widening(&seen, work, &mut found);
    unchecked_precondition(input, work, &mut found);
    fan_out(work, &mut found);
    injected_destruction(&seen, work, &mut found);
    credit_copies(&seen, work);
    credit_checked_transactions(input, work);
    no_backup(&seen, work, &mut found);
    deletes_its_backup(work, &mut found);
    attach(work, found)
}

/// The patterns found so far, each with the steps whose decision it raises.
type Found = Vec<(PatternReport, Vec<usize>)>;

/// What the pattern stages read about every step, computed once.
struct Seen<'a> {
    input: &'a str,
    traits: Vec<Traits>,
    subjects: Vec<Subject>,
}

impl<'a> Seen<'a> {
    fn new(input: &'a str, work: &[StepWork]) -> Self {
        let traits: Vec<Traits> = work
            .iter()
            .map(|w| {
                let disables_safety = step_disables_safety(w);
                Traits {
                    creates: step_creates(w),
                    backs_up: step_backs_up(w),
                    destroys: step_destroys(w),
                    disables_safety,
                    erases_record: disables_safety && names_a_record(w),
                    widens: step_widens(w),
                    acts: step_acts(w),
                }
            })
            .collect();
        // Only steps that create, back up or destroy take part in the patterns that compare
        // subjects; the others need no word list.
        let subjects: Vec<Subject> = work
            .iter()
            .zip(&traits)
            .map(|(w, t)| {
                let relevant = t.creates
                    || t.backs_up
                    || w.findings
                        .iter()
                        .any(|f| matches!(f.rule.action, Action::Delete | Action::DeleteRecreate));
                if relevant {
                    subject_words(w)
                } else {
                    Subject::default()
                }
            })
            .collect();
        Seen {
            input,
            traits,
            subjects,
        }
    }
}

/// The steps after `i` a pattern may join it with.
fn ahead(i: usize, n: usize) -> std::ops::Range<usize> {
    i + 1..n.min(i + 1 + REACH)
}

/// The steps before `i` a pattern may join it with.
fn behind(i: usize) -> std::ops::Range<usize> {
    i.saturating_sub(REACH)..i
}

/// Delete, then recreate the same thing.
fn delete_then_recreate(seen: &Seen, work: &[StepWork], found: &mut Found) {
    let n = work.len();
    for i in 0..n {
        let deletes = work[i].findings.iter().any(|f| {
            f.rule.action == Action::Delete
                && f.rule.reach.follows_environment()
                && !f.raised.contains(&Raised::DevelopersOwn)
        });
        if !deletes {
            continue;
        }
        let deleted = target_words(&work[i], &[Action::Delete]);
        // The step's kind first: comparing subjects is the costly part.
        if let Some(j) = ahead(i, n).find(|&j| {
            seen.traits[j].creates && {
                let gone = if deleted.is_empty() {
                    &seen.subjects[i]
                } else {
                    &deleted
                };
                // The same object, or "again" where the later step points back at something
                // ("create it again", "seed the tables again") or one side names nothing to
                // compare; a step naming something else ("start nginx on lb-2 again" after a
                // cache purge) recreates that, not what was deleted.
                shares_subject(gone, &seen.subjects[j])
                    || ((gone.is_empty()
                        || seen.subjects[j].is_empty()
                        || refers_back(&work[j].tokens))
                        && mentions(&work[j].tokens, RECREATE))
            }
        }) {
            found.push((
                pattern(
                    "plan.delete-then-recreate",
                    &[i, j],
                    Decision::Escalate,
                    "Deletes something, then recreates it",
                    "Recreating restores the shape, not the data, identifiers, connections or manual changes; everything that depends on it is down in between, and if the recreate fails nothing is left.",
                    "Change it in place, or build the new one beside the old, switch over, verify, then delete the old one.",
                ),
                vec![i, j],
            ));
        }
    }
}

/// Safety off, then a destructive step.
fn safety_off_then_act(seen: &Seen, work: &[StepWork], found: &mut Found) {
    let n = work.len();
    for i in 0..n {
        if !seen.traits[i].disables_safety {
            continue;
        }
        // Branch protection guards pushes, not deletions: a push to the branch it guarded is
        // what it was there to stop.
        let unguarded = unprotected_branch(&work[i]);
        if let Some(j) = ahead(i, n).find(|&j| {
            seen.traits[j].destroys
                || unguarded
                    .as_deref()
                    .is_some_and(|branch| pushes_to(&work[j], branch))
        }) {
            found.push((
                pattern(
                    "plan.safety-off-then-act",
                    &[i, j],
                    Decision::Escalate,
                    "Switches off a safety net, then does something destructive",
                    "The safety net (deletion protection, audit logging, alarms, backups, branch protection) exists to stop or record exactly the step that follows; turning it off first removes the last check.",
                    "Keep the protection on and find out why it is in the way; if it must go, have a second person do that step.",
                ),
                vec![i, j],
            ));
        } else if let Some(j) = behind(i)
            .rev()
            .find(|&j| seen.traits[j].destroys)
            .filter(|_| seen.traits[i].erases_record)
        {
            // Erasing the record after destructive work hides it from everyone who would notice.
            // Other nets switched off afterwards (protection, backups) hide nothing: their own
            // rules judge them.
            found.push((
                pattern(
                    "plan.erase-trail-after-act",
                    &[j, i],
                    Decision::Block,
                    "Erases the record after destructive work",
                    "Turning off audit logging or history after a destructive step hides what happened from the people who would investigate it.",
                    "Leave audit trails and history untouched; report what was done instead.",
                ),
                vec![j, i],
            ));
        }
    }
}

/// Privilege widening, then anything that changes something.
fn privilege_widening(seen: &Seen, work: &[StepWork], found: &mut Found) {
    let n = work.len();
    for i in 0..n {
        if !seen.traits[i].widens {
            continue;
        }
        // The resource changes of one infrastructure plan are applied together, by the
        // deployer's own credentials: a tag changed beside a new firewall rule does not use it.
        let declared = |j: usize| {
            !work[j].commands.is_empty()
                && work[j].commands.iter().all(|c| c.program == "@resource")
        };
        // Access given to a named someone else (`user:ana@vendor.example`, `CORP\\vendor`) is
        // theirs: the plan's later steps act with it only where they name that account.
        let grantees = grantees(&work[i]);
        let others: Vec<&str> = grantees
            .iter()
            .copied()
            .filter(|t| names_another_account(t))
            .collect();
        let grants_others = !others.is_empty() && others.len() == grantees.len();
        let following: Vec<usize> = ahead(i, n)
            .filter(|&j| seen.traits[j].acts && !(declared(i) && declared(j)))
            .filter(|&j| {
                !grants_others || {
                    let text = step_text(seen.input, &work[j]);
                    others.iter().any(|name| text.contains(name))
                }
            })
            .collect();
        // Widening alone is judged by its own rule; the pattern is what is done with it after.
        if following.is_empty() {
            continue;
        }
        let mut steps = vec![i];
        steps.extend(following.iter().take(3));
        found.push((
            pattern(
                "plan.privilege-widening",
                &steps,
                Decision::Escalate,
                "Widens access, then acts with it",
                "Granting broad access (admin roles, wildcard policies, world-open ports or files) turns any later mistake or leaked credential into one that reaches everything; such grants are rarely taken back.",
                "Grant only the specific permission the next step needs, for a limited time, and remove it afterwards.",
            ),
            steps,
        ));
    }
}

/// Does the command switch the shell's stop-on-error on (`set -e`, `set -euo pipefail`, `set -o
/// errexit`) or off (`set +e`)?
fn errexit(command: &Command) -> Option<bool> {
    if command.program != "set" {
        return None;
    }
    let args = &command.args;
    args.iter().enumerate().find_map(|(i, arg)| {
        let value = arg.value.as_str();
        let named = args.get(i + 1).is_some_and(|a| a.value == "errexit");
        match value.as_bytes().first() {
            Some(b'-') if value.as_bytes().get(1) != Some(&b'-') => {
                (value.contains('e') || value == "-o" && named).then_some(true)
            }
            Some(b'+') if value.contains('e') || value == "+o" && named => Some(false),
            _ => None,
        }
    })
}

/// A step that silently relies on an earlier one (mkdir, cd) having worked. Under `set -e` a
/// failed `mkdir` or `cd` stops the script, so nothing after it relies on it blindly.
fn unchecked_precondition(input: &str, work: &[StepWork], found: &mut Found) {
    let n = work.len();
    let mut stops = false;
    for i in 0..n {
        for command in &work[i].commands {
            stops = errexit(command).unwrap_or(stops);
        }
        if stops {
            continue;
        }
        for made in work[i]
            .commands
            .iter()
            .filter(|c| c.program == "mkdir" || c.program == "cd")
        {
            let Some(dir_arg) = made.args.iter().rev().find(|a| !a.value.starts_with('-')) else {
                continue;
            };
            let dir = dir_arg.value.trim_end_matches('/').to_string();
            // Quoted as written, so a name with spaces reads as one name.
            let written = dir_arg.span.slice(input).to_string();
            let relies = ahead(i, n).find(|&j| {
                work[j].commands.iter().any(|c| {
                    let into = c
                        .args
                        .iter()
                        .rfind(|a| !a.value.starts_with('-'))
                        .is_some_and(|a| a.value.trim_end_matches('/') == dir);
                    let many = c.args.iter().filter(|a| !a.value.starts_with('-')).count() > 2
                        || c.args.iter().any(|a| a.glob);
                    let moves_in = matches!(c.program.as_str(), "mv" | "cp") && into && many;
                    let deletes_here = made.program == "cd"
                        && c.program == "rm"
                        && c.args
                            .iter()
                            .any(|a| a.glob || a.value == "." || a.value == "./");
                    moves_in || deletes_here
                })
            });
            if let Some(j) = relies {
                found.push((
                    pattern(
                        "plan.unchecked-precondition",
                        &[i, j],
                        Decision::Escalate,
                        "Relies on an earlier step having worked",
                        &crate::words::fill2("If `{} {}` fails, the later step still runs: moves into a folder that does not exist rename each file onto the same name, overwriting one another, and deletions run in the wrong directory.", &made.program, &written),
                        "Chain the steps with `&&` (or `set -e`), check the folder exists first, and move with `mv -n` or into `dir/`.",
                    ),
                    vec![i, j],
                ));
                break;
            }
        }
    }
}

/// One command applied to every item of a list.
fn fan_out(work: &[StepWork], found: &mut Found) {
    for (i, step) in work.iter().enumerate() {
        let fanned: Vec<&super::Scored> = step
            .findings
            .iter()
            .filter(|f| {
                matches!(
                    f.rule.action,
                    Action::Delete
                        | Action::DeleteRecreate
                        | Action::Change
                        | Action::Publish
                        | Action::Revoke
                ) && f.decision >= Decision::Review
                    && f.hit.evidence.iter().any(|e| {
                        step.commands.iter().any(|c| {
                            c.program_span == *e
                                && (c.has_wrapper("xargs")
                                    || c.has_wrapper("find -exec")
                                    || c.has_wrapper("loop"))
                        })
                    })
            })
            .collect();
        if !fanned.is_empty() {
            // Repeating a deletion or a publication across a shared system, or a loss that cannot
            // be undone, needs a second look; repeating a reversible change needs a read.
            // A finding that reaches nothing beyond what its filter names (a retention trim
            // of old logs) is no more serious for being repeated over the list.
            let serious = fanned.iter().filter(|f| f.scope > Scope::None).any(|f| {
                matches!(
                    f.rule.action,
                    Action::Delete | Action::DeleteRecreate | Action::Publish | Action::Revoke
                ) && (f.rule.reach != Reach::Workspace || f.scope >= Scope::Shared)
                    || matches!(
                        f.reversibility,
                        Reversibility::Irreversible | Reversibility::Unknown
                    )
            });
            found.push((
                pattern(
                    "plan.fan-out",
                    &[i],
                    if serious { Decision::Escalate } else { Decision::Review },
                    "Applies one command to every item of a list",
                    "The command runs once per item the list produces at run time; nobody reviews the list, and one wrong entry (or an empty filter that matches everything) multiplies the damage.",
                    "Print the list first and review it, then run the command on named items, or in small batches.",
                ),
                vec![i],
            ));
        }
    }
}

/// Instructions aimed at an AI inside a plan that also destroys things: the planted-prompt
/// incident. The plan must change before anyone approves it.
fn injected_destruction(seen: &Seen, work: &[StepWork], found: &mut Found) {
    let n = work.len();
    let injected: Vec<usize> = (0..n)
        .filter(|&i| {
            work[i]
                .findings
                .iter()
                .any(|f| f.rule.id() == "plan.injection")
        })
        .collect();
    let destructive: Vec<usize> = (0..n)
        .filter(|&i| seen.traits[i].destroys && work[i].decision() >= Decision::Escalate)
        .collect();
    if !injected.is_empty() && !destructive.is_empty() {
        let mut steps: Vec<usize> = injected.iter().chain(destructive.iter()).copied().collect();
        crate::order::sort_by_rank(&mut steps, |s| *s as u64);
        steps.dedup();
        // A step that only read the instructions (in what a tool returned) did not carry them
        // out: the pattern names it, and raises the steps that destroy.
        let only_read = |i: &usize| {
            !destructive.contains(i)
                && work[*i]
                    .findings
                    .iter()
                    .filter(|f| f.rule.id() == "plan.injection")
                    .all(|f| f.raised.contains(&Raised::Returned))
        };
        let raised: Vec<usize> = steps.iter().copied().filter(|i| !only_read(i)).collect();
        found.push((
            pattern(
                "plan.injected-destruction",
                &steps,
                Decision::Block,
                "Carries instructions aimed at an AI, and destroys things",
                "Text in the plan addresses an AI agent or its reviewers, and the plan also deletes or destroys. That is the shape of a planted prompt: someone else's instructions, carried out with the agent's permissions.",
                "Do not approve; find where the instructions came from, remove them, and have the plan rewritten from the task alone.",
            ),
            raised,
        ));
    }
}

/// A destructive step on data with no backup earlier in the plan.
fn no_backup(seen: &Seen, work: &mut [StepWork], found: &mut Found) {
    let n = work.len();
    for i in 0..n {
        let data_loss: Vec<usize> = work[i]
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                // Files where a server keeps its data (`/var/log/app`, `/srv/...`) are data as
                // much as what an environment holds, whatever reach the rule has. What the
                // finding reaches nobody else with (a machine's old logs past the days it
                // keeps) needs no backup.
                matches!(f.rule.action, Action::Delete | Action::DeleteRecreate)
                    && f.reversibility == Reversibility::Irreversible
                    && ((f.rule.reach.follows_environment() && f.scope > Scope::None)
                        || f.scope >= Scope::Production)
                    && !f.raised.contains(&Raised::DevelopersOwn)
            })
            .map(|(k, _)| k)
            .collect();
        if data_loss.is_empty() {
            continue;
        }
        let lost = target_words(&work[i], &[Action::Delete, Action::DeleteRecreate]);
        // A dump of exactly this target earlier in the same step (`pg_dump -t jobs ...` then
        // `TRUNCATE jobs` in one block) backs it up as well as a step of its own would.
        let within = data_loss
            .iter()
            .all(|&k| backs_up_first_within(&work[i], &work[i].findings[k]));
        // A target named by an identifier (`vol-0f9e8d7c6b5a49382`, `db-7f3a`) is backed up only
        // by a step that names that identifier: a snapshot of another volume in the same
        // region shares every other word with it.
        let ids: Vec<&str> = data_loss
            .iter()
            .filter_map(|&k| work[i].findings[k].hit.target.as_deref())
            .filter(|t| t.len() >= 6 && t.bytes().any(|b| b.is_ascii_digit()) && t.contains('-'))
            .collect();
        let backup = within.then_some(i).or_else(|| {
            behind(i).rev().find(|&j| {
                seen.traits[j].backs_up
                    && ids
                        .iter()
                        .all(|id| step_text(seen.input, &work[j]).contains(id))
                    // A copy of some rows (`mongodump --query`, `WHERE` a bound) backs up only
                    // those: not a deletion of the whole, nor of rows past its bound.
                    && copy_covers_rows(step_text(seen.input, &work[j]), step_text(seen.input, &work[i]))
                    && if narrowed_backup(&work[j]) && !lost.is_empty() {
                        shares_subject(&lost, &seen.subjects[j])
                    } else {
                        shares_subject(&seen.subjects[i], &seen.subjects[j])
                            || seen.subjects[j].is_empty()
                    }
            })
        });
        match backup {
            Some(j) => {
                for k in data_loss {
                    let finding = &mut work[i].findings[k];
                    finding.reversibility = Reversibility::Recoverable;
                    let floor = finding.hit.floor.or(finding.rule.floor).unwrap_or(Decision::Proceed);
                    // A freeze or the policy raised this on purpose; a backup does not undo that.
                    let kept = finding.adjustments.iter().any(|a| a.kind == AdjustmentKind::Policy) || finding.raised.contains(&Raised::ChangeFreeze);
                    if !kept {
                        finding.decision = decide(finding.reversibility, finding.scope).max(floor);
                    }
                    finding.raised.push(Raised::BackedUp(j + 1));
                    finding.adjustments.push(Adjustment {
                        kind: AdjustmentKind::Mitigation,
                        note: if j == i {
                            "The step backs it up first, so it can be restored (check the backup works).".to_string()
                        } else {
                            format!("Step {} backs it up first, so it can be restored (check the backup works).", j + 1)
                        },
                        evidence: vec![],
                    });
                }
            }
            None => found.push((
                pattern(
                    "plan.no-backup",
                    &[i],
                    Decision::Escalate,
                    "Destroys data with no backup earlier in the plan",
                    "Nothing in the plan copies this data before it is destroyed, so if it was the wrong target, or still needed, there is nothing to restore from.",
                    "Add a step before it that backs up or snapshots exactly this target, and checks the backup can be restored.",
                ),
                vec![i],
            )),
        }
    }
}

/// The backup a destructive step was credited with, deleted later in the same plan: once
/// the plan has run, the way back it gave is gone.
fn deletes_its_backup(work: &[StepWork], found: &mut Found) {
    let n = work.len();
    let mut relied: Vec<(usize, usize)> = work
        .iter()
        .enumerate()
        .flat_map(|(i, w)| {
            w.findings.iter().flat_map(move |f| {
                f.raised.iter().filter_map(move |r| match r {
                    Raised::BackedUp(step) if *step >= 1 && *step - 1 < i => Some((*step - 1, i)),
                    _ => None,
                })
            })
        })
        .collect();
    crate::order::sort_pairs(&mut relied);
    relied.dedup_by_key(|(backup, _)| *backup);
    for (j, i) in relied {
        let kept = backup_names(&work[j]);
        if kept.is_empty() {
            continue;
        }
        let Some(m) = ahead(i, n).find(|&m| {
            deleted_names(&work[m])
                .iter()
                .any(|gone| kept.iter().any(|name| deletes_copy(name, gone)))
        }) else {
            continue;
        };
        found.push((
            pattern(
                "plan.deletes-its-backup",
                &[j, i, m],
                Decision::Review,
                "Deletes the backup an earlier step relies on",
                "An earlier step counts on this backup; deleting it leaves nothing to restore from.",
                "Keep the backup until the result is checked, and delete it later as its own step.",
            ),
            vec![m],
        ));
    }
}

/// Attaches each pattern to the steps it raises and returns the reports in order.
fn attach(work: &mut [StepWork], found: Found) -> Vec<PatternReport> {
    let mut reports = Vec::new();
    for (report, steps) in found {
        let index = reports.len();
        for s in steps {
            if let Some(step) = work.get_mut(s) {
                step.patterns.push((index, report.decision));
            }
        }
        reports.push(report);
    }
    reports
}

/// Overwrites and deletions that can be recovered only from a copy (`UPDATE`, `DELETE ... WHERE`,
/// `updateMany`), after a step that copies the same object: the copy holds what they change, so
/// the step is credited one decision lower, never below review, and the card says which step
/// the copy is. A copy of some columns covers an update of those columns only; a freeze or a
/// policy that raised the step keeps it where it is.
fn credit_copies(seen: &Seen, work: &mut [StepWork]) {
    let input = seen.input;
    for i in 0..work.len() {
        for k in 0..work[i].findings.len() {
            let finding = &work[i].findings[k];
            let creditable = matches!(finding.rule.action, Action::Change | Action::Delete)
                && finding.rule.reach.follows_environment()
                && finding.reversibility == Reversibility::Recoverable
                && finding.decision >= Decision::Escalate
                && !finding
                    .raised
                    .iter()
                    .any(|r| matches!(r, Raised::ChangeFreeze | Raised::BackedUp(_)))
                && !finding
                    .adjustments
                    .iter()
                    .any(|a| a.kind == AdjustmentKind::Policy);
            let Some(target) = finding.hit.target.as_deref().filter(|_| creditable) else {
                continue;
            };
            let mut touched = Subject::default();
            touched.add_name(target);
            let changed = step_text(input, &work[i]);
            let copies = || {
                (i.saturating_sub(REACH)..i).rev().filter(|&j| {
                    seen.traits[j].backs_up && shares_subject(&touched, &seen.subjects[j])
                })
            };
            let copy = copies().find(|&j| copy_covers(step_text(input, &work[j]), changed));
            let Some(j) = copy else {
                continue;
            };
            let finding = &mut work[i].findings[k];
            finding.decision = finding.decision.lower().max(Decision::Review);
            finding.raised.push(Raised::BackedUp(j + 1));
            finding.adjustments.push(Adjustment {
                kind: AdjustmentKind::Mitigation,
                note: format!(
                    "Step {} copies it first, so the old values can be put back from that copy.",
                    j + 1
                ),
                evidence: vec![],
            });
        }
    }
}

/// Row changes made inside a transaction that a later statement checks before `COMMIT` (a
/// `DO` block that raises unless exactly the expected rows changed): a wrong match aborts
/// instead of committing, so the step is credited one decision lower, never below review, and
/// the card says which step checks it. `BEGIN` and `COMMIT` with nothing checked between them
/// guard nothing and earn nothing, and neither does a check after the `COMMIT`.
fn credit_checked_transactions(input: &str, work: &mut [StepWork]) {
    use crate::sql::InTransaction;
    // The statements of the open transaction (step, statement span) and whether a check has
    // followed each; a transaction may span steps (a SQL file is one step per statement).
    let mut open: Option<Vec<(usize, Span, Option<usize>)>> = None;
    let mut credited: Vec<(usize, Span, usize)> = Vec::new();
    for (i, step) in work.iter().enumerate() {
        let codes = step.step.code.iter().filter(|c| c.kind == CodeKind::Sql);
        for code in codes.map(|c| c.span) {
            for statement in crate::plan::sql_statements(input, code) {
                let words = crate::sql::words(input, statement);
                match crate::sql::in_transaction(&words) {
                    InTransaction::Begin => open = Some(Vec::new()),
                    InTransaction::Commit => {
                        for (step, span, check) in open.take().unwrap_or_default() {
                            if let Some(check) = check {
                                credited.push((step, span, check));
                            }
                        }
                    }
                    InTransaction::Rollback => open = None,
                    InTransaction::Check => {
                        for member in open.iter_mut().flatten() {
                            member.2.get_or_insert(i);
                        }
                    }
                    InTransaction::Rows => {
                        if let Some(members) = open.as_mut() {
                            members.push((i, statement, None));
                        }
                    }
                    InTransaction::Other => {}
                }
            }
        }
    }
    for (i, statement, check) in credited {
        for finding in &mut work[i].findings {
            let creditable = matches!(finding.rule.action, Action::Change | Action::Delete)
                && finding.rule.reach.follows_environment()
                && finding.decision >= Decision::Escalate
                && finding
                    .hit
                    .evidence
                    .first()
                    .is_some_and(|e| statement.contains(*e))
                && !finding.raised.contains(&Raised::ChangeFreeze)
                && !finding
                    .adjustments
                    .iter()
                    .any(|a| matches!(a.kind, AdjustmentKind::Policy | AdjustmentKind::Mitigation));
            if !creditable {
                continue;
            }
            finding.decision = finding.decision.lower().max(Decision::Review);
            finding.raised.push(Raised::Checked(check + 1));
            let note = if check == i {
                "The check after it in the same transaction rolls it back unless the rows changed are the ones expected.".to_string()
            } else {
                format!("Step {} checks it inside the same transaction and rolls it back unless the rows changed are the ones expected.", check + 1)
            };
            finding.adjustments.push(Adjustment {
                kind: AdjustmentKind::Mitigation,
                note,
                evidence: vec![],
            });
        }
    }
}

/// Who a widening step gives access to: the targets its widening findings name, and the
/// members its commands name (`--member=group:contractors@partner.example`, `-Member
/// 'CORP\\vendor'`).
fn grantees(work: &StepWork) -> Vec<&str> {
    const MEMBER_FLAGS: Words =
        words!["--member", "--members", "-member", "-members", "--assignee"];
    let mut out: Vec<&str> = work
        .findings
        .iter()
        .filter(|f| f.rule.action == Action::WidenPrivilege)
        .filter_map(|f| f.hit.target.as_deref())
        .collect();
    for command in &work.commands {
        for (at, arg) in command.args.iter().enumerate() {
            let lower = arg.value.to_ascii_lowercase();
            let value = match lower.split_once('=') {
                Some((flag, _)) if MEMBER_FLAGS.contains(&flag) => {
                    arg.value.split_once('=').map(|(_, v)| v)
                }
                None if MEMBER_FLAGS.contains(&lower.as_str()) => {
                    command.args.get(at + 1).map(|a| a.value.as_str())
                }
                _ => None,
            };
            out.extend(value);
        }
    }
    // Kept in the order found, each once: the lists are a few names long.
    let mut unique: Vec<&str> = Vec::new();
    for name in out.into_iter().map(|t| t.trim_matches(&['\'', '"'][..])) {
        if !name.is_empty() && !unique.contains(&name) {
            unique.push(name);
        }
    }
    let mut out = unique;
    // A finding's target may be the project or role the member is given access in: only the
    // accounts matter when the command names any.
    if out.iter().any(|t| names_another_account(t)) {
        out.retain(|t| names_another_account(t));
    }
    out
}

/// A grantee that is an account of its own: an e-mail address, a `DOMAIN\\user`, or a cloud
/// member (`user:`, `serviceAccount:`, `group:`), not the agent's own session.
fn names_another_account(target: &str) -> bool {
    target.contains('@')
        || target.contains('\\')
        || ["user:", "serviceaccount:", "group:"]
            .iter()
            .any(|prefix| target.to_ascii_lowercase().starts_with(prefix))
}

fn step_text<'a>(input: &'a str, work: &StepWork) -> &'a str {
    input
        .get(work.step.span.start..work.step.span.end)
        .unwrap_or("")
}

/// Does a copy cover what a later statement changes? A copy that lists its columns (`CREATE
/// TABLE t AS SELECT id, email FROM users`) covers an `UPDATE` of those columns only, and no
/// deletion (the other columns of the deleted rows are nowhere); anything else (`SELECT *`, a
/// dump, a snapshot) covers it whole.
fn copy_covers(copy: &str, changed: &str) -> bool {
    copy_covers_rows(copy, changed)
        && crate::sql::selected_columns(copy).is_none_or(|columns| {
            crate::sql::assigned_columns(changed.trim_start())
                .is_some_and(|assigned| assigned.iter().all(|column| columns.contains(column)))
        })
}

/// Whether a copy holds every row a change touches, as far as the engine can tell: a copy
/// filtered by a `WHERE` does not cover a change of the whole table, and a copy of the rows
/// below a bound (`created_at < '2021-01-01'`) does not cover a change of the rows below a
/// higher one on the same column (`< '2022-01-01'`); a copy of a range (`BETWEEN '2027-10-04'
/// AND '2027-10-17'`) covers a change only inside it. Filters it cannot compare are taken to
/// match.
fn copy_covers_rows(copy: &str, changed: &str) -> bool {
    let (Some(mut kept), Some(mut gone)) = (filter(copy), filter(changed)) else {
        // A copy with no filter holds every row; a filtered one does not cover a change with
        // none.
        return filter(copy).is_none() || filter(changed).is_some();
    };
    let (Some(column), Some(op), Some(bound)) = (kept.next(), kept.next(), kept.next()) else {
        return true;
    };
    let (Some(other_column), Some(other_op), Some(other)) = (gone.next(), gone.next(), gone.next())
    else {
        return true;
    };
    // A table's alias (`T.sale_date`) names the same column.
    fn name(column: &str) -> &[u8] {
        let bytes = column.as_bytes();
        let start = bytes
            .iter()
            .rposition(|b| *b == b'.')
            .map_or(0, |dot| dot + 1);
        &bytes[start..]
    }
    if !name(other_column).eq_ignore_ascii_case(name(column)) {
        return true;
    }
    let bare = |value: &str| {
        value
            .trim_end_of(b"';)")
            .trim_start_matches('\'')
            .to_string()
    };
    // Whole numbers by value (longer is larger), dates and other literals as written (ISO
    // dates sort as text). No float parsing: it would cost the page kilobytes.
    let order = |a: &str, b: &str| {
        let whole = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole(a) && whole(b) {
            a.len().cmp(&b.len()).then(a.cmp(b))
        } else {
            a.cmp(b)
        }
    };
    let (bound, other) = (bare(bound), bare(other));
    if op.eq_ignore_ascii_case("between") {
        // A copy of a range covers a change of one value in it or of a range inside it; a
        // change bounded on one side only (`>= '2027-10-04'`) runs past its end.
        let (Some(_), Some(top)) = (kept.next(), kept.next()) else {
            return true;
        };
        let top = bare(top);
        let inside = |value: &str| !order(value, &bound).is_lt() && !order(value, &top).is_gt();
        return if other_op == "=" {
            inside(&other)
        } else if other_op.eq_ignore_ascii_case("between") {
            gone.next();
            inside(&other) && gone.next().is_some_and(|end| inside(&bare(end)))
        } else {
            false
        };
    }
    if other_op != op {
        return true;
    }
    let order = order(&other, &bound);
    match op.as_bytes().first() {
        Some(b'<') => !order.is_gt(),
        Some(b'>') => !order.is_lt(),
        _ => true,
    }
}

/// The words after a statement's `WHERE`: a filter written `created_at < '2021-01-01'` opens
/// with its column, its operator and its value. A dump's row filter (`mongodump --query`,
/// `mysqldump --where=`) is one too; other tools' `--query` (the AWS CLI's) shapes only what
/// they print. `None` without either.
fn filter(statement: &str) -> Option<std::str::SplitWhitespace<'_>> {
    let lower = statement.to_ascii_lowercase();
    let dump = ["mongodump", "mongoexport", "mysqldump"]
        .iter()
        .any(|program| lower.contains(program));
    // A MERGE deletes the target rows its source lacks, bounded only by the condition of
    // that branch (`WHEN NOT MATCHED BY SOURCE AND T.sale_date >= ...`), whatever the source's
    // own `WHERE` says.
    const UNMATCHED: &str = "not matched by source";
    if let Some(at) = lower.find(UNMATCHED) {
        let rest = &statement[at + UNMATCHED.len()..];
        let rest = rest.trim_start();
        return rest
            .get(..4)
            .filter(|and| and.eq_ignore_ascii_case("and "))
            .map(|_| rest[4..].split_whitespace());
    }
    let at = lower.find("where ").map(|at| at + 6).or_else(|| {
        ["--query", "--where"]
            .iter()
            .filter(|_| dump)
            .find_map(|flag| lower.find(flag).map(|at| at + flag.len()))
    })?;
    Some(statement[at..].trim_start_matches('=').split_whitespace())
}

/// Where a backup step puts its copy, as written: the files and URLs its commands name
/// (`pg_dump -f before.dump`, `> orders.sql`, `aws s3 cp ... s3://backups/x`) and the objects its
/// findings name (`CREATE TABLE orders_backup AS ...`).
fn backup_names(work: &StepWork) -> Vec<&str> {
    let mut names: Vec<&str> = work
        .commands
        .iter()
        .flat_map(|c| c.args.iter().chain(&c.writes))
        .filter(|a| !a.dynamic && !a.value.starts_with('-') && names_a_place(&a.value))
        .map(|a| a.value.as_str())
        .collect();
    names.extend(
        work.findings
            .iter()
            .filter(|f| f.rule.action == Action::Backup)
            .filter_map(|f| f.hit.target.as_deref()),
    );
    names
}

/// What a step deletes, as written: the paths its file and object-store deletions name, and
/// the targets of its deletion findings.
fn deleted_names(work: &StepWork) -> Vec<&str> {
    let mut names: Vec<&str> = work
        .commands
        .iter()
        .filter(|c| {
            let sub: Vec<&str> = c.positionals().take(2).map(|a| a.value.as_str()).collect();
            words!["rm", "unlink", "shred", "srm", "del", "erase"].contains(c.program.as_str())
                || (c.program == "aws" && sub == ["s3", "rm"])
                || (c.program == "gsutil" && sub.first() == Some(&"rm"))
                || (c.program == "gcloud" && sub == ["storage", "rm"])
        })
        .flat_map(|c| c.positionals())
        .filter(|a| names_a_place(&a.value))
        .map(|a| a.value.as_str())
        .collect();
    names.extend(
        work.findings
            .iter()
            .filter(|f| matches!(f.rule.action, Action::Delete | Action::DeleteRecreate))
            .filter_map(|f| f.hit.target.as_deref()),
    );
    names
}

/// A word that names a file, a directory or an object-store key rather than a subcommand.
fn names_a_place(value: &str) -> bool {
    value.contains('/') || value.contains('.')
}

/// Whether a deletion's argument takes the backup with it: the same path (a trailing `/` or a
/// leading `./` aside), a directory it is in, or a `*` pattern that matches it
/// (`/var/tmp/*.dump`).
fn deletes_copy(kept: &str, gone: &str) -> bool {
    let plain = |s: &str| {
        s.trim_start_str("./")
            .trim_end_matches('/')
            .to_ascii_lowercase()
    };
    let (kept, gone) = (plain(kept), plain(gone));
    if kept.is_empty() || gone.is_empty() {
        return false;
    }
    match gone.split_once('*') {
        Some((head, tail)) if !tail.contains('*') => {
            kept.len() >= head.len() + tail.len() && kept.starts_with(head) && kept.ends_with(tail)
        }
        Some(_) => false,
        None => {
            kept == gone
                || kept
                    .strip_prefix(gone.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        }
    }
}

fn pattern(
    rule: &str,
    steps: &[usize],
    decision: Decision,
    title: &str,
    why: &str,
    safer: &str,
) -> PatternReport {
    PatternReport {
        rule: rule.to_string(),
        steps: steps.iter().map(|s| s + 1).collect(),
        decision,
        title: title.to_string(),
        why: why.to_string(),
        safer: safer.to_string(),
    }
}
