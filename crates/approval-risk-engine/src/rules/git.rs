//! Git: rewriting shared history and throwing away uncommitted work.

use super::{Action, CommandPattern, Matcher, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};

pub static RULES: &[Rule] = &[Rule {
    id: "git.force-push",
    title: "Force-pushes over a shared branch",
    reversibility: R::Recoverable,
    scope: S::Shared,
    reach: Reach::Workspace,
    action: Action::Change,
    floor: None,
    matcher: Matcher::Command(CommandPattern {
        programs: &["git"],
        subcommands: &[&["push"]],
        flags_any: &["--force", "-f", "--mirror"],
        flags_none: &["--force-with-lease", "--dry-run", "-n"],
        ..CommandPattern::ANY
    }),
    why: "A force push replaces the remote branch with the local one: commits others pushed meanwhile disappear from it, and their clones diverge. They can be recovered only from someone's reflog or clone, with effort.",
    safer: "Use `git push --force-with-lease` so the push fails if the remote moved, or push to a new branch and open a pull request.",
    instead: "git push --force-with-lease origin main",
    questions: &[
        "Which branch, and does anyone else push to it?",
        "Has the remote moved since the agent last fetched?",
        "Is branch protection on for this branch?",
    ],
    references: &["https://git-scm.com/docs/git-push#Documentation/git-push.txt---force-with-leaseltrefnamegt"],
    examples: &["git push --force origin main", "git push -f", "/usr/bin/git push origin +main --force"],
    counterexamples: &["git push --force-with-lease origin feature", "git push origin main", "git commit -m 'git push --force'"],
}];
