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
  approval-risk --help                      Show this help
  approval-risk --version                   Show the version

Exit status: 0 when the verdict is below --fail-on (default block), 3 when at or above it,
2 for bad usage or an unreadable plan or policy (or one over the input limit).
";

pub const ASSESS_HELP: &str = "\
Usage: approval-risk assess [FILE|-] [OPTIONS]

Reads the plan from FILE, or from standard input when FILE is `-` or absent, scores each step
on reversibility and scope, and decides proceed, review, escalate or block. Input that is not
UTF-8 is read with the bad bytes replaced.

Options (as `--format json` or `--format=json`):
  --format text|json|markdown
        The report: text for a terminal (default), json for the approval-risk/v1 contract,
        markdown for a ticket or pull-request comment.
  --target unknown|development|staging|production
        The environment the plan is meant for. With unknown (default), a target the plan does
        not name is assumed to be production.
  --credentials unknown|scoped|broad|admin
        How far the agent's credentials reach. Broad or admin credentials widen what any
        mistaken step can touch.
  --change-freeze
        A change freeze is in force: any change to shared or production systems escalates.
  --policy FILE
        The organisation's policy (JSON): production name patterns, protected resources,
        rules switched off, per-rule overrides.
  --input-format auto|prose|markdown|shell|sql|json
        Read the plan as this format instead of detecting it (default auto).
  --fail-on proceed|review|escalate|block
        Exit with status 3 when the verdict is at or above this decision (default block).
  --max-input SIZE
        The largest plan read, in bytes or with K, M or G (default 4M). A bigger plan is
        refused with status 2, never assessed in part.
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
";
