//! Programs the engine knows: those that only read (a step made of them changes nothing) and
//! those that change things but that no rule singles out.

use super::index;
use crate::shell::{Arg, Command};
use crate::words::Last;
use crate::words::Words;

/// Programs that read, print or compute without changing anything outside their own output.
const READ_ONLY: Words = words![
    "ls",
    "ll",
    "cat",
    "less",
    "more",
    "head",
    "tail",
    "grep",
    "egrep",
    "fgrep",
    "rg",
    "ag",
    "wc",
    "sort",
    "uniq",
    "cut",
    "tr",
    "echo",
    "printf",
    "pwd",
    "whoami",
    "id",
    "date",
    "cal",
    "df",
    "du",
    "free",
    "uptime",
    "ps",
    "top",
    "htop",
    "pgrep",
    "which",
    "whereis",
    "type",
    "file",
    "stat",
    "md5sum",
    "sha256sum",
    "sha1sum",
    "cksum",
    "diff",
    "cmp",
    "comm",
    "tree",
    "find",
    "locate",
    "env",
    "printenv",
    "hostname",
    "uname",
    "lsof",
    "netstat",
    "ss",
    "ping",
    "dig",
    "nslookup",
    "host",
    "traceroute",
    "jq",
    "yq",
    "basename",
    "dirname",
    "realpath",
    "readlink",
    // Windows' cmd: listing, searching and describing the machine.
    "dir",
    "findstr",
    "tasklist",
    "ipconfig",
    "systeminfo",
    "seq",
    "true",
    "false",
    "test",
    "[",
    "sleep",
    "wait",
    "history",
    "man",
    "help",
    "nproc",
    "lscpu",
    "lsblk",
    "blkid",
    "mount",
    "journalctl",
    "dmesg",
    "last",
    "w",
    "who",
    "column",
    "nl",
    "tac",
    "rev",
    "fold",
    "fmt",
    "paste",
    "join",
    "expand",
    "od",
    "hexdump",
    "xxd",
    "strings",
    "base64",
    "awk",
    "gawk",
    "zcat",
    "zgrep",
    "bzcat",
    "xzcat",
    "cd",
    "pushd",
    "popd",
    "export",
    "set",
    "unset",
    "source",
    ".",
    "alias",
    "read",
    "time",
    "watch",
    "vmstat",
    "iostat",
    "mpstat",
    "sar",
    "getent",
    "groups",
    "locale",
    "tput",
    "clear",
    "exit",
    "return",
    "shift",
    "trap",
    "let",
    "declare",
    "local",
    "readonly",
    "typeset",
    "command",
    "curl",
    "wget",
    "http",
    "yes",
    "[[",
    "screen",
    "tmux",
    "xeyes",
    "xclock",
    "uuencode",
    "bc",
    "expr",
    "factor",
    "shuf",
    "iconv",
    "envsubst",
    "ssh-keyscan",
    "nc",
    "telnet",
    "lsattr",
    "getfacl",
    "namei",
    "ip",
    "ifconfig",
    "arp",
    "nmap",
    "mtr",
    "whois",
    "identify",
    "ffprobe",
    // A line to the system log; the hosts an inventory lists.
    "logger",
    "ansible-inventory",
    // Kafka's tools that only describe: where each partition's log sits and how big it is,
    // and the offsets at a time.
    "kafka-log-dirs",
    "kafka-get-offsets",
];

/// Programs that change only files in the agent's own workspace, routinely and in ways easy to
/// undo: making folders and files, copying, editing, packing and unpacking. A step of them is
/// safe to approve, but it does change something, and its explanation says so.
const WORKSPACE: Words = words![
    "tee",
    "mkdir",
    // A new, empty temporary file or folder.
    "mktemp",
    "touch",
    "cp",
    "ln",
    "code",
    "vim",
    "vi",
    "nano",
    "split",
    "csplit",
    "zip",
    "unzip",
    "tar",
    "gzip",
    "gunzip",
    "bzip2",
    "xz",
    "uudecode",
    // The keys this machine's SSH agent holds for the session.
    "ssh-add",
    // A notebook server on this machine.
    "jupyter",
    // Test runners, linters and formatters: they run the working copy's own code and checks.
    "pytest",
    "py.test",
    "jest",
    "vitest",
    "mocha",
    "rspec",
    "phpunit",
    "tox",
    "nox",
    "ava",
    "karma",
    "bats",
    "ctest",
    "ruff",
    "black",
    "flake8",
    "pylint",
    "mypy",
    "pyright",
    "eslint",
    "prettier",
    "tsc",
    "rubocop",
    "brakeman",
    "golangci-lint",
    "gofmt",
    "shellcheck",
    "hadolint",
    "actionlint",
    "yamllint",
    "markdownlint",
    "markdownlint-cli2",
    "jsonlint",
    "tflint",
    "tfsec",
    "checkov",
    "kubeconform",
    "kubeval",
    "kube-linter",
    // Renders manifests to its output or edits the working copy's kustomization; what applies
    // them is a command of its own.
    "kustomize",
    "stylelint",
    "biome",
    "ktlint",
    "swiftlint",
    "isort",
    "bandit",
    "semgrep",
    "gitleaks",
    "codespell",
    "typos",
    "vale",
    "commitlint",
];

/// Programs that change things, which the engine knows by name even when no rule matches a
/// particular use (so they are judged as a change, not as something unseen).
const KNOWN: Words = words![
    "git",
    "dbt",
    "kubectl",
    "oc",
    "helm",
    "terraform",
    "tofu",
    "terragrunt",
    "pulumi",
    "aws",
    "gcloud",
    "gsutil",
    "az",
    "docker",
    "podman",
    "docker-compose",
    "psql",
    "mysql",
    "sqlite3",
    "mongo",
    "mongosh",
    "redis-cli",
    "npm",
    "pnpm",
    "yarn",
    "npx",
    "cargo",
    "pip",
    "pip3",
    "poetry",
    "make",
    "python",
    "python3",
    "node",
    "ruby",
    "perl",
    "go",
    "java",
    "mvn",
    "mvnw",
    "gradle",
    "gradlew",
    "rm",
    "rmdir",
    "mv",
    "chmod",
    "chown",
    "chgrp",
    "dd",
    "mkfs",
    "shred",
    "truncate",
    "sed",
    "systemctl",
    "service",
    "crontab",
    "iptables",
    "ufw",
    "apt",
    "apt-get",
    "yum",
    "dnf",
    "brew",
    "snap",
    "gh",
    "glab",
    "vault",
    "rsync",
    "scp",
    "ssh",
    "tar",
    "zip",
    "unzip",
    "gzip",
    "gunzip",
    "kill",
    "pkill",
    "killall",
    "reboot",
    "shutdown",
    "halt",
    "poweroff",
    "useradd",
    "userdel",
    "usermod",
    "passwd",
    "eksctl",
    "kind",
    "minikube",
    "ansible",
    "ansible-playbook",
    "cdk",
    "sam",
    "serverless",
    "sls",
    "firebase",
    "heroku",
    "vercel",
    "netlify",
    "flyctl",
    "fly",
    "wrangler",
    "stripe",
    "twilio",
    "sendmail",
    "mail",
    "mailx",
    "mongodump",
    "pg_dump",
    "pg_basebackup",
    "pg_ctl",
    "pg_ctlcluster",
    "pg_upgrade",
    "repmgr",
    "patronictl",
    "xtrabackup",
    "mysqlpump",
    "mysqlsh",
    "pg_restore",
    "mysqldump",
    "redis",
    "kafka-topics",
    "flux",
    "argocd",
    "sudo",
    "xargs",
    "bash",
    "sh",
    "zsh",
    "eval",
    "exec",
    "source",
    "nohup",
    "timeout",
    "nice",
    "install",
    "ln",
    "patch",
    "openssl",
    "gpg",
    "ssh-keygen",
    "certbot",
    "nginx",
    "apachectl",
    "mc",
    "s3cmd",
    "rclone",
    "az",
    "doctl",
    "linode-cli",
    "hcloud",
    "gsutil",
    "bq",
    "cqlsh",
    "curl",
    "wget",
    "tee",
    "touch",
    "cp",
    "mkdir",
    "diskutil",
    "fdisk",
    "parted",
    "wipefs",
    "lvremove",
    "vgremove",
    "pvremove",
    "zfs",
    "zpool",
    "btrfs",
    "mdadm",
    "cryptsetup",
    "rabbitmqctl",
    "etcdctl",
    "consul",
    "nomad",
    "influx",
    "clickhouse-client",
    "dropdb",
    "createdb",
    "dropuser",
    "mysqladmin",
    "mongorestore",
    "redis-server",
    "supervisorctl",
    "launchctl",
    "pm2",
    "cron",
    "at",
    "chattr",
    "setfacl",
    "visudo",
    "unlink",
    "find",
    "powershell",
    "pwsh",
    "sqlcmd",
    "knife",
    "chef",
    "puppet",
    "salt",
    "vagrant",
    "packer",
];

/// Whether the command only reads: it changes nothing at all.
pub fn is_read_only(command: &Command) -> bool {
    READ_ONLY.contains(&command.program) || super::powershell::reads(&command.program)
}

/// Whether a program only reads or works in the workspace (a test runner, a formatter), as the
/// tool a runner starts (`bundle exec rspec`).
pub fn is_workspace_tool(name: &str) -> bool {
    READ_ONLY.contains(&name) || WORKSPACE.contains(&name)
}

/// Whether the command only reads or makes routine changes in the workspace: either way, no
/// rule needs to look at it.
pub fn is_routine(command: &Command) -> bool {
    is_read_only(command)
        || WORKSPACE.contains(&command.program)
        || dbt_on_own_target(command)
        || fastlane_local(command)
        || new_item_on_disk(command)
        || routine_subcommand(command)
}

/// Site and documentation generators that build into the working copy (`hugo`, `mkdocs
/// build`, `jekyll build`, `sphinx-build`, `zola build`) or serve it on this machine, and tools
/// that only check a signature or list a keystore (`jarsigner -verify`, `apksigner verify`,
/// `keytool -list`). Their deploy commands (`hugo deploy`, `mkdocs gh-deploy`) publish, and
/// signing changes an artefact someone ships: those stay changes. Also the subcommands of
/// operations tools that only read, refresh statistics or keep the tracker's books.
fn routine_subcommand(command: &Command) -> bool {
    let mut words = command.positionals().map(|a| a.value.as_str());
    let first = words.next().unwrap_or_default();
    let has = |flags: Words| {
        command
            .args
            .iter()
            .any(|a| flags.contains(a.value.as_str()))
    };
    match command.program.as_str() {
        "hugo" => !matches!(first, "deploy" | "mod"),
        "mkdocs" | "jekyll" | "zola" | "eleventy" => {
            matches!(first, "build" | "serve" | "check" | "doctor")
        }
        "sphinx-build" => true,
        "jarsigner" => has(words!["-verify"]),
        "apksigner" => first == "verify",
        "keytool" => has(words!["-list", "-printcert"]),
        // Planner statistics only: no row, no table and no lock a writer waits on.
        "vacuumdb" => has(words!["--analyze-only", "-Z"]),
        // GitHub Actions workflows run in local containers.
        "act" => true,
        // A DNS zone or a feature flag read and printed (`cli53 export`, `ldcli flags get`).
        "cli53" => matches!(first, "list" | "export"),
        "ldcli" => words.next().is_some_and(|w| matches!(w, "get" | "list")),
        // An issue of the team's tracker written, read or commented on; deleting one is not.
        "jira" => {
            matches!(first, "issue" | "issues")
                && words.next().is_some_and(|w| {
                    matches!(
                        w,
                        "create" | "view" | "list" | "comment" | "assign" | "link"
                    )
                })
        }
        _ => false,
    }
}

/// PowerShell's `mkdir` and `touch` (`New-Item -ItemType Directory`); a new registry key
/// (`HKLM:\...`) is a change to the machine's settings, left to the rules.
fn new_item_on_disk(command: &Command) -> bool {
    command.program == "new-item"
        && !command.args.iter().any(|a| {
            let lower = a.value.to_ascii_lowercase();
            lower.starts_with("hk") && lower.contains(':') || lower.starts_with("registry::")
        })
}

/// fastlane actions that work on the machine and the working copy: tests (`scan`), an archive
/// (`gym`), version and build number bumps in the project file. Uploads (`pilot`, `deliver`,
/// `supply`), signing (`match`, which may create or revoke certificates) and the project's own
/// lanes stay changes: their names do not say what they do.
/// Also behind a runner (`bundle exec fastlane scan`).
fn fastlane_local(command: &Command) -> bool {
    let words = match behind_runner(command) {
        Some(("fastlane", words)) => words,
        _ if command.program == "fastlane" => super::matching::positionals(command),
        _ => return false,
    };
    let mut positionals = words.iter().map(|a| a.value.as_str());
    let mut action = positionals.next().unwrap_or_default();
    if action == "run" {
        action = positionals.next().unwrap_or_default();
    }
    // `match --readonly` fetches the certificates and profiles; it creates and revokes none.
    if action == "match" {
        return command.args.iter().any(|a| a.value == "--readonly");
    }
    words![
        "scan",
        "run_tests",
        "gym",
        "build_app",
        "build_ios_app",
        "increment_version_number",
        "increment_build_number",
        "get_version_number",
        "get_build_number",
        "ensure_git_status_clean",
        "swiftlint",
        "cocoapods",
        "clear_derived_data",
        "lanes",
        "list",
        "actions",
        "env"
    ]
    .contains(action)
}

/// dbt commands that only read the project or build into the developer's own target: `dbt
/// compile`, `dbt ls`, `dbt deps`, `dbt test` (queries that read, wherever they run, unless
/// `--store-failures` writes the failing rows), and `dbt build` / `run` / `seed` with `--target dev`
/// (or another target named for development or CI). Without a target, dbt writes wherever the
/// profile's default points, which may be production: that is a change to review.
fn dbt_on_own_target(command: &Command) -> bool {
    if command.program != "dbt" {
        return false;
    }
    let mut positionals = command.positionals().map(|a| a.value.as_str());
    let verb = positionals.next().unwrap_or_default();
    // Tests are queries that read, unless told to store the failing rows in tables.
    if verb == "test" && !command.args.iter().any(|a| a.value == "--store-failures") {
        return true;
    }
    if words![
        "compile",
        "parse",
        "ls",
        "list",
        "docs",
        "debug",
        "deps",
        "clean",
        "--version"
    ]
    .contains(verb)
    {
        return true;
    }
    let target = command.args.iter().enumerate().find_map(|(i, a)| {
        a.value
            .strip_prefix("--target=")
            .map(str::to_string)
            .or_else(|| {
                (a.value == "--target" || a.value == "-t")
                    .then(|| command.args.get(i + 1).map(|next| next.value.clone()))
                    .flatten()
            })
    });
    words!["build", "run", "test", "seed", "snapshot"].contains(verb)
        && target.is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            t.split(&['-', '_'][..]).any(|part| {
                words!["dev", "development", "ci", "local", "test", "sandbox"].contains(part)
            })
        })
}

/// A name the engine recognises as a program (used to tell a command line from a sentence).
pub fn is_known_program(name: &str) -> bool {
    !name.is_empty()
        && (READ_ONLY.contains(&name)
            || (super::powershell::is_cmdlet(name)
                && super::powershell::reads(&name.to_ascii_lowercase()))
            || WORKSPACE.contains(&name)
            || KNOWN.contains(&name)
            || index().by_program.get(name).is_some())
}

/// Program names that are also everyday English words ("make the change", "watch the logs",
/// "find the file"): after "run" they are still commands, but they are not taken as one when a
/// sentence merely uses the word.
pub fn is_plain_word(name: &str) -> bool {
    const WORDS: Words = words![
        "make", "find", "watch", "time", "sort", "head", "tail", "less", "more", "file", "type",
        "cut", "join", "paste", "split", "test", "read", "wait", "install", "mail", "top", "kill",
        "host", "date", "stat", "free", "which", "help", "patch", "at", "yes", "cal", "w", "who",
        "last", "tree", "diff", "service", "set", "exit", "return", "source", "code", "ip",
        "truncate", "touch", "clear", "fold", "expand", "link", "write", "look", "column", "sleep",
    ];
    WORDS.contains(&name)
}

/// The tool a package runner starts and the words after it: `npx prisma migrate deploy`,
/// `pnpm exec knex ...`, `yarn knex ...`, `bundle exec rails db:migrate`, `uv run alembic
/// upgrade`, `dotnet ef database drop`. `None` when the program is not a runner.
/// Project runners that start a command in the project's environment with `run` or `exec`
/// (`uv run purge.py`, `bundle exec rails db:drop`).
const PROJECT_RUNNERS: Words = words!["bundle", "poetry", "uv", "pipenv", "pdm", "hatch", "rye"];

/// Is this a project runner's `run` or `exec` (`uv run purge.py`)?
pub fn runs_in_project(command: &Command) -> bool {
    PROJECT_RUNNERS.contains(&command.program)
        && command
            .positionals()
            .next()
            .is_some_and(|first| matches!(first.value.as_str(), "run" | "exec"))
}

pub fn behind_runner(command: &Command) -> Option<(&str, Vec<&Arg>)> {
    let program = command.program.as_str();
    if !words![
        "npx", "pnpx", "bunx", "uvx", "dotnet", "pnpm", "yarn", "bun", "bundle", "poetry", "uv",
        "pipenv", "pdm", "hatch", "rye"
    ]
    .contains(program)
    {
        return None;
    }
    let words = super::matching::positionals(command);
    let skip = match (program, words.first()?.value.as_str()) {
        ("pnpm" | "yarn" | "bun", "dlx" | "exec" | "x") => 1,
        (runner, "exec" | "run") if PROJECT_RUNNERS.contains(&runner) => 1,
        (runner, _) if PROJECT_RUNNERS.contains(&runner) => return None,
        // `npx tool`, `dotnet ef`, and `yarn tool` / `pnpm tool` running a package's binary.
        _ => 0,
    };
    let tool = words.get(skip)?;
    let name = tool.value.after_last(b'/');
    Some((name, words[skip + 1..].to_vec()))
}

/// What each program offers to show what a command would do without doing it (its dry-run,
/// check or no-op flags), for the subcommands listed (every subcommand when none is). Only
/// these lower a step: the same word on a program that does not have it changes nothing (`rm`
/// has no `--dry-run`; BSD `rm` takes it for a file name and deletes the folder anyway), and a
/// program the engine does not know is not taken at its word.
const PREVIEWS: &[(&str, &[&str], Words)] = &[
    ("kubectl", &[], words!["--dry-run"]),
    ("oc", &[], words!["--dry-run"]),
    ("helm", &[], words!["--dry-run"]),
    ("aws", &[], words!["--dryrun", "--dry-run"]),
    ("eksctl", &[], words!["--dry-run"]),
    // Azure's storage batch commands (`blob delete-batch`, `file upload-batch`) list what
    // they would do with `--dryrun`; deployments preview with `--what-if`.
    ("az", &["storage"], words!["--dryrun"]),
    ("az", &[], words!["--what-if"]),
    ("rsync", &[], words!["-n", "--dry-run"]),
    ("rclone", &[], words!["-n", "--dry-run"]),
    ("s3cmd", &[], words!["-n", "--dry-run"]),
    ("gsutil", &["rsync"], words!["-n"]),
    (
        "git",
        &["clean", "add", "rm", "mv", "push"],
        words!["-n", "--dry-run"],
    ),
    ("git-filter-repo", &[], words!["--dry-run"]),
    ("ansible", &[], words!["-C", "--check"]),
    ("ansible-playbook", &[], words!["-C", "--check"]),
    ("puppet", &[], words!["--noop"]),
    ("chef-client", &[], words!["-W", "--why-run"]),
    (
        "make",
        &[],
        words!["-n", "--dry-run", "--just-print", "--recon"],
    ),
    ("rake", &[], words!["-n", "--dry-run"]),
    (
        "apt",
        &[],
        words!["-s", "--simulate", "--dry-run", "--just-print", "--no-act"],
    ),
    (
        "apt-get",
        &[],
        words!["-s", "--simulate", "--dry-run", "--just-print", "--no-act"],
    ),
    ("dnf", &[], words!["--assumeno"]),
    ("yum", &[], words!["--assumeno"]),
    ("brew", &[], words!["-n", "--dry-run"]),
    ("npm", &[], words!["--dry-run"]),
    ("pnpm", &[], words!["--dry-run"]),
    ("cargo", &[], words!["--dry-run"]),
    ("composer", &[], words!["--dry-run"]),
    ("certbot", &[], words!["--dry-run"]),
    ("logrotate", &[], words!["-d", "--debug"]),
    ("alembic", &["upgrade", "downgrade"], words!["--sql"]),
];

/// Words that ask a program for a dry run, whichever program it is (`PREVIEWS` says which
/// programs really have one).
const PREVIEW_WORDS: Words = words![
    "--dry-run",
    "--dryrun",
    "--what-if",
    "--whatif",
    "--check",
    "--noop",
    "--plan",
    "--simulate",
    "--preview",
];

/// A flag that asks for a dry run, and whether this program has it.
pub enum Preview<'a> {
    /// The program has it: the command only shows what would happen.
    Real(&'a Arg),
    /// The program has no such flag (or the engine does not know that it has): the command
    /// runs as written.
    Unsupported(&'a Arg),
}

/// The dry-run flag of `command`, if it has one, judged by what its program offers.
pub fn preview(command: &Command) -> Option<Preview<'_>> {
    // `--dry-run=none` (kubectl) and `--check=false` ask for the real thing.
    let off = |arg: &Arg| arg.value.ends_with("=none") || arg.value.ends_with("=false");
    // Every cmdlet that changes something takes `-WhatIf` (any case).
    if super::powershell::verb_noun_lower(&command.program) {
        if let Some(arg) = command.args.iter().find(|a| {
            a.value.eq_ignore_ascii_case("-whatif") || a.value.eq_ignore_ascii_case("-whatif:$true")
        }) {
            return Some(Preview::Real(arg));
        }
    }
    let subcommand = command.positionals().next().map(|a| a.value.as_str());
    let offered = PREVIEWS.iter().find(|(program, subcommands, _)| {
        *program == command.program
            && (subcommands.is_empty() || subcommand.is_some_and(|s| subcommands.contains(&s)))
    });
    if let Some((_, _, flags)) = offered {
        if let Some(arg) = command.args.iter().find(|a| {
            !off(a)
                && flags
                    .iter()
                    .any(|f| super::command_flag(command, &a.value, f))
        }) {
            return Some(Preview::Real(arg));
        }
    }
    command
        .args
        .iter()
        .find(|a| {
            !off(a)
                && PREVIEW_WORDS
                    .iter()
                    .any(|f| super::command_flag(command, &a.value, f))
        })
        .map(Preview::Unsupported)
}
