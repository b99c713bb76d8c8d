//! Code given inline to an interpreter (`python -c`, `node -e`, `perl -e`, `ruby -e`, `php -r`,
//! or a heredoc into one): the shell commands it runs (`os.system("...")`, `execSync('...')`,
//! `system('...')`) are parsed as commands, and file-deleting library calls
//! (`shutil.rmtree(p)`, `fs.rmSync(p, {recursive: true})`, `FileUtils.rm_rf(p)`) are read as the
//! `rm` they amount to, with the call and its path as evidence.

use super::command::{parse_commands, Arg, Command, Input, ShellState};
use crate::span::Span;
use crate::words::Last;
use crate::words::Words;

/// Calls that run their first string argument as a shell command.
const EXEC_CALLS: Words = words![
    "os.system",
    "os.popen",
    "subprocess.run",
    "subprocess.call",
    "subprocess.check_call",
    "subprocess.check_output",
    "subprocess.Popen",
    "subprocess.getoutput",
    "execSync",
    "exec",
    "spawnSync",
    "spawn",
    "execFileSync",
    "system",
    "Kernel.system",
    "IO.popen",
    "Open3.capture2",
    "shell_exec",
    "passthru",
    "popen",
    "proc_open",
    "Runtime.getRuntime().exec",
];

/// Calls that delete the tree named by their first string argument.
const DELETE_CALLS_TREE: Words = words![
    "shutil.rmtree",
    "os.removedirs",
    "fs.rmSync",
    "fs.rmdirSync",
    "fs.rm",
    "fs.rmdir",
    "fs.promises.rm",
    "rimraf.sync",
    "rimraf",
    "FileUtils.rm_rf",
    "FileUtils.rm_r",
    "FileUtils.remove_dir",
    "Dir.rmdir",
    "rmtree",
    "remove_tree",
    "rmdir"
];
/// Calls that delete the one file named by their first string argument.
const DELETE_CALLS_FILE: Words = words![
    "os.remove",
    "os.unlink",
    "os.rmdir",
    "fs.unlinkSync",
    "fs.unlink",
    "FileUtils.rm",
    "File.delete",
    "unlink",
    "Path.unlink",
    "send2trash"
];

/// Methods that delete a tree, called on a module object (`require('fs').rmSync(...)`).
const DELETE_METHODS_TREE: Words = words![
    "rmSync",
    "rmdirSync",
    "rmtree",
    "rm_rf",
    "rm_r",
    "remove_dir_all"
];
/// Methods that delete one file, called on a module or path object (`fs.unlinkSync(...)`).
const DELETE_METHODS_FILE: Words = words!["unlinkSync", "remove_file"];

/// Methods that run their first string argument as SQL (`cur.execute("UPDATE ...")`,
/// `conn.exec_driver_sql(...)`, `db.query('TRUNCATE ...')`).
const SQL_CALLS: Words = words![
    "execute",
    "executemany",
    "executescript",
    "exec_driver_sql",
    "query",
    "raw"
];

/// HTTP client calls whose method is their name (`requests.post(url, ...)`,
/// `httpx.delete(...)`, `session.put(...)`), read as the `curl` they amount to; the method is
/// the name's last part, in capitals.
const REQUEST_CALLS: Words = words![
    "requests.post",
    "requests.put",
    "requests.patch",
    "requests.delete",
    "httpx.post",
    "httpx.put",
    "httpx.patch",
    "httpx.delete",
    "session.post",
    "session.put",
    "session.delete",
    "axios.post",
    "axios.put",
    "axios.delete",
];

/// The SQL that program code gives to a database driver: the first string argument of an
/// `execute`-like method that reads as SQL, for the SQL rules to judge like any statement.
pub fn sql_literals(input: &str, span: Span) -> Vec<Span> {
    let Some(code) = input.get(span.start..span.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for name in SQL_CALLS {
        for (at, open) in calls(code, name, true) {
            if !code[..at].ends_with('.') {
                continue;
            }
            let statement = call_strings(code, open).into_iter().find(|s| {
                crate::plan::looks_like_sql(s.slice(code).trim().trim_end_matches(';'))
                    || crate::plan::looks_like_sql(s.slice(code).trim())
            });
            out.extend(statement.map(|s| Span::new(span.start + s.start, span.start + s.end)));
        }
    }
    out
}

/// A string literal starting at `at` (on its quote): the span of its contents.
fn literal(code: &str, at: usize) -> Option<(Span, usize)> {
    let quote = *code.as_bytes().get(at)?;
    if !matches!(quote, b'\'' | b'"' | b'`') {
        return None;
    }
    let bytes = code.as_bytes();
    let mut i = at + 1;
    while i < bytes.len() && bytes[i] != quote {
        if bytes[i] == b'\\' {
            i += 1;
        }
        i += 1;
    }
    let end = i.min(bytes.len());
    Some((Span::new(at + 1, end), end + 1))
}

/// The string literals among a call's arguments, up to its closing parenthesis.
fn call_strings(code: &str, open: usize) -> Vec<Span> {
    scan_call(code, open).0
}

/// Where the call opened at `open` closes: at its `)`, or the end of the code.
fn call_end(code: &str, open: usize) -> usize {
    scan_call(code, open).1
}

/// A call's string literals and where it closes, read from its opening parenthesis.
fn scan_call(code: &str, open: usize) -> (Vec<Span>, usize) {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return (out, i);
                }
            }
            b'\'' | b'"' | b'`' => {
                if let Some((span, next)) = literal(code, i) {
                    out.push(span);
                    i = next;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    (out, bytes.len())
}

/// Every occurrence of `name` followed by `(` (or, for Perl/Ruby, a space and a string).
/// A method call (`.execSync(`) counts after a dot; a bare function name (`rmtree`) does
/// not, so `shutil.rmtree` is not read twice.
fn calls<'a>(
    code: &'a str,
    name: &'a str,
    after_dot: bool,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    code.match_indices(name).filter_map(move |(at, _)| {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || (c == '.' && !after_dot)) {
            return None;
        }
        let after = &code[at + name.len()..];
        let gap = after.len() - after.trim_start_matches(&[' ', '\t'][..]).len();
        match after.as_bytes().get(gap) {
            Some(b'(') => Some((at, at + name.len() + gap)),
            Some(b'\'' | b'"') if gap > 0 => Some((at, at + name.len())),
            // Perl's `unlink glob("/etc/*")`: a list operator without parentheses.
            Some(b) if gap > 0 && b.is_ascii_alphabetic() => {
                let inner = &after[gap..];
                let open = inner
                    .find('(')
                    .filter(|o| inner[..*o].chars().all(|c| c.is_alphanumeric() || c == '_'))?;
                Some((at, at + name.len() + gap + open))
            }
            _ => None,
        }
    })
}

/// Commands found in interpreter code at `span` of `input`.
pub fn commands(input: &str, span: Span, state: &mut ShellState) -> Vec<Command> {
    let Some(code) = input.get(span.start..span.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for name in EXEC_CALLS {
        for (at, open) in calls(code, name, !name.contains('.')) {
            let strings = call_strings(code, open);
            let Some(first) = strings.first() else {
                continue;
            };
            let absolute = |s: Span| Span::new(span.start + s.start, span.start + s.end);
            // `subprocess.run(["rm", "-rf", p])`: an argument list is one command.
            let list = code[open..]
                .trim_start_matches(&['(', ' '][..])
                .starts_with('[');
            if list && strings.len() > 1 {
                out.push(synthetic(
                    input,
                    absolute(Span::new(at, at + name.len())),
                    &strings.iter().map(|s| absolute(*s)).collect::<Vec<_>>(),
                    state,
                ));
            } else {
                out.extend(parse_commands(input, absolute(*first), state));
            }
        }
    }
    for name in REQUEST_CALLS {
        let method = name.after_last(b'.').to_ascii_uppercase();
        for (at, open) in calls(code, name, true) {
            let strings = call_strings(code, open);
            let absolute = |s: Span| Span::new(span.start + s.start, span.start + s.end);
            let call = absolute(Span::new(at, at + name.len()));
            // The URL is the first string; everything else in the call (headers, a JSON body,
            // values from the environment) is what it sends.
            let Some(url) = strings.first().map(|s| absolute(*s)) else {
                continue;
            };
            let end = call_end(code, open);
            let rest = absolute(Span::new(strings[0].end + 1, end.max(strings[0].end + 1)));
            let arg = |value: &str, span: Span, quoted: bool| Arg {
                value: value.to_string(),
                span,
                dynamic: false,
                glob: false,
                quoted,
                if_empty: None,
            };
            let mut args = vec![arg("-X", call, false), arg(&method, call, false)];
            args.push(arg(url.slice(input), url, true));
            if !rest.is_empty() && rest.slice(input).trim() != ")" {
                args.push(arg("--data", rest, false));
                args.push(arg(rest.slice(input), rest, true));
            }
            out.push(Command {
                program: "curl".into(),
                program_span: call,
                args,
                span: call.cover(rest),
                wrappers: vec!["inline code"],
                input: Input::Terminal,
                writes: Vec::new(),
                appends: Vec::new(),
                cwd: state.cwd.clone(),
                context: None,
            });
        }
    }
    let deletes = DELETE_CALLS_TREE
        .iter()
        .map(|name| (name, true, false))
        .chain(DELETE_CALLS_FILE.iter().map(|name| (name, false, false)))
        .chain(DELETE_METHODS_TREE.iter().map(|name| (name, true, true)))
        .chain(DELETE_METHODS_FILE.iter().map(|name| (name, false, true)));
    for (name, tree, after_dot) in deletes {
        for (at, open) in calls(code, name, after_dot) {
            let strings = call_strings(code, open);
            let call = Span::new(span.start + at, span.start + at + name.len());
            let path = strings
                .first()
                .map(|s| Span::new(span.start + s.start, span.start + s.end));
            let mut args = vec![Arg {
                value: if tree { "-rf".into() } else { "-f".into() },
                span: call,
                dynamic: false,
                glob: false,
                quoted: false,
                if_empty: None,
            }];
            match path {
                Some(path) => args.push(Arg {
                    value: path.slice(input).to_string(),
                    span: path,
                    dynamic: false,
                    glob: false,
                    quoted: true,
                    if_empty: None,
                }),
                // The path is a variable: the engine cannot see which.
                None => args.push(Arg {
                    value: "$PATH_ARGUMENT".into(),
                    span: call,
                    dynamic: true,
                    glob: false,
                    quoted: false,
                    if_empty: None,
                }),
            }
            out.push(Command {
                program: "rm".into(),
                program_span: call,
                args,
                span: call.cover(path.unwrap_or(call)),
                wrappers: vec!["inline code"],
                input: Input::Terminal,
                writes: Vec::new(),
                appends: Vec::new(),
                cwd: state.cwd.clone(),
                context: None,
            });
        }
    }
    // `os.system(...)` is found as `os.system` and as `.system`: keep one.
    crate::order::sort_by_rank(&mut out, |c| {
        crate::order::outer_first(c.span.start, c.span.end)
    });
    let spans: Vec<Span> = out.iter().map(|c| c.program_span).collect();
    let mut kept: Vec<Command> = Vec::with_capacity(out.len());
    for (i, command) in out.into_iter().enumerate() {
        let inside_another = spans
            .iter()
            .enumerate()
            .any(|(j, s)| j != i && s.contains(command.program_span) && *s != command.program_span);
        if !inside_another && !kept.iter().any(|k| k.program_span == command.program_span) {
            kept.push(command);
        }
    }
    kept
}

/// A command from an argument list: the first string is the program.
fn synthetic(input: &str, call: Span, parts: &[Span], state: &ShellState) -> Command {
    let program = parts.first().map_or(String::new(), |p| {
        p.slice(input).after_last(b'/').to_string()
    });
    Command {
        program,
        program_span: parts.first().copied().unwrap_or(call),
        args: parts[1..]
            .iter()
            .map(|s| Arg {
                value: s.slice(input).to_string(),
                span: *s,
                dynamic: false,
                glob: false,
                quoted: true,
                if_empty: None,
            })
            .collect(),
        span: call.cover(*parts.last().unwrap_or(&call)),
        wrappers: vec!["inline code"],
        input: Input::Terminal,
        writes: Vec::new(),
        appends: Vec::new(),
        cwd: state.cwd.clone(),
        context: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn programs(code: &str) -> Vec<(String, Vec<String>)> {
        commands(code, Span::new(0, code.len()), &mut ShellState::default())
            .into_iter()
            .map(|c| (c.program, c.args.into_iter().map(|a| a.value).collect()))
            .collect()
    }

    #[test]
    fn library_deletes_read_as_rm() {
        assert_eq!(
            programs("import shutil; shutil.rmtree('/home/user')"),
            [(
                "rm".to_string(),
                vec!["-rf".to_string(), "/home/user".to_string()]
            )]
        );
        assert_eq!(
            programs("require 'fileutils'; FileUtils.rm_rf('/srv')")[0].1[1],
            "/srv"
        );
    }

    #[test]
    fn exec_calls_are_parsed_as_shell() {
        assert_eq!(
            programs("require('child_process').execSync('git reset --hard')")[0].0,
            "git"
        );
        assert_eq!(
            programs("import subprocess; subprocess.run(['rm', '-rf', '/data'])")[0].0,
            "rm"
        );
        assert_eq!(programs("system('rm -rf /home/user')")[0].0, "rm");
    }

    #[test]
    fn sql_given_to_a_driver_is_found_and_an_http_call_is_a_request() {
        let code = "cur.execute(\"UPDATE users SET avatar_url = %s\", (url,))\ncur.execute('SELECT count(*) FROM users')\nprint('execute nothing')";
        let found: Vec<&str> = sql_literals(code, Span::new(0, code.len()))
            .into_iter()
            .map(|s| s.slice(code))
            .collect();
        assert_eq!(
            found,
            [
                "UPDATE users SET avatar_url = %s",
                "SELECT count(*) FROM users"
            ]
        );
        let posted = programs(
            "requests.post(\"https://hooks.example.io/x\", json={\"db\": os.environ[\"DB_URL\"]})",
        );
        assert_eq!(posted[0].0, "curl");
        assert_eq!(
            posted[0].1[..3],
            ["-X", "POST", "https://hooks.example.io/x"]
        );
        assert!(posted[0].1[4].contains("DB_URL"));
        assert!(programs("requests.get(\"https://api.example.io/x\")").is_empty());
    }

    #[test]
    fn harmless_code_has_no_commands() {
        assert!(programs("print('system is fine')").is_empty());
    }
}
