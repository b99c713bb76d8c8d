//! Git: rewriting shared history, deleting refs others use, and throwing away uncommitted work
//! or the reflog that would have brought it back.

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, flag_value, positionals, Hit};
use super::{Action, CommandPattern, Matcher, ProsePattern, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::{Arg, Command};
use crate::span::Span;
use crate::words::Last;
use crate::words::Trim;
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
    words![".", "./", ":/", "*", ":(top)"].contains(arg.value.as_str()) || (arg.glob && !arg.quoted)
}

/// `git checkout -- <paths>`, `git checkout .`, `git checkout -f`, `git restore <paths>`
/// (not only `--staged`), `git switch --discard-changes`: each overwrites the working copy.
fn discard_changes(command: &Command) -> Option<Hit> {
    let (sub, rest) = subcommand(command)?;
    let mut hit = Hit::pair(command.program_span, sub.span);
    let paths: Vec<&Arg> = match sub.value.as_str() {
        "checkout" => {
            if let Some(force) = find_flag(command, words!["-f", "--force"]) {
                hit.evidence.push(force.span);
                hit.note("`--force` switches branches even when files have local changes, and throws those changes away.");
                hit.target_of(rest.first().copied());
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
            hit.target_of(rest.first().copied());
            return Some(hit);
        }
        _ => return None,
    };
    let first = paths.first()?;
    hit.evidence.extend(paths.iter().map(|a| a.span));
    hit.target_of(Some(first));
    if paths.iter().any(|a| is_whole_tree(a)) {
        hit.note(
            "The path covers the whole working copy, so every uncommitted edit in it is discarded.",
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
    let mut hit = Hit::three(command.program_span, sub.span, force.span);
    hit.target_of(rest.first().copied());
    if let Some(ignored) = find_flag(command, words!["-x", "-X"]) {
        if ignored.span != force.span {
            hit.evidence.push(ignored.span);
        }
        hit.note("`-x` also deletes ignored files, which is where local secrets (`.env`), local databases and downloaded data usually live.");
    }
    Some(hit)
}

fn push_delete(command: &Command) -> Option<Hit> {
    let (sub, rest) = subcommand(command)?;
    if sub.value != "push" || find_flag(command, words!["-n", "--dry-run"]).is_some() {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, sub.span);
    if let Some(flag) = find_flag(command, words!["-d", "--delete"]) {
        hit.evidence.push(flag.span);
        let refs: Vec<&&Arg> = rest.iter().skip(1).collect();
        hit.evidence.extend(refs.iter().map(|a| a.span));
        hit.target_of(refs.first().map(|a| **a));
        return Some(hit);
    }
    if let Some(flag) = find_flag(command, words!["--prune"]) {
        hit.evidence.push(flag.span);
        hit.note("`--prune` deletes every remote branch that has no local branch of the same name, not just one.");
        hit.target_of(rest.first().copied());
        return Some(hit);
    }
    let deleted = rest
        .iter()
        .find(|a| a.value.len() > 1 && a.value.starts_with(':'))?;
    hit.evidence.push(deleted.span);
    hit.set_target(deleted.value.trim_start_matches(':').to_string());
    hit.note_with("`{}` is a refspec with nothing before the colon, which means \"delete this on the remote\".", &deleted.value);
    Some(hit)
}

fn branch_force_delete(command: &Command) -> Option<Hit> {
    let (sub, rest) = subcommand(command)?;
    if sub.value != "branch" || find_flag(command, words!["-r", "--remotes"]).is_some() {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, sub.span);
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
    hit.target_of(rest.first().copied());
    Some(hit)
}

fn rewrite_history(command: &Command) -> Option<Hit> {
    if find_flag(command, words!["--analyze"]).is_some() {
        return None;
    }
    if command.program != "git" {
        return Some(Hit::on(command.program_span));
    }
    let (sub, _) = subcommand(command)?;
    matches!(sub.value.as_str(), "filter-branch" | "filter-repo")
        .then(|| Hit::pair(command.program_span, sub.span))
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
        let now = words!["now", "all", "0"].contains(value)
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
    let mut hit = Hit::three(command.program_span, sub.span, action.span);
    match action.value.as_str() {
        "delete" => {
            hit.target_of(rest.get(1).copied());
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
            Some(Hit::three(command.program_span, sub.span, span))
        }
        "prune" if find_flag(command, words!["-n", "--dry-run"]).is_none() => {
            if expires_now(command, words!["--expire"]).is_none()
                && find_flag(command, words!["--expire"]).is_some()
            {
                return None;
            }
            Some(Hit::pair(command.program_span, sub.span))
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

/// A plain push: no force, no deletion, no dry run (those have rules of their own).
fn plain_push(command: &Command) -> Option<Hit> {
    super::matching::match_command(
        &CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["push"]],
            flags_none: words![
                "--force",
                "-f",
                "--mirror",
                "--delete",
                "-d",
                "--dry-run",
                "-n",
                "--prune"
            ],
            ..CommandPattern::ANY
        },
        command,
    )
}

/// The branch a push names, when it names exactly one work branch of its own: not a default
/// or release branch, not a tag, not `HEAD` (whatever is checked out), and no `--tags` or
/// `--all` beside it. `None` for anything else, which stays a push to what others share.
fn work_branch(command: &Command) -> Option<String> {
    if find_flag(command, words!["--tags", "--follow-tags", "--all"]).is_some() {
        return None;
    }
    let words = positionals(command);
    // `git push`, then the remote, then the refspecs.
    let refspecs: Vec<&str> = words.iter().skip(2).map(|w| w.value.as_str()).collect();
    let [refspec] = refspecs.as_slice() else {
        return None;
    };
    let branch = refspec.after_last(b':');
    let branch = branch.trim_start_str("refs/heads/");
    let version = branch.starts_with('v') && crate::words::starts_with_digit(&branch[1..]);
    let shared = DEFAULT_BRANCHES.contains(branch)
        || words!["release", "hotfix", "staging", "gh-pages", "deploy"]
            .iter()
            .any(|prefix| branch.starts_with(prefix))
        || branch.contains("prod");
    let named = branch.contains(&['/', '-', '_'][..]) && !branch.starts_with(&['+', '-', '$'][..]);
    (named && !shared && !version && !refspec.starts_with('+') && branch != "HEAD")
        .then(|| branch.to_string())
}

/// A push that reaches what others share (see `work_branch` for the one that does not).
fn shared_push(command: &Command) -> Option<Hit> {
    let mut hit = plain_push(command)?;
    if work_branch(command).is_some() {
        return None;
    }
    // What is pushed is the refspec after the remote, not the remote itself.
    hit.set_target(
        positionals(command)
            .get(2)
            .map(|refspec| refspec.value.after_last(b':').to_string()),
    );
    Some(hit)
}

/// A push of one work branch of the agent's own.
fn branch_push(command: &Command) -> Option<Hit> {
    let mut hit = plain_push(command)?;
    hit.set_target(work_branch(command)?);
    Some(hit)
}

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
        .map(|w| w.after_last(b':'))
        .map(|w| w.trim_start_str("refs/heads/"))
        .collect();
    let default = branches
        .iter()
        .find(|b| DEFAULT_BRANCHES.contains(b) || b.starts_with("release/"));
    if let Some(branch) = default {
        hit.scope = Some(S::Production);
        hit.target(branch);
        hit.note_with(
            "`{}` is the branch everyone builds on and that usually deploys.",
            branch,
        );
    } else if branches.is_empty() {
        hit.scope = Some(S::Production);
        hit.note("No branch is named, so it pushes whatever is checked out, which may be the default branch.");
    } else {
        hit.set_target(branches.first().map(|b| (*b).to_string()));
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

/// Resolving every conflict by taking one side: `-X ours`/`-X theirs` (or `-s ours`) on a
/// merge, rebase, pull, cherry-pick or revert, and `git checkout`/`git restore` with
/// `--ours`/`--theirs`.
fn one_side(command: &Command) -> Option<Hit> {
    let (sub, _) = subcommand(command)?;
    let args = &command.args;
    let side = |value: &str| matches!(value, "ours" | "theirs");
    let flag = match sub.value.as_str() {
        listed if words!["merge", "rebase", "pull", "cherry-pick", "revert"].contains(listed) => {
            args.iter().enumerate().find(|(i, a)| {
                let v = a.value.as_str();
                let attached = v
                    .strip_prefix("-X")
                    .or_else(|| v.strip_prefix("--strategy-option="))
                    .or_else(|| v.strip_prefix("--strategy="))
                    .or_else(|| v.strip_prefix("-s"));
                match attached {
                    Some("") => args.get(i + 1).is_some_and(|next| side(&next.value)),
                    Some(value) => side(value),
                    None => {
                        matches!(v, "--strategy-option" | "--strategy")
                            && args.get(i + 1).is_some_and(|next| side(&next.value))
                    }
                }
            })
        }
        "checkout" | "restore" => args
            .iter()
            .enumerate()
            .find(|(_, a)| matches!(a.value.as_str(), "--ours" | "--theirs")),
        _ => None,
    }?;
    let (at, arg) = flag;
    let mut evidence = vec![command.program_span.cover(sub.span), arg.span];
    if let Some(value) = args.get(at + 1).filter(|next| side(&next.value)) {
        evidence.push(value.span);
    }
    Some(Hit::at(evidence))
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("git.force-push", "Force-pushes over a shared branch", "Plain `--force` ignores whether the remote moved since your last fetch; lost commits return only from someone's clone.", "commits others pushed to it vanish, and their clones diverge", "Use `git push --force-with-lease`, which fails if the remote moved, or push to a new branch.", ["Which branch, and does anyone else push to it?", "Has the remote moved since the agent last fetched?", "Is that branch protected?"], "git push --force-with-lease origin main"),
        // The base scope is a shared branch; over the default branch it is production.
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: force_push },
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-push#Documentation/git-push.txt---force-with-leaseltrefnamegt"],
        #[cfg(test)]
        examples: examples(&["git push --force origin main", "git push -f", "/usr/bin/git push origin +main --force", "git push origin +feature/login"]),
        #[cfg(test)]
        counterexamples: examples(&["git push --force-with-lease origin feature", "git push origin main", "git commit -m 'git push --force'"]),
    },
    Rule {
        text: rule_text!("git.push", "Pushes commits or tags to a shared remote", "A revert is just another commit: the pushed history stays, with any secret in it.", "everyone using it gets the commits, and triggered deploys run", "Push to a branch and open a pull request, or check first what the push triggers (CI, deploys).", ["Does pushing this branch or tag start a deployment or release?", "Could the pushed commits hold a secret or private file?"], "git push --dry-run origin {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: shared_push },
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-push"],
        #[cfg(test)]
        examples: examples(&["git push origin main --follow-tags", "git push origin v2.14.3", "git push", "git push -u origin HEAD", "git push origin feature/x main"]),
        #[cfg(test)]
        counterexamples: examples(&["git push --dry-run origin main", "git push --force origin main", "git status", "git push -u origin fix/flaky-refund"]),
    },
    Rule {
        text: rule_text!("git.push-branch", "Pushes a work branch for review", "A branch of its own changes nothing others build on until someone merges it.", "the commits become visible to everyone who can read the repository", "Check the diff for secrets or private files before pushing.", ["Could the pushed commits hold a secret or private file?", "Does a push to this branch start a deployment?"], "git diff origin/main...NAME"),
        reversibility: R::Reversible,
        scope: S::Local,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: branch_push },
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-push"],
        #[cfg(test)]
        examples: examples(&["git push -u origin fix/flaky-refund", "git push origin docs/cli-reference-gaps", "git push --set-upstream origin agent/rename-handler"]),
        #[cfg(test)]
        counterexamples: examples(&["git push origin main", "git push", "git push origin v1.2.0", "git push --force origin fix/x", "git push origin HEAD", "git push --tags origin fix/x"]),
    },
    Rule {
        text: rule_text!("git.reset-merge", "Resets the working copy, keeping only unstaged changes", "`--merge` resets the index, so staged changes survive only as unnamed blobs for `git fsck --lost-found`.", "staged work and skipped commits survive only in the reflog", "Commit or stash the work first (`git stash push`), then reset.", ["Is there staged work that is not committed yet?", "Which commit is it resetting to, and why?"], "git stash push -m before-reset"),
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["reset"]],
            flags_any: words!["--merge", "--keep"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-reset"],
        #[cfg(test)]
        examples: examples(&["git reset --merge", "git reset --keep HEAD~1"]),
        #[cfg(test)]
        counterexamples: examples(&["git reset HEAD file.txt", "git reset --soft HEAD~1"]),
    },
    Rule {
        text: rule_text!("git.reset-hard", "Throws away every uncommitted change", "Git never stored unstaged edits; staged content lingers as dangling blobs, and commits moved past stay in the reflog.", "every uncommitted edit is gone for good", "Stash the work first (`git stash push --include-untracked`), or use `git reset --keep`.", ["Does `git status` show uncommitted changes that someone still wants?", "Which commit is it resetting to, and why that one?"], "git stash push --include-untracked -m 'before reset'"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["reset"]],
            flags_any: words!["--hard"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-reset#Documentation/git-reset.txt---hard"],
        #[cfg(test)]
        examples: examples(&["git reset --hard", "git reset --hard origin/main", "git -C services/api reset --hard HEAD~3"]),
        #[cfg(test)]
        counterexamples: examples(&["git reset --soft HEAD~1", "git reset --keep HEAD~1", "git commit -m 'undo git reset --hard'"]),
    },
    Rule {
        text: rule_text!("git.discard-changes", "Overwrites files with uncommitted changes", "`git checkout -- path` and `git restore` overwrite edited files without asking, and `.` covers the whole working tree.", "uncommitted edits in it are lost for good", "Read `git diff` first, and stash the edits instead of discarding them.", ["Does `git diff` show edits someone still wants?", "Are these the agent's own edits, or a person's work?"], "git stash push -- {target}"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: discard_changes },
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-restore", "https://git-scm.com/docs/git-checkout"],
        #[cfg(test)]
        examples: examples(&["git checkout -- .", "git checkout .", "git restore src/app.ts", "git checkout HEAD -- config/settings.py", "git switch --discard-changes main", "git checkout -f release"]),
        #[cfg(test)]
        counterexamples: examples(&["git checkout main", "git checkout -b feature/login", "git restore --staged src/app.ts", "git switch main"]),
    },
    Rule {
        text: rule_text!("git.clean", "Deletes untracked files from the working copy", "`-d` adds untracked folders and `-x` ignored files, often `.env` files and local databases that exist nowhere else.", "untracked files are deleted for good; git never had copies", "Preview with `git clean -n` and the same flags, or choose files with `git clean -i`.", ["What does `git clean -n` (with the same flags) list?", "Does it include uncommitted work, `.env` files or local databases?"], "git clean -n -d"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: clean },
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-clean"],
        #[cfg(test)]
        examples: examples(&["git clean -fdx", "git clean -fd", "git clean --force -d -x"]),
        #[cfg(test)]
        counterexamples: examples(&["git clean -n -d", "git clean -fdn", "git clean -i"]),
    },
    Rule {
        text: rule_text!("git.push-delete", "Deletes a branch or tag on the remote", "Only someone's clone or the host's restore button brings it back, and pull requests it closed stay closed.", "it vanishes for everyone, closing pull requests and breaking builds", "Check {target} is merged and unused, and keep it under an archive name first.", ["Is {target} merged, and does any pipeline or deploy use it?", "Does anyone else have a clone with this branch or tag?"], "git tag archive/{target} origin/{target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: push_delete },
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-push#Documentation/git-push.txt---delete"],
        #[cfg(test)]
        examples: examples(&["git push origin --delete feature/login", "git push origin :release-2023", "git push --delete origin v1.4.0", "git push --prune origin"]),
        #[cfg(test)]
        counterexamples: examples(&["git push origin feature/login", "git push origin main:main", "git branch -d feature/login"]),
    },
    Rule {
        text: rule_text!("git.prose-bypass-review", "Changes the default branch without review", "Review is the only human check before the default branch; unreviewed mistakes surface only after others build on them.", "unreviewed code is built, deployed and branched from by everyone", "Open a pull request for the usual review; if it is urgent, ask a reviewer directly.", ["Why can this not wait for a review?", "Does anything deploy automatically from the branch?"], "Open a pull request into main and ask a reviewer to look at it now."),
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["merg*", "push", "pushes", "pushing", "commit*", "land*"],
            objects: SHARED_BRANCHES,
            also: words![
                "without review", "without a review", "without approval", "without reviews",
                "skip review", "skip the review", "skipping review", "skipping the review",
                "bypass*", "no review", "directly", "admin override", "--admin", "unreviewed",
            ],
            window: 6,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Merge directly to main without review to unblock the release.", "Push the fix straight to master, bypassing branch protection."]),
        #[cfg(test)]
        counterexamples: examples(&["Open a pull request into main.", "Merge the reviewed pull request into main."]),
    },
    Rule {
        text: rule_text!("git.prose-force-push", "Force-pushes over the default branch", "Pull requests, CI runs and deploys on the old commits point at missing history, recoverable only from someone's clone.", "commits others pushed vanish, and clones disagree with the server", "Push to a new branch and open a pull request; to rewrite {target}, use `--force-with-lease` and warn its users.", ["Has anyone pushed to {target} since the local copy was fetched?", "Does anything deploy from {target}?"], "Push the rebased work to a new branch and open a pull request into {target}."),
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["force-push*", "force push*", "force-pushing", "force pushing", "push --force", "push -f"],
            objects: SHARED_BRANCHES,
            also: words![],
            window: 6,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&[
            "Force-push the rebased branch to main.",
            "Force push the squashed history to master.",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Push the rebased branch to a new branch and open a pull request into main.",
            "Never force-push to main.",
        ]),
    },
    Rule {
        text: rule_text!("git.conflicts-one-side", "Resolves every conflict by taking one side", "Every conflicting change from the other side is dropped without anyone reading it; the result still builds, so nobody notices.", "the other side's conflicting changes are silently dropped", "Resolve the conflicts one by one and read each; list them first with `git diff --name-only --diff-filter=U`.", ["Which changes from the other side conflict, and who made them?", "Will the result be pushed over theirs?"], "git diff --name-only --diff-filter=U"),
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["git"],
            check: one_side,
        },
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/merge-strategies"],
        #[cfg(test)]
        examples: examples(&["git rebase -X ours origin/main", "git merge -s ours feature/payments", "git pull --strategy-option=theirs origin main", "git checkout --theirs ."]),
        #[cfg(test)]
        counterexamples: examples(&["git rebase origin/main", "git merge feature/payments", "git checkout main"]),
    },
    Rule {
        text: rule_text!("git.prose-conflicts-one-side", "Resolves every conflict by taking one side", "Every conflicting change from the other side is dropped without anyone reading it; the result still builds, so nobody notices.", "the other side's conflicting changes are silently dropped", "Resolve the conflicts one by one and read each; list them first with `git diff --name-only --diff-filter=U`.", ["Which changes from the other side conflict, and who made them?", "Will the result be pushed over theirs?"], "Resolve each conflict by reading both sides, and list them first with `git diff --name-only --diff-filter=U`."),
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["keep*", "tak*", "us*", "accept*", "prefer*", "choos*", "pick*", "resolv*"],
            objects: words![
                "our side", "their side", "ours", "theirs", "our version", "their version",
                "our changes", "their changes", "our code", "the local side", "the remote side",
                "local version", "remote version", "upstream version",
            ],
            also: words!["conflict*"],
            window: 4,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/merge-strategies"],
        #[cfg(test)]
        examples: examples(&["Rebase with `git rebase origin/main`, keeping our side of every conflict.", "Merge main in and take theirs for all conflicts."]),
        #[cfg(test)]
        counterexamples: examples(&["Rebase on origin/main and resolve the conflicts by hand.", "Keep our changes on the feature branch."]),
    },
    Rule {
        text: rule_text!("git.branch-force-delete", "Force-deletes a local branch, merged or not", "`-D` skips the merged check and erases the branch's reflog; commits linger in HEAD's reflog only if checked out.", "unmerged commits on it are findable only by hash", "Use `git branch -d`, which refuses unmerged work, or rename the branch to an archive name.", ["Is every commit on {target} merged or pushed somewhere?", "Why does the plain `-d` not work here?"], "git branch -m {target} archive/{target}"),
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: branch_force_delete },
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-branch#Documentation/git-branch.txt--D"],
        #[cfg(test)]
        examples: examples(&["git branch -D feature/experiment", "git branch --delete --force wip"]),
        #[cfg(test)]
        counterexamples: examples(&["git branch -d feature/merged", "git branch -a", "git branch -rD origin/old"]),
    },
    Rule {
        text: rule_text!("git.stash-discard", "Drops saved stashes of work in progress", "`git stash clear` removes every entry; dropped stashes become dangling commits that `git gc` prunes after two weeks.", "the work set aside is recoverable only with `git fsck`", "Keep it as a branch (`git stash branch <name>`) instead of dropping it.", ["What is in the stash (`git stash show -p`)?", "Whose work is it, the agent's or a person's?"], "git stash branch saved-work stash@{0}"),
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["stash"], words!["drop", "clear"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-stash#Documentation/git-stash.txt-drop-q--quietltstashgt"],
        #[cfg(test)]
        examples: examples(&["git stash drop", "git stash clear", "git stash drop stash@{2}"]),
        #[cfg(test)]
        counterexamples: examples(&["git stash list", "git stash push -m wip", "git stash pop"]),
    },
    Rule {
        text: rule_text!("git.rewrite-history", "Rewrites every commit in the repository's history", "Every rewritten commit gets a new hash, and `git filter-repo` also removes the `origin` remote.", "clones and forks break once pushed; leaked secrets stay leaked", "Mirror first (`git clone --mirror`), filter a fresh clone, and agree a moment with collaborators.", ["Is there a mirror backup from before the rewrite?", "Who else has clones or forks that must re-clone?", "If this removes a secret, has it been rotated?"], "git clone --mirror . ../repository-backup.git"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git", "git-filter-repo", "bfg"], check: rewrite_history },
        #[cfg(test)]
        references: words!["https://github.com/newren/git-filter-repo", "https://git-scm.com/docs/git-filter-branch#_warning"],
        #[cfg(test)]
        examples: examples(&["git filter-repo --path secrets.env --invert-paths", "git filter-branch --tree-filter 'rm -f passwords.txt' HEAD", "bfg --delete-files id_rsa"]),
        #[cfg(test)]
        counterexamples: examples(&["git filter-repo --analyze", "git log --all -- secrets.env", "git commit -m 'run git filter-branch later'"]),
    },
    Rule {
        text: rule_text!("git.reflog-expire", "Erases the reflog that makes lost commits recoverable", "The reflog records where branches and HEAD pointed; commits only it kept alive become garbage for `git gc`.", "bad resets, rebases and branch deletes become permanent", "Let the reflog expire on its own schedule; to free disk space, find the large files instead.", ["Why does the reflog need to go now?", "Was anything lost recently that the reflog would recover?"], "git count-objects -vH"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: reflog_expire },
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-reflog"],
        #[cfg(test)]
        examples: examples(&["git reflog expire --expire=now --all", "git reflog expire --expire-unreachable=now --all", "git reflog delete HEAD@{1}"]),
        #[cfg(test)]
        counterexamples: examples(&["git reflog", "git reflog show main", "git reflog expire --expire=never --all"]),
    },
    Rule {
        text: rule_text!("git.gc-prune-now", "Permanently deletes unreachable commits right away", "Git normally keeps unreachable objects two weeks; `--prune=now` skips that and can corrupt the repository during concurrent git writes.", "recently lost commits and stashes are gone for good", "Run plain `git gc`, which keeps the two-week grace period.", ["Might anything recently reset or deleted still need recovering?", "Is another git process writing to this repository now?"], "git gc"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["git"], check: gc_prune_now },
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-gc#Documentation/git-gc.txt---pruneltdategt"],
        #[cfg(test)]
        examples: examples(&["git gc --prune=now --aggressive", "git gc --prune=all", "git prune"]),
        #[cfg(test)]
        counterexamples: examples(&["git gc", "git gc --auto", "git prune --dry-run"]),
    },
    Rule {
        text: rule_text!("git.tag-delete", "Deletes a local tag", "Recreating it needs the commit hash, only its signer can re-sign it, and the remote's copy stays.", "it stops marking its commit, losing any annotation or signature", "Keep the tag and add a new one; if it must go, note its hash first (`git rev-parse`).", ["Does a release, deployment or package depend on {target}?", "Is it a signed tag only its author could recreate?"], "git tag archive/{target} {target}"),
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["tag"]],
            flags_any: words!["-d", "--delete"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-tag"],
        #[cfg(test)]
        examples: examples(&["git tag -d v1.2.0", "git tag --delete nightly"]),
        #[cfg(test)]
        counterexamples: examples(&["git tag -l", "git tag v1.3.0", "git tag -a v1.3.0 -m 'release'"]),
    },
    Rule {
        text: rule_text!("git.update-ref-delete", "Deletes a ref with low-level plumbing", "`update-ref -d` skips the merged check of `git branch -d` and deletes any ref, even notes or `refs/stash`.", "its reflog goes too; only `git fsck` finds its commits", "Use `git branch -d` (it refuses unmerged work) or `git tag -d`, and note the hash first.", ["What does {target} point at?", "Is its commit reachable from any other branch or tag?"], "git rev-parse {target}"),
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["update-ref"]],
            flags_any: words!["-d"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-update-ref"],
        #[cfg(test)]
        examples: examples(&["git update-ref -d refs/heads/experiment", "git update-ref -d refs/original/refs/heads/main"]),
        #[cfg(test)]
        counterexamples: examples(&["git update-ref refs/heads/main HEAD", "git show-ref"]),
    },
    Rule {
        text: rule_text!("git.worktree-remove-force", "Force-removes a worktree with uncommitted changes", "`--force` overrides git's refusal to remove a worktree with uncommitted or untracked files; commits on its branch survive.", "every uncommitted edit in it is deleted, with no copy", "Check its status, commit or stash what is there, then remove the worktree without `--force`.", ["What does `git status` show in that worktree?", "Whose work is in it, the agent's or a person's?"], "git -C {target} status"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["git"],
            subcommands: &[words!["worktree"], words!["remove"]],
            flags_any: words!["-f", "--force"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-worktree#Documentation/git-worktree.txt-remove"],
        #[cfg(test)]
        examples: examples(&["git worktree remove --force ../feature-wt", "git worktree remove -f /tmp/agent-task-12"]),
        #[cfg(test)]
        counterexamples: examples(&["git worktree remove ../feature-wt", "git worktree list", "git worktree add ../hotfix"]),
    },
];
