//! Files, disks and hosts: deleting, emptying, moving and re-permissioning files, writing over
//! disks, and the host-level switches (firewall, services, power, users, history, audit).

use super::matching::{find_flag, flag_value, positionals, Hit};
use super::{Action, Matcher, Reach, Rule};
use crate::model::{Decision, Reversibility as R, Scope as S};
use crate::shell::command::join_path;
use crate::shell::{Arg, Command, Input};

/// Paths whose loss takes the whole machine (or every user on it) down.
const SYSTEM_ROOTS: &[&str] = &[
    "/", "/*", "/bin", "/boot", "/dev", "/etc", "/home", "/home/*", "/lib", "/lib64", "/opt",
    "/root", "/sbin", "/srv", "/sys", "/usr", "/var", "/proc", "~", "~/", "~/*", "$HOME",
    "${HOME}", "/Users", "/Users/*", "/System", "/Library", "C:\\", "C:/",
];

/// Places that hold regenerable output or scratch space.
const SCRATCH: &[&str] = &[
    "cache",
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
        // `/tmp/../etc` is `/etc`: fold the climbs before judging where it points.
        _ if raw.starts_with('/') && raw.split('/').any(|p| p == "..") => join_path("/", raw),
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
    if arg.dynamic && !under_tmpdir(&arg.value) {
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

/// Arguments that are not flags: the paths a file command acts on.
fn operands(command: &Command) -> Vec<&Arg> {
    command
        .args
        .iter()
        .filter(|a| !a.value.is_empty() && (!a.value.starts_with('-') || a.value == "-"))
        .collect()
}

fn rank(class: PathClass) -> u8 {
    match class {
        PathClass::SystemRoot => 4,
        PathClass::Dynamic => 3,
        PathClass::ServerData => 2,
        PathClass::Ordinary => 1,
        PathClass::Scratch => 0,
    }
}

/// The most dangerous of `paths`, with its class and resolved path.
fn worst_path<'a>(paths: &[&'a Arg], cwd: Option<&str>) -> Option<(PathClass, String, &'a Arg)> {
    let mut worst: Option<(PathClass, String, &Arg)> = None;
    for arg in paths {
        let (class, path) = classify_path(arg, cwd);
        if worst
            .as_ref()
            .is_none_or(|(w, _, _)| rank(class) > rank(*w))
        {
            worst = Some((class, path, arg));
        }
    }
    worst
}

/// Directories whose files belong to the operating system and its services.
const SYSTEM_FILE_DIRS: &[&str] = &[
    "/etc/",
    "/boot/",
    "/usr/",
    "/bin/",
    "/sbin/",
    "/lib/",
    "/lib64/",
    "/System/",
    "/Library/",
];

fn under_system_dir(path: &str) -> bool {
    SYSTEM_FILE_DIRS.iter().any(|d| path.starts_with(d))
}

/// Configuration that services and the boot process read.
fn is_system_config(path: &str) -> bool {
    path == "/etc"
        || [
            "/etc/",
            "/boot/",
            "/usr/lib/systemd/",
            "/lib/systemd/",
            "/var/spool/cron/",
        ]
        .iter()
        .any(|d| path.starts_with(d))
}

/// Block devices that are whole disks, partitions or volumes (not `/dev/null`, `/dev/zero`).
fn is_disk_device(path: &str) -> bool {
    const DISKS: &[&str] = &[
        "sd", "hd", "vd", "xvd", "nvme", "mmcblk", "disk", "rdisk", "md", "mapper/", "dm-", "nbd",
        "root",
    ];
    path.strip_prefix("/dev/")
        .is_some_and(|name| DISKS.iter().any(|d| name.starts_with(d)))
}

/// Records what a path is on a deletion or overwrite: system roots take the machine, server
/// data is production, scratch can be regenerated, a variable may be empty.
fn classify_into(hit: &mut Hit, class: PathClass, path: &str, arg: &Arg) {
    hit.target = Some(path.to_string());
    match class {
        PathClass::SystemRoot => {
            hit.scope = Some(S::Organization);
            hit.floor = Some(Decision::Block);
            hit.note = Some(format!("`{path}` is a system directory or a home directory: this takes the operating system or every user's files with it."));
        }
        PathClass::Dynamic => {
            hit.reversibility = Some(R::Unknown);
            hit.scope = Some(S::Shared);
            hit.note = Some(format!("The path `{}` depends on a variable the plan never sets, so what it touches is only known when it runs.", arg.value));
        }
        PathClass::ServerData => {
            hit.scope = Some(S::Production);
            hit.note = Some(format!(
                "`{path}` is where a server keeps its data (databases, uploads, backups, logs)."
            ));
        }
        PathClass::Scratch => {
            hit.reversibility = Some(R::Recoverable);
            hit.scope = Some(S::Local);
            hit.note = Some(format!(
                "`{path}` looks like build output, a log or scratch space, which is rarely needed again."
            ));
        }
        PathClass::Ordinary => {
            if under_system_dir(path) {
                hit.scope = Some(S::Shared);
                hit.note = Some(format!(
                    "`{path}` belongs to the operating system or a service on this machine."
                ));
            }
        }
    }
}

/// A path inside the temporary folder (`$TMPDIR/build`, `${TMPDIR:-/tmp}/x`) with no other
/// expansion: scratch space even though the variable is only known at run time. The bare
/// variable (`$TMPDIR/`) is not: if it is empty, that is the root of the disk.
fn under_tmpdir(value: &str) -> bool {
    let rest = ["${TMPDIR}", "$TMPDIR"]
        .iter()
        .find_map(|p| value.strip_prefix(p))
        .or_else(|| {
            let inner = value.strip_prefix("${TMPDIR:-")?;
            let end = inner.find('}')?;
            inner[..end].starts_with("/tmp").then(|| &inner[end + 1..])
        });
    rest.and_then(|r| r.strip_prefix('/')).is_some_and(|sub| {
        let sub = sub.trim_end_matches('/');
        !sub.is_empty() && !sub.contains('$') && !sub.split('/').any(|p| p == ".." || p == "*")
    })
}

fn rm_recursive(command: &Command) -> Option<Hit> {
    let flag = find_flag(command, &["-r", "-R", "--recursive"])?;
    // Under `find -exec` or `xargs` the paths are whatever the search selects (`{}`); the
    // search itself is judged by `fs.delete-matches`.
    let fed = command.has_wrapper("find -exec") || command.has_wrapper("xargs");
    if fed
        && operands(command)
            .iter()
            .all(|a| a.value.contains("{}") || a.value.is_empty())
    {
        return None;
    }
    let mut hit = Hit::at(vec![command.program_span, flag.span]);
    if let Some(force) = find_flag(command, &["-f", "--force"]) {
        if force.span != flag.span {
            hit.evidence.push(force.span);
        }
    }
    let (class, path, arg) = worst_path(&operands(command), command.cwd.as_deref())?;
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
        PathClass::Ordinary if under_system_dir(&path) => {
            hit.scope = Some(S::Shared);
            hit.note = Some(format!(
                "`{path}` belongs to the operating system or a service on this machine."
            ));
        }
        PathClass::Ordinary => {}
    }
    Some(hit)
}

/// `rm` of wildcard patterns. One named file (`rm notes.txt`) is deliberately not a finding: it
/// says exactly what goes, and flagging every single-file delete would bury the findings that
/// matter. A pattern is different: nobody has seen the list it expands to.
fn rm_glob(command: &Command) -> Option<Hit> {
    if find_flag(command, &["-r", "-R", "--recursive"]).is_some() {
        return None;
    }
    let globs: Vec<&Arg> = operands(command)
        .into_iter()
        .filter(|a| a.glob && !a.quoted)
        .collect();
    let (class, path, arg) = worst_path(&globs, command.cwd.as_deref())?;
    let mut hit = Hit::at(vec![command.program_span, arg.span]);
    classify_into(&mut hit, class, &path, arg);
    hit.target = Some(arg.value.clone());
    // `*.pdf` names a kind of file; a bare `*` names everything.
    let file_part = arg.value.rsplit('/').next().unwrap_or("");
    let selective =
        file_part.chars().any(|c| c.is_alphanumeric()) && !matches!(file_part, "*" | ".*");
    if class == PathClass::Ordinary && selective && hit.reversibility.is_none() {
        hit.reversibility = Some(R::Recoverable);
        hit.note = Some(format!("Only files matching `{}` go, in the agent's own folders; those under version control can be restored, others cannot. List them first (`ls {}`).", arg.value, arg.value));
    }
    Some(hit)
}

/// `rm` of one named file that belongs to the system or to a server's data.
fn rm_system_file(command: &Command) -> Option<Hit> {
    if find_flag(command, &["-r", "-R", "--recursive"]).is_some() {
        return None;
    }
    let named: Vec<&Arg> = operands(command)
        .into_iter()
        .filter(|a| (!a.glob || a.quoted) && !is_history_file(&a.value))
        .collect();
    let (class, path, arg) = worst_path(&named, command.cwd.as_deref())?;
    let system = class == PathClass::SystemRoot || under_system_dir(&path);
    if !system && class != PathClass::ServerData {
        return None;
    }
    let mut hit = Hit::at(vec![command.program_span, arg.span]);
    hit.target = Some(path.clone());
    if class == PathClass::ServerData {
        hit.scope = Some(S::Production);
        hit.note = Some(format!(
            "`{path}` is where a server keeps its data (databases, uploads, backups, logs)."
        ));
    }
    Some(hit)
}

/// `find ... -delete`, `find ... -exec rm`, and `... | xargs rm`: one deletion per match.
fn delete_matches(command: &Command) -> Option<Hit> {
    if command.program == "rm" {
        if !command.has_wrapper("xargs") {
            return None;
        }
        let mut hit = Hit::at(vec![command.program_span]);
        let narrowed = matches!(
            &command.input,
            crate::shell::Input::Pipe { narrowed: true, .. }
        );
        let placeholders_only = operands(command).iter().all(|a| a.value.contains("{}"));
        let files_only = find_flag(command, &["-r", "-R", "--recursive"]).is_none();
        if placeholders_only && (narrowed || files_only) {
            // Files only, chosen by the command on the left: the selection is the risk.
            hit.reversibility = Some(R::Recoverable);
            hit.note = Some("`xargs` runs `rm` on every file name the previous command prints, so that list decides what goes; files under version control can be restored, others cannot. Look at the list first.".to_string());
        } else {
            hit.note = Some("`xargs` runs `rm` on every name the previous command prints, so the list decides what goes.".to_string());
        }
        return Some(hit);
    }
    let delete = command
        .args
        .iter()
        .find(|a| a.value == "-delete")
        .or_else(|| {
            let at = command
                .args
                .iter()
                .position(|a| matches!(a.value.as_str(), "-exec" | "-execdir"))?;
            command
                .args
                .get(at + 1)
                .filter(|a| matches!(a.value.rsplit('/').next(), Some("rm" | "shred" | "unlink")))
        })?;
    let mut hit = Hit::at(vec![command.program_span, delete.span]);
    match worst_path(&find_starts(command), command.cwd.as_deref()) {
        Some((class, path, arg)) => {
            hit.evidence.push(arg.span);
            classify_into(&mut hit, class, &path, arg);
            if class == PathClass::SystemRoot {
                // A filter stands between the search and the whole disk: serious, not certain.
                hit.floor = None;
                hit.scope = Some(S::Production);
                hit.note = Some(format!("The search starts at `{path}`, a system or home directory: one filter that matches too much deletes system or personal files."));
                return Some(hit);
            }
            if class == PathClass::Dynamic {
                return Some(hit);
            }
        }
        None => hit.target = Some(".".to_string()),
    }
    // What the filters select, where they say it plainly: empty entries lose nothing, and
    // compiler output, editor backups and OS litter can be regenerated.
    let args = &command.args;
    let negated = |i: usize| i > 0 && matches!(args[i - 1].value.as_str(), "!" | "-not" | "\\!");
    if let Some(at) = args.iter().position(|a| a.value == "-empty") {
        if !negated(at) {
            hit.evidence.push(args[at].span);
            hit.reversibility = Some(R::Reversible);
            hit.note = Some(
                "Only empty files or folders match (`-empty`), so no contents are lost."
                    .to_string(),
            );
            return Some(hit);
        }
    }
    let names: Vec<&Arg> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| matches!(a.value.as_str(), "-name" | "-iname") && !negated(*i))
        .filter_map(|(i, _)| args.get(i + 1))
        .collect();
    // A search narrowed by name, path, age or size, deleting files rather than folder trees,
    // in the agent's own folders: what goes is what the filter selects.
    const FILTERS: &[&str] = &[
        "-name",
        "-iname",
        "-path",
        "-ipath",
        "-wholename",
        "-regex",
        "-iregex",
        "-inum",
        "-mtime",
        "-atime",
        "-ctime",
        "-mmin",
        "-amin",
        "-cmin",
        "-newer",
        "-size",
        "-user",
        "-perm",
        "-links",
        "-samefile",
        "-lname",
    ];
    let filtered = args
        .iter()
        .enumerate()
        .any(|(i, a)| FILTERS.contains(&a.value.as_str()) && !negated(i));
    // Whole folders chosen only by age or size take everything inside them; chosen by name or
    // path they are the specific folders the filter spells out.
    const BY_NAME: &[&str] = &[
        "-name",
        "-iname",
        "-path",
        "-ipath",
        "-wholename",
        "-regex",
        "-iregex",
        "-inum",
        "-samefile",
    ];
    let by_name = args
        .iter()
        .enumerate()
        .any(|(i, a)| BY_NAME.contains(&a.value.as_str()) && !negated(i));
    let trees = args.iter().any(|a| {
        matches!(
            a.value.as_str(),
            "-rf" | "-fr" | "-r" | "-R" | "-fR" | "-Rf" | "-rfv" | "-rvf"
        )
    }) || args
        .windows(2)
        .any(|w| w[0].value == "-type" && w[1].value == "d");
    let workspace = hit.scope.is_none() && hit.reversibility.is_none();
    if filtered && (!trees || by_name) && workspace {
        hit.reversibility = Some(R::Recoverable);
        hit.note = Some("Only the files the filter selects go, in the agent's own folders; those under version control can be restored, others cannot. List the matches first (the same command with `-print` instead of `-delete`).".to_string());
    }
    if !names.is_empty() && names.iter().all(|n| regenerable_name(&n.value)) {
        hit.evidence.extend(names.iter().map(|n| n.span));
        if hit.reversibility.is_none() {
            hit.reversibility = Some(R::Recoverable);
        }
        hit.note = Some(format!("The name filter (`{}`) selects compiler output, editor backups or system litter, which is regenerated or never needed.", names[0].value));
    }
    Some(hit)
}

/// The folders a `find` starts from: the words after its leading options (`-L`, `-O3`).
fn find_starts(command: &Command) -> Vec<&Arg> {
    let mut args = command.args.iter().peekable();
    while let Some(arg) = args.peek() {
        match arg.value.as_str() {
            "-H" | "-L" | "-P" => {
                args.next();
            }
            "-D" => {
                args.next();
                args.next();
            }
            v if v.starts_with("-O") => {
                args.next();
            }
            _ => break,
        }
    }
    args.take_while(|a| {
        !a.value.is_empty()
            && !a.value.starts_with('-')
            && !matches!(a.value.as_str(), "(" | "!" | "\\(")
    })
    .collect()
}

/// A `-name` pattern for files that are rebuilt or never needed (`*.pyc`, `*~`, `.DS_Store`).
fn regenerable_name(pattern: &str) -> bool {
    const ENDINGS: &[&str] = &[
        ".pyc",
        ".pyo",
        ".o",
        ".obj",
        ".class",
        ".tmp",
        ".temp",
        ".log",
        ".swp",
        ".swo",
        "~",
        ".orig",
        ".rej",
        ".ds_store",
        "thumbs.db",
        "__pycache__",
        ".pytest_cache",
        ".cache",
        "node_modules",
        ".core",
    ];
    let p = pattern.to_ascii_lowercase();
    ENDINGS.iter().any(|e| p.ends_with(e)) || p == "core" || p == "core*" || p.starts_with("core.")
}

fn shred(command: &Command) -> Option<Hit> {
    // `shred -` overwrites whatever standard output is, not a named file.
    let values: Vec<_> = ["-s", "--size", "-n", "--iterations", "--random-source"]
        .iter()
        .filter_map(|f| flag_value(command, f).filter(|v| !v.value.starts_with(f)))
        .map(|v| v.span)
        .collect();
    let files: Vec<&Arg> = operands(command)
        .into_iter()
        .filter(|a| a.value != "-" && !values.contains(&a.span))
        .collect();
    let mut hit = Hit::at(vec![command.program_span]);
    if let Some(device) = files.iter().find(|a| is_disk_device(&a.value)) {
        hit.evidence.push(device.span);
        hit.target = Some(device.value.clone());
        hit.scope = Some(S::Organization);
        hit.floor = Some(Decision::Block);
        hit.note = Some(format!(
            "`{}` is a whole disk or partition: every file on it is overwritten.",
            device.value
        ));
        return Some(hit);
    }
    let (class, path, arg) = worst_path(&files, command.cwd.as_deref())?;
    hit.evidence.push(arg.span);
    classify_into(&mut hit, class, &path, arg);
    if class == PathClass::Scratch {
        // Shredding defeats every way of getting the file back, scratch or not.
        hit.reversibility = None;
    }
    Some(hit)
}

fn overwrite_device(command: &Command) -> Option<Hit> {
    let files = operands(command);
    let device = match command.program.as_str() {
        "dd" => command
            .args
            .iter()
            .find(|a| a.value.strip_prefix("of=").is_some_and(is_disk_device)),
        "cp" => files.last().copied().filter(|a| is_disk_device(&a.value)),
        "tee" => files.into_iter().find(|a| is_disk_device(&a.value)),
        _ => None,
    }
    .or_else(|| command.writes.iter().find(|a| is_disk_device(&a.value)))?;
    let mut hit = Hit::at(vec![command.program_span, device.span]);
    hit.target = Some(device.value.trim_start_matches("of=").to_string());
    Some(hit)
}

fn format_device(command: &Command) -> Option<Hit> {
    let program = command.program.as_str();
    let ext = program == "mke2fs" || program.starts_with("mkfs.ext");
    if ext && find_flag(command, &["-n"]).is_some() {
        return None;
    }
    if program == "mkfs.xfs" && find_flag(command, &["-N"]).is_some() {
        return None;
    }
    let device = operands(command)
        .into_iter()
        .find(|a| a.value.starts_with("/dev/") || a.dynamic)?;
    let mut hit = Hit::at(vec![command.program_span, device.span]);
    hit.target = Some(device.value.clone());
    Some(hit)
}

fn erase_device(command: &Command) -> Option<Hit> {
    let words = operands(command);
    let mut hit = Hit::at(vec![command.program_span]);
    match command.program.as_str() {
        "wipefs" => {
            if find_flag(command, &["-n", "--no-act"]).is_some() {
                return None;
            }
            hit.evidence
                .push(find_flag(command, &["-a", "--all", "-o", "--offset"])?.span);
        }
        "blkdiscard" => {}
        "sgdisk" => {
            hit.evidence.push(
                find_flag(
                    command,
                    &["-Z", "--zap-all", "-z", "--zap", "-o", "--clear"],
                )?
                .span,
            );
        }
        "diskutil" => {
            let verb = words.first().filter(|w| {
                matches!(
                    w.value.as_str(),
                    "eraseDisk"
                        | "eraseVolume"
                        | "zeroDisk"
                        | "randomDisk"
                        | "secureErase"
                        | "reformat"
                        | "partitionDisk"
                )
            })?;
            hit.evidence.push(verb.span);
        }
        "cryptsetup" => {
            let verb = words
                .first()
                .filter(|w| matches!(w.value.as_str(), "erase" | "luksErase" | "luksFormat"))?;
            hit.evidence.push(verb.span);
            hit.note = Some("Without its key slots an encrypted disk is unreadable forever, even though the data is still there.".to_string());
        }
        _ => return None,
    }
    let target = words
        .iter()
        .rev()
        .find(|a| a.value.starts_with("/dev/") || a.value.starts_with("disk"))
        .or(words.last())?;
    hit.evidence.push(target.span);
    hit.target = Some(target.value.clone());
    Some(hit)
}

fn partition_table(command: &Command) -> Option<Hit> {
    let words = operands(command);
    let device = words
        .iter()
        .find(|a| a.value.starts_with("/dev/") || a.dynamic)?;
    let mut hit = Hit::at(vec![command.program_span, device.span]);
    hit.target = Some(device.value.clone());
    if command.program == "parted" {
        if find_flag(command, &["-l", "--list"]).is_some() {
            return None;
        }
        let verb = words.iter().find(|w| {
            matches!(
                w.value.as_str(),
                "mklabel"
                    | "mktable"
                    | "rm"
                    | "mkpart"
                    | "mkpartfs"
                    | "resizepart"
                    | "resize"
                    | "move"
                    | "rescue"
            )
        })?;
        hit.evidence.push(verb.span);
        if matches!(verb.value.as_str(), "mklabel" | "mktable") {
            hit.floor = Some(Decision::Block);
            hit.note = Some("A new partition label replaces the whole partition table: every partition on the disk, and so all of its data, is lost.".to_string());
        }
    } else if find_flag(
        command,
        &[
            "-l",
            "--list",
            "-d",
            "--dump",
            "-s",
            "--show-size",
            "-V",
            "--verify",
            "-J",
            "--json",
            "-g",
            "--show-geometry",
            "-F",
            "--list-free",
            "-r",
            "--reorder",
        ],
    )
    .is_some()
    {
        return None;
    }
    Some(hit)
}

fn volume_destroy(command: &Command) -> Option<Hit> {
    let words = operands(command);
    let mut hit = Hit::at(vec![command.program_span]);
    let rest: Vec<&Arg> = match command.program.as_str() {
        "lvremove" | "vgremove" | "pvremove" => words,
        "zfs" | "zpool" => {
            let (verb, rest) = words.split_first()?;
            if verb.value != "destroy" || find_flag(command, &["-n"]).is_some() {
                return None;
            }
            hit.evidence.push(verb.span);
            rest.to_vec()
        }
        "btrfs" => {
            let [noun, verb, rest @ ..] = words.as_slice() else {
                return None;
            };
            if !matches!(noun.value.as_str(), "subvolume" | "subvol" | "sub")
                || !matches!(verb.value.as_str(), "delete" | "del")
            {
                return None;
            }
            hit.evidence.extend([noun.span, verb.span]);
            rest.to_vec()
        }
        _ => return None,
    };
    let target = rest.first()?;
    hit.evidence.push(target.span);
    hit.target = Some(target.value.clone());
    if command.program == "zfs" {
        if target.value.contains('@') {
            hit.note = Some("It is a snapshot: a restore point that later mistakes could have been undone from.".to_string());
        }
        if let Some(flag) = find_flag(command, &["-r", "-R"]) {
            hit.evidence.push(flag.span);
            hit.note = Some("`-r`/`-R` also destroys every child dataset and snapshot (and with `-R`, clones elsewhere).".to_string());
        }
    }
    Some(hit)
}

/// The mode (`chmod`) or owner (`chown`) operand and the paths after it.
fn mode_and_paths(command: &Command) -> Option<(Option<&Arg>, Vec<&Arg>)> {
    let mut paths = operands(command);
    if paths.is_empty() {
        return None;
    }
    let by_reference = command
        .args
        .iter()
        .any(|a| a.value.starts_with("--reference"));
    let mode = (!by_reference).then(|| paths.remove(0));
    (!paths.is_empty()).then_some((mode, paths))
}

/// Does a `chmod` mode let every user on the machine write (`777`, `o+w`, `a=rwx`)? The sticky
/// `1777` of shared temporary folders is not counted.
fn world_writable(mode: &str) -> bool {
    if !mode.is_empty() && mode.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        let digits = mode.as_bytes();
        let others = digits[digits.len() - 1] - b'0';
        let sticky = digits.len() == 4 && (digits[0] - b'0') & 1 == 1;
        return others & 2 != 0 && !sticky;
    }
    mode.split(',').any(|clause| {
        let who: String = clause.chars().take_while(|c| "ugoa".contains(*c)).collect();
        if !(who.contains('o') || who.contains('a')) {
            return false;
        }
        let mut op = ' ';
        for c in clause[who.len()..].chars() {
            match c {
                '+' | '-' | '=' => op = c,
                'w' if op != '-' => return true,
                _ => {}
            }
        }
        false
    })
}

fn recursive_permissions(command: &Command) -> Option<Hit> {
    let recursive = find_flag(command, &["-R", "--recursive"])?;
    let (mode, paths) = mode_and_paths(command)?;
    if command.program == "chmod" && mode.is_some_and(|m| world_writable(&m.value)) {
        return None;
    }
    let (class, path, arg) = worst_path(&paths, command.cwd.as_deref())?;
    let mut hit = Hit::at(vec![command.program_span, recursive.span]);
    hit.evidence.extend(mode.map(|m| m.span));
    hit.evidence.push(arg.span);
    hit.target = Some(path.clone());
    match class {
        PathClass::SystemRoot => {
            hit.reversibility = Some(R::Irreversible);
            hit.scope = Some(S::Organization);
            hit.note = Some(format!("`{path}` is a system or home directory: the original owners and permissions of its files are recorded nowhere, and programs such as `sudo` and `ssh` refuse to work once they are wrong. Such machines are usually rebuilt."));
        }
        PathClass::ServerData => {
            hit.scope = Some(S::Production);
            hit.note = Some(format!("`{path}` holds a server's data; a service that can no longer read it, or that others can now read, is an outage or a leak."));
        }
        PathClass::Dynamic => {
            hit.reversibility = Some(R::Unknown);
            hit.scope = Some(S::Shared);
            hit.note = Some(format!(
                "The path `{}` depends on a variable the plan never sets.",
                arg.value
            ));
        }
        PathClass::Scratch | PathClass::Ordinary => {}
    }
    Some(hit)
}

fn world_writable_mode(command: &Command) -> Option<Hit> {
    let (mode, paths) = mode_and_paths(command)?;
    let mode = mode.filter(|m| world_writable(&m.value))?;
    let recursive = find_flag(command, &["-R", "--recursive"]);
    let (class, path, arg) = worst_path(&paths, command.cwd.as_deref())?;
    let mut hit = Hit::at(vec![command.program_span, mode.span]);
    hit.evidence.extend(recursive.map(|r| r.span));
    hit.evidence.push(arg.span);
    hit.target = Some(path.clone());
    let system = class == PathClass::SystemRoot || under_system_dir(&path);
    match class {
        PathClass::SystemRoot if recursive.is_some() => {
            hit.reversibility = Some(R::Irreversible);
            hit.scope = Some(S::Organization);
            hit.floor = Some(Decision::Block);
            hit.note = Some(format!("Every file under `{path}` becomes writable by every user and program on the machine, and the original permissions are recorded nowhere; `sudo` and `ssh` stop working. Such machines are rebuilt."));
        }
        _ if system => {
            hit.scope = Some(S::Organization);
            hit.note = Some(format!("`{path}` belongs to the system: any user or program that can write it can take over the machine."));
        }
        PathClass::ServerData => {
            hit.scope = Some(S::Production);
            hit.note = Some(format!("`{path}` holds a server's data, which any process on the machine could now change."));
        }
        PathClass::Dynamic => {
            hit.reversibility = Some(R::Unknown);
            hit.note = Some(format!(
                "The path `{}` depends on a variable the plan never sets.",
                arg.value
            ));
        }
        PathClass::Scratch => hit.scope = Some(S::Local),
        _ => {}
    }
    Some(hit)
}

/// The size a `truncate` sets (`-s 0`, `-s0`, `--size=0`), with the argument(s) that say it.
fn truncate_size(command: &Command) -> Option<(String, Vec<&Arg>)> {
    let args = &command.args;
    for (i, arg) in args.iter().enumerate() {
        let v = arg.value.as_str();
        if v == "-s" || v == "--size" {
            let value = args.get(i + 1)?;
            return Some((value.value.clone(), vec![arg, value]));
        }
        if let Some(size) = v.strip_prefix("--size=") {
            return Some((size.to_string(), vec![arg]));
        }
        if let Some(size) = v
            .strip_prefix("-s")
            .filter(|s| !s.is_empty() && !v.starts_with("--"))
        {
            return Some((size.to_string(), vec![arg]));
        }
    }
    None
}

fn truncate_file(command: &Command) -> Option<Hit> {
    let mut hit = Hit::at(vec![command.program_span]);
    let files: Vec<&Arg> = match command.program.as_str() {
        "truncate" => {
            let (size, size_args) = truncate_size(command)?;
            if size.trim_end_matches(|c: char| c.is_ascii_alphabetic()) != "0" {
                return None;
            }
            hit.evidence.extend(size_args.iter().map(|a| a.span));
            operands(command)
                .into_iter()
                .filter(|a| !size_args.iter().any(|s| s.span == a.span))
                .collect()
        }
        "cp" => {
            let files = operands(command);
            if files.first()?.value != "/dev/null" {
                return None;
            }
            files[1..].to_vec()
        }
        ":" | "true" => command.writes.iter().collect(),
        "cat"
            if operands(command)
                .iter()
                .map(|a| a.value.as_str())
                .eq(["/dev/null"]) =>
        {
            command.writes.iter().collect()
        }
        "echo" | "printf"
            if !command.has_wrapper("xargs")
                && operands(command).iter().all(|a| a.value.is_empty()) =>
        {
            command.writes.iter().collect()
        }
        _ => return None,
    };
    let files: Vec<&Arg> = files
        .into_iter()
        .filter(|a| !a.value.starts_with("/dev/") && !is_history_file(&a.value))
        .collect();
    let (class, path, arg) = worst_path(&files, command.cwd.as_deref())?;
    hit.evidence.push(arg.span);
    classify_into(&mut hit, class, &path, arg);
    if class == PathClass::SystemRoot {
        hit.floor = None;
    }
    Some(hit)
}

/// The sources and destination of `mv`/`cp`/`install` (`-t DIR` or the last operand).
fn sources_and_destination(command: &Command) -> Option<(Vec<&Arg>, &Arg)> {
    let mut files = operands(command);
    let target = ["-t", "--target-directory"]
        .iter()
        .find_map(|f| flag_value(command, f));
    if let Some(target) = target {
        files.retain(|a| a.span != target.span);
        return (!files.is_empty()).then_some((files, target));
    }
    if files.len() < 2 {
        return None;
    }
    let destination = files.pop()?;
    Some((files, destination))
}

fn mv_system_path(command: &Command) -> Option<Hit> {
    let (sources, _) = sources_and_destination(command)?;
    let (class, path, arg) = worst_path(&sources, command.cwd.as_deref())?;
    let mut hit = Hit::at(vec![command.program_span, arg.span]);
    hit.target = Some(path.clone());
    match class {
        PathClass::SystemRoot => {
            hit.scope = Some(S::Organization);
            hit.note = Some(format!("`{path}` is a system or home directory: programs and logins that need it stop working at once, possibly including the tools needed to move it back."));
        }
        PathClass::ServerData => {
            hit.scope = Some(S::Production);
            hit.note = Some(format!("`{path}` is where a server keeps its data; the service that uses it fails or starts empty."));
        }
        _ if under_system_dir(&path) => {}
        _ => return None,
    }
    Some(hit)
}

fn mv_clobber(command: &Command) -> Option<Hit> {
    if find_flag(
        command,
        &[
            "-n",
            "--no-clobber",
            "-i",
            "--interactive",
            "-b",
            "--backup",
        ],
    )
    .is_some()
        || command
            .args
            .iter()
            .any(|a| a.value.starts_with("--update=none"))
    {
        return None;
    }
    let (sources, destination) = sources_and_destination(command)?;
    let force = find_flag(command, &["-f", "--force"]);
    let glob = sources.iter().find(|a| a.glob && !a.quoted);
    if force.is_none() && glob.is_none() {
        return None;
    }
    let mut hit = Hit::at(vec![command.program_span]);
    hit.evidence.extend(force.map(|f| f.span));
    hit.evidence.extend(glob.map(|g| g.span));
    hit.evidence.push(destination.span);
    hit.target = Some(glob.unwrap_or(&sources[0]).value.clone());
    hit.note = Some(match glob {
        Some(glob) => format!("`{}` can match many files; each one lands in `{}` and silently replaces any file there with the same name. If `{}` is not an existing folder, the move fails or, with a single match, renames the file to it.", glob.value, destination.value, destination.value),
        None => format!("`--force` replaces `{}` if it exists, without asking.", destination.value),
    });
    Some(hit)
}

fn overwrite_system_config(command: &Command) -> Option<Hit> {
    let destination = match command.program.as_str() {
        "cp" | "install" | "mv" => {
            if find_flag(
                command,
                &[
                    "-b",
                    "--backup",
                    "-n",
                    "--no-clobber",
                    "-i",
                    "--interactive",
                ],
            )
            .is_some()
            {
                return None;
            }
            sources_and_destination(command).map(|(_, d)| d)
        }
        "tee" if find_flag(command, &["-a", "--append"]).is_none() => operands(command)
            .into_iter()
            .find(|a| is_system_config(&a.value)),
        _ => None,
    }
    .filter(|a| is_system_config(a.value.trim_end_matches('/')))
    .or_else(|| command.writes.iter().find(|a| is_system_config(&a.value)))?;
    let mut hit = Hit::at(vec![command.program_span, destination.span]);
    hit.target = Some(destination.value.clone());
    let identity = [
        "/etc/passwd",
        "/etc/shadow",
        "/etc/group",
        "/etc/sudoers",
        "/etc/ssh/",
        "/etc/pam.d/",
        "/etc/fstab",
    ];
    if identity.iter().any(|p| destination.value.starts_with(p)) {
        hit.scope = Some(S::Production);
        hit.note = Some(format!("`{}` controls who can log in or how the machine boots; a broken copy can lock everyone out.", destination.value));
    }
    Some(hit)
}

/// A `sed` in-place flag with no backup suffix: `-i`, `-Ei`, `--in-place` (but not `-i.bak`).
fn in_place_without_backup(command: &Command) -> Option<&Arg> {
    command.args.iter().find(|arg| {
        let v = arg.value.as_str();
        if v == "--in-place" {
            return true;
        }
        match v.strip_prefix('-') {
            Some(cluster) if !cluster.starts_with('-') => cluster.find('i').is_some_and(|at| {
                at + 1 == cluster.len() && cluster[..at].chars().all(|c| c.is_ascii_alphabetic())
            }),
            _ => false,
        }
    })
}

fn sed_in_place_system(command: &Command) -> Option<Hit> {
    let flag = in_place_without_backup(command)?;
    // Scripts given with `-e`/`-f` are not files to edit; otherwise the first operand is.
    let scripts: Vec<_> = ["-e", "-f", "--expression", "--file"]
        .iter()
        .filter_map(|f| flag_value(command, f))
        .map(|a| a.span)
        .collect();
    let mut files: Vec<&Arg> = operands(command)
        .into_iter()
        .filter(|a| !scripts.contains(&a.span))
        .collect();
    if scripts.is_empty() && !files.is_empty() {
        files.remove(0);
    }
    let (class, path, arg) = files.iter().find_map(|arg| {
        let (class, path) = classify_path(arg, command.cwd.as_deref());
        (under_system_dir(&path) || class == PathClass::ServerData).then_some((class, path, *arg))
    })?;
    let mut hit = Hit::at(vec![command.program_span, flag.span, arg.span]);
    hit.target = Some(path.clone());
    if class == PathClass::ServerData {
        hit.scope = Some(S::Production);
    }
    Some(hit)
}

fn rsync_delete(command: &Command) -> Option<Hit> {
    if command.program == "rclone" {
        // `rclone sync` deletes what the source lacks without being asked to.
        let words = positionals(command);
        let verb = words.first().filter(|w| w.value == "sync")?;
        if words.len() < 3
            || find_flag(
                command,
                &["-n", "--dry-run", "-i", "--interactive", "--backup-dir"],
            )
            .is_some()
        {
            return None;
        }
        let destination = words[words.len() - 1];
        let mut hit = Hit::at(vec![command.program_span, verb.span, destination.span]);
        hit.target = Some(destination.value.clone());
        return Some(hit);
    }
    let flag = find_flag(
        command,
        &[
            "--delete",
            "--del",
            "--delete-before",
            "--delete-during",
            "--delete-delay",
            "--delete-after",
            "--delete-excluded",
        ],
    )?;
    if find_flag(
        command,
        &[
            "-n",
            "--dry-run",
            "--list-only",
            "-b",
            "--backup",
            "--backup-dir",
        ],
    )
    .is_some()
    {
        return None;
    }
    let destination = *operands(command).last()?;
    let mut hit = Hit::at(vec![command.program_span, flag.span, destination.span]);
    hit.target = Some(destination.value.clone());
    let remote = destination.value.contains(':') && !destination.value.starts_with('/');
    if remote {
        hit.note = Some(format!("`{}` is on another machine.", destination.value));
        return Some(hit);
    }
    let (class, path) = classify_path(destination, command.cwd.as_deref());
    match class {
        PathClass::SystemRoot => {
            hit.scope = Some(S::Organization);
            hit.floor = Some(Decision::Block);
            hit.note = Some(format!("The destination `{path}` is a system or home directory: everything in it that the source lacks is deleted."));
        }
        PathClass::ServerData => {
            hit.scope = Some(S::Production);
            hit.note = Some(format!(
                "The destination `{path}` is where a server keeps its data."
            ));
        }
        PathClass::Dynamic => {
            hit.reversibility = Some(R::Unknown);
            hit.note = Some(format!(
                "The destination `{}` depends on a variable the plan never sets.",
                destination.value
            ));
        }
        _ => {}
    }
    Some(hit)
}

/// `rclone delete`, `deletefile`, `purge` and `cleanup`: deletes on remote or cloud storage.
fn rclone_delete(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let verb = words.first().filter(|w| {
        matches!(
            w.value.as_str(),
            "delete" | "deletefile" | "purge" | "cleanup"
        )
    })?;
    if find_flag(command, &["-n", "-i", "--interactive"]).is_some() {
        return None;
    }
    let mut hit = Hit::at(vec![command.program_span, verb.span]);
    if let Some(path) = words.get(1) {
        hit.evidence.push(path.span);
        hit.target = Some(path.value.clone());
    }
    match verb.value.as_str() {
        "purge" => hit.note = Some("`purge` removes the folder and everything in it, ignoring any filters.".to_string()),
        "cleanup" => hit.note = Some("`cleanup` empties the remote's trash and old file versions: the copies that would have undone a mistake.".to_string()),
        _ => {}
    }
    Some(hit)
}

fn crontab_replace(command: &Command) -> Option<Hit> {
    let user = flag_value(command, "-u");
    if let Some(remove) = find_flag(command, &["-r", "--remove"]) {
        if find_flag(command, &["-i"]).is_some() {
            return None;
        }
        let mut hit = Hit::at(vec![command.program_span, remove.span]);
        hit.target = user.map(|u| format!("{}'s crontab", u.value));
        return Some(hit);
    }
    if find_flag(command, &["-l", "-e", "--list", "--edit", "-T", "--test"]).is_some() {
        return None;
    }
    let file = operands(command)
        .into_iter()
        .find(|a| user.is_none_or(|u| u.span != a.span))?;
    // `crontab -l | sed ... | crontab -` edits the current jobs through a text filter; only a
    // list written from scratch (a file, `echo`) replaces them.
    let edits_listing = matches!(
        &command.input,
        Input::Pipe { from, .. } if matches!(from.as_str(), "sed" | "grep" | "egrep" | "fgrep" | "awk" | "gawk" | "sort" | "uniq" | "cat" | "perl" | "tr" | "cut" | "head" | "tail" | "crontab")
    );
    if file.value == "-" && edits_listing {
        return None;
    }
    let mut hit = Hit::at(vec![command.program_span, file.span]);
    hit.note = Some(format!(
        "Installing `{}` replaces the whole crontab: every job not in that file is deleted.",
        file.value
    ));
    Some(hit)
}

fn firewall_off(command: &Command) -> Option<Hit> {
    let words = operands(command);
    let mut hit = Hit::at(vec![command.program_span]);
    match command.program.as_str() {
        "iptables" | "ip6tables" | "iptables-legacy" | "iptables-nft" | "ip6tables-legacy"
        | "ip6tables-nft" => {
            hit.evidence
                .push(find_flag(command, &["-F", "--flush"])?.span);
        }
        "nft" => {
            let [verb, what, ..] = words.as_slice() else {
                return None;
            };
            if !matches!(verb.value.as_str(), "flush" | "delete")
                || !matches!(what.value.as_str(), "ruleset" | "table")
            {
                return None;
            }
            hit.evidence.extend([verb.span, what.span]);
        }
        "ufw" => {
            let verb = words
                .first()
                .filter(|w| matches!(w.value.as_str(), "disable" | "reset"))?;
            hit.evidence.push(verb.span);
        }
        "pfctl" => {
            let flag = find_flag(command, &["-d"]).or_else(|| {
                flag_value(command, "-F").filter(|v| matches!(v.value.as_str(), "all" | "rules"))
            })?;
            hit.evidence.push(flag.span);
        }
        "netsh" => {
            let off = command
                .args
                .iter()
                .any(|a| a.value.eq_ignore_ascii_case("advfirewall"))
                .then(|| {
                    command
                        .args
                        .iter()
                        .find(|a| a.value.eq_ignore_ascii_case("off"))
                })
                .flatten()?;
            hit.evidence.push(off.span);
        }
        _ => return None,
    }
    Some(hit)
}

/// Services that watch, log or protect the machine; stopping them is switching a safety off.
const SAFETY_UNITS: &[&str] = &[
    "auditd",
    "firewalld",
    "ufw",
    "nftables",
    "iptables",
    "ip6tables",
    "netfilter-persistent",
    "apparmor",
    "fail2ban",
    "crowdsec",
    "clamav-daemon",
    "clamav-freshclam",
    "wazuh-agent",
    "ossec",
    "falco",
    "osqueryd",
    "rsyslog",
    "syslog",
    "syslog-ng",
    "systemd-journald",
    "auditbeat",
    "filebeat",
    "datadog-agent",
    "amazon-cloudwatch-agent",
    "google-cloud-ops-agent",
    "newrelic-infra",
    "sshguard",
    "falcon-sensor",
    "mdatp",
    "splunkforwarder",
    "elastic-agent",
    "node_exporter",
    "prometheus",
    "alertmanager",
    "zabbix-agent",
    "zabbix-agent2",
    "unattended-upgrades",
];

fn unit_name(value: &str) -> &str {
    value
        .trim_end_matches(".service")
        .trim_end_matches(".socket")
        .trim_end_matches(".timer")
}

fn is_safety_unit(value: &str) -> bool {
    SAFETY_UNITS.contains(&unit_name(value))
}

/// The verb and units of a command that stops or disables services.
fn stopped_units(command: &Command) -> Option<(&Arg, Vec<&Arg>)> {
    let words = positionals(command);
    match command.program.as_str() {
        "systemctl" => {
            let (verb, units) = words.split_first()?;
            matches!(verb.value.as_str(), "stop" | "disable" | "mask" | "kill")
                .then(|| (*verb, units.to_vec()))
        }
        "service" | "rc-service" => {
            let [unit, verb, ..] = words.as_slice() else {
                return None;
            };
            (verb.value == "stop").then(|| (*verb, vec![*unit]))
        }
        "update-rc.d" | "chkconfig" => {
            let [unit, verb, ..] = words.as_slice() else {
                return None;
            };
            matches!(verb.value.as_str(), "disable" | "remove" | "off")
                .then(|| (*verb, vec![*unit]))
        }
        _ => None,
    }
    .filter(|(_, units)| !units.is_empty())
}

fn service_stop(command: &Command) -> Option<Hit> {
    let (verb, units) = stopped_units(command)?;
    if units.iter().any(|u| is_safety_unit(&u.value)) {
        return None;
    }
    let mut hit = Hit::at(vec![command.program_span, verb.span]);
    hit.evidence.extend(units.iter().map(|u| u.span));
    hit.target = Some(unit_name(&units[0].value).to_string());
    if find_flag(command, &["--user"]).is_some() {
        hit.scope = Some(S::Local);
        hit.note = Some("`--user` only touches the agent's own user services.".to_string());
    }
    Some(hit)
}

fn stop_safety_service(command: &Command) -> Option<Hit> {
    if command.program == "setenforce" {
        let mode = operands(command)
            .into_iter()
            .find(|a| a.value == "0" || a.value.eq_ignore_ascii_case("permissive"))?;
        let mut hit = Hit::at(vec![command.program_span, mode.span]);
        hit.target = Some("SELinux".to_string());
        hit.note =
            Some("SELinux stops enforcing its policy on every process on the machine.".to_string());
        return Some(hit);
    }
    let (verb, units) = stopped_units(command)?;
    let unit = units.iter().find(|u| is_safety_unit(&u.value))?;
    let mut hit = Hit::at(vec![command.program_span, verb.span, unit.span]);
    hit.target = Some(unit_name(&unit.value).to_string());
    Some(hit)
}

fn shutdown(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let mut hit = Hit::at(vec![command.program_span]);
    match command.program.as_str() {
        "shutdown" => {
            if find_flag(command, &["-c", "-k", "--help"]).is_some() {
                return None;
            }
        }
        "reboot" | "halt" | "poweroff" => {
            if find_flag(command, &["--help", "--wtmp-only", "-w"]).is_some() {
                return None;
            }
        }
        "systemctl" => {
            let verb = words.first().filter(|w| {
                matches!(
                    w.value.as_str(),
                    "reboot"
                        | "poweroff"
                        | "halt"
                        | "kexec"
                        | "soft-reboot"
                        | "rescue"
                        | "emergency"
                )
            })?;
            hit.evidence.push(verb.span);
        }
        "init" | "telinit" => {
            let level = words
                .first()
                .filter(|w| matches!(w.value.as_str(), "0" | "1" | "6" | "s" | "S"))?;
            hit.evidence.push(level.span);
        }
        _ => return None,
    }
    let powers_off = matches!(command.program.as_str(), "halt" | "poweroff")
        || find_flag(command, &["-h", "-P", "--poweroff", "-H", "--halt"]).is_some()
        || words
            .iter()
            .any(|w| matches!(w.value.as_str(), "poweroff" | "halt" | "0"));
    if powers_off {
        hit.note = Some(
            "It powers the machine off: someone has to start it again by hand or from a console."
                .to_string(),
        );
    }
    Some(hit)
}

fn kill_every_process(command: &Command) -> Option<Hit> {
    match command.program.as_str() {
        "kill" => {
            // `kill -1 1234` sends signal 1 to one process; only a final `-1` after a signal
            // (or `--`) means "every process".
            let last = command.args.last()?;
            (last.value == "-1" && command.args.len() >= 2)
                .then(|| Hit::at(vec![command.program_span, last.span]))
        }
        "killall5" => Some(Hit::at(vec![command.program_span])),
        "pkill" | "killall" => {
            let user = ["-u", "--user"]
                .iter()
                .find_map(|f| flag_value(command, f))?;
            let pattern = signal_free_operands(command)
                .into_iter()
                .any(|a| a.span != user.span);
            if pattern {
                return None;
            }
            let mut hit = Hit::at(vec![command.program_span, user.span]);
            hit.target = Some(format!(
                "every process of {}",
                user.value.trim_start_matches("--user=")
            ));
            Some(hit)
        }
        _ => None,
    }
}

/// Operands of `pkill`/`killall` without the value of `-s SIGNAL` or `-u USER`.
fn signal_free_operands(command: &Command) -> Vec<&Arg> {
    let values: Vec<_> = ["-s", "--signal", "-u", "--user", "-g", "-t", "-P"]
        .iter()
        .filter_map(|f| {
            let arg = flag_value(command, f)?;
            (arg.value != *f && !arg.value.starts_with('-')).then_some(arg.span)
        })
        .collect();
    operands(command)
        .into_iter()
        .filter(|a| !values.contains(&a.span))
        .collect()
}

fn kill_by_name(command: &Command) -> Option<Hit> {
    if command.program == "killall"
        && find_flag(command, &["-l", "--list", "-V", "--version"]).is_some()
    {
        return None;
    }
    let pattern = *signal_free_operands(command).first()?;
    let mut hit = Hit::at(vec![command.program_span, pattern.span]);
    hit.target = Some(pattern.value.clone());
    if command.program == "pkill" {
        if let Some(full) = find_flag(command, &["-f", "--full"]) {
            hit.evidence.push(full.span);
            hit.note = Some(format!("`-f` matches whole command lines, so every program whose arguments merely contain `{}` is killed too.", pattern.value));
        }
    }
    Some(hit)
}

fn userdel(command: &Command) -> Option<Hit> {
    let users = operands(command);
    // `deluser alice sudo` takes alice out of a group; it deletes no account.
    if command.program == "deluser" && users.len() >= 2 {
        return None;
    }
    let user = *users.last()?;
    let mut hit = Hit::at(vec![command.program_span, user.span]);
    hit.target = Some(user.value.clone());
    if let Some(flag) = find_flag(
        command,
        &["-r", "--remove", "--remove-home", "--remove-all-files"],
    ) {
        hit.evidence.push(flag.span);
        hit.reversibility = Some(R::Irreversible);
        hit.note = Some(
            "It also deletes the user's home directory and mail, with every file in them."
                .to_string(),
        );
    }
    Some(hit)
}

/// Files where shells and REPLs keep the commands that were run.
fn is_history_file(value: &str) -> bool {
    let name = value.rsplit(['/', '\\']).next().unwrap_or(value);
    name.ends_with("_history")
        || name == ".history"
        || name.eq_ignore_ascii_case("ConsoleHost_history.txt")
}

fn erase_shell_history(command: &Command) -> Option<Hit> {
    let args = &command.args;
    let evidence = match command.program.as_str() {
        "history" => find_flag(command, &["-c", "-d"]),
        "unset" => args.iter().find(|a| a.value == "HISTFILE"),
        "export" | "declare" | "typeset" => args.iter().find(|a| {
            matches!(
                a.value.as_str(),
                "HISTFILE=/dev/null" | "HISTFILE=" | "HISTSIZE=0" | "HISTFILESIZE=0" | "SAVEHIST=0"
            )
        }),
        "set" => args
            .windows(2)
            .find(|w| w[0].value == "+o" && w[1].value == "history")
            .map(|w| &w[1]),
        _ => operands(command)
            .into_iter()
            .chain(command.writes.iter())
            .find(|a| is_history_file(&a.value)),
    }?;
    let mut hit = Hit::at(vec![command.program_span, evidence.span]);
    hit.target = Some("the shell history".to_string());
    Some(hit)
}

fn audit_off(command: &Command) -> Option<Hit> {
    if let Some(delete) = find_flag(command, &["-D"]) {
        let mut hit = Hit::at(vec![command.program_span, delete.span]);
        hit.note =
            Some("`-D` deletes every audit rule, so nothing is recorded any more.".to_string());
        return Some(hit);
    }
    let enabled = flag_value(command, "-e").filter(|v| v.value == "0")?;
    Some(Hit::at(vec![command.program_span, enabled.span]))
}

/// Packages whose removal takes the operating system's own tools with it.
const CORE_PACKAGES: &[&str] = &[
    "python3",
    "python",
    "libc6",
    "glibc",
    "systemd",
    "openssh-server",
    "sudo",
    "bash",
    "coreutils",
    "apt",
    "dpkg",
    "rpm",
    "yum",
    "dnf",
    "grub",
    "grub2",
    "grub-pc",
    "linux-image",
    "kernel",
    "perl",
    "openssl",
    "ca-certificates",
];

fn package_remove(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let mut hit = Hit::at(vec![command.program_span]);
    let packages: Vec<&Arg> = match command.program.as_str() {
        "pacman" => {
            let flag = command
                .args
                .iter()
                .find(|a| a.value.starts_with("-R") || a.value == "--remove")?;
            hit.evidence.push(flag.span);
            words
        }
        program => {
            let verbs: &[&str] = match program {
                "apt" | "apt-get" | "aptitude" => &["remove", "purge", "autoremove", "autopurge"],
                "yum" | "dnf" => &["remove", "erase", "autoremove"],
                "zypper" => &["remove", "rm"],
                "apk" => &["del"],
                "snap" => &["remove"],
                _ => return None,
            };
            let (verb, rest) = words.split_first()?;
            if !verbs.contains(&verb.value.as_str()) {
                return None;
            }
            hit.evidence.push(verb.span);
            if matches!(verb.value.as_str(), "purge" | "autopurge")
                || find_flag(command, &["--purge"]).is_some()
            {
                hit.reversibility = Some(R::Irreversible);
                hit.note = Some("`purge` also deletes the packages' configuration files, including local changes to them.".to_string());
            }
            rest.to_vec()
        }
    };
    // Only a simulation: pacman's is `--print`; its `-s` means "with dependencies".
    let simulate: &[&str] = if command.program == "pacman" {
        &["-p", "--print"]
    } else {
        &[
            "-s",
            "--simulate",
            "--just-print",
            "--no-act",
            "--assume-no",
        ]
    };
    if find_flag(command, simulate).is_some() {
        return None;
    }
    hit.target = packages.first().map(|p| p.value.clone());
    if let Some(core) = packages.iter().find(|p| {
        let name = p.value.split([':', '=']).next().unwrap_or(&p.value);
        CORE_PACKAGES
            .iter()
            .any(|c| name == *c || (*c == "linux-image" && name.starts_with("linux-image-")))
    }) {
        hit.evidence.push(core.span);
        hit.note = Some(format!("`{}` is part of the operating system: removing it (and everything the package manager removes with it) can leave the machine without the tools needed to repair it.", core.value));
    }
    Some(hit)
}

fn journal_vacuum(command: &Command) -> Option<Hit> {
    let vacuum = command.args.iter().find(|a| {
        ["--vacuum-time", "--vacuum-size", "--vacuum-files"]
            .iter()
            .any(|f| a.value.starts_with(f))
    })?;
    Some(Hit::at(vec![command.program_span, vacuum.span]))
}

pub static RULES: &[Rule] = &[
    Rule {
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
        examples: &["rm -rf /", "sudo rm -rf /var/lib/postgresql/data", "rm -rf $BUILD_DIR/", "rm -r src", "rm -rf /tmp/../etc"],
        counterexamples: &["rm file.txt", "echo 'rm -rf /'", "git rm -r --cached dist"],
    },
    Rule {
        id: "fs.rm-glob",
        title: "Deletes every file a wildcard matches",
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["rm"], check: rm_glob },
        why: "The wildcard is expanded when the command runs, so nobody has seen the list of files it deletes; a pattern one character too broad takes files nobody meant. `rm` has no trash and no undo.",
        safer: "Run `ls {target}` first and read the list, or move the matches into a holding folder and delete that later.",
        instead: "mkdir -p .trash && mv -n {target} .trash/",
        questions: &[
            "What does `ls` with the same pattern list, and is anything there not in version control?",
            "Which folder does this run in?",
        ],
        references: &[],
        examples: &["rm *.csv", "rm -f data/*.json", "rm /etc/nginx/sites-enabled/*", "rm ~/*"],
        counterexamples: &["rm notes.txt", "rm '*.csv'", "rm -rf build/*", "echo rm *.csv"],
    },
    Rule {
        id: "fs.rm-system-file",
        title: "Deletes a system or server data file",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["rm", "unlink"], check: rm_system_file },
        why: "The file belongs to the operating system, a service's configuration or a server's data. Services that read it fail, sometimes only at the next restart or boot, and local edits to it exist nowhere else.",
        safer: "Move the file aside instead (`mv {target} {target}.disabled`), restart what uses it, and delete it only when nothing broke.",
        instead: "mv {target} {target}.disabled",
        questions: &[
            "Which service or package owns this file, and what happens when it is missing?",
            "Is there a copy of it (configuration management, a backup)?",
        ],
        references: &[],
        examples: &["sudo rm /etc/nginx/nginx.conf", "rm -f /var/lib/mysql/ibdata1", "unlink /etc/resolv.conf"],
        counterexamples: &["rm notes.txt", "rm /tmp/upload.part", "rm -rf /etc/nginx"],
    },
    Rule {
        id: "fs.delete-matches",
        title: "Deletes every file a search finds",
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["find", "rm"], check: delete_matches },
        why: "The search decides what is deleted, one file after another, with no list shown and no undo. A filter that is slightly off (a missing `-name`, the wrong starting folder, `-delete` placed before the tests) deletes far more than intended.",
        safer: "Run the same search with `-print` instead of `-delete` and read the list; then delete only that list.",
        instead: "find {target} -type f -print",
        questions: &[
            "What does the same command print with `-print` in place of `-delete`?",
            "Where does the search start, and does it follow into mounted or shared folders?",
        ],
        references: &["https://www.gnu.org/software/findutils/manual/html_node/find_html/Delete-Files.html"],
        examples: &["find . -name '*.orig' -delete", "find /var/www/uploads -mtime +30 -exec rm {} \\;", "find . -name '*.pyc' | xargs rm -f", "find $DIR -type f -delete", "ls | xargs rm -rf"],
        counterexamples: &["find . -name '*.orig'", "find . -name '*.log' -print", "find . -type f -exec grep -l TODO {} +"],
    },
    Rule {
        id: "fs.shred",
        title: "Overwrites files so they can never be recovered",
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["shred"], check: shred },
        why: "`shred` writes random data over the file's contents several times, on purpose, so that no backup tool, undelete utility or data-recovery service can bring it back. A wrong path is a permanent loss.",
        safer: "Check the exact path with `ls -la {target}` first; if the goal is only to remove the file, move it aside and delete it later.",
        instead: "mv {target} {target}.old",
        questions: &["Is this exactly the file (or disk) meant, and is there nothing in it anyone needs?"],
        references: &["https://www.gnu.org/software/coreutils/manual/html_node/shred-invocation.html"],
        examples: &["shred -u credentials.json", "shred -vzn 3 /dev/sdb", "shred --remove secrets/*.pem"],
        counterexamples: &["echo shred -u credentials.json", "rm credentials.json", "gpg --decrypt notes.shred"],
    },
    Rule {
        id: "fs.recursive-permissions",
        title: "Changes owners or permissions of a whole tree",
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["chmod", "chown", "chgrp"], check: recursive_permissions },
        why: "Every file below the path gets the same owner or mode. The previous ones are recorded nowhere, so undoing it means working out by hand what each file had; meanwhile services that need particular permissions (keys, sockets, databases) fail.",
        safer: "Change only the files that need it, by name, or limit it with `find {target} -type f -name ... -exec chmod`; note the current modes first (`ls -lR {target}`).",
        instead: "chmod 644 {target}/config.yml",
        questions: &[
            "Why does the whole tree need this, rather than the few files that do?",
            "Do any files under it need special permissions (private keys, setuid programs, database files)?",
        ],
        references: &["https://www.gnu.org/software/coreutils/manual/html_node/chmod-invocation.html"],
        examples: &["chmod -R 755 src", "sudo chown -R www-data:www-data /var/www", "chown -R $USER /", "chgrp -R staff shared"],
        counterexamples: &["chmod 755 deploy.sh", "chown alice notes.txt", "chmod -R 777 public"],
    },
    Rule {
        id: "fs.chmod-world-writable",
        title: "Lets every user on the machine write the files",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["chmod"], check: world_writable_mode },
        why: "Modes like `777` or `o+w` let any user or program on the machine change the files: a compromised web app, another tenant, a stray script. Files that later run with more rights (scripts, configuration, cron jobs) become a way to take over the machine.",
        safer: "Give write access only to the owner or a group (`chmod 755`, `chmod g+w` with the right group), not to everyone.",
        instead: "chmod 755 {target}",
        questions: &[
            "Which user or service actually needs to write here, and can it be given group access instead?",
            "Does anything run code from these files with more privileges?",
        ],
        references: &["https://www.gnu.org/software/coreutils/manual/html_node/Symbolic-Modes.html"],
        examples: &["chmod -R 777 /", "chmod 777 -R /var/www/html", "chmod -R a+rwx storage", "chmod o+w /etc/crontab"],
        counterexamples: &["chmod 755 deploy.sh", "chmod 1777 /srv/shared-tmp", "chmod -R u+w src", "chmod +x run.sh"],
    },
    Rule {
        id: "fs.truncate",
        title: "Empties a file in place",
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["truncate", "cp", ":", "true", "cat", "echo", "printf"], check: truncate_file },
        why: "The file's contents are thrown away and the file stays, empty, so programs keep writing to it and nothing looks missing. Nothing keeps the old contents.",
        safer: "Copy the file first (`cp {target} {target}.bak`), or rotate it with the tool meant for it (`logrotate`) instead of emptying it.",
        instead: "cp {target} {target}.bak",
        questions: &["Does anyone need what is in this file now (an investigation, an audit, a data import)?"],
        references: &["https://www.gnu.org/software/coreutils/manual/html_node/truncate-invocation.html"],
        examples: &["truncate -s 0 data/orders.csv", "truncate --size=0 /var/log/nginx/access.log", ": > config/settings.json", "cat /dev/null > /var/lib/app/state.db"],
        counterexamples: &["truncate -s 10G disk.img", "cat /dev/null", "echo hello > notes.txt", ": > /dev/null"],
    },
    Rule {
        id: "fs.mv-system-path",
        title: "Moves a system directory or a server's data",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["mv"], check: mv_system_path },
        why: "Programs look for these files at fixed places. Once they are moved, the services (or the whole system) that use them fail at once; moving them back works only if the tools needed to do it still run.",
        safer: "Copy instead of moving (`cp -a {target} {target}.bak`), and change the configuration that points at the path rather than the path itself.",
        instead: "cp -a {target} {target}.bak",
        questions: &["What reads this path, and what happens to it while the path is missing?"],
        references: &[],
        examples: &["sudo mv /etc /etc.old", "mv /var/lib/postgresql/14/main /mnt/old-main", "mv /usr/bin/python3 /usr/bin/python3.bak"],
        counterexamples: &["mv build dist", "mv /tmp/a /tmp/b", "mv notes.txt docs/"],
    },
    Rule {
        id: "fs.mv-clobber",
        title: "Moves files over whatever is at the destination",
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["mv"], check: mv_clobber },
        why: "`mv` replaces a file at the destination without asking. With a wildcard or `--force`, files already there are overwritten and lost with no copy, and if the destination folder does not exist the files are renamed onto each other (the 2025 Gemini CLI loss).",
        safer: "Check the destination exists (`test -d`), and use `mv -n` (never overwrite) or `mv --backup=numbered`.",
        instead: "mv -n {target} archive/",
        questions: &[
            "Does the destination folder exist, and does it already hold files with the same names?",
            "What happens if the step before this one (creating the folder) failed?",
        ],
        references: &["https://www.gnu.org/software/coreutils/manual/html_node/mv-invocation.html"],
        examples: &["mv * ../new-project", "mv -f config.yml config/config.yml", "mv src/*.ts lib/"],
        counterexamples: &["mv -n *.txt archive/", "mv report.txt archive/", "mv --backup=numbered *.log old/"],
    },
    Rule {
        id: "fs.overwrite-system-config",
        title: "Overwrites system configuration",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["cp", "install", "mv", "tee", "echo", "printf", "cat", "envsubst", "sed", "awk"], check: overwrite_system_config },
        why: "The new file replaces the machine's configuration without keeping the old one. A mistake shows up when the service reloads or the machine reboots: it fails to start, or, for login and mount files, nobody can log in.",
        safer: "Keep a copy of the current file (`cp --backup=numbered`), validate the new one (`nginx -t`, `visudo -c`, `sshd -t`), and reload with an open session to fall back on.",
        instead: "cp --backup=numbered new.conf {target}",
        questions: &[
            "Is there a copy of the current file, and how is the new one validated before it takes effect?",
            "Which services read this file, and when will they pick it up?",
        ],
        references: &[],
        examples: &["sudo cp nginx.conf /etc/nginx/nginx.conf", "echo 'nameserver 8.8.8.8' | sudo tee /etc/resolv.conf", "cat sshd_config > /etc/ssh/sshd_config", "sudo install -m 644 app.service /etc/systemd/system/app.service"],
        counterexamples: &["cp /etc/nginx/nginx.conf ./nginx.conf.bak", "sudo cp -b nginx.conf /etc/nginx/nginx.conf", "echo 'x' | sudo tee -a /etc/hosts", "cat /etc/hosts"],
    },
    Rule {
        id: "fs.sed-in-place-system",
        title: "Edits system files in place without a backup",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["sed", "gsed"], check: sed_in_place_system },
        why: "`sed -i` rewrites the file with no copy of the original. A pattern that matches more than intended changes lines nobody looked at, and the service reading the file may fail at its next reload or boot.",
        safer: "Give `-i` a suffix (`sed -i.bak`) so the original is kept, run the expression without `-i` first to see the result, and validate the file before reloading.",
        instead: "sed -i.bak 's/old/new/' {target}",
        questions: &["What does the same `sed` print without `-i`, and is the change exactly what is wanted?"],
        references: &["https://www.gnu.org/software/sed/manual/sed.html#index-_002di"],
        examples: &["sudo sed -i 's/^PermitRootLogin.*/PermitRootLogin yes/' /etc/ssh/sshd_config", "sed -i -e '/swap/d' /etc/fstab", "sed --in-place 's/5432/6432/' /etc/postgresql/14/main/postgresql.conf"],
        counterexamples: &["sed -i.bak 's/a/b/' /etc/hosts", "sed -i 's/foo/bar/' src/app.py", "sed -n '1,5p' /etc/fstab"],
    },
    Rule {
        id: "fs.rsync-delete",
        title: "Mirrors folders and deletes what the source lacks",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["rsync", "rclone"], check: rsync_delete },
        why: "With `rsync --delete` (and always with `rclone sync`), every file at the destination that is missing from the source is deleted. Swapped source and destination, an empty or wrong source, or a missing trailing slash turns a sync into wiping the destination, often a backup or a server.",
        safer: "Run it with `--dry-run` (`-n`) first and read what it would delete; or keep deleted files with `--backup-dir`, or copy without deleting (`rsync` without `--delete`, `rclone copy`).",
        instead: "rsync -avn --delete src/ {target}",
        questions: &[
            "Are the source and destination the right way round, and is the source complete?",
            "What does the same command list as `deleting` with `--dry-run`?",
        ],
        references: &["https://download.samba.org/pub/rsync/rsync.1#opt--delete"],
        examples: &["rsync -av --delete build/ deploy@web1:/var/www/site/", "rsync -a --delete-after ./backup/ /mnt/nas/backup/", "rsync -a --delete empty/ /", "rclone sync ./site remote:www-bucket"],
        counterexamples: &["rsync -avn --delete build/ web1:/var/www/site/", "rsync -av build/ web1:/var/www/site/", "rsync -a --delete --backup-dir=/srv/old src/ /srv/site/", "rclone copy ./site remote:www-bucket", "rclone sync --dry-run ./site remote:www-bucket"],
    },
    Rule {
        id: "fs.rclone-delete",
        title: "Deletes files on remote or cloud storage with rclone",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["rclone"], check: rclone_delete },
        why: "rclone deletes straight from the storage it is pointed at (a bucket, a shared drive, a backup target), for everyone who uses it. Unless that storage keeps a trash or old versions, the files are gone; `cleanup` deletes exactly those trash and version copies.",
        safer: "List what would go first (`rclone lsf -R {target}` or the same command with `--dry-run`), and check the remote keeps versions or a trash.",
        instead: "rclone lsf -R {target}",
        questions: &[
            "What does the same command list with `--dry-run`?",
            "Does this storage keep old versions or a trash, and is it someone's backup?",
        ],
        references: &["https://rclone.org/commands/rclone_delete/", "https://rclone.org/commands/rclone_purge/"],
        examples: &["rclone purge remote:backups/2023", "rclone delete gdrive:reports --min-age 30d", "rclone cleanup s3:archive-bucket"],
        counterexamples: &["rclone ls remote:backups", "rclone copy ./site remote:www-bucket", "rclone delete -n remote:tmp"],
    },
    Rule {
        id: "disk.overwrite-device",
        title: "Writes directly over a disk device",
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::Delete,
        floor: Some(Decision::Block),
        matcher: Matcher::CommandFn { programs: &["dd", "cp", "tee", "cat", "pv", "zcat", "xzcat", "bzcat", "gunzip", "echo", "printf", "head"], check: overwrite_device },
        why: "Writing to a device such as `/dev/sda` overwrites the disk underneath every file system on it: partition table, operating system, data. One wrong letter picks the wrong disk, and nothing can undo it. This is blocked in any context: check the device by its model and size, and run it by hand.",
        safer: "Identify the device by model, size and serial (`lsblk -o NAME,SIZE,MODEL,SERIAL,MOUNTPOINT`), unmount it, and have a person run the write.",
        instead: "lsblk -o NAME,SIZE,MODEL,SERIAL,MOUNTPOINT",
        questions: &[
            "Which physical disk is this, by model and size, and is anything on it needed?",
            "Is it the machine's own boot disk?",
        ],
        references: &["https://www.gnu.org/software/coreutils/manual/html_node/dd-invocation.html"],
        examples: &["dd if=/dev/zero of=/dev/sda bs=1M", "sudo dd if=ubuntu.iso of=/dev/disk2 bs=4m", "cat image.img > /dev/nvme0n1", "cp firmware.bin /dev/mmcblk0"],
        counterexamples: &["dd if=/dev/zero of=disk.img bs=1M count=100", "dd if=/dev/sda of=backup.img", "echo 'dd if=/dev/zero of=/dev/sda'", "cat /dev/sda > /dev/null"],
    },
    Rule {
        id: "disk.format",
        title: "Formats a disk or partition",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: &["mkfs", "mkfs.ext2", "mkfs.ext3", "mkfs.ext4", "mkfs.xfs", "mkfs.btrfs", "mkfs.vfat", "mkfs.fat", "mkfs.ntfs", "mkfs.exfat", "mkfs.f2fs", "mke2fs", "mkswap", "newfs"],
            check: format_device,
        },
        why: "Creating a file system replaces whatever was on the partition: every file on it becomes unreachable at once. On the wrong device (a names shift after a reboot or a new disk), that is a server's data.",
        safer: "Check the device has no file system and is not mounted (`blkid {target}`, `lsblk -f`), and refer to it by a stable name (`/dev/disk/by-id/...`).",
        instead: "blkid {target}",
        questions: &[
            "Does `blkid` or `lsblk -f` show an existing file system on this device?",
            "Is this device name stable, or could it point at another disk after a reboot?",
        ],
        references: &["https://man7.org/linux/man-pages/man8/mkfs.8.html"],
        examples: &["mkfs.ext4 /dev/sdb1", "sudo mkfs -t xfs /dev/nvme1n1", "mkswap /dev/sda3", "mkfs.ext4 -F $DEVICE"],
        counterexamples: &["mkfs.ext4 -n /dev/sdb1", "mkfs.ext4 disk.img", "lsblk -f"],
    },
    Rule {
        id: "disk.erase-device",
        title: "Erases a disk's signatures, partition table or encryption keys",
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::Delete,
        floor: Some(Decision::Block),
        matcher: Matcher::CommandFn { programs: &["wipefs", "blkdiscard", "sgdisk", "diskutil", "cryptsetup"], check: erase_device },
        why: "These commands exist to make a disk's contents unreachable: they erase the partition table and file-system signatures, discard every block, or destroy the encryption keys. Everything on the device is lost. This is blocked in any context: a person should confirm the device and run it.",
        safer: "List what is on the device first (`wipefs {target}` without `-a`, `lsblk -f`), confirm it by model and size, and have a person run the erase.",
        instead: "wipefs {target}",
        questions: &["Which physical disk is this, and is anything on it still needed?"],
        references: &["https://man7.org/linux/man-pages/man8/wipefs.8.html", "https://man7.org/linux/man-pages/man8/cryptsetup.8.html"],
        examples: &["wipefs -a /dev/sdb", "sgdisk --zap-all /dev/nvme0n1", "diskutil eraseDisk APFS Blank disk2", "blkdiscard /dev/sdc", "cryptsetup luksErase /dev/sda2"],
        counterexamples: &["wipefs /dev/sdb", "wipefs --no-act --all /dev/sdb", "diskutil list", "sgdisk -p /dev/sda"],
    },
    Rule {
        id: "disk.partition-table",
        title: "Rewrites a disk's partition table",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["fdisk", "gdisk", "cfdisk", "sfdisk", "parted"], check: partition_table },
        why: "The partition table says where each file system starts and ends. Deleting, resizing or recreating partitions on a disk in use loses the data on them, and a wrong table can leave the machine unable to boot.",
        safer: "Save the current table first (`sfdisk -d {target} > table.backup`), unmount the partitions, and check the device by model and size.",
        instead: "sfdisk -d {target} > partition-table.backup",
        questions: &[
            "Is a copy of the current partition table saved?",
            "Is any partition on this disk mounted or in use?",
        ],
        references: &["https://www.gnu.org/software/parted/manual/parted.html"],
        examples: &["parted -s /dev/sdb mklabel gpt", "parted /dev/sda rm 2", "fdisk /dev/sdb", "sfdisk /dev/vdb < layout.sfdisk"],
        counterexamples: &["fdisk -l", "parted -l", "parted /dev/sda print", "sfdisk -d /dev/sda"],
    },
    Rule {
        id: "disk.volume-destroy",
        title: "Destroys a storage volume, pool or snapshot",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["lvremove", "vgremove", "pvremove", "zfs", "zpool", "btrfs"], check: volume_destroy },
        why: "Removing a logical volume, a ZFS dataset or pool, or a Btrfs subvolume deletes the file system it holds, with every file in it. Snapshots destroyed this way were the restore points for later mistakes.",
        safer: "Check nothing mounts or uses it, take a snapshot or backup first, and deactivate it for a while before removing it.",
        instead: "Unmount {target} and keep it, unused, for a week before removing it.",
        questions: &[
            "What data is on {target}, and is it mounted or used by a service or VM?",
            "Is there a backup or snapshot that does not live on the same pool?",
        ],
        references: &["https://man7.org/linux/man-pages/man8/lvremove.8.html", "https://openzfs.github.io/openzfs-docs/man/master/8/zfs-destroy.8.html"],
        examples: &["lvremove -y /dev/vg0/data", "zfs destroy -r tank/home", "zpool destroy tank", "btrfs subvolume delete /mnt/@snapshots/2024-01-01"],
        counterexamples: &["lvs", "zfs list -t snapshot", "zfs destroy -nv tank/data@old", "zpool status"],
    },
    Rule {
        id: "host.crontab-remove",
        title: "Removes or replaces every scheduled job in a crontab",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["crontab"], check: crontab_replace },
        why: "`crontab -r` deletes the whole crontab without asking (it sits next to `-e` on the keyboard), and installing a file replaces every existing job with that file. Backups, cleanups and reports that ran on schedule silently stop; nobody notices until they are needed.",
        safer: "Save the current crontab (`crontab -l > crontab.backup`), then edit only the job to change with `crontab -e`.",
        instead: "crontab -l > crontab.backup",
        questions: &["What jobs are in the crontab now (`crontab -l`), and is a copy saved?"],
        references: &["https://man7.org/linux/man-pages/man1/crontab.1.html"],
        examples: &["crontab -r", "sudo crontab -u postgres -r", "crontab new-jobs.txt", "echo '*/5 * * * * /opt/sync.sh' | crontab -"],
        counterexamples: &["crontab -l", "crontab -e", "crontab -ri", "crontab -l | sed 's/0 3/0 4/' | crontab -"],
    },
    Rule {
        id: "host.firewall-off",
        title: "Turns off or flushes the host firewall",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: &["iptables", "ip6tables", "iptables-legacy", "iptables-nft", "ip6tables-legacy", "ip6tables-nft", "nft", "ufw", "pfctl", "netsh"],
            check: firewall_off,
        },
        why: "Every port the firewall was closing is reachable at once (databases, admin panels), or, when the default policy is to drop, remote sessions such as SSH are cut off, locking everyone out. Rules that were never saved are gone.",
        safer: "Save the current rules (`iptables-save`), then add or remove only the one rule that needs to change.",
        instead: "iptables -S",
        questions: &[
            "Are the current rules saved, and does the machine face the internet?",
            "What is the default policy, and will the remote session survive the change?",
        ],
        references: &["https://man7.org/linux/man-pages/man8/iptables.8.html", "https://manpages.ubuntu.com/manpages/noble/man8/ufw.8.html"],
        examples: &["iptables -F", "sudo ufw disable", "nft flush ruleset", "ip6tables --flush INPUT", "pfctl -d"],
        counterexamples: &["iptables -L -n", "ufw status verbose", "ufw allow 22/tcp", "nft list ruleset"],
    },
    Rule {
        id: "host.service-stop",
        title: "Stops or disables a service",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["systemctl", "service", "rc-service", "update-rc.d", "chkconfig"], check: service_stop },
        why: "Whatever the service provides is unavailable until someone starts it again; with `disable` or `mask` it also stays off after the next reboot, which is often when it is missed. Requests in flight are cut off.",
        safer: "Check what depends on {target} (`systemctl list-dependencies --reverse {target}`), and prefer `systemctl reload` or `restart` when the goal is new configuration.",
        instead: "systemctl status {target}",
        questions: &[
            "What uses {target}, and is this a server others rely on?",
            "Is it supposed to stay off after a reboot?",
        ],
        references: &["https://www.freedesktop.org/software/systemd/man/latest/systemctl.html"],
        examples: &["sudo systemctl stop nginx", "systemctl disable --now postgresql", "service redis-server stop", "systemctl mask docker.service"],
        counterexamples: &["systemctl status nginx", "systemctl start nginx", "systemctl stop auditd", "systemctl list-units"],
    },
    Rule {
        id: "host.stop-safety-service",
        title: "Stops a security, logging or monitoring service",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["systemctl", "service", "rc-service", "update-rc.d", "chkconfig", "setenforce"], check: stop_safety_service },
        why: "The service records, watches or protects the machine (audit logging, firewall, intrusion detection, log shipping, monitoring). While it is off, what happens is not recorded or not blocked, and nobody is alerted; the gap in the record cannot be filled in later.",
        safer: "Leave {target} running; if it blocks a task, change the one rule or setting that is in the way, with the security team's approval.",
        instead: "systemctl status {target}",
        questions: &[
            "Why does {target} have to stop, and who in security knows?",
            "When and how will it be turned back on?",
        ],
        references: &["https://www.freedesktop.org/software/systemd/man/latest/systemctl.html"],
        examples: &["systemctl stop auditd", "sudo systemctl disable --now firewalld", "service fail2ban stop", "setenforce 0"],
        counterexamples: &["systemctl status auditd", "systemctl restart rsyslog", "setenforce 1"],
    },
    Rule {
        id: "host.shutdown",
        title: "Shuts down or reboots the machine",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["shutdown", "reboot", "halt", "poweroff", "systemctl", "init", "telinit"], check: shutdown },
        why: "Every service on the machine stops and every session is cut, including the agent's own. A reboot usually comes back, but services that do not start on boot stay down; a power-off needs someone to start the machine again.",
        safer: "Restart only the service that needs it; if the machine must reboot, drain it from the load balancer first and schedule it (`shutdown -r +10`) so it can be cancelled.",
        instead: "systemctl restart {target}",
        questions: &[
            "Which machine is this, and what runs on it?",
            "Will every needed service start again on boot, and who can reach the console if it does not?",
        ],
        references: &["https://man7.org/linux/man-pages/man8/shutdown.8.html"],
        examples: &["sudo reboot", "shutdown -h now", "systemctl poweroff", "init 6"],
        counterexamples: &["shutdown -c", "systemctl status", "last reboot", "echo reboot"],
    },
    Rule {
        id: "host.kill-every-process",
        title: "Kills every process it is allowed to",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["kill", "killall5", "pkill", "killall"], check: kill_every_process },
        why: "`kill -9 -1` sends the signal to every process the user may signal; as root that is the whole machine, including SSH and the agent itself. Unsaved work and in-flight requests are lost, and services must be restarted (or the machine rebooted) to recover.",
        safer: "Find the specific process (`pgrep -a name`) and stop it by its ID, politely first (`kill -TERM`).",
        instead: "pgrep -a -u \"$USER\"",
        questions: &["Which processes is this meant to stop, and which user does it run as?"],
        references: &["https://man7.org/linux/man-pages/man1/kill.1.html"],
        examples: &["kill -9 -1", "sudo kill -KILL -1", "pkill -u deploy", "killall5 -9"],
        counterexamples: &["kill -1 1234", "kill -9 4321", "kill -l", "pkill -u deploy node"],
    },
    Rule {
        id: "host.kill-by-name",
        title: "Kills every process whose name matches",
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["killall", "pkill"], check: kill_by_name },
        why: "Every process matching the name is killed, not just the one the agent started: other people's sessions, other projects' servers, and on a server the production service with the same name. Their unsaved state is lost.",
        safer: "List the matches first (`pgrep -af {target}`) and kill only the process IDs that belong to the task.",
        instead: "pgrep -af {target}",
        questions: &["Which processes match this name right now, and do all of them belong to the task?"],
        references: &["https://man7.org/linux/man-pages/man1/pkill.1.html"],
        examples: &["killall node", "pkill -f 'python manage.py runserver'", "sudo killall -9 java", "pkill -9 -f gunicorn"],
        counterexamples: &["pgrep -f node", "killall -l", "kill 4242"],
    },
    Rule {
        id: "host.userdel",
        title: "Deletes a user account",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["userdel", "deluser"], check: userdel },
        why: "The person or service can no longer log in or run, and jobs running as that user fail. Recreating the account gives a new identity that may not match the files it owned; with `-r` the home directory and its files are deleted for good.",
        safer: "Lock the account instead (`usermod -L`, expire it), and archive its home directory before any removal.",
        instead: "usermod -L {target}",
        questions: &[
            "Does any service, cron job or process run as {target}?",
            "Is there anything in the home directory that must be kept?",
        ],
        references: &["https://man7.org/linux/man-pages/man8/userdel.8.html"],
        examples: &["sudo userdel -r alice", "userdel deploy", "deluser --remove-home bob"],
        counterexamples: &["useradd -m alice", "id alice", "usermod -L alice", "deluser bob sudo"],
    },
    Rule {
        id: "host.erase-shell-history",
        title: "Erases or turns off the shell's command history",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Fixed,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: &["history", "unset", "export", "declare", "typeset", "set", "rm", "shred", "truncate", "ln", "unlink", "cp", ":", "cat", "echo"],
            check: erase_shell_history,
        },
        why: "The shell history is often the only record of what was run on a machine. Clearing it or switching it off removes the trail an investigation or a colleague would follow; an agent hiding its own commands is a warning sign in itself.",
        safer: "Leave the history in place; if a secret was typed on the command line, rotate the secret and remove only that one entry, with a note of why.",
        instead: "history -a",
        questions: &["Why does the history need to go, and what ran on this machine just before?"],
        references: &["https://www.gnu.org/software/bash/manual/html_node/Bash-History-Builtins.html"],
        examples: &["history -c", "unset HISTFILE", "export HISTFILE=/dev/null", "rm ~/.bash_history", "cat /dev/null > ~/.zsh_history", "set +o history"],
        counterexamples: &["history | tail -20", "export HISTSIZE=10000", "rm notes.txt", "echo $HISTFILE"],
    },
    Rule {
        id: "host.audit-off",
        title: "Turns off the kernel audit log",
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::DisableSafety,
        floor: Some(Decision::Block),
        matcher: Matcher::CommandFn { programs: &["auditctl"], check: audit_off },
        why: "The audit log is the security record of the machine: who logged in, what changed, which files were read. With auditing off or its rules deleted, nothing is recorded and the gap can never be filled in. This is blocked in any context, because erasing the audit trail is what an intruder does.",
        safer: "Leave auditing on; if one rule is too noisy, remove that rule with the security team's approval.",
        instead: "auditctl -l",
        questions: &["Who in security approved switching auditing off, and for how long?"],
        references: &["https://man7.org/linux/man-pages/man8/auditctl.8.html"],
        examples: &["auditctl -e 0", "sudo auditctl -D"],
        counterexamples: &["auditctl -l", "auditctl -s", "auditctl -w /etc/passwd -p wa -k passwd"],
    },
    Rule {
        id: "host.package-remove",
        title: "Removes system packages",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: &["apt", "apt-get", "aptitude", "yum", "dnf", "zypper", "pacman", "apk", "snap"],
            check: package_remove,
        },
        why: "The package manager removes the named packages and often every package that depends on them, which can be far more than was named. Services built on them stop; reinstalling brings the programs back but not always the same versions or settings.",
        safer: "Run the same command with `--simulate` (`apt-get -s remove {target}`) and read the full list of packages it would remove before running it for real.",
        instead: "apt-get remove --simulate {target}",
        questions: &[
            "What else does the package manager say it will remove along with {target}?",
            "Does any running service or script on this machine use it?",
        ],
        references: &["https://manpages.debian.org/bookworm/apt/apt-get.8.en.html"],
        examples: &["sudo apt-get remove -y python2.7", "apt purge nginx", "dnf remove -y postgresql-server", "pacman -Rns docker"],
        counterexamples: &["apt install nginx", "apt-get remove --simulate python3", "dnf search postgresql", "apt list --installed"],
    },
    Rule {
        id: "host.journal-vacuum",
        title: "Deletes system logs from the journal",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: &["journalctl"], check: journal_vacuum },
        why: "Archived system logs older or larger than the limit are deleted for good: the record of what services did, who logged in and what failed. An investigation of an incident that already happened loses its evidence.",
        safer: "Check how much space the journal uses (`journalctl --disk-usage`) and set a retention limit in `journald.conf` instead of deleting logs by hand.",
        instead: "journalctl --disk-usage",
        questions: &["Is anything being investigated on this machine that needs these logs?"],
        references: &["https://www.freedesktop.org/software/systemd/man/latest/journalctl.html#--vacuum-size="],
        examples: &["journalctl --vacuum-time=1s", "sudo journalctl --rotate --vacuum-size=10M"],
        counterexamples: &["journalctl -u nginx --since today", "journalctl --disk-usage"],
    },
];
