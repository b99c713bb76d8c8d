//! Files and hosts: recursive deletion and what it is pointed at.

use super::matching::{find_flag, Hit};
use super::{Action, Matcher, Reach, Rule};
use crate::model::{Decision, Reversibility as R, Scope as S};
use crate::shell::command::join_path;
use crate::shell::{Arg, Command};

/// Paths whose loss takes the whole machine (or every user on it) down.
const SYSTEM_ROOTS: &[&str] = &[
    "/", "/*", "/bin", "/boot", "/dev", "/etc", "/home", "/home/*", "/lib", "/lib64", "/opt",
    "/root", "/sbin", "/srv", "/sys", "/usr", "/var", "/proc", "~", "~/", "~/*", "$HOME",
    "${HOME}", "/Users", "/Users/*", "/System", "/Library", "C:\\", "C:/",
];

/// Places that hold regenerable output or scratch space.
const SCRATCH: &[&str] = &[
    "build",
    "dist",
    "target",
    "out",
    "node_modules",
    ".cache",
    "__pycache__",
    "coverage",
    ".next",
    ".nuxt",
    ".turbo",
    ".pytest_cache",
    ".mypy_cache",
    ".tox",
    ".venv",
    "venv",
    "tmp",
    ".tmp",
    "temp",
    ".gradle",
    ".parcel-cache",
    "bin/Debug",
    "obj",
    ".terraform",
    "vendor/bundle",
];

/// Server data directories: on a server these are production databases and their files.
const DATA_DIRS: &[&str] = &[
    "/var/lib/postgresql",
    "/var/lib/mysql",
    "/var/lib/mongodb",
    "/var/lib/redis",
    "/var/lib/docker",
    "/var/lib/elasticsearch",
    "/data",
    "/mnt",
    "/srv",
    "/var/opt",
    "/var/www",
    "/backup",
    "/backups",
    "/var/backups",
    "/var/log",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathClass {
    SystemRoot,
    ServerData,
    Dynamic,
    Scratch,
    Ordinary,
}

/// Classifies a path argument, resolving it against the plan's working directory.
pub fn classify_path(arg: &Arg, cwd: Option<&str>) -> (PathClass, String) {
    let raw = arg.value.trim_end_matches('/');
    let raw = if raw.is_empty() && arg.value.starts_with('/') {
        "/"
    } else {
        raw
    };
    let path = match cwd {
        Some(cwd) if !raw.starts_with('/') && !raw.starts_with('~') && !raw.starts_with('$') => {
            join_path(cwd, raw)
        }
        _ => raw.to_string(),
    };
    let normal = path.replace("/./", "/");
    let normal = normal.trim_end_matches("/.").trim_end_matches("/*");
    let normal = if normal.is_empty() { "/" } else { normal };
    if SYSTEM_ROOTS.contains(&normal)
        || SYSTEM_ROOTS.contains(&path.as_str())
        || normal == "." && cwd == Some("/")
    {
        return (PathClass::SystemRoot, path);
    }
    if arg.dynamic {
        return (PathClass::Dynamic, path);
    }
    let lower = normal.to_ascii_lowercase();
    if lower.starts_with("/tmp/")
        || lower.starts_with("/var/tmp/")
        || lower.starts_with("$tmpdir")
        || lower.starts_with("${tmpdir")
    {
        return (PathClass::Scratch, path);
    }
    if DATA_DIRS
        .iter()
        .any(|d| lower == *d || lower.starts_with(&format!("{d}/")))
    {
        return (PathClass::ServerData, path);
    }
    let last = lower
        .trim_start_matches("./")
        .rsplit('/')
        .next()
        .unwrap_or("");
    let first = lower
        .trim_start_matches("./")
        .split('/')
        .next()
        .unwrap_or("");
    if SCRATCH.contains(&last)
        || SCRATCH.contains(&first)
        || last.ends_with(".log")
        || last.ends_with(".tmp")
        || last.ends_with(".pyc")
        || last.ends_with(".o")
    {
        return (PathClass::Scratch, path);
    }
    (PathClass::Ordinary, path)
}

fn rm_recursive(command: &Command) -> Option<Hit> {
    let flag = find_flag(command, &["-r", "-R", "--recursive"])?;
    let mut hit = Hit::at(vec![command.program_span, flag.span]);
    if let Some(force) = find_flag(command, &["-f", "--force"]) {
        if force.span != flag.span {
            hit.evidence.push(force.span);
        }
    }
    let targets: Vec<&Arg> = command
        .args
        .iter()
        .filter(|a| !a.value.starts_with('-') || a.value == "-")
        .collect();
    let mut worst: Option<(PathClass, String, &Arg)> = None;
    for arg in &targets {
        let (class, path) = classify_path(arg, command.cwd.as_deref());
        let rank = |c: PathClass| match c {
            PathClass::SystemRoot => 4,
            PathClass::Dynamic => 3,
            PathClass::ServerData => 2,
            PathClass::Ordinary => 1,
            PathClass::Scratch => 0,
        };
        if worst
            .as_ref()
            .is_none_or(|(w, _, _)| rank(class) > rank(*w))
        {
            worst = Some((class, path, arg));
        }
    }
    let (class, path, arg) = worst?;
    hit.evidence.push(arg.span);
    hit.target = Some(path.clone());
    match class {
        PathClass::SystemRoot => {
            hit.scope = Some(S::Organization);
            hit.floor = Some(Decision::Block);
            hit.note = Some(format!("`{path}` is a system root or a home directory: deleting it destroys the machine's operating system or every user's files."));
        }
        PathClass::Dynamic => {
            hit.reversibility = Some(R::Unknown);
            hit.scope = Some(S::Shared);
            hit.note = Some(format!("The path `{}` depends on a variable the plan never sets; if it is empty the command deletes from the root of the disk.", arg.value));
        }
        PathClass::ServerData => {
            hit.scope = Some(S::Production);
            hit.note = Some(format!(
                "`{path}` is where a server keeps its data (databases, uploads, backups)."
            ));
        }
        PathClass::Scratch => {
            hit.reversibility = Some(R::Recoverable);
            hit.scope = Some(S::Local);
            hit.note = Some(format!(
                "`{path}` looks like build output or scratch space, which can be regenerated."
            ));
        }
        PathClass::Ordinary => {}
    }
    Some(hit)
}

pub static RULES: &[Rule] = &[Rule {
    id: "fs.rm-recursive",
    title: "Deletes a directory tree",
    reversibility: R::Irreversible,
    scope: S::Local,
    reach: Reach::Workspace,
    action: Action::Delete,
    floor: None,
    matcher: Matcher::CommandFn { programs: &["rm"], check: rm_recursive },
    why: "`rm -r` removes every file below the path at once, with no trash or undo; uncommitted work, data files and configuration under it are gone.",
    safer: "List what would go first (`ls -la {target}`), move it aside instead (`mv {target} {target}.old`), and delete it later once nothing is missing.",
    instead: "mv {target} {target}.old",
    questions: &[
        "What exactly is under this path, and is any of it not in version control or a backup?",
        "Is the path fully spelled out, with no variable that could be empty?",
        "Which machine does this run on?",
    ],
    references: &["https://about.gitlab.com/blog/2017/02/10/postmortem-of-database-outage-of-january-31/"],
    examples: &["rm -rf /", "sudo rm -rf /var/lib/postgresql/data", "rm -rf $BUILD_DIR/", "rm -r src"],
    counterexamples: &["rm file.txt", "echo 'rm -rf /'", "git rm -r --cached dist"],
}];
