//! Simple commands built from tokens: program and arguments, normalised so that rules match
//! what would really run (`/usr/bin/git`, `\rm`, `r''m`, `sudo env X=1 nice rm`), with the
//! inside of `bash -c '...'`, `ssh host '...'`, `xargs`, `find -exec`, `kubectl exec -- ...` and
//! `$( )` parsed as commands of their own.

use super::lexer::{tokenize, Op, RedirectKind, Token, Word};
use crate::span::Span;
use crate::words::Join;
use crate::words::Last;
use crate::words::Trim;
use crate::words::Words;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    pub value: String,
    pub span: Span,
    /// Still holds an expansion the engine could not resolve (`$X`, `$(..)`).
    pub dynamic: bool,
    pub glob: bool,
    pub quoted: bool,
    /// What the word would be if every expansion that may be empty were empty, when that
    /// changes it: `$D/*` with `D` never set, or set from a command that can fail
    /// (`D=$(cat /etc/app/dir 2>/dev/null)`), is `/*` then.
    pub if_empty: Option<String>,
}

/// Where a command's standard input comes from, when that matters for what it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Terminal,
    /// Piped from the previous command, named by its program. `narrowed` says the source
    /// selects by a filter (`find -name`, `grep`, `ls *.log`) rather than listing everything.
    /// `text` is what it prints when the plan shows it: the words of an `echo` or `printf`.
    /// From a group (`(crontab -l; echo "0 3 * * * job") | crontab -`) the source is its
    /// first command that is not an `echo`, and the text its last `echo`.
    Pipe {
        from: String,
        narrowed: bool,
        text: Option<Span>,
    },
    /// A heredoc or here-string body.
    Inline {
        body: Span,
        expands: bool,
    },
    /// A file read with `<` (`psql -d app < dump.sql`).
    File(Arg),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// Normalised program name: no directory, no leading backslash, no quotes.
    pub program: String,
    pub program_span: Span,
    pub args: Vec<Arg>,
    /// The whole simple command, wrappers included.
    pub span: Span,
    /// Wrappers it was found inside, outermost first (`sudo`, `sh -c`, `ssh`, `xargs`).
    pub wrappers: Vec<&'static str>,
    pub input: Input,
    /// Files written by `>`/`>>` redirections.
    pub writes: Vec<Arg>,
    /// The spans of those written with `>>`, which add to the file rather than replace it.
    pub appends: Vec<Span>,
    /// The working directory the plan had moved to with `cd`, when known.
    pub cwd: Option<String>,
    /// The context, project or account an earlier command made current for this program
    /// (`kubectl config use-context prod-eu`, `gcloud config set project shop-prod`), when the
    /// plan switched it.
    pub context: Option<String>,
}

impl Command {
    /// Arguments that are not flags.
    pub fn positionals(&self) -> impl Iterator<Item = &Arg> {
        self.args
            .iter()
            .filter(|a| !a.value.starts_with('-') || a.value == "-")
    }

    pub fn has_wrapper(&self, name: &str) -> bool {
        self.wrappers.contains(&name)
    }
}

/// The variables a script has set, by name: a list kept sorted, so a lookup is a binary
/// search. A hash map of its own compiled a second hashing scheme (with random keys) into the
/// page for this one table. At most `VARS_KEPT` names are kept: a later new name is read as
/// unset, which the engine takes as possibly empty, never as safe, and keeping the list this
/// short keeps each insertion cheap whatever the script.
#[derive(Debug, Clone, Default)]
pub struct Vars(Vec<(String, String)>);

const VARS_KEPT: usize = 4096;

impl Vars {
    pub fn get(&self, name: &str) -> Option<&String> {
        let at = self
            .0
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
            .ok()?;
        Some(&self.0[at].1)
    }

    pub fn insert(&mut self, name: String, value: String) {
        match self.0.binary_search_by(|(n, _)| n.as_str().cmp(&name)) {
            Ok(at) => self.0[at].1 = value,
            Err(at) if self.0.len() < VARS_KEPT => self.0.insert(at, (name, value)),
            Err(_) => {}
        }
    }
}

impl Extend<(String, String)> for Vars {
    fn extend<I: IntoIterator<Item = (String, String)>>(&mut self, items: I) {
        for (name, value) in items {
            self.insert(name, value);
        }
    }
}

/// What the plan has set so far: variables and the working directory.
#[derive(Debug, Clone, Default)]
pub struct ShellState {
    pub vars: Vars,
    pub cwd: Option<String>,
    /// A database session in the plan has set how long a statement may wait for a lock
    /// (`SET lock_timeout`, MySQL's `lock_wait_timeout`).
    pub lock_timeout: bool,
    /// Files the plan has written with the text it shows (`cat > prune.sh <<'EOF'`), by path
    /// as written: when a later command runs one, its lines are what that command does.
    pub scripts: Vec<(String, Span)>,
    /// What the plan has made so far, each with the command that made it: folders
    /// it created, files it wrote (redirects, dumps, archives, downloads, `sed -i` backups) and
    /// containers it started by name (`container:NAME`). Removing only these loses nothing
    /// that was there before the plan.
    pub made: Vec<(String, Span)>,
    /// Contexts the plan made current, by program (`kubectl` -> `prod-eu`): later commands of
    /// that program act there unless they name another.
    pub contexts: Vec<(&'static str, String)>,
    /// Database functions the plan defined that call out over the network (`net.http_post`):
    /// a trigger that runs one sends each row it fires on.
    pub senders: Vec<String>,
}

impl ShellState {
    /// Where in `scripts` the latest file written at `path` is (`./x.sh` and `x.sh` are one).
    pub fn script_at(&self, path: &str) -> Option<usize> {
        let path = path.trim_start_str("./");
        self.scripts
            .iter()
            .rposition(|(written, _)| written.trim_start_str("./") == path)
    }

    /// The context the plan made current for `program`.
    pub fn context_of(&self, program: &str) -> Option<&str> {
        let program = match program {
            "oc" | "helm" | "kubectx" => "kubectl",
            "gsutil" | "bq" => "gcloud",
            other => other,
        };
        self.contexts
            .iter()
            .rev()
            .find(|(p, _)| *p == program)
            .map(|(_, c)| c.as_str())
    }
}

/// Parses `text` (found at `base` in the input) into simple commands, in order.
pub fn parse_commands(input: &str, text_span: Span, state: &mut ShellState) -> Vec<Command> {
    let mut out = Vec::new();
    parse_into(input, text_span, state, &mut Vec::new(), &mut out, 0);
    out
}

/// Deeper nesting than this (`sh -c "sh -c '...'"` many times over) is not unwrapped further;
/// the innermost text stays an argument, which rules treat as opaque.
const MAX_DEPTH: usize = 6;

fn parse_into(
    input: &str,
    text_span: Span,
    state: &mut ShellState,
    wrappers: &mut Vec<&'static str>,
    out: &mut Vec<Command>,
    depth: usize,
) {
    let Some(text) = input.get(text_span.start..text_span.end) else {
        return;
    };
    let tokens = tokenize(text, text_span.start);
    let mut words: Vec<Word> = Vec::new();
    let mut writes: Vec<Arg> = Vec::new();
    let mut inline: Option<Input> = None;
    let mut pipe_from: Option<Source> = None;
    let mut pending_redirect: Option<RedirectKind> = None;
    // Where each open parenthesised group's commands begin in `out`, and what the last group
    // closed prints, for a pipe that follows it.
    let mut groups: Vec<usize> = Vec::new();
    let mut closed: Option<Source> = None;

    let flush = |words: &mut Vec<Word>,
                 writes: &mut Vec<Arg>,
                 inline: &mut Option<Input>,
                 pipe_from: Option<Source>,
                 state: &mut ShellState,
                 wrappers: &mut Vec<&'static str>,
                 out: &mut Vec<Command>| {
        // In a PowerShell script block, a statement that opens with a variable, a type or a
        // hashtable (`$_.LastWriteTime -lt $cutoff`, `[pscustomobject]@{...}`) is an
        // expression the block computes, not a program it runs.
        // So is one in a sub-expression that opens with a hashtable or a type (`(@{ text =
        // $msg } | ConvertTo-Json)`), which no POSIX shell could write.
        let typed = |w: &Word| {
            w.value.starts_with('@')
                || (w.value.starts_with('[') && w.value.len() > 2 && w.value.contains(']'))
        };
        let expression = match (wrappers.last(), words.first()) {
            (Some(&"{ }"), Some(w)) => w.value.starts_with('$') || typed(w),
            (Some(&"$( )"), Some(w)) => typed(w) || powershell_value(&w.value, state),
            _ => false,
        };
        if words.is_empty() || expression {
            words.clear();
            writes.clear();
            *inline = None;
            return None;
        }
        let taken = std::mem::take(words);
        let input_kind = inline
            .take()
            .or(pipe_from.map(|(from, narrowed, text)| Input::Pipe {
                from,
                narrowed,
                text,
            }))
            .unwrap_or(Input::Terminal);
        let before = out.len();
        build(
            input,
            taken,
            std::mem::take(writes),
            input_kind,
            state,
            wrappers,
            out,
            depth,
        );
        out.get(before).map(source)
    };

    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        match token {
            // PowerShell braces: `@{ n = 'UsedGB'; e = {...} }` is a hashtable, data however
            // many `;` it holds; `ForEach-Object { Remove-Item $_ -Recurse }` and
            // `Invoke-Command -ScriptBlock { ... }` hold commands, read as commands of their own.
            // A quoted word is a string whatever it holds (`-Body '{"text": "..."}'`).
            Token::Word(word)
                if !word.single_string
                    && braces_open(&word.value, &words)
                    && input.get(word.span.start..text_span.end).is_some() =>
            {
                let block = word.value.starts_with('{');
                let raw = input.get(word.span.start..word.span.end).unwrap_or("");
                let open = word.span.start + raw.find('{').unwrap_or(0);
                let close = matching_brace(input, open, text_span.end);
                while tokens.peek().is_some_and(|t| token_start(t) < close) {
                    tokens.next();
                }
                if block && depth < MAX_DEPTH {
                    wrappers.push("{ }");
                    let inner = Span::new(open + 1, close.saturating_sub(1).max(open + 1));
                    let first = out.len();
                    parse_into(input, inner, state, wrappers, out, depth + 1);
                    wrappers.pop();
                    // `... | ForEach-Object { Remove-Item $_ }` runs its block once for every
                    // item piped in: the block's commands are fed what the pipe carries.
                    let each = words.first().is_some_and(|w| {
                        words!["foreach-object", "%", "foreach"]
                            .contains(w.value.to_ascii_lowercase().as_str())
                    });
                    if let Some((from, narrowed, _)) = pipe_from.as_ref().filter(|_| each) {
                        for command in &mut out[first..] {
                            if command.input == Input::Terminal {
                                command.input = Input::Pipe {
                                    from: from.clone(),
                                    narrowed: *narrowed,
                                    text: None,
                                };
                            }
                        }
                    }
                }
                let span = Span::new(word.span.start, close.max(word.span.end));
                words.push(Word {
                    span,
                    value: input.get(span.start..span.end).unwrap_or("").to_string(),
                    dynamic: true,
                    ..word
                });
            }
            Token::Op(Op::OpenParen, open)
                if starts_cmdlet(&words)
                    || (wrappers.last() == Some(&"{ }") && !words.is_empty())
                    || words
                        .last()
                        .is_some_and(|w| w.value == "@" && w.span.end == open.start)
                    || words
                        .first()
                        .is_some_and(|w| powershell_value(&w.value, state)) =>
            {
                // PowerShell's `Invoke-Expression (Invoke-WebRequest $url)`: the parenthesised
                // expression is an argument computed by the commands inside it. Written right
                // after a method's name (`$Sas.TrimStart('?')`), it holds the method's
                // arguments, which are values.
                let call = words
                    .last()
                    .is_some_and(|w| w.span.end == open.start && w.value.contains('.'));
                // PowerShell's array `@(...)`: the `@` belongs to the expression. An array of
                // quoted values (`@('IMAP4', 'POP3')`) runs nothing.
                let array = words.pop_if(|w| w.value == "@");
                let values = array.is_some()
                    && input.get(open.end..).is_some_and(|rest| {
                        matches!(rest.trim_start().as_bytes().first(), Some(b'\'' | b'"'))
                    });
                words.push(subexpression(input, open, &mut tokens));
                if let (Some(at), Some(word)) = (array, words.last_mut()) {
                    word.value.insert(0, '@');
                    word.span = at.span.cover(word.span);
                }
                let sub = words.last().and_then(|w| w.substitutions.first().copied());
                if let Some(sub) = sub.filter(|_| depth < MAX_DEPTH && !call && !values) {
                    wrappers.push("$( )");
                    parse_into(input, sub, state, wrappers, out, depth + 1);
                    wrappers.pop();
                }
            }
            Token::Word(word) => {
                if let Some(kind) = pending_redirect.take() {
                    if matches!(kind, RedirectKind::HereString) {
                        // `<<<'text'`: the body is the inside of the quotes.
                        let body = if word.single_string && word.span.len() >= 2 {
                            Span::new(word.span.start + 1, word.span.end - 1)
                        } else {
                            word.span
                        };
                        inline = Some(Input::Inline {
                            body,
                            expands: word.dynamic,
                        });
                    } else if matches!(kind, RedirectKind::Write | RedirectKind::Append) {
                        writes.push(to_arg(&word, state));
                    } else if matches!(kind, RedirectKind::Read)
                        && !word.value.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                    {
                        // `< file`, not a descriptor copied with `<&3` or closed with `<&-`.
                        inline = Some(Input::File(to_arg(&word, state)));
                    }
                    continue;
                }
                // Substitutions run before the command that contains them.
                for sub in &word.substitutions {
                    if depth < MAX_DEPTH {
                        wrappers.push("$( )");
                        parse_into(input, *sub, state, wrappers, out, depth + 1);
                        wrappers.pop();
                    }
                }
                words.push(word);
            }
            Token::Redirect { kind, body, .. } => match kind {
                RedirectKind::Heredoc { quoted_delimiter } => {
                    if let Some(body) = body {
                        inline = Some(Input::Inline {
                            body,
                            expands: !quoted_delimiter,
                        });
                    }
                }
                _ => pending_redirect = Some(kind),
            },
            Token::Op(op, _) => {
                pending_redirect = None;
                let previous = pipe_from.take();
                let program = flush(
                    &mut words,
                    &mut writes,
                    &mut inline,
                    previous,
                    state,
                    wrappers,
                    out,
                );
                let group = closed.take();
                match op {
                    Op::OpenParen => groups.push(out.len()),
                    Op::CloseParen => {
                        closed = groups.pop().and_then(|start| group_source(&out[start..]));
                    }
                    Op::Pipe => pipe_from = program.or(group),
                    _ => {}
                }
            }
        }
    }
    let previous = pipe_from.take();
    flush(
        &mut words,
        &mut writes,
        &mut inline,
        previous,
        state,
        wrappers,
        out,
    );
}

/// Does this word open PowerShell braces the reader must keep together: a hashtable (`@{`,
/// anywhere in a word, `[pscustomobject]@{`) or a script block given to a cmdlet or its
/// aliases (`ForEach-Object {`, `% {`, `Invoke-Command -ScriptBlock {`)?
fn braces_open(value: &str, words: &[Word]) -> bool {
    value.contains("@{")
        || (value.starts_with('{')
            && (starts_cmdlet(words)
                || words.first().is_some_and(|w| {
                    words!["%", "?", "foreach", "where"].contains(w.value.as_str())
                })))
}

/// Where the braces opened at `open` close (the byte after the `}`), quotes respected, or
/// `end` when they never do.
fn matching_brace(input: &str, open: usize, end: usize) -> usize {
    let bytes = input.as_bytes();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut at = open;
    while at < end.min(bytes.len()) {
        let byte = bytes[at];
        match quote {
            Some(q) if byte == q => quote = None,
            Some(_) => {}
            None => match byte {
                b'\'' | b'"' => quote = Some(byte),
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return at + 1;
                    }
                }
                _ => {}
            },
        }
        at += 1;
    }
    end
}

/// Where a token starts in the input.
fn token_start(token: &Token) -> usize {
    match token {
        Token::Word(w) => w.span.start,
        Token::Op(_, s) | Token::Redirect { span: s, .. } => s.start,
    }
}

/// Do the words so far start a PowerShell command (a cmdlet or the `iex` alias), which takes a
/// parenthesised expression as an argument? In a POSIX shell `word (` is only the start of a
/// function definition, which stays as it was read.
/// A PowerShell assignment's value is such an argument too (`$Cutoff = (Get-Date).AddDays(-30)`).
fn starts_cmdlet(words: &[Word]) -> bool {
    match words {
        [name, equals] if name.value.starts_with('$') && equals.value == "=" => true,
        [first, ..] => {
            first.value.eq_ignore_ascii_case("iex") || crate::rules::is_cmdlet(&first.value)
        }
        [] => false,
    }
}

/// The argument a PowerShell sub-expression makes: from `open` to its matching `)`, with the
/// member accesses and indexes written right after it
/// (`(New-Object Net.WebClient).DownloadString('...')`, `(Get-AzStorageAccountKey ...)[0]`).
/// It is known only when it runs, so it is dynamic; the inside of the first parentheses is
/// kept as a substitution for the caller to read as commands.
fn subexpression(
    input: &str,
    open: Span,
    tokens: &mut std::iter::Peekable<std::vec::IntoIter<Token>>,
) -> Word {
    let mut end = open.end;
    let mut inner_end = open.end;
    let mut depth = 1usize;
    let mut first = true;
    loop {
        let adjacent = |t: &Token| match t {
            Token::Word(w) => w.span.start == end && w.value.starts_with(&['.', '['][..]),
            Token::Op(Op::OpenParen, s) => s.start == end,
            _ => false,
        };
        if depth == 0 && !tokens.peek().is_some_and(adjacent) {
            break;
        }
        let Some(token) = tokens.next() else { break };
        let span = match &token {
            Token::Word(w) => w.span,
            Token::Op(_, s) | Token::Redirect { span: s, .. } => *s,
        };
        match token {
            Token::Op(Op::OpenParen, _) => depth += 1,
            Token::Op(Op::CloseParen, _) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && first {
                    inner_end = span.start;
                    first = false;
                }
            }
            _ => {}
        }
        end = end.max(span.end);
    }
    if first {
        inner_end = end;
    }
    let span = Span::new(open.start, end);
    Word {
        span,
        value: input
            .get(span.start..span.end)
            .unwrap_or_default()
            .to_string(),
        quoted: false,
        single_string: false,
        dynamic: true,
        glob: false,
        terminated: depth == 0,
        substitutions: vec![Span::new(open.end, inner_end.max(open.end))],
    }
}

/// Does a command select by a filter (so what it prints is a chosen list, not everything)?
/// What a command gives the next one in a pipe: its program, whether it selects by a filter,
/// and the text it prints when the plan shows it.
type Source = (String, bool, Option<Span>);

fn source(command: &Command) -> Source {
    let text = words!["echo", "printf"]
        .contains(command.program.as_str())
        .then(|| command.positionals().next().map(|a| a.span))
        .flatten();
    (command.program.clone(), narrows(command), text)
}

/// A group's output as a pipe's source: its data comes from its first command that is not an
/// `echo` (an `echo` adds lines of its own), its shown text from its last `echo`.
fn group_source(commands: &[Command]) -> Option<Source> {
    let printed = |c: &&Command| words!["echo", "printf"].contains(c.program.as_str());
    let first = commands.iter().find(|c| !printed(c)).or(commands.first())?;
    let text = commands
        .iter()
        .rev()
        .find(printed)
        .and_then(|c| source(c).2);
    Some((first.program.clone(), narrows(first), text))
}

fn narrows(command: &Command) -> bool {
    const FIND_FILTERS: Words = words![
        "-name",
        "-iname",
        "-path",
        "-ipath",
        "-wholename",
        "-regex",
        "-iregex",
        "-inum",
        "-samefile",
        "-newer",
        "-mtime",
        "-atime",
        "-ctime",
        "-mmin",
        "-amin",
        "-cmin",
        "-size",
        "-user",
        "-lname",
    ];
    // A directory query limited to one OU or one account (`Get-ADUser -SearchBase 'OU=Leavers,...'`).
    if words![
        "get-aduser",
        "get-adcomputer",
        "get-adgroupmember",
        "search-adaccount"
    ]
    .contains(command.program.as_str())
    {
        return command.args.iter().any(|a| {
            words!["-searchbase", "-identity"].contains(a.value.to_ascii_lowercase().as_str())
        });
    }
    match command.program.as_str() {
        "find" => command
            .args
            .iter()
            .any(|a| FIND_FILTERS.contains(&a.value.as_str())),
        listed if words!["grep", "egrep", "fgrep", "rg", "ag"].contains(listed) => true,
        "ls" => command.args.iter().any(|a| a.glob),
        _ => false,
    }
}

fn to_arg(word: &Word, state: &ShellState) -> Arg {
    let (value, resolved) = resolve_vars(&word.value, &state.vars);
    // A variable the plan set from a command substitution resolves to that substitution's
    // text, which is still only known when it runs.
    let substituted = value.contains("$(") || value.contains('`');
    let if_empty = if word.dynamic {
        Some(with_empty_expansions(&word.value, &state.vars)).filter(|v| *v != word.value)
    } else {
        None
    };
    Arg {
        value,
        span: word.span,
        dynamic: word.dynamic && (!resolved || substituted),
        glob: word.glob,
        quoted: word.quoted,
        if_empty,
    }
}

/// Variables a shell always sets to something: never empty in practice.
const ALWAYS_SET: Words = words!["HOME", "PWD", "USER", "LOGNAME", "SHELL", "PATH", "HOSTNAME"];

/// `value` with every `$NAME` / `${NAME}` that may be empty removed: one the plan never set, or
/// set from a command substitution (whose command can fail or print nothing). Known values are
/// kept, and so are the forms that cannot be empty: `${NAME:?message}` stops the shell, and
/// `${NAME:-default}` / `${NAME:=default}` fall back to the default.
fn with_empty_expansions(value: &str, vars: &Vars) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let (name, modifier, consumed) = if let Some(inner) = after.strip_prefix('{') {
            match inner.find('}') {
                Some(end) => {
                    let body = &inner[..end];
                    let split = body.find(crate::words::not_name_char).unwrap_or(body.len());
                    (&body[..split], &body[split..], end + 2)
                }
                None => ("", "", 0),
            }
        } else {
            let end = after
                .find(crate::words::not_name_char)
                .unwrap_or(after.len());
            (&after[..end], "", end)
        };
        if name.is_empty() {
            // `$(`, `$$`, a lone `$`: kept as written.
            out.push('$');
            rest = after;
            continue;
        }
        let guarded = modifier.starts_with(":?")
            || modifier.starts_with(":-")
            || modifier.starts_with(":=")
            || modifier.starts_with('?');
        let may_be_empty = !guarded
            && !ALWAYS_SET.contains(&name)
            && vars
                .get(name)
                .is_none_or(|v| v.is_empty() || v.contains("$(") || v.contains('`'));
        if !may_be_empty {
            out.push_str(&rest[at..at + 1 + consumed]);
        }
        rest = &after[consumed..];
    }
    out.push_str(rest);
    out
}

/// Substitutes `$NAME` and `${NAME}` with values the plan assigned earlier. Returns the new
/// text and whether every expansion in it was resolved.
fn resolve_vars(value: &str, vars: &Vars) -> (String, bool) {
    if !value.contains('$') {
        return (value.to_string(), true);
    }
    let mut out = String::with_capacity(value.len());
    let mut all = true;
    let mut rest = value;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let (name, consumed) = if let Some(inner) = after.strip_prefix('{') {
            match inner.find('}') {
                Some(end) => (&inner[..end], end + 2),
                None => ("", 0),
            }
        } else {
            let end = after
                .find(crate::words::not_name_char)
                .unwrap_or(after.len());
            (&after[..end], end)
        };
        match vars.get(name) {
            Some(v) if !name.is_empty() => {
                out.push_str(v);
                rest = &after[consumed..];
            }
            _ => {
                all = false;
                out.push('$');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, all)
}

/// Normalises a program word: `/usr/bin/git` -> `git`, `\rm` -> `rm`. A PowerShell cmdlet's
/// name ignores case, so it is lower-cased (`Remove-Item` -> `remove-item`).
fn program_name(value: &str) -> String {
    let trimmed = value.trim_start_matches('\\');
    let base = trimmed.after_last(b'/');
    if crate::rules::is_cmdlet(base) {
        return base.to_ascii_lowercase();
    }
    // Kafka ships its tools as scripts (`kafka-topics.sh`, `kafka-configs.sh`): the script is
    // the tool, and is judged as it.
    match base.strip_suffix(".sh") {
        Some(tool) if tool.starts_with("kafka-") => tool.to_string(),
        _ => base.to_string(),
    }
}

/// Is `word` a PowerShell variable the script has set (`$Sas`), a property or method of one
/// (`$Sas.TrimStart`, `$Keys[0]`), or one in a list (`$Helena,`)? Such a word computes a value
/// and runs nothing.
fn powershell_value(word: &str, state: &ShellState) -> bool {
    let end = word
        .bytes()
        .position(|b| matches!(b, b'.' | b'[' | b','))
        .unwrap_or(word.len());
    word.starts_with('$') && state.vars.get(&word[..end]).is_some()
}

pub(crate) fn is_assignment(value: &str) -> Option<(&str, &str)> {
    let (name, rest) = value.split_once('=')?;
    let valid = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !crate::words::starts_with_digit(name);
    valid.then_some((name, rest))
}

/// Flags of wrapper programs that take a value, so the value is not mistaken for the command.
pub(crate) fn wrapper_flag_takes_value(wrapper: &str, flag: &str) -> bool {
    let list: Words = match wrapper {
        "sudo" | "doas" => {
            words!["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "--user", "--group",]
        }
        "env" => words!["-u", "-C", "-S", "--unset", "--chdir"],
        "nice" => words!["-n", "--adjustment"],
        "ionice" => words!["-c", "-n", "-p"],
        "timeout" => words!["-s", "-k", "--signal", "--kill-after"],
        "stdbuf" => words!["-i", "-o", "-e"],
        "watch" => words!["-n", "-d", "--interval"],
        "xargs" => words![
            "-n",
            "-I",
            "-P",
            "-L",
            "-d",
            "-a",
            "-E",
            "-s",
            "--max-args",
            "--max-procs",
            "--delimiter",
            "--arg-file",
            "--replace",
        ],
        "ssh" => words![
            "-i", "-p", "-l", "-o", "-F", "-J", "-L", "-R", "-D", "-b", "-c", "-E", "-e", "-m",
            "-O", "-Q", "-S", "-W", "-w", "-B",
        ],
        "docker" => words![
            "-u",
            "-w",
            "-e",
            "--user",
            "--workdir",
            "--env",
            "--env-file",
            "--detach-keys",
        ],
        "heroku" => {
            words!["-a", "--app", "-r", "--remote", "-s", "--size", "-e", "--env", "-t", "--type",]
        }
        "kubectl" => words![
            "-n",
            "-c",
            "--namespace",
            "--container",
            "--context",
            "--kubeconfig",
            "--pod-running-timeout",
        ],
        _ => words![],
    };
    list.contains(&flag)
}

/// Skips a wrapper's own flags (and their values) from `from`; returns the index of the first
/// word that is not one.
fn skip_flags(words: &[Word], from: usize, wrapper: &str) -> usize {
    let mut i = from;
    while let Some(word) = words.get(i) {
        let value = word.value.as_str();
        if value == "--" {
            return i + 1;
        }
        if !value.starts_with('-') || value == "-" {
            break;
        }
        i += 1;
        // A cluster of one-letter options takes a value when its last letter does
        // (`ssh -fL 8080:host:80`).
        let last_letter = value
            .strip_prefix('-')
            .filter(|c| {
                !c.starts_with('-') && c.len() > 1 && c.chars().all(|x| x.is_ascii_alphabetic())
            })
            .and_then(|c| c.chars().last())
            .map(|c| format!("-{c}"));
        let takes = wrapper_flag_takes_value(wrapper, value)
            || last_letter.is_some_and(|l| wrapper_flag_takes_value(wrapper, &l));
        if !value.contains('=') && takes {
            i += 1;
        }
    }
    i
}

#[allow(clippy::too_many_arguments)]
fn build(
    input: &str,
    words: Vec<Word>,
    writes: Vec<Arg>,
    stdin: Input,
    state: &mut ShellState,
    wrappers: &mut Vec<&'static str>,
    out: &mut Vec<Command>,
    depth: usize,
) {
    let full_span = words.iter().fold(words[0].span, |acc, w| acc.cover(w.span));
    let mut i = 0;
    // Leading assignments: remembered for later commands when they stand alone.
    let mut local_assignments = Vec::new();
    while let Some(word) = words.get(i) {
        match is_assignment(&word.value) {
            Some((name, value)) if !word.value.starts_with('=') => {
                let (resolved, _) = resolve_vars(value, &state.vars);
                local_assignments.push((name.to_string(), resolved));
                i += 1;
            }
            _ => break,
        }
    }
    if i >= words.len() {
        state.vars.extend(local_assignments);
        return;
    }
    // PowerShell's `$Result = Remove-AzResourceGroup ...` (and `$null = ...`) runs the command
    // after the `=` and keeps what it prints: the command is that one, and its span starts at
    // it, so the assignment stays readable in front of it. A value that is no command (a
    // string, a number, a parenthesised expression) leaves the statement as it is.
    let mut full_span = full_span;
    match &words[i..] {
        [variable, equals, value, ..]
            if equals.value == "=" && crate::rules::is_variable_name(&variable.value) =>
        {
            // Kept under its `$` name, which no POSIX variable has, so that reading it back
            // alone (`while ($Running)`) is known for the value it is.
            state.vars.insert(variable.value.clone(), String::new());
            if crate::rules::is_cmdlet(&value.value) || crate::rules::is_known_program(&value.value)
            {
                i += 2;
                full_span = Span::new(value.span.start, full_span.end);
            }
        }
        // A PowerShell variable the script set, alone, is its value (a loop's condition):
        // it runs nothing. A POSIX shell would run the command it names, and there the
        // variable was never set this way.
        [variable] if powershell_value(&variable.value, state) => return,
        _ => {}
    }
    let pushed_before = wrappers.len();
    let mut bare_env: Option<usize> = None;
    while let Some(word) = words.get(i) {
        let program = program_name(&word.value);
        match program.as_str() {
            // Shell grammar words: what follows them is the command. The body of a loop runs
            // once per item, which is what fan-out means.
            "do" => {
                wrappers.push("loop");
                i += 1;
            }
            listed
                if words!["then", "else", "elif", "if", "while", "until", "!", "{"]
                    .contains(listed) =>
            {
                i += 1
            }
            listed
                if words!["for", "case", "select", "done", "fi", "esac", "}", "function"]
                    .contains(listed) =>
            {
                wrappers.truncate(pushed_before);
                return;
            }
            listed
                if words![
                    "sudo",
                    "doas",
                    "env",
                    "nice",
                    "nohup",
                    "time",
                    "timeout",
                    "stdbuf",
                    "ionice",
                    "command",
                    "exec",
                    "builtin",
                    "watch",
                    "xargs",
                    "unbuffer",
                    "caffeinate"
                ]
                .contains(listed) =>
            {
                // `command -v x` asks where x is; it runs nothing.
                if program == "command"
                    && words
                        .get(i + 1)
                        .is_some_and(|w| matches!(w.value.as_str(), "-v" | "-V"))
                {
                    break;
                }
                if program == "env" || program == "exec" {
                    bare_env = Some(i);
                }
                let name: &'static str = match program.as_str() {
                    "sudo" | "doas" => "sudo",
                    "xargs" => "xargs",
                    "watch" => "watch",
                    _ => "env",
                };
                if name != "env" {
                    wrappers.push(name);
                }
                i = skip_flags(&words, i + 1, &program);
                while words
                    .get(i)
                    .is_some_and(|w| is_assignment(&w.value).is_some())
                {
                    i += 1;
                }
                if program == "timeout"
                    && words
                        .get(i)
                        .is_some_and(|w| crate::words::starts_with_digit(&w.value))
                {
                    i += 1;
                }
                if program == "chroot" {
                    i += 1;
                }
            }
            _ => break,
        }
    }
    // A bare `env` (flags at most) runs nothing: it prints the environment, every secret in
    // it included, so it is a command of its own. A bare `exec` with redirects
    // (`exec > >(tee -a session.log) 2>&1`) sends the script's own output from here on.
    if i >= words.len() {
        match bare_env {
            Some(at) => i = at,
            None => {
                wrappers.truncate(pushed_before);
                return;
            }
        }
    }
    let Some(head) = words.get(i) else {
        wrappers.truncate(pushed_before);
        return;
    };
    let program = program_name(&head.value);
    let rest = &words[i + 1..];

    // Shells and remote shells whose argument is itself a script.
    if depth < MAX_DEPTH {
        if let Some(script) = inner_script(&program, rest, input) {
            let name: &'static str = match program.as_str() {
                "ssh" => "ssh",
                "kubectl" => "kubectl exec",
                "docker" | "podman" => "docker exec",
                "heroku" => "heroku run",
                "eval" => "eval",
                _ => "sh -c",
            };
            wrappers.push(name);
            match script {
                Script::Text(span) => parse_into(input, span, state, wrappers, out, depth + 1),
                Script::Escaped(text, whole) => {
                    // Parsed as its own text; every span of what it runs is the whole string,
                    // the exact bytes it was written in. A file it writes with its text shown
                    // cannot be pointed at in the plan, so it is not kept for a later run.
                    let scripts = state.scripts.len();
                    let made = state.made.len();
                    let mut inner = Vec::new();
                    let span = Span::new(0, text.len());
                    parse_into(&text, span, state, wrappers, &mut inner, depth + 1);
                    state.scripts.truncate(scripts);
                    for (_, at) in state.made.iter_mut().skip(made) {
                        *at = whole;
                    }
                    out.extend(
                        inner
                            .into_iter()
                            .map(|command| relocated(command, whole, input)),
                    );
                }
                Script::Words(start, end) => {
                    let inner: Vec<Word> = rest.get(start..end).unwrap_or_default().to_vec();
                    if !inner.is_empty() {
                        build(
                            input,
                            inner,
                            Vec::new(),
                            stdin.clone(),
                            state,
                            wrappers,
                            out,
                            depth + 1,
                        );
                    }
                }
            }
            wrappers.truncate(pushed_before);
            return;
        }
    }

    let mut args: Vec<Arg> = rest.iter().map(|w| to_arg(w, state)).collect();
    // A document the plan wrote, handed over as `file://path` (how the AWS CLI reads a policy
    // or a JSON argument from a file): the command is given its text, as it will be.
    for arg in &mut args {
        let Some(path) = arg
            .value
            .strip_prefix("file://")
            .or_else(|| arg.value.strip_prefix("fileb://"))
        else {
            continue;
        };
        if let Some(at) = state.script_at(path) {
            arg.value = state.scripts[at].1.slice(input).to_string();
        }
    }
    let appends = writes
        .iter()
        .map(|w| w.span)
        .filter(|w| {
            input
                .get(..w.start)
                .is_some_and(|before| before.trim_end().ends_with(">>"))
        })
        .collect();
    let command = Command {
        program: program.clone(),
        program_span: head.span,
        args,
        span: full_span,
        wrappers: wrappers.clone(),
        input: stdin,
        writes,
        appends,
        cwd: state.cwd.clone(),
        context: state.context_of(&program).map(str::to_string),
    };
    track_state(&command, state);
    // `find ... -exec cmd {} ;` runs cmd once per match: parse it as a command of its own.
    let exec_from = (command.program == "find")
        .then(|| {
            rest.iter().position(|w| {
                words!["-exec", "-execdir", "-ok", "-okdir"].contains(w.value.as_str())
            })
        })
        .flatten();
    out.push(command);
    if let Some(at) = exec_from {
        let inner: Vec<Word> = rest[at + 1..]
            .iter()
            .take_while(|w| !words![";", "+", "\\;"].contains(w.value.as_str()))
            .cloned()
            .collect();
        if !inner.is_empty() && depth < MAX_DEPTH {
            wrappers.push("find -exec");
            build(
                input,
                inner,
                Vec::new(),
                Input::Terminal,
                state,
                wrappers,
                out,
                depth + 1,
            );
        }
    }
    wrappers.truncate(pushed_before);
}

enum Script {
    /// The exact text of a script (inside one quoted string), to parse as shell.
    Text(Span),
    /// A script written with escapes (`"psql -c \"SELECT 1\""`): its text once the outer
    /// shell has read them, which is what the inner shell parses, and the whole string it was
    /// written as, where its commands' evidence points.
    Escaped(String, Span),
    /// The script is the words from the first index up to the second.
    Words(usize, usize),
}

fn inner_script(program: &str, rest: &[Word], input: &str) -> Option<Script> {
    match program {
        // `eval 'text'` runs the text as shell; `eval "$X"` is judged by its own rule.
        "eval" => {
            let first = rest.first()?;
            if rest.iter().any(|w| w.dynamic) {
                return None;
            }
            if rest.len() == 1 && first.single_string {
                Some(text_of(first, input))
            } else {
                Some(Script::Words(0, rest.len()))
            }
        }
        listed if words!["bash", "sh", "zsh", "dash", "ksh", "fish", "su"].contains(listed) => {
            let at = rest.iter().position(|w| {
                w.value == "-c"
                    || (w.value.starts_with('-')
                        && !w.value.starts_with("--")
                        && w.value.ends_with('c')
                        && w.value.len() <= 4)
            })?;
            let word = rest.get(at + 1)?;
            Some(text_of(word, input))
        }
        "ssh" => {
            let host = skip_flags(rest, 0, "ssh");
            // Options may also follow the destination (`ssh user@host -p 22 -N`).
            let command_at = skip_flags(rest, host + 1, "ssh");
            let first = rest.get(command_at)?;
            if rest.len() == command_at + 1 && first.quoted {
                Some(text_of(first, input))
            } else {
                Some(Script::Words(command_at, rest.len()))
            }
        }
        "kubectl" => {
            let _ = rest.iter().position(|w| w.value == "exec")?;
            let dashes = rest.iter().position(|w| w.value == "--")?;
            Some(Script::Words(dashes + 1, rest.len()))
        }
        // `heroku run -a shop-prod -- python manage.py flush`: a one-off dyno of the app runs
        // the command, with the app's own database and services.
        "heroku" => {
            if !words!["run", "run:detached"].contains(rest.first()?.value.as_str()) {
                return None;
            }
            let command_at = skip_flags(rest, 1, "heroku");
            rest.get(command_at)?;
            if rest
                .get(command_at.wrapping_sub(1))
                .is_some_and(|w| w.value == "--")
            {
                return Some(Script::Words(command_at, rest.len()));
            }
            // Without `--`, the CLI still takes its own app flags after the command
            // (`heroku run rails console -a shop-prod`, as its documentation writes it).
            let end = rest[command_at..]
                .iter()
                .position(|w| {
                    words!["-a", "--app", "-r", "--remote"].contains(w.value.as_str())
                        || w.value.starts_with("--app=")
                })
                .map_or(rest.len(), |at| command_at + at);
            Some(Script::Words(command_at, end))
        }
        "docker" | "podman" => {
            if rest.first()?.value != "exec" {
                return None;
            }
            let container = skip_flags(rest, 1, "docker");
            rest.get(container + 1)?;
            Some(Script::Words(container + 1, rest.len()))
        }
        _ => None,
    }
}

/// `command`, found in a text of its own, moved into `whole`, the string of the input it was
/// written in: each word to where its value is written whole in that string (most are: only
/// a word holding escapes is not), else to the whole string. Words are looked for in order,
/// each after the one before.
fn relocated(mut command: Command, whole: Span, input: &str) -> Command {
    let raw = whole.slice(input);
    let mut from = 0;
    let mut place = |value: &str| -> Span {
        match raw.get(from..).and_then(|rest| rest.find(value)) {
            Some(at) if !value.is_empty() => {
                let start = from + at;
                from = start + value.len();
                Span::new(whole.start + start, whole.start + from)
            }
            _ => whole,
        }
    };
    command.program_span = place(&command.program);
    for arg in command.args.iter_mut().chain(command.writes.iter_mut()) {
        arg.span = place(&arg.value);
    }
    command.span = whole;
    for span in &mut command.appends {
        *span = whole;
    }
    match &mut command.input {
        Input::Pipe { text, .. } => {
            if let Some(text) = text {
                *text = whole;
            }
        }
        Input::Inline { body, .. } => *body = whole,
        Input::File(arg) => arg.span = whole,
        Input::Terminal => {}
    }
    command
}

fn text_of(word: &Word, input: &str) -> Script {
    let raw = word.span.slice(input);
    if word.single_string && word.span.len() >= 2 && !raw.contains('\\') {
        Script::Text(Span::new(word.span.start + 1, word.span.end - 1))
    } else if !raw.contains(['\\', '"', '\'']) {
        Script::Text(word.span)
    } else {
        Script::Escaped(word.value.clone(), word.span)
    }
}

/// A command that makes a context, project or account current for later commands of its
/// program: `kubectl config use-context X`, `kubectx X`, `gcloud config set project X`, `az
/// account set --subscription X`.
fn switches_context(command: &Command) -> Option<(&'static str, String)> {
    let words: Vec<&str> = command.positionals().map(|a| a.value.as_str()).collect();
    match (command.program.as_str(), words.as_slice()) {
        ("kubectl" | "oc", ["config", "use-context", name, ..]) => {
            Some(("kubectl", (*name).to_string()))
        }
        ("kubectx", [name]) if *name != "-" => Some(("kubectl", (*name).to_string())),
        ("gcloud", ["config", "set", "project", name, ..]) => Some(("gcloud", (*name).to_string())),
        ("az", ["account", "set", ..]) => command
            .args
            .iter()
            .position(|a| a.value == "--subscription" || a.value == "-s")
            .and_then(|at| command.args.get(at + 1))
            .map(|a| ("az", a.value.clone())),
        _ => None,
    }
}

fn track_state(command: &Command, state: &mut ShellState) {
    track_made(command, state);
    if let Some((program, context)) = switches_context(command) {
        if state.contexts.len() >= 16 {
            state.contexts.remove(0);
        }
        state.contexts.push((program, context));
    }
    match command.program.as_str() {
        "cd" | "pushd" => {
            // `cd $DIR` with `DIR` possibly empty is a bare `cd`: it goes home. (Quoted, an
            // empty argument leaves the directory as it was.)
            let target = command
                .positionals()
                .next()
                .filter(|a| a.quoted || a.if_empty.as_deref() != Some(""))
                .map(|a| a.value.clone());
            state.cwd = match target {
                Some(path) if path.starts_with('/') => Some(path),
                Some(path) if path.starts_with('~') => Some(path),
                Some(path) => state.cwd.as_ref().map(|cwd| join_path(cwd, &path)),
                None => Some("~".to_string()),
            };
        }
        listed if words!["export", "declare", "local", "readonly", "typeset"].contains(listed) => {
            for arg in &command.args {
                if let Some((name, value)) = is_assignment(&arg.value) {
                    state.vars.insert(name.to_string(), value.to_string());
                }
            }
        }
        _ => {}
    }
}

/// Records what `command` makes (see `ShellState::made`). Bounded like `scripts`: a plan that
/// makes thousands of things is not followed further.
fn track_made(command: &Command, state: &mut ShellState) {
    if state.made.len() >= 256 {
        return;
    }
    let args = &command.args;
    let value_of = |flags: Words| crate::rules::option_value(command, flags).map(|(v, _)| v);
    let mut made: Vec<String> = command.writes.iter().map(|w| w.value.clone()).collect();
    match command.program.as_str() {
        "mkdir" => made.extend(command.positionals().map(|a| a.value.clone())),
        "pg_dump" | "pg_dumpall" | "mysqldump" | "mariadb-dump" | "mongodump" => {
            made.extend(
                value_of(words![
                    "-f",
                    "--file",
                    "-r",
                    "--result-file",
                    "--archive",
                    "--out"
                ])
                .map(str::to_string),
            );
        }
        "curl" => made.extend(value_of(words!["-o", "--output"]).map(str::to_string)),
        "wget" => made.extend(value_of(words!["-O", "--output-document"]).map(str::to_string)),
        "tar" | "zip" => made.extend(
            args.iter()
                .find(|a| {
                    let v = a.value.to_ascii_lowercase();
                    [".tar", ".tgz", ".tar.gz", ".zip", ".tar.xz", ".tar.bz2"]
                        .iter()
                        .any(|ext| v.ends_with(ext))
                })
                .map(|a| a.value.clone()),
        ),
        "sed" => {
            // `sed -i.bak 's/x/y/' file`: the old file is kept as `file.bak`.
            let suffix = args.iter().find_map(|a| {
                a.value
                    .strip_prefix("--in-place=")
                    .or_else(|| a.value.strip_prefix("-i"))
                    .filter(|s| !s.is_empty() && !s.starts_with('-'))
            });
            if let Some(suffix) = suffix {
                made.extend(
                    command
                        .positionals()
                        .skip(1)
                        .map(|f| [f.value.as_str(), suffix].concat()),
                );
            }
        }
        "docker" | "podman" => {
            let verb = command.positionals().next().map(|a| a.value.as_str());
            if matches!(verb, Some("run" | "create")) {
                made.extend(
                    value_of(words!["--name"]).map(|name| crate::words::fill("container:{}", name)),
                );
            }
        }
        _ => {}
    }
    for path in made {
        let path = normal_path(&path);
        if !path.is_empty() && path != "/" && path != "~" {
            state.made.push((path, command.span));
        }
    }
}

/// A path as the plan's steps are compared by it (`ShellState::made`, the files that flows
/// follow): quotes and a trailing slash dropped, the home folder written `~`.
pub fn normal_path(path: &str) -> String {
    let path = path.trim_matches(&['"', '\''][..]).trim_end_matches('/');
    for home in ["$HOME", "${HOME}"] {
        if let Some(rest) = path.strip_prefix(home) {
            return crate::words::fill("~{}", rest);
        }
    }
    path.to_string()
}

/// Joins a relative path onto a directory, folding `..` and `.`.
pub fn join_path(base: &str, path: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let joined = parts.joined("/");
    // Under the home folder the path stays one (`~/x`); climbed out of it, where it is is
    // not known, and it stays relative.
    if base.starts_with('~') {
        joined
    } else {
        crate::words::fill("/{}", &joined)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands(text: &str) -> Vec<Command> {
        parse_commands(text, Span::new(0, text.len()), &mut ShellState::default())
    }

    fn programs(text: &str) -> Vec<String> {
        commands(text).into_iter().map(|c| c.program).collect()
    }

    #[test]
    fn variables_are_found_by_name_and_the_last_assignment_wins() {
        let mut vars = Vars::default();
        vars.insert("B".to_string(), "2".to_string());
        vars.insert("A".to_string(), "1".to_string());
        vars.insert("B".to_string(), "3".to_string());
        assert_eq!(vars.get("A").map(String::as_str), Some("1"));
        assert_eq!(vars.get("B").map(String::as_str), Some("3"));
        assert_eq!(vars.get("C"), None);
        // Past the kept number, a new name stays unset (possibly empty), an old one still
        // takes its new value.
        for i in 0..VARS_KEPT {
            vars.insert(format!("V{i}"), "x".to_string());
        }
        vars.insert("ZZ".to_string(), "late".to_string());
        assert_eq!(vars.get("ZZ"), None);
        vars.insert("A".to_string(), "9".to_string());
        assert_eq!(vars.get("A").map(String::as_str), Some("9"));
    }

    #[test]
    fn powershell_script_blocks_hold_commands_and_hashtables_are_data() {
        // The block a cmdlet is given runs: its commands are read as commands.
        let block = programs(
            "Get-ChildItem C:\\Data | ForEach-Object { Remove-Item $_.FullName -Recurse -Force }",
        );
        assert!(block.iter().any(|p| p == "remove-item"), "{block:?}");
        // A hashtable's `;` and braces, a type and a method call are one argument.
        assert_eq!(
            programs(
                "Get-PSDrive | Select-Object Name, @{n='UsedGB';e={[math]::Round($_.Used/1GB,1)}}"
            ),
            ["get-psdrive", "select-object"]
        );
        // A condition in a block is an expression, not a program; its sub-expression is read
        // (before the command that holds it, as substitutions are).
        assert_eq!(
            programs(
                "Get-ChildItem | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-30) }"
            ),
            ["get-childitem", "get-date", "where-object"]
        );
        // A POSIX group is unchanged.
        assert_eq!(programs("{ rm -rf build; make; }"), ["rm", "make"]);
    }

    #[test]
    fn wrappers_are_unwrapped() {
        assert_eq!(
            programs("sudo -u root env X=1 nice -n 5 /bin/rm -rf /"),
            ["rm"]
        );
        assert_eq!(programs("timeout 30 nohup \\rm x"), ["rm"]);
        assert_eq!(programs("bash -c 'git push --force'"), ["git"]);
        assert_eq!(
            programs("ssh -i key.pem admin@db1 'sudo rm -rf /var/lib/postgresql'"),
            ["rm"]
        );
        assert_eq!(
            programs("kubectl exec -it pod-1 -n prod -- rm -rf /data"),
            ["rm"]
        );
        assert_eq!(
            programs("docker exec -it web psql -c 'DROP TABLE x'"),
            ["psql"]
        );
        assert_eq!(
            programs("find . -name '*.log' -exec rm -f {} \\;"),
            ["find", "rm"]
        );
        assert_eq!(programs("cat list | xargs rm -rf"), ["cat", "rm"]);
    }

    #[test]
    fn inner_script_spans_are_exact() {
        let text = "sh -c 'rm -rf /srv'";
        let cmd = &commands(text)[0];
        assert_eq!(cmd.program_span.slice(text), "rm");
        assert_eq!(cmd.args[1].span.slice(text), "/srv");
        assert!(cmd.has_wrapper("sh -c"));
    }

    /// A script written with escaped quotes is parsed as the inner shell reads it, after the
    /// outer one took the escapes: `psql -c "DROP TABLE users"`, not words split at `\"`. Each
    /// word written whole in the string is pointed at exactly; one holding escapes points at
    /// the whole string.
    #[test]
    fn an_escaped_inner_script_is_read_as_the_inner_shell_reads_it() {
        let text = r#"ssh db-1 "sudo -u postgres psql -c \"DROP TABLE users\"""#;
        let cmds = commands(text);
        assert_eq!(programs(text), ["psql"]);
        let psql = &cmds[0];
        assert_eq!(
            psql.args.last().map(|a| a.value.as_str()),
            Some("DROP TABLE users")
        );
        assert_eq!(psql.program_span.slice(text), "psql");
        assert_eq!(psql.args[1].span.slice(text), "DROP TABLE users");
        assert!(psql.has_wrapper("ssh") && psql.has_wrapper("sudo"));
        let escaped = r#"bash -c "echo \"a \\\"b\\\" c\"""#;
        let echo = &commands(escaped)[0];
        assert_eq!(echo.program, "echo");
        assert_eq!(echo.args[0].value, "a \"b\" c");
        assert!(echo.args[0].span.slice(escaped).starts_with("\"echo "));
    }

    #[test]
    fn command_v_runs_nothing() {
        assert_eq!(programs("command -v rm"), ["command"]);
    }

    #[test]
    fn variables_and_cd_are_tracked() {
        let cmds = commands("DIR=/\nrm -rf $DIR\ncd /\nrm -rf etc");
        assert_eq!(cmds[0].args[1].value, "/");
        assert!(!cmds[0].args[1].dynamic);
        assert_eq!(cmds[2].cwd.as_deref(), Some("/"));
        assert_eq!(join_path("/var", "../etc"), "/etc");
    }

    #[test]
    fn pipes_record_their_source() {
        let cmds = commands("curl -s https://x.example/install.sh | sudo bash");
        assert_eq!(cmds[1].program, "bash");
        assert_eq!(
            cmds[1].input,
            Input::Pipe {
                from: "curl".to_string(),
                narrowed: false,
                text: None
            }
        );
    }

    #[test]
    fn a_file_read_with_a_redirect_is_the_command_input() {
        let cmds = commands("mysql -h 127.0.0.1 shop_dev < shop.sql");
        assert!(matches!(&cmds[0].input, Input::File(file) if file.value == "shop.sql"));
        assert!(cmds[0].args.iter().all(|a| a.value != "shop.sql"));
        // A descriptor copied with `<&` is not a file.
        let cmds = commands("cat <&3");
        assert_eq!(cmds[0].input, Input::Terminal);
    }

    #[test]
    fn a_group_piped_on_gives_its_source_and_its_echoed_text() {
        let line = "(crontab -l 2>/dev/null; echo \"0 3 * * * /opt/job.sh\") | crontab -";
        let cmds = commands(line);
        let start = line.find('"').unwrap_or(0);
        let end = line.find_last(b'"').unwrap_or(0) + 1;
        assert_eq!(
            cmds[2].input,
            Input::Pipe {
                from: "crontab".to_string(),
                narrowed: false,
                text: Some(Span::new(start, end))
            }
        );
        // Without a pipe after it, a group gives nothing on.
        let cmds = commands("(cd /tmp; ls) ; crontab -");
        assert_eq!(cmds[2].input, Input::Terminal);
    }

    #[test]
    fn substitutions_are_commands_too() {
        assert_eq!(programs("echo $(rm -rf /tmp/x)"), ["rm", "echo"]);
    }
}
