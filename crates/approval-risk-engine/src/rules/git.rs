//! Git: rewriting shared history, deleting refs others use, and throwing away uncommitted work
//! or the reflog that would have brought it back.

use super::examples;
use super::matching::{find_flag, flag_value, positionals, Hit};
use super::{Action, CommandPattern, Matcher, ProsePattern, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::{Arg, Command};
use crate::span::Span;
use crate::words::Words;

/// The git subcommand (`reset` in `git -C repo reset --hard`) and the words after it.
fn subcommand(command: &Command) -> Option<(&Arg, Vec<&Arg>)> {
    let words = positionals(command);
    let (first, rest) = words.split_first()?;
    Some((*first, rest.to_vec()))
}

/// Paths given after a `--` separator.
fn after_separator(command: &Command) -> Vec<&Arg> {
    match command.args.iter().position(|a| a.value == "--") {
        Some(at) => command.args[at + 1..].iter().collect(),
        None => Vec::new(),
    }
}

/// A pathspec that means "everything here": `.`, `:/`, `*`, or a glob.
fn is_whole_tree(arg: &Arg) -> bool {
    matches!(arg.value.as_str(), "." | "./" | ":/" | "*" | ":(top)") || (arg.glob && !arg.quoted)
}

/// `git checkout -- <paths>`, `git checkout .`, `git checkout -f`, `git restore <paths>`
/// (not only `--staged`), `git switch --discard-changes`: each overwrites the working copy.
fn discard_changes(command: &Command) -> Option<Hit> {
    let (sub, rest) = subcommand(command)?;
    let mut hit = Hit::at(vec![command.program_span, sub.span]);
    let paths: Vec<&Arg> = match sub.value.as_str() {
        "checkout" => {
            if let Some(force) = find_flag(command, words!["-f", "--force"]) {
                hit.evidence.push(force.span);
                hit.note = Some("`--force` switches branches even when files have local changes, and throws those changes away.".to_string());
                hit.target = rest.first().map(|a| a.value.clone());
                return Some(hit);
            }
            let separated = after_separator(command);
            if separated.is_empty() {
                rest.into_iter().filter(|a| is_whole_tree(a)).collect()
            } else {
                separated
            }
        }
        "restore" => {
            let staged_only = find_flag(command, words!["--staged", "-S"]).is_some()
                && find_flag(command, words!["--worktree", "-W"]).is_none();
            if staged_only {
                return None;
            }
            rest
        }
        "switch" => {
            let discard = find_flag(command, words!["--discard-changes", "-f", "--force"])?;
            hit.evidence.push(discard.span);
            hit.target = rest.first().map(|a| a.value.clone());
            return Some(hit);
        }
        _ => return None,
    };
    let first = paths.first()?;
    hit.evidence.extend(paths.iter().map(|a| a.span));
    hit.target = Some(first.value.clone());
    if paths.iter().any(|a| is_whole_tree(a)) {
        hit.note = Some(
            "The path covers the whole working copy, so every uncommitted edit in it is discarded."
                .to_string(),
        );
    }
    Some(hit)
}

fn clean(command: &Command) -> Option<Hit> {
    let (sub, rest) = subcommand(command)?;
    if sub.value != "clean" {
        return None;
    }
    let force = find_flag(command, words!["-f", "--force"])?;
    if find_flag(command, words!["-n", "--dry-run", "-i", "--interactive"]).is_some() {
        return None;
    }
    let mut hit = Hit::at(vec![command.program_span, sub.span, force.span]);
    hit.target = rest.first().map(|a| a.value.clone());
    if let Some(ignored) = find_flag(command, words!["-x", "-X"]) {
        if ignored.span != force.span {
            hit.evidence.push(ignored.span);
        }
        hit.note = Some("`-x` also deletes ignored files, which is where local secrets (`.env`), local databases and downloaded data usually live.".to_string());
    }
    Some(hit)
}

fn push_delete(command: &Command) -> Option<Hit> {
    let (sub, rest) = subcommand(command)?;
    if sub.value != "push" || find_flag(command, words!["-n", "--dry-run"]).is_some() {
        return None;
    }
    let mut hit = Hit::at(vec![command.program_span, sub.span]);
    if let Some(flag) = find_flag(command, words!["-d", "--delete"]) {
        hit.evidence.push(flag.span);
        let refs: Vec<&&Arg> = rest.iter().skip(1).collect();
        hit.evidence.extend(refs.iter().map(|a| a.span));
        hit.target = refs.first().map(|a| a.value.clone());
        return Some(hit);
    }
    if let Some(flag) = find_flag(command, words!["--prune"]) {
        hit.evidence.push(flag.span);
        hit.note = Some("`--prune` deletes every remote branch that has no local branch of the same name, not just one.".to_string());
        hit.target = rest.first().map(|a| a.value.clone());
        return Some(hit);
    }
    let deleted = rest
        .iter()
        .find(|a| a.value.len() > 1 && a.value.starts_with(':'))?;
    hit.evidence.push(deleted.span);
    hit.target = Some(deleted.value.trim_start_matches(':').to_string());
    hit.note = Some(format!(
        "`{}` is a refspec with nothing before the colon, which means \"delete this on the remote\".",
        deleted.value
    ));
    Some(hit)
}

fn branch_force_delete(command: &Command) -> Option<Hit> {
    let (sub, rest) = subcommand(command)?;
    if sub.value != "branch" || find_flag(command, words!["-r", "--remotes"]).is_some() {
        return None;
    }
    let mut hit = Hit::at(vec![command.program_span, sub.span]);
    if let Some(flag) = find_flag(command, words!["-D"]) {
        hit.evidence.push(flag.span);
    } else {
        let delete = find_flag(command, words!["-d", "--delete"])?;
        let force = find_flag(command, words!["-f", "--force"])?;
        hit.evidence.push(delete.span);
        if force.span != delete.span {
            hit.evidence.push(force.span);
        }
    }
    hit.target = rest.first().map(|a| a.value.clone());
    Some(hit)
}

fn rewrite_history(command: &Command) -> Option<Hit> {
    if find_flag(command, words!["--analyze"]).is_some() {
        return None;
    }
    if command.program != "git" {
        return Some(Hit::at(vec![command.program_span]));
    }
    let (sub, _) = subcommand(command)?;
    matches!(sub.value.as_str(), "filter-branch" | "filter-repo")
        .then(|| Hit::at(vec![command.program_span, sub.span]))
}

/// `--expire=now`, `--expire all`, `--prune=now`: any value but `never` removes entries now.
fn expires_now(command: &Command, flags: Words) -> Option<Span> {
    flags.iter().find_map(|flag| {
        let arg = flag_value(command, flag)?;
        let value = arg
            .value
            .strip_prefix(flag)
            .and_then(|v| v.strip_prefix('='))
            .unwrap_or(&arg.value);
        let now = matches!(value, "now" | "all" | "0")
            || ["second", "minute", "hour"]
                .iter()
                .any(|unit| value.contains(unit));
        now.then_some(arg.span)
    })
}

fn reflog_expire(command: &Command) -> Option<Hit> {
    let (sub, rest) = subcommand(command)?;
    if sub.value != "reflog" {
        return None;
    }
    let action = rest.first()?;
    let mut hit = Hit::at(vec![command.program_span, sub.span, action.span]);
    match action.value.as_str() {
        "delete" => {
            hit.target = rest.get(1).map(|a| a.value.clone());
        }
        "expire" => {
            let span = expires_now(command, words!["--expire", "--expire-unreachable"])?;
            hit.evidence.push(span);
        }
        _ => return None,
    }
    Some(hit)
}

fn gc_prune_now(command: &Command) -> Option<Hit> {
    let (sub, _) = subcommand(command)?;
    match sub.value.as_str() {
        "gc" => {
            let span = expires_now(command, words!["--prune"])?;
            Some(Hit::at(vec![command.program_span, sub.span, span]))
        }
        "prune" if find_flag(command, words!["-n", "--dry-run"]).is_none() => {
            if expires_now(command, words!["--expire"]).is_none()
                && find_flag(command, words!["--expire"]).is_some()
            {
                return None;
            }
            Some(Hit::at(vec![command.program_span, sub.span]))
        }
        _ => None,
    }
}

/// Branches everyone builds on and that usually deploy.
const DEFAULT_BRANCHES: Words = words![
    "main",
    "master",
    "trunk",
    "develop",
    "production",
    "prod",
    "live",
    "release",
    "stable",
];

/// `git push --force` (or `-f`, `--mirror`, a `+refspec`) without a lease. Over the default
/// branch, or over whatever branch is checked out when none is named, it reaches what deploys.
fn force_push(command: &Command) -> Option<Hit> {
    let pattern = CommandPattern {
        programs: words!["git"],
        subcommands: &[words!["push"]],
        flags_none: words!["--force-with-lease", "--dry-run", "-n"],
        ..CommandPattern::ANY
    };
    let forced = find_flag(command, words!["--force", "-f", "--mirror"]);
    let words = positionals(command);
    let plus = words.iter().skip(2).find(|w| w.value.starts_with('+'));
    let mut hit = super::matching::match_command(&pattern, command)?;
    match (forced, plus) {
        (Some(flag), _) => hit.evidence.push(flag.span),
        (None, Some(refspec)) => hit.evidence.push(refspec.span),
        (None, None) => return None,
    }
    let branches: Vec<&str> = words
        .iter()
        .skip(2)
        .map(|w| w.value.trim_start_matches('+'))
        .map(|w| w.rsplit(':').next().unwrap_or(w))
        .map(|w| w.trim_start_matches("refs/heads/"))
        .collect();
    let default = branches
        .iter()
        .find(|b| DEFAULT_BRANCHES.contains(b) || b.starts_with("release/"));
    if let Some(branch) = default {
        hit.scope = Some(S::Production);
        hit.target = Some((*branch).to_string());
        hit.note = Some(format!(
            "`{branch}` is the branch everyone builds on and that usually deploys."
        ));
    } else if branches.is_empty() {
        hit.scope = Some(S::Production);
        hit.note = Some("No branch is named, so it pushes whatever is checked out, which may be the default branch.".to_string());
    } else {
        hit.target = branches.first().map(|b| (*b).to_string());
    }
    Some(hit)
}

/// The branches everyone builds, deploys and branches from, as plans name them.
const SHARED_BRANCHES: Words = words![
    "main",
    "master",
    "trunk",
    "develop",
    "default branch",
    "production branch",
    "release branch",
    "production",
    "prod",
];

pub static RULES: &[Rule] = &[
    Rule {
        id: "git.force-push",
        title: "Force-pushes over a shared branch",
        // The base scope is a shared branch; over the default branch it is production.
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: force_push },
        why: "A force push replaces the remote branch with the local one: commits others pushed meanwhile disappear from it, and their clones diverge. They can be recovered only from someone's reflog or clone, with effort.",
        consequence: "commits others pushed to it disappear for everyone, and their clones diverge",
        safer: "Use `git push --force-with-lease` so the push fails if the remote moved, or push to a new branch and open a pull request.",
        instead: "git push --force-with-lease origin main",
        questions: words![
            "Which branch, and does anyone else push to it?",
            "Has the remote moved since the agent last fetched?",
            "Is branch protection on for this branch?",
        ],
        references: words!["https://git-scm.com/docs/git-push#Documentation/git-push.txt---force-with-leaseltrefnamegt"],
        examples: examples(&["git push --force origin main", "git push -f", "/usr/bin/git push origin +main --force", "git push origin +feature/login"]),
        counterexamples: examples(&["git push --force-with-lease origin feature", "git push origin main", "git commit -m 'git push --force'"]),
    },
    Rule {
        id: "git.push",
        title: "Pushes commits or tags to a shared remote",
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["push"]],
            flags_none: words!["--force", "-f", "--mirror", "--delete", "-d", "--dry-run", "-n", "--prune"],
            ..CommandPattern::ANY
        }),
        why: "Pushing shares the commits or tags with everyone who uses the remote, and pushes to the default branch or a release tag often start a deployment; a push can be reverted with a new commit, but what it triggered has already run.",
        consequence: "everyone using the remote gets the commits, and any deploy they trigger runs",
        safer: "Push to a branch and open a pull request, or check what the push triggers (CI, deploys) before pushing to the default branch.",
        instead: "git push --dry-run origin {target}",
        questions: words!["Does pushing this branch or tag start a deployment or release?"],
        references: words!["https://git-scm.com/docs/git-push"],
        examples: examples(&["git push origin main --follow-tags", "git push origin v2.14.3"]),
        counterexamples: examples(&["git push --dry-run origin main", "git push --force origin main", "git status"]),
    },
    Rule {
        id: "git.reset-merge",
        title: "Resets the working copy, keeping only unstaged changes",
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["reset"]],
            flags_any: words!["--merge", "--keep"],
            ..CommandPattern::ANY
        }),
        why: "`git reset --merge` (or `--keep`) moves the branch and rewrites files that differ; staged changes and the commits it moves past are left only in the reflog, from where they can be recovered with some effort.",
        consequence: "staged work and the commits moved past survive only in the reflog",
        safer: "Commit or stash the work first (`git stash push`), then reset.",
        instead: "git stash push -m before-reset",
        questions: words!["Is there staged work that is not committed yet?"],
        references: words!["https://git-scm.com/docs/git-reset"],
        examples: examples(&["git reset --merge", "git reset --keep HEAD~1"]),
        counterexamples: examples(&["git reset HEAD file.txt", "git reset --soft HEAD~1"]),
    },
    Rule {
        id: "git.reset-hard",
        title: "Throws away every uncommitted change in the working copy",
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["reset"]],
            flags_any: words!["--hard"],
            ..CommandPattern::ANY
        }),
        why: "`git reset --hard` overwrites every tracked file with the chosen commit: edits that were never committed are gone for good, since git kept no copy of them and there is no undo. Commits it moves past can still be found in the reflog for a while.",
        consequence: "every uncommitted edit is gone for good, with no undo",
        safer: "Save the work first with `git stash push --include-untracked` (or commit it to a throwaway branch), then reset; `git reset --keep` refuses to overwrite files with local changes.",
        instead: "git stash push --include-untracked -m 'before reset'",
        questions: words![
            "Does `git status` show uncommitted changes that someone still wants?",
            "Which commit is it resetting to, and why that one?",
        ],
        references: words!["https://git-scm.com/docs/git-reset#Documentation/git-reset.txt---hard"],
        examples: examples(&["git reset --hard", "git reset --hard origin/main", "git -C services/api reset --hard HEAD~3"]),
        counterexamples: examples(&["git reset --soft HEAD~1", "git reset --keep HEAD~1", "git commit -m 'undo git reset --hard'"]),
    },
    Rule {
        id: "git.discard-changes",
        title: "Overwrites files with uncommitted changes",
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: discard_changes },
        why: "Checking out or restoring paths replaces the files on disk with their committed version. Any edit made since the last commit in those files is lost without a copy; git cannot bring it back.",
        consequence: "uncommitted edits in it are lost for good; git cannot bring them back",
        safer: "Look at `git diff {target}` first, and keep the edits with `git stash push -- {target}` instead of throwing them away.",
        instead: "git stash push -- {target}",
        questions: words![
            "Does `git diff` show edits in these files that someone still wants?",
            "Is the agent discarding its own changes, or a person's work in progress?",
        ],
        references: words!["https://git-scm.com/docs/git-restore", "https://git-scm.com/docs/git-checkout"],
        examples: examples(&["git checkout -- .", "git checkout .", "git restore src/app.ts", "git checkout HEAD -- config/settings.py", "git switch --discard-changes main", "git checkout -f release"]),
        counterexamples: examples(&["git checkout main", "git checkout -b feature/login", "git restore --staged src/app.ts", "git switch main"]),
    },
    Rule {
        id: "git.clean",
        title: "Deletes untracked files from the working copy",
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: clean },
        why: "`git clean -f` deletes every file git does not track: new source files never added, notes, local configuration. They were never in git, so git cannot restore them, and they do not go to a trash folder.",
        consequence: "untracked files are deleted for good; git never had a copy of them",
        safer: "Run `git clean -n` (add the same `-d`/`-x`) and read the list first; use `git clean -i` to pick, or move what should go into a folder outside the repository.",
        instead: "git clean -n -d",
        questions: words![
            "What does `git clean -n` (with the same flags) list?",
            "Is any of it new work that was never committed, or a local secret or data file?",
        ],
        references: words!["https://git-scm.com/docs/git-clean"],
        examples: examples(&["git clean -fdx", "git clean -fd", "git clean --force -d -x"]),
        counterexamples: examples(&["git clean -n -d", "git clean -fdn", "git clean -i"]),
    },
    Rule {
        id: "git.push-delete",
        title: "Deletes a branch or tag on the shared remote",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: push_delete },
        why: "The branch or tag disappears from the remote for everyone: open pull requests from it close, CI and deployments that follow it stop, and a deleted release tag breaks whoever builds from it. It can be pushed back only from a clone that still has it.",
        consequence: "it vanishes for everyone; open pull requests close and builds following it break",
        safer: "Check that {target} is merged and nobody builds from it; keep it under an archive name first, then delete.",
        instead: "git tag archive/{target} origin/{target}",
        questions: words![
            "Is {target} merged, and does any open pull request, pipeline or deployment use it?",
            "Does anyone else have a clone with this branch or tag?",
        ],
        references: words!["https://git-scm.com/docs/git-push#Documentation/git-push.txt---delete"],
        examples: examples(&["git push origin --delete feature/login", "git push origin :release-2023", "git push --delete origin v1.4.0", "git push --prune origin"]),
        counterexamples: examples(&["git push origin feature/login", "git push origin main:main", "git branch -d feature/login"]),
    },
    Rule {
        id: "git.prose-bypass-review",
        title: "Changes the default branch without review",
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Prose(ProsePattern {
            verbs: words!["merg*", "push", "pushes", "pushing", "commit*", "land*"],
            objects: SHARED_BRANCHES,
            also: words![
                "without review", "without a review", "without approval", "without reviews",
                "skip review", "skip the review", "skipping review", "skipping the review",
                "bypass*", "no review", "directly", "admin override", "--admin", "unreviewed",
            ],
            window: 6,
            leading: false,
        }),
        why: "Review is the check that the default branch gets; what lands there unreviewed is built, deployed and branched from by everyone, and a mistake in it is found only when it breaks something.",
        consequence: "unreviewed code is built, deployed and branched from by everyone",
        safer: "Open a pull request and get the usual review, even a quick one; if it is urgent, ask a reviewer directly rather than going around the rule.",
        instead: "Open a pull request into main and ask a reviewer to look at it now.",
        questions: words!["Why can this not wait for a review?", "Does anything deploy automatically from the branch?"],
        references: words![],
        examples: examples(&["Merge directly to main without review to unblock the release.", "Push the fix straight to master, bypassing branch protection."]),
        counterexamples: examples(&["Open a pull request into main.", "Merge the reviewed pull request into main."]),
    },
    Rule {
        id: "git.prose-force-push",
        title: "Force-pushes over the default branch",
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Prose(ProsePattern {
            verbs: words!["force-push*", "force push*", "force-pushing", "force pushing", "push --force", "push -f"],
            objects: SHARED_BRANCHES,
            also: words![],
            window: 6,
            leading: false,
        }),
        why: "A force-push replaces the branch's history with the local one: commits others pushed in the meantime vanish from it, every clone and open pull request now disagrees with the server, and CI or deploys built from the old commits point at history that is gone. Getting them back means finding them in someone's reflog.",
        consequence: "commits others pushed vanish for everyone, and every clone disagrees with the server",
        safer: "Push the rebased work to a new branch and open a pull request; if history must change, use `--force-with-lease` after telling everyone who uses {target}.",
        instead: "Push the rebased work to a new branch and open a pull request into {target}.",
        questions: words![
            "Has anyone pushed to {target} since the local copy was fetched?",
            "Does anything deploy from {target}?",
        ],
        references: words![],
        examples: examples(&[
            "Force-push the rebased branch to main.",
            "Force push the squashed history to master.",
        ]),
        counterexamples: examples(&[
            "Push the rebased branch to a new branch and open a pull request into main.",
            "Never force-push to main.",
        ]),
    },
    Rule {
        id: "git.branch-force-delete",
        title: "Force-deletes a local branch, merged or not",
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: branch_force_delete },
        why: "`-D` deletes the branch even if its commits were never merged or pushed. Those commits survive only in the reflog (about 30 days by default), where someone has to dig them out by hash.",
        consequence: "unmerged commits on it survive only in the reflog, findable only by hash",
        safer: "Use `git branch -d {target}`, which refuses to delete unmerged work, or rename the branch to an archive name instead.",
        instead: "git branch -m {target} archive/{target}",
        questions: words![
            "Is every commit on {target} merged or pushed somewhere?",
            "Why does the plain `-d` not work here?",
        ],
        references: words!["https://git-scm.com/docs/git-branch#Documentation/git-branch.txt--D"],
        examples: examples(&["git branch -D feature/experiment", "git branch --delete --force wip"]),
        counterexamples: examples(&["git branch -d feature/merged", "git branch -a", "git branch -rD origin/old"]),
    },
    Rule {
        id: "git.stash-discard",
        title: "Drops saved stashes of work in progress",
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["stash"], words!["drop", "clear"]],
            ..CommandPattern::ANY
        }),
        why: "A stash is work someone set aside to come back to. Dropping it (or clearing every stash) removes it from the list; it can be recovered only by hunting for dangling commits with `git fsck` before garbage collection removes them.",
        consequence: "the work set aside is gone unless someone digs it out with `git fsck`",
        safer: "Turn the stash into a branch (`git stash branch <name>`) or check `git stash show -p` before dropping it.",
        instead: "git stash branch saved-work stash@{0}",
        questions: words!["What is in the stash (`git stash show -p`), and whose work is it?"],
        references: words!["https://git-scm.com/docs/git-stash#Documentation/git-stash.txt-drop-q--quietltstashgt"],
        examples: examples(&["git stash drop", "git stash clear", "git stash drop stash@{2}"]),
        counterexamples: examples(&["git stash list", "git stash push -m wip", "git stash pop"]),
    },
    Rule {
        id: "git.rewrite-history",
        title: "Rewrites every commit in the repository's history",
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git", "git-filter-repo", "bfg"], check: rewrite_history },
        why: "History filters give every commit a new identity; `git filter-repo` also drops the old objects and the link to the remote. Once force-pushed, every clone, fork, open pull request and commit link breaks and collaborators must re-clone; removing a leaked secret this way does not un-leak it.",
        consequence: "every clone, fork and pull request breaks once pushed, and leaked secrets stay leaked",
        safer: "Make a mirror backup first (`git clone --mirror`), run the filter on a fresh clone, check the result, and agree a moment with everyone who has a clone; rotate leaked secrets instead of relying on the rewrite.",
        instead: "git clone --mirror . ../repository-backup.git",
        questions: words![
            "Is there a mirror backup of the repository from before the rewrite?",
            "Who else has clones or forks, and do they know they must re-clone?",
            "If this removes a secret, has the secret already been rotated?",
        ],
        references: words!["https://github.com/newren/git-filter-repo", "https://git-scm.com/docs/git-filter-branch#_warning"],
        examples: examples(&["git filter-repo --path secrets.env --invert-paths", "git filter-branch --tree-filter 'rm -f passwords.txt' HEAD", "bfg --delete-files id_rsa"]),
        counterexamples: examples(&["git filter-repo --analyze", "git log --all -- secrets.env", "git commit -m 'run git filter-branch later'"]),
    },
    Rule {
        id: "git.reflog-expire",
        title: "Erases the reflog that makes lost commits recoverable",
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: reflog_expire },
        why: "The reflog is git's undo history: it records where every branch pointed, so a bad reset, rebase or branch delete can be undone. Expiring it now removes that record, and commits that only it kept become garbage to be deleted.",
        consequence: "bad resets, rebases and branch deletes can no longer be undone",
        safer: "Leave the reflog to expire on its own schedule (90 days by default); if disk space is the goal, find the large files instead.",
        instead: "git count-objects -vH",
        questions: words!["Why does the reflog need to go now, and was anything lost recently that it would recover?"],
        references: words!["https://git-scm.com/docs/git-reflog"],
        examples: examples(&["git reflog expire --expire=now --all", "git reflog expire --expire-unreachable=now --all", "git reflog delete HEAD@{1}"]),
        counterexamples: examples(&["git reflog", "git reflog show main", "git reflog expire --expire=never --all"]),
    },
    Rule {
        id: "git.gc-prune-now",
        title: "Permanently deletes unreachable commits right away",
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: gc_prune_now },
        why: "Git normally keeps unreachable objects for two weeks so that mistakes can be undone. Pruning now deletes them at once: commits lost to a reset, a deleted branch or a dropped stash can no longer be recovered.",
        consequence: "commits lost to resets, deleted branches or dropped stashes are gone for good",
        safer: "Run plain `git gc`, which keeps the two-week grace period.",
        instead: "git gc",
        questions: words!["Was anything reset, force-pushed or deleted recently that might still need recovering?"],
        references: words!["https://git-scm.com/docs/git-gc#Documentation/git-gc.txt---pruneltdategt"],
        examples: examples(&["git gc --prune=now --aggressive", "git gc --prune=all", "git prune"]),
        counterexamples: examples(&["git gc", "git gc --auto", "git prune --dry-run"]),
    },
    Rule {
        id: "git.tag-delete",
        title: "Deletes a local tag",
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["tag"]],
            flags_any: words!["-d", "--delete"],
            ..CommandPattern::ANY
        }),
        why: "The tag no longer marks its commit in this clone. A tag can be created again at the same commit if someone noted the hash, but an annotated or signed tag's message and signature are lost; deleting it on the remote is a separate push.",
        consequence: "it no longer marks its commit, and any annotation or signature is lost",
        safer: "Keep the tag and add a new one; if it must go, note the commit it points to (`git rev-parse {target}`) first.",
        instead: "git tag archive/{target} {target}",
        questions: words!["Does a release, deployment or package depend on {target}?"],
        references: words!["https://git-scm.com/docs/git-tag"],
        examples: examples(&["git tag -d v1.2.0", "git tag --delete nightly"]),
        counterexamples: examples(&["git tag -l", "git tag v1.3.0", "git tag -a v1.3.0 -m 'release'"]),
    },
    Rule {
        id: "git.update-ref-delete",
        title: "Deletes a ref with low-level plumbing",
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["update-ref"]],
            flags_any: words!["-d"],
            ..CommandPattern::ANY
        }),
        why: "`git update-ref -d` deletes a branch, tag or other ref with no safety checks and removes its reflog too, so commits only it pointed at can be found again only with `git fsck`.",
        consequence: "it goes with its reflog, leaving its commits findable only with `git fsck`",
        safer: "Use `git branch -d` or `git tag -d`, which check for unmerged work; record the hash (`git rev-parse {target}`) before deleting.",
        instead: "git rev-parse {target}",
        questions: words!["What does {target} point at, and is that commit reachable from anything else?"],
        references: words!["https://git-scm.com/docs/git-update-ref"],
        examples: examples(&["git update-ref -d refs/heads/experiment", "git update-ref -d refs/original/refs/heads/main"]),
        counterexamples: examples(&["git update-ref refs/heads/main HEAD", "git show-ref"]),
    },
    Rule {
        id: "git.worktree-remove-force",
        title: "Removes a worktree even though it has uncommitted changes",
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["worktree"], words!["remove"]],
            flags_any: words!["-f", "--force"],
            ..CommandPattern::ANY
        }),
        why: "Without `--force`, git refuses to remove a worktree that has uncommitted or untracked files. With it, the folder and every unsaved edit in it are deleted, with no copy kept.",
        consequence: "it and every uncommitted edit in it are deleted, with no copy kept",
        safer: "Run `git -C {target} status` first, commit or stash what is there, then remove it without `--force`.",
        instead: "git -C {target} status",
        questions: words!["What does `git status` show in that worktree, and whose work is it?"],
        references: words!["https://git-scm.com/docs/git-worktree#Documentation/git-worktree.txt-remove"],
        examples: examples(&["git worktree remove --force ../feature-wt", "git worktree remove -f /tmp/agent-task-12"]),
        counterexamples: examples(&["git worktree remove ../feature-wt", "git worktree list", "git worktree add ../hotfix"]),
    },
];
