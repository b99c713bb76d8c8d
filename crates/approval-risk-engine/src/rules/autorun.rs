//! What a file write installs (issue 15): a file the system runs by itself later (a cron
//! table, a systemd unit, a shell profile, a git hook), a key that may log in
//! (`authorized_keys`), a sudo rule that asks no password. The write itself is small; what it
//! sets up runs unattended, with whatever rights the file grants. Where the plan shows what is
//! written (a heredoc, a file-writing tool call, `echo ... >>`), the engine reads the commands
//! in it too (`command_lines`), as it reads a heredoc fed to a shell.

#[cfg(test)]
use super::examples;
use super::matching::Hit;
use super::{Action, Matcher, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::{Arg, Command, Input};
use crate::span::Span;
use crate::words::Last;
use crate::words::Trim;

/// Files the system runs by itself, and how their lines hold commands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Autorun {
    /// A crontab line: five time fields, then (in the system's tables) a user, then the
    /// command.
    Cron { with_user: bool },
    /// A systemd unit: the commands after `ExecStart=` and its kin.
    Systemd,
    /// A shell file run at login or by git: every line is a command.
    Script,
}

/// What `path` is, if the system runs it by itself.
pub fn autorun(path: &str) -> Option<Autorun> {
    let path = path.trim_matches(&['"', '\''][..]);
    let name = path.after_last(b'/');
    if path == "/etc/crontab" || path.starts_with("/etc/cron.d/") {
        return Some(Autorun::Cron { with_user: true });
    }
    if path.starts_with("/var/spool/cron/") {
        return Some(Autorun::Cron { with_user: false });
    }
    if words![
        "/etc/cron.hourly/",
        "/etc/cron.daily/",
        "/etc/cron.weekly/",
        "/etc/cron.monthly/"
    ]
    .iter()
    .any(|dir| path.starts_with(dir))
    {
        return Some(Autorun::Script);
    }
    if (path.starts_with("/etc/systemd/") || path.contains("/.config/systemd/"))
        && (name.ends_with(".service") || name.ends_with(".timer"))
    {
        return Some(Autorun::Systemd);
    }
    let profile = words![
        ".bashrc",
        ".bash_profile",
        ".profile",
        ".zshrc",
        ".zprofile",
        ".bash_login",
        ".zshenv"
    ]
    .contains(name)
        || path.starts_with("/etc/profile.d/")
        || path == "/etc/profile"
        || path == "/etc/bash.bashrc";
    let hook = path.contains(".git/hooks/") || path.contains(".husky/");
    (profile || hook).then_some(Autorun::Script)
}

/// The file a command writes and the bytes it writes when the plan shows them: `cat > f
/// <<EOF`, `tee f <<EOF` (and file-writing tool calls, which the reader writes so), `echo
/// ... > f` (the echoed text), `cp src f` (body unseen).
pub fn written(command: &Command) -> Option<(&Arg, Option<Span>)> {
    let program = command.program.as_str();
    let body = match &command.input {
        Input::Inline { body, .. } => Some(*body),
        _ => None,
    };
    match program {
        "cat" => Some((command.writes.first()?, body)),
        "tee" => Some((
            command
                .positionals()
                .next()
                .or_else(|| command.writes.first())?,
            body,
        )),
        "echo" | "printf" => {
            let text = command.positionals().next()?;
            Some((command.writes.first()?, Some(text.span)))
        }
        // The destination is the last word, when there is a source before it; `install
        // /dev/stdin DEST <<'EOF'` writes the heredoc.
        "cp" | "install" | "mv" => {
            let from_stdin = command.positionals().any(|a| a.value == "/dev/stdin");
            command
                .positionals()
                .skip(1)
                .last()
                .map(|destination| (destination, body.filter(|_| from_stdin)))
        }
        _ => None,
    }
}

/// The spans of the commands in a body written to an `Autorun` file, line by line.
pub fn command_lines(kind: Autorun, input: &str, body: Span) -> Vec<Span> {
    let text = body.slice(input).trim_matches(&['\'', '"'][..]);
    let offset = body.start + body.slice(input).find(text).unwrap_or(0);
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = offset + at;
        at += line.len();
        let content = line.trim_end();
        let lead = content.len() - content.trim_start().len();
        let content = content.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let skip = match kind {
            Autorun::Script => Some(0),
            Autorun::Systemd => words![
                "ExecStartPre=",
                "ExecStartPost=",
                "ExecStart=",
                "ExecStop=",
                "ExecReload="
            ]
            .iter()
            .find(|key| content.starts_with(*key))
            .map(|key| {
                key.len() + usize::from(content[key.len()..].starts_with(&['-', '@', '+', '!'][..]))
            }),
            Autorun::Cron { with_user } => {
                // `@daily cmd` or five time fields; a variable line (`MAILTO=...`) has none.
                let fields = if content.starts_with('@') { 1 } else { 5 } + usize::from(with_user);
                let mut rest = content;
                let mut ok = true;
                for _ in 0..fields {
                    match rest.trim_start().split_once(char::is_whitespace) {
                        Some((_, after)) => rest = after,
                        None => ok = false,
                    }
                }
                let first = content.split_whitespace().next().unwrap_or("");
                (ok && !first.contains('=')).then(|| content.len() - rest.trim_start().len())
            }
        };
        if let Some(skip) = skip {
            let from = start + lead + skip;
            let to = start + lead + content.len();
            if from < to {
                out.push(Span::new(from, to));
            }
        }
    }
    out
}

/// The jobs a `crontab -` is given through a pipe, when the plan shows them (`echo "0 3 * * *
/// /opt/job.sh" | crontab -`, or `(crontab -l; echo ...) | crontab -`, which keeps the jobs it
/// lists).
fn crontab_lines(command: &Command) -> Option<Span> {
    let Input::Pipe {
        text: Some(text), ..
    } = &command.input
    else {
        return None;
    };
    (command.program == "crontab" && command.positionals().any(|a| a.value == "-")).then_some(*text)
}

/// Is `path` a CI pipeline's definition (GitHub Actions, GitLab CI): a file whose commands
/// run on the CI's machines, with its secrets, at the next push?
pub fn is_ci_pipeline(path: &str) -> bool {
    let path = path.trim_matches(&['"', '\''][..]);
    let yaml = path.ends_with(".yml") || path.ends_with(".yaml");
    (yaml && path.contains(".github/workflows/")) || path.ends_with(".gitlab-ci.yml")
}

/// The commands a CI pipeline's file runs, when the plan writes it and shows the text: each
/// `run:` value of a GitHub Actions step (one line, or the block under `run: |`), and each
/// item of a GitLab job's `script:` lists.
pub fn pipeline_lines(input: &str, command: &Command) -> Vec<Span> {
    let Some((path, Some(body))) = written(command) else {
        return Vec::new();
    };
    if !is_ci_pipeline(&path.value) {
        return Vec::new();
    }
    ci_script_lines(input, body)
}

/// The commands in the text of a CI pipeline's definition (see `pipeline_lines`).
pub fn ci_script_lines(input: &str, body: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = body.start;
    // The indentation of the key whose block is being read (`run: |`, `script:`).
    let mut block: Option<usize> = None;
    for line in body.slice(input).split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end();
        let lead = content.len() - content.trim_start().len();
        let text = content.trim_start();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if let Some(indent) = block {
            if lead > indent {
                let item = text.strip_prefix("- ").unwrap_or(text);
                let from = start + lead + (text.len() - item.len());
                out.push(Span::new(from, start + content.len()));
                continue;
            }
            block = None;
        }
        let key = text.strip_prefix("- ").unwrap_or(text);
        let key_lead = lead + (text.len() - key.len());
        let value = ["run:", "script:", "before_script:", "after_script:"]
            .iter()
            .find_map(|k| key.strip_prefix(k));
        let Some(value) = value else {
            continue;
        };
        let value = value.trim();
        if value.is_empty() || value.starts_with(&['|', '>'][..]) {
            block = Some(key_lead);
        } else if !value.starts_with('[') {
            let from = start + content.len() - value.len();
            out.push(Span::new(from, start + content.len()));
        }
    }
    out
}

/// The commands an Ansible playbook's `shell` and `command` tasks run, when written on one
/// line (`ansible.builtin.shell: rm -rf /tmp/x`, `command: systemctl restart app`).
pub fn playbook_commands(input: &str, body: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = body.start;
    for line in body.slice(input).split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end();
        let text = content.trim_start().trim_start_str("- ");
        let value = [
            "ansible.builtin.shell:",
            "ansible.builtin.command:",
            "shell:",
            "command:",
        ]
        .iter()
        .find_map(|key| text.strip_prefix(key))
        .map(str::trim);
        if let Some(value) = value.filter(|v| !v.is_empty() && !v.starts_with(&['|', '>'][..])) {
            let value = value.trim_matches(&['"', '\''][..]);
            if let Some(at) = content.find(value) {
                out.push(Span::new(start + at, start + at + value.len()));
            }
        }
    }
    out
}

/// The paths an Ansible playbook's `file` tasks delete (`state: absent`), as hits on the
/// `state: absent` and the `path:` value. A play for `hosts: all` that the command does not
/// `--limit` reaches every host of the inventory; a path built from a variable with an empty
/// default is the folder before it when the variable is unset.
pub fn playbook_removals(input: &str, body: Span, limited: bool) -> Vec<Hit> {
    let text = body.slice(input);
    let every_host = text.lines().any(|l| {
        let l = l.trim().trim_start_str("- ");
        matches!(
            l.strip_prefix("hosts:")
                .map(|v| v.trim().trim_matches(&['"', '\''][..])),
            Some("all" | "*")
        )
    });
    let mut out = Vec::new();
    let mut offset = body.start;
    let mut path: Option<(Span, String)> = None;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim().trim_start_str("- ");
        // A new task starts a new search for its path.
        if line.trim_start().starts_with("- ") {
            path = None;
        }
        if let Some(value) = trimmed
            .strip_prefix("path:")
            .or_else(|| trimmed.strip_prefix("dest:"))
        {
            let value = value.trim();
            if let Some(at) = line.find(value).filter(|_| !value.is_empty()) {
                path = Some((
                    Span::new(start + at, start + at + value.len()),
                    value.trim_matches(&['"', '\''][..]).to_string(),
                ));
            }
        }
        if crate::words::replace_char(trimmed, ' ', "") == "state:absent" {
            let Some((path_span, value)) = path.clone() else {
                continue;
            };
            let at = line.find("state").unwrap_or(0);
            let mut hit = Hit::pair(
                Span::new(start + at, start + line.trim_end().len()),
                path_span,
            );
            hit.target(&value);
            let empty_default = value.contains("default('')") || value.contains("default(\"\")");
            let mut note = String::new();
            if empty_default {
                let folder = value.split("{{").next().unwrap_or("").trim_end_matches('/');
                note.push_str(&crate::words::fill("The path ends in a variable whose default is empty: where it is unset, the task deletes `{}/` itself. ", folder));
                hit.reversibility = Some(R::Irreversible);
            }
            if every_host && !limited {
                hit.scope = Some(S::Organization);
                note.push_str("The play targets `hosts: all` and the run has no `--limit`: every host of the inventory.");
            }
            if !note.is_empty() {
                hit.set_note(note.trim_end().to_string());
            }
            out.push(hit);
        }
    }
    out
}

/// The spans of the commands in a script the plan wrote, line by line.
pub fn script_lines(input: &str, body: Span) -> Vec<Span> {
    command_lines(Autorun::Script, input, body)
}

/// The spans of the commands a command installs to run later, when the plan shows them: the
/// lines of a file the system runs by itself, or the jobs piped into `crontab -`.
pub fn installed(input: &str, command: &Command) -> Vec<Span> {
    if let Some(jobs) = crontab_lines(command) {
        return command_lines(Autorun::Cron { with_user: false }, input, jobs);
    }
    // A program written into a folder of commands (`/usr/local/sbin/prune`) runs when anything
    // calls it: its lines are judged here too, where the plan shows them.
    let program = |path: &str| {
        let folder = path.split_last(b'/').map_or("", |(folder, _)| folder);
        words![
            "/usr/local/bin",
            "/usr/local/sbin",
            "/usr/bin",
            "/usr/sbin",
            "/bin",
            "/sbin"
        ]
        .contains(folder)
        .then_some(Autorun::Script)
    };
    written(command)
        .and_then(|(path, body)| {
            let kind = autorun(&path.value)
                .or_else(|| program(path.value.trim_matches(&['"', '\''][..])))?;
            Some(command_lines(kind, input, body?))
        })
        .unwrap_or_default()
}

fn write_to(command: &Command, wanted: fn(&str) -> bool) -> Option<(&Arg, Option<Span>)> {
    written(command).filter(|(path, _)| wanted(path.value.trim_matches(&['"', '\''][..])))
}

/// A write to a file the system runs by itself.
fn autorun_write(command: &Command) -> Option<Hit> {
    if let Some(jobs) = crontab_lines(command) {
        let mut hit = Hit::pair(command.program_span, jobs);
        hit.set_instead("crontab -l".to_string());
        return Some(hit);
    }
    let (path, _) = write_to(command, |p| autorun(p).is_some())?;
    let mut hit = Hit::pair(command.program_span, path.span);
    hit.target_of(Some(path));
    Some(hit)
}

/// A write to an `authorized_keys` file.
fn authorized_key(command: &Command) -> Option<Hit> {
    let (path, _) = write_to(command, |p| {
        p.ends_with("/authorized_keys")
            || p.ends_with("/authorized_keys2")
            || p == "authorized_keys"
    })?;
    let mut hit = Hit::pair(command.program_span, path.span);
    hit.target_of(Some(path));
    Some(hit)
}

/// A write to the sudo rules.
fn sudo_rule(command: &Command) -> Option<Hit> {
    let (path, _) = write_to(command, |p| {
        p == "/etc/sudoers" || p.starts_with("/etc/sudoers.d/")
    })?;
    let mut hit = Hit::pair(command.program_span, path.span);
    hit.target_of(Some(path));
    Some(hit)
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("ansible.playbook-removes", "Deletes paths with an Ansible playbook", "A `file` task with `state: absent` removes the path and everything under it, on every host the play reaches.", "the path is gone on each host, with no undo", "Run the play with `--check --diff` and a `--limit` first, then on named hosts.", ["Which hosts does the play reach with this inventory?", "What does `--check --diff` list for the path on each of them?"], "ansible-playbook {target} --check --diff --limit one-host"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Builtin,
        #[cfg(test)]
        references: words!["https://docs.ansible.com/ansible/latest/collections/ansible/builtin/file_module.html"],
        #[cfg(test)]
        examples: examples(&["1. Write `tidy.yml`:\n   ```yaml\n   - hosts: all\n     tasks:\n       - ansible.builtin.file:\n           path: /var/lib/app/cache\n           state: absent\n   ```\n2. Run it: `ansible-playbook -i prod.yml tidy.yml`"]),
        #[cfg(test)]
        counterexamples: examples(&["1. Write `tidy.yml`:\n   ```yaml\n   - hosts: all\n     tasks:\n       - ansible.builtin.file:\n           path: /var/lib/app/cache\n           state: directory\n   ```\n2. Run it: `ansible-playbook -i prod.yml tidy.yml`"]),
    },
    Rule {
        text: rule_text!("host.autorun-write", "Installs something that runs by itself later", "Cron, systemd, login shells or git run this file later, unattended, with its owner's rights; its commands are judged too.", "its commands run later with no one watching", "Show the whole file in the plan, and run its command once by hand before scheduling it.", ["What exactly will it run, as which user, and when?", "Who will notice if it fails or deletes too much?"], "cat {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Host,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["cat", "tee", "echo", "printf", "cp", "install", "mv", "crontab"],
            check: autorun_write,
        },
        #[cfg(test)]
        references: words!["https://attack.mitre.org/techniques/T1053/003/"],
        #[cfg(test)]
         examples: examples(&["cat > /etc/cron.d/cleanup <<'EOF'\n0 3 * * * root find /tmp -mtime +7 -delete\nEOF", "(crontab -l; echo '0 3 * * * /opt/app/rotate.sh') | crontab -", "echo 'export PATH=$HOME/bin:$PATH' >> ~/.bashrc", "cp deploy.service /etc/systemd/system/deploy.service"]),
        #[cfg(test)]
        counterexamples: examples(&["cat /etc/cron.d/cleanup", "echo hello > notes.txt", "crontab -l | grep -v rotate | crontab -", "cp deploy.service units/deploy.service"]),
    },
    Rule {
        text: rule_text!("host.authorized-key-add", "Lets another key log in over SSH", "Whoever holds the matching private key can log in as this user from then on, without a password.", "the key's holder can log in here at will", "Add keys through the team's access process, and name whose key it is in the plan.", ["Whose key is this, and who approved their access?", "When is it removed again?"], "cat {target}"),
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["cat", "tee", "echo", "printf", "cp", "install", "mv"],
            check: authorized_key,
        },
        #[cfg(test)]
        references: words!["https://attack.mitre.org/techniques/T1098/004/"],
        #[cfg(test)]
        examples: examples(&["echo 'ssh-ed25519 AAAAC3Nza ops@laptop' >> ~/.ssh/authorized_keys", "cat id.pub | tee -a /root/.ssh/authorized_keys"]),
        #[cfg(test)]
        counterexamples: examples(&["cat ~/.ssh/authorized_keys", "ssh-keygen -lf ~/.ssh/authorized_keys"]),
    },
    Rule {
        text: rule_text!("host.sudo-rule-write", "Writes a sudo rule", "A sudo rule decides who may act as root; `NOPASSWD: ALL` lets that user, and anything it runs, do anything.", "that user can act as root on this machine", "Grant the one command the task needs, with a password, and check it with `visudo -c`.", ["Which commands does this user need as root?", "Who reviews sudo rules on this machine?"], "visudo -c -f {target}"),
        reversibility: R::Recoverable,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["cat", "tee", "echo", "printf"],
            check: sudo_rule,
        },
        #[cfg(test)]
        references: words!["https://www.sudo.ws/docs/man/sudoers.man/"],
        #[cfg(test)]
        examples: examples(&["echo 'agent ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/agent", "cat > /etc/sudoers.d/deploy <<'EOF'\ndeploy ALL=(ALL) NOPASSWD: ALL\nEOF"]),
        #[cfg(test)]
        counterexamples: examples(&["cat /etc/sudoers.d/agent", "visudo -c"]),
    },
];
