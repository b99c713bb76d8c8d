//! Steps of prose and Markdown plans: numbered and bulleted list items (nested ones too, and
//! Kiro `tasks.md` checkboxes), plain sentences when there is no list, and the commands inside
//! them (inline `code`, fenced blocks by language, items that are themselves a command).

use super::script::{looks_like_shell, looks_like_sql, shell_steps, sql_steps};
use super::{trim_span, Code, CodeKind, Step};
use crate::span::Span;
use crate::words::Last;
use crate::words::Words;

/// The byte length of a list marker at the start of `line` (indentation, marker, the space
/// after it, and a `[ ]`/`[x]` checkbox), if the line is a list item.
pub fn list_marker(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start_matches(&[' ', '\t'][..]).len();
    let rest = &line[indent..];
    let marker = if let Some(after) = rest.strip_prefix(&['-', '*', '+', '•'][..]) {
        (after.starts_with(&[' ', '\t'][..])).then_some(rest.len() - after.len())?
    } else {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 4 {
            return None;
        }
        let after = rest[digits..].strip_prefix(&['.', ')'][..])?;
        if !(after.starts_with(&[' ', '\t'][..]) || after.is_empty()) {
            return None;
        }
        digits + 1
    };
    let mut len = indent + marker;
    len += line[len..].len() - line[len..].trim_start_matches(&[' ', '\t'][..]).len();
    let rest = &line[len..];
    for checkbox in ["[ ]", "[x]", "[X]", "[-]", "[~]"] {
        if let Some(after) = rest.strip_prefix(checkbox) {
            len += checkbox.len() + (after.len() - after.trim_start().len());
            break;
        }
    }
    Some(len)
}

pub fn is_heading(trimmed: &str) -> bool {
    let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
    (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ')
}

/// One line with its span (without the newline).
#[derive(Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    start: usize,
}

fn lines(input: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in input.split_inclusive('\n') {
        let text = piece.strip_suffix('\n').unwrap_or(piece);
        let text = text.strip_suffix('\r').unwrap_or(text);
        out.push(Line { text, start });
        start += piece.len();
    }
    out
}

pub fn steps(input: &str) -> Vec<Step> {
    let lines = lines(input);
    let has_list = lines.iter().any(|l| list_marker(l.text).is_some());
    let mut steps = Vec::new();
    // The list item being read: its content span and the indentation of its marker. Items
    // nested under it, and its indented details, are part of it: a step is a task with its
    // details, not each line of them.
    let mut item: Option<(Span, usize)> = None;
    // A loose line that may be the label of a fenced block after it ("Deploy to staging:"):
    // held until the next line shows whether it is.
    let mut label: Option<Span> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.text.trim();
        let indent = columns(line.text);
        if let Some(fence) = fence_of(trimmed) {
            let body_start = line.start + line.text.len() + 1;
            let mut j = i + 1;
            while j < lines.len() && !lines[j].text.trim().starts_with(fence.marker) {
                j += 1;
            }
            let body_end = lines.get(j).map_or(input.len(), |l| l.start);
            let body = Span::new(body_start.min(body_end), body_end);
            let fenced = fenced_steps(input, body, fence.language);
            // A block of commands under a list item belongs to that item: the plan numbers
            // them together, and the approver reads them as one step. Under means indented
            // inside the item, or right after an item that introduces it ("3. Recreate it:").
            // Outside a list, the line that introduces a block names it and the commands are
            // the steps. A block without steps (YAML, output) leaves its lead-in a step.
            let labelled = !fenced.is_empty();
            let under = |span: Span, marker_indent: usize| {
                indent > marker_indent || span.slice(input).trim_end().ends_with(':')
            };
            match item.take() {
                Some((span, marker_indent)) if labelled && under(span, marker_indent) => {
                    let block_end = lines.get(j).map_or(input.len(), |l| l.start + l.text.len());
                    steps.push(item_with_block(
                        input,
                        span,
                        Span::new(line.start, block_end),
                        fenced,
                    ));
                }
                Some((span, _)) if labelled && is_label(input, span) => steps.extend(fenced),
                // A block of data under an item (YAML, JSON, a CODEOWNERS file) is the
                // configuration the item installs ("Give the workflow every permission:"): it
                // stays the item's, read as what it configures (`Step::blocks`), while the
                // item's words are still the step.
                Some((span, marker_indent))
                    if (is_yaml(fence.language) || !labelled) && under(span, marker_indent) =>
                {
                    let block_end = lines.get(j).map_or(input.len(), |l| l.start + l.text.len());
                    let block = Span::new(line.start, block_end);
                    let mut step = prose_step(input, span);
                    step.span = step.span.cover(block);
                    step.blocks.push(block);
                    steps.push(step);
                }
                other => {
                    finish(input, other, &mut steps);
                    if let Some(span) = label.take() {
                        if !labelled {
                            steps.push(prose_step(input, span));
                        }
                    }
                    steps.extend(fenced);
                }
            }
            i = j + 1;
            continue;
        }
        if trimmed.is_empty() {
            // A blank line ends an item unless the next line is indented under it (or is the
            // task's `_Requirements: ..._` line). Before a fence the item stays open, so the
            // fence can tell whether the item was its label.
            let next_continues =
                lines
                    .get(i + 1)
                    .zip(item)
                    .is_some_and(|(next, (_, marker_indent))| {
                        let next_indent = columns(next.text);
                        let next = next.text.trim();
                        !next.is_empty()
                            && (next_indent > marker_indent
                                || is_task_detail(next)
                                || fence_of(next).is_some())
                    });
            if !next_continues {
                finish(input, item.take(), &mut steps);
            }
            i += 1;
            continue;
        }
        if let Some(span) = label.take() {
            steps.push(prose_step(input, span));
        }
        let whole = Span::new(line.start, line.start + line.text.len());
        if let Some(marker) = list_marker(line.text) {
            match item {
                // Nested: indented by at least two columns more than the item's marker (one
                // space is a ragged margin, not nesting).
                Some((span, marker_indent))
                    if indent >= marker_indent + 2 || is_task_detail(&line.text[marker..]) =>
                {
                    item = Some((span.cover(whole), marker_indent));
                }
                _ => {
                    finish(input, item.take(), &mut steps);
                    let content = Span::new(line.start + marker, whole.end);
                    item = Some((content, indent));
                }
            }
        } else if is_heading(trimmed) || is_rule_line(trimmed) {
            finish(input, item.take(), &mut steps);
        } else if let Some((span, marker_indent)) = item {
            // A continuation line of the item (indented details, or a lazily wrapped line).
            item = Some((span.cover(whole), marker_indent));
        } else if !has_list || looks_like_shell(trimmed) {
            // Without a list, each line is a step; with a list, loose lines are commentary
            // unless they are a command.
            if is_label(input, whole) {
                label = Some(whole);
            } else {
                steps.push(prose_step(input, whole));
            }
        }
        i += 1;
    }
    finish(input, item, &mut steps);
    if let Some(span) = label {
        steps.push(prose_step(input, span));
    }
    steps
}

/// A list item and the fenced block under it as one step: the item's words (read as prose
/// unless they only label the block, "Recreate it:"), and the block's commands.
fn item_with_block(input: &str, words: Span, block: Span, fenced: Vec<Step>) -> Step {
    let label = is_label(input, words);
    let mut step = prose_step(input, words);
    step.prose = step.prose && !label;
    step.span = step.span.cover(block);
    step.blocks.push(block);
    for inner in fenced {
        step.code.extend(inner.code);
        step.quoted.extend(inner.quoted);
    }
    step
}

/// The indentation of a line in columns, a tab counting as four.
fn columns(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace() && *c != '\n')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// A lead-in that names what follows rather than doing something: one short line ending with
/// `:` ("Deploy to staging:") or only bold text ("**2. Remove them**"), with no command in it.
fn is_label(input: &str, span: Span) -> bool {
    let span = trim_span(input, span);
    let text = span.slice(input);
    let bold = ["**", "__"].iter().any(|mark| {
        text.len() > 2 * mark.len()
            && text.starts_with(mark)
            && text.trim_end_matches(':').ends_with(mark)
    });
    !text.contains('\n')
        && text.split_whitespace().count() <= 12
        && (bold || text.ends_with(':'))
        && prose_step(input, span).code.is_empty()
}

/// Kiro and spec-workflow task lines that annotate the task above them (`_Requirements: 1.1_`,
/// `_Leverage: src/api_`), with or without a bullet.
fn is_task_detail(text: &str) -> bool {
    let text = text.trim_start();
    let text = list_marker(text).map_or(text, |m| &text[m..]);
    let lower = text
        .trim_start_matches(&['_', '*'][..])
        .to_ascii_lowercase();
    ["requirements", "leverage", "prompt"]
        .iter()
        .any(|word| lower.starts_with(word) && lower[word.len()..].trim_start().starts_with(':'))
}

fn is_rule_line(trimmed: &str) -> bool {
    trimmed.len() >= 3 && trimmed.chars().all(|c| matches!(c, '-' | '*' | '_' | '='))
}

fn finish(input: &str, item: Option<(Span, usize)>, steps: &mut Vec<Step>) {
    if let Some((span, _)) = item {
        let step = prose_step(input, span);
        if !step.span.is_empty() {
            steps.push(step);
        }
    }
}

/// A step written in words. Inline `code` becomes code to read; an item that starts with a
/// known program is itself a command.
fn prose_step(input: &str, span: Span) -> Step {
    let span = trim_span(input, span);
    let text = span.slice(input);
    let mut code = Vec::new();
    let mut quoted = Vec::new();
    let quotes = quoted_regions(text);
    // Whether the step writes a document, asked once, and only of a step with inline code.
    let mut document: Option<bool> = None;
    let base = span.start;
    let mut rest = text;
    let mut offset = span.start;
    while let Some(open) = rest.find('`') {
        let ticks = rest[open..].len() - rest[open..].trim_start_matches('`').len();
        let inner_start = open + ticks;
        let closer = &rest[open..open + ticks];
        let Some(close) = rest[inner_start..].find(closer) else {
            break;
        };
        let inner = trim_span(
            input,
            Span::new(offset + inner_start, offset + inner_start + close),
        );
        if let Some(kind) = inline_code_kind(inner.slice(input)) {
            // A console prompt is not part of the command.
            let prompt = inner.slice(input).strip_prefix("$ ").map_or(0, |_| 2);
            let span = trim_span(input, Span::new(inner.start + prompt, inner.end));
            // Code inside a quotation is someone else's words, and a command a document shows
            // is the document's text: data here.
            let relative = inner.start - base;
            if quotes
                .iter()
                .any(|(from, to)| *from < relative && relative < *to)
                || (*document.get_or_insert_with(|| writes_a_document(text))
                    && !after_a_run_verb(&text[..relative]))
            {
                quoted.push(Code { kind, span });
            } else {
                code.push(Code { kind, span });
            }
        }
        let consumed = inner_start + close + ticks;
        offset += consumed;
        rest = &rest[consumed..];
    }
    let prompt = text.strip_prefix("$ ").map_or(0, |_| 2);
    // A line that opens with inline code ("`orders_archive` is dropped") is words about it.
    let command_line = !text.starts_with('`') && looks_like_shell(&text[prompt..]);
    // Words around inline code are a sentence about it (even when the code is a document's
    // text, kept in `quoted`): only a line with no inline code can be a bare command.
    let inline = !code.is_empty() || !quoted.is_empty();
    if !inline && !command_line {
        if let Some((command, kind)) = command_in_sentence(text) {
            code.push(Code {
                kind,
                span: Span::new(span.start + command.start, span.start + command.end),
            });
        }
    }
    if !inline && command_line {
        code.push(Code {
            kind: CodeKind::Shell,
            span: Span::new(span.start + prompt, span.end),
        });
        return Step {
            span,
            line: 0,
            prose: false,
            code,
            quoted: Vec::new(),
            blocks: Vec::new(),
        };
    }
    Step {
        span,
        line: 0,
        prose: true,
        code,
        quoted,
        blocks: Vec::new(),
    }
}

/// Does the step write documentation ("Write `docs/cli/purge.md`: explain that ...", "Add a
/// section to the runbook that shows ...") or a program's source ("Add `src/jobs/purge.ts`: a
/// job that runs `DELETE FROM sessions ...`")? Its first word is a verb of writing and it names
/// a document or a source file: the commands it shows are that file's text, not something the
/// step runs (scripts and SQL files, which plans run right after writing, are not counted).
fn writes_a_document(text: &str) -> bool {
    const WRITING: Words = words![
        "write", "add", "update", "document", "draft", "edit", "extend", "expand", "create",
        "rewrite", "revise", "append", "insert", "describe", "explain",
    ];
    const DOCUMENTS: Words = words![
        "readme",
        "runbook",
        "changelog",
        "guide",
        "handbook",
        "documentation",
        "docs",
        "wiki",
        "faq",
        "tutorial",
        "playbook",
        "manual",
    ];
    let mut words = text
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '/' | '_' | '-')))
        .map(|w| w.trim_matches(&['.', '-'][..]))
        .filter(|w| w.chars().any(char::is_alphabetic) && *w != "x");
    let Some(first) = words.next() else {
        return false;
    };
    WRITING.contains(first.to_ascii_lowercase().as_str())
        && words.take(12).any(|w| {
            let lower = w.to_ascii_lowercase();
            DOCUMENTS.contains(lower.trim_end_matches('s'))
                || DOCUMENTS.contains(lower.as_str())
                || lower.starts_with("docs/")
                || words![
                    ".md", ".rst", ".adoc", ".txt", ".ts", ".tsx", ".js", ".jsx", ".mjs", ".py",
                    ".rb", ".go", ".rs", ".java", ".kt", ".cs", ".php", ".swift", ".scala", ".ex",
                    ".exs"
                ]
                .iter()
                .any(|extension| lower.ends_with(extension))
        })
}

/// Does the text before a piece of inline code end with a verb of running it ("run `make
/// docs`", "then `npm test`")?
fn after_a_run_verb(before: &str) -> bool {
    const RUNNING: Words =
        words!["run", "execute", "exec", "invoke", "then", "and", "via", "using"];
    before
        .trim_end_matches(&['`', ' ', '\t', '\n', '\r', ':'][..])
        .rsplit(crate::words::not_alphanumeric)
        .next()
        .is_some_and(|word| RUNNING.contains(word.to_ascii_lowercase().as_str()))
}

/// The spans of `span` that the step quotes between double quotes (see `quoted_regions`),
/// except a quoted value of a setting: in `an "Anyone with the link can view" sharing link` or
/// `the "Public" visibility option` the quote is the choice the step makes, not someone
/// else's words, so it is read with the rest of the sentence. So is the name of a group of
/// recipients (`the "All customers" audience`, `the "Lapsed buyers" segment`): it says who a
/// message reaches.
pub fn quoted_spans(input: &str, span: Span) -> Vec<Span> {
    const SETTINGS: Words = words![
        "sharing",
        "link",
        "option",
        "setting",
        "access",
        "permission",
        "permissions",
        "role",
        "visibility",
        "mode",
        "level",
        "audience",
        "audiences",
        "segment",
        "segments",
        "list",
        "cohort",
    ];
    let text = span.slice(input);
    quoted_regions(text)
        .into_iter()
        .filter(|&(_, to)| {
            let after = text.get(to..).unwrap_or_default();
            let next = after
                .trim_start_matches(&['"', '”'][..])
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .trim_end_matches(crate::words::not_alphanumeric);
            !SETTINGS.iter().any(|word| word.eq_ignore_ascii_case(next))
        })
        .map(|(from, to)| Span::new(span.start + from, span.start + to))
        .collect()
}

/// The byte ranges of `text` inside double quotes (straight pairs, or “ and ”), quotes
/// excluded, outside inline code: where a step quotes someone else. An unclosed quote quotes
/// nothing.
fn quoted_regions(text: &str) -> Vec<(usize, usize)> {
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    let mut in_code = false;
    for (i, c) in text.char_indices() {
        match c {
            '`' => in_code = !in_code,
            '"' if !in_code => match open.take() {
                Some(start) => regions.push((start, i)),
                None => open = Some(i + 1),
            },
            '“' if !in_code => open = Some(i + c.len_utf8()),
            '”' if !in_code => {
                if let Some(start) = open.take() {
                    regions.push((start, i));
                }
            }
            _ => {}
        }
    }
    regions
}

/// How inline `code` is read: as a command or a statement when it looks like one; otherwise
/// it is a name (`orders_archive`, `user_id`, `GET`, `active_paid.csv`) and stays part of the
/// sentence's words. A lone program name that is also an English word (`test`, `file`) is a
/// name too.
fn inline_code_kind(code: &str) -> Option<CodeKind> {
    if looks_like_sql(code) {
        return Some(CodeKind::Sql);
    }
    let single = !code.trim().contains(char::is_whitespace);
    let plain = single && crate::rules::is_plain_word(code.trim());
    let named = single && is_lone_path(code.trim());
    (looks_like_shell(code) && !plain && !named).then_some(CodeKind::Shell)
}

/// A path alone in backticks (`~/Scans/inbox`, `/var/log/app/`, `~/notes/README.md`) is what
/// the step acts on; only a path that is itself a program runs: `./run`, a script by its
/// extension, or a file in a `bin` folder.
fn is_lone_path(code: &str) -> bool {
    const SCRIPTS: Words =
        words!["sh", "bash", "zsh", "py", "rb", "pl", "ps1", "bat", "cmd", "exe"];
    if !code.contains('/') || code.starts_with("./") || code.starts_with("../") {
        return false;
    }
    let file = code.after_last(b'/');
    let script = file
        .split_last(b'.')
        .is_some_and(|(_, extension)| SCRIPTS.contains(extension));
    let in_bin = code
        .split('/')
        .any(|part| words!["bin", "sbin", "scripts"].contains(part));
    !(script || in_bin)
}

/// A command written into a sentence without backticks ("Run terraform apply -auto-approve
/// to push the change", "Delete my working files: rm -f /tmp/dsr-*.csv"): after a verb of
/// running, a known program starts a command that ends at the end of the clause. After a
/// colon, a command line or an SQL statement in capitals does too, when its words read as
/// code rather than English ("Next: make sure the backup ran" is a sentence).
pub(crate) fn command_in_sentence(text: &str) -> Option<(Span, CodeKind)> {
    const RUN_VERBS: Words = words![
        "run", "execute", "exec", "using", "via", "invoke", "type", "enter", "then", "and", "with",
    ];
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    for pair in words.windows(2) {
        let ((_, written), (start, program)) = (pair[0], pair[1]);
        let rest = &text[start..];
        // A program named by its path in a `bin` folder (`~/proj/.venv/bin/jupyter`,
        // `node_modules/.bin/eslint`) is that program, as the shell reads it.
        let program = match program.split_last(b'/') {
            Some((folder, name)) if matches!(folder.after_last(b'/'), "bin" | ".bin" | "sbin") => {
                name
            }
            _ => program,
        };
        // Markdown's emphasis around a label ("**Run:** ...") closes after its colon.
        let colon = written.trim_end_of(b"*_").ends_with(':');
        if colon && looks_like_statement(rest) {
            // A statement runs to its `;` (commas and "to" are its own), or to the line's end.
            let line = rest.split('\n').next().unwrap_or(rest);
            let end = line.find(';').map_or(line.trim_end().len(), |i| i + 1);
            return Some((Span::new(start, start + end), CodeKind::Sql));
        }
        let verb = written
            .trim_start_matches(crate::words::not_alphanumeric)
            .trim_end_matches(crate::words::not_alphanumeric)
            .to_ascii_lowercase();
        // A line of shell assignments ("Set the names used below: ENV=prod; LOC=weu") sets
        // what later commands expand, as a script's would.
        let assigns = crate::shell::command::is_assignment(program).is_some();
        let introduced = colon
            && (crate::rules::is_cmdlet(program)
                || ((assigns || crate::rules::is_known_program(program))
                    && reads_as_code(rest, !crate::rules::is_plain_word(program))));
        if !introduced
            && (!RUN_VERBS.contains(&verb.as_str())
                || !crate::rules::is_known_program(program)
                || crate::rules::is_plain_word(program))
        {
            continue;
        }
        // A command a colon introduces is a line of its own words.
        let mut end = if colon {
            rest.find('\n').unwrap_or(rest.len())
        } else {
            rest.len()
        };
        for stop in [
            ". ",
            ", ",
            "; ",
            " to ",
            " so ",
            " and then ",
            " then ",
            " in order to ",
            " which ",
            " because ",
            // An aside after the command ("... --limit 3 (expect one)"): a shell would not take
            // a parenthesis there, so it is the sentence's.
            " (",
        ] {
            let found = if colon && stop == "; " {
                // A line of commands goes on past a `;` that another command follows
                // ("Check: kubectl get ns; kubectl get deploy").
                commands_end(rest)
            } else {
                find_unquoted(rest, stop)
            };
            if let Some(i) = found {
                end = end.min(i);
            }
        }
        let command = rest[..end].trim_end_matches(&['.', ',', ';', ':', ')'][..]);
        if command.contains(' ') {
            return Some((Span::new(start, start + command.len()), CodeKind::Shell));
        }
    }
    None
}

/// An SQL statement written in capitals, as statements are in plans (`SELECT id FROM
/// customers WHERE ...;`): its first word is upper case and the rest is shaped like SQL.
fn looks_like_statement(rest: &str) -> bool {
    let first = rest.split_whitespace().next().unwrap_or("");
    first.len() > 2
        && first.bytes().all(|b| b.is_ascii_uppercase())
        && looks_like_sql(rest.split(';').next().unwrap_or(rest))
}

/// Do the words after a program read as its arguments rather than a sentence: no word of
/// English grammar among them, and at least one shaped as code (a flag, a path, a glob, a
/// variable, an assignment, a pipe)? "rm -f /tmp/dsr-*.csv" does; "kill the process" and
/// "make sure the backup ran" do not. A program whose name is no English word (`helm`,
/// `kubectl`) needs no such shape when it has words after it: "helm repo update sablewood".
/// The command ends with its sentence, and what it quotes (`-l 'state in (merged)'`) is its
/// argument, never grammar.
fn reads_as_code(command: &str, named_as_code: bool) -> bool {
    const GRAMMAR: Words = words![
        "the", "a", "an", "to", "and", "or", "of", "for", "in", "is", "are", "be", "it", "that",
        "this", "sure", "not", "if", "when", "all", "any", "so",
    ];
    let line = command.split('\n').next().unwrap_or("");
    let mut shaped = false;
    let mut arguments = 0;
    let mut quote: Option<char> = None;
    for word in line.split(' ').skip(1) {
        if quote.is_none() {
            if GRAMMAR.contains(word.to_ascii_lowercase().trim_end_matches(&['.', ','][..])) {
                return false;
            }
            arguments += 1;
            shaped |= (word.len() > 1 && word.starts_with('-'))
                || word.bytes().any(|b| b"/*=$|>~@".contains(&b));
        }
        let mut previous = ' ';
        for c in word.chars() {
            match quote {
                Some(open) if c == open => quote = None,
                None if opens_quote(previous, c) => quote = Some(c),
                _ => {}
            }
            previous = c;
        }
        // The sentence, or its clause, ends here.
        if quote.is_none() && word.ends_with(&['.', ',', ';'][..]) {
            break;
        }
    }
    shaped || (named_as_code && arguments > 0)
}

/// Where the first `; ` outside quotes that no known program or shell assignment follows is,
/// in a line of commands.
fn commands_end(line: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = find_unquoted(&line[from..], "; ") {
        let at = from + found;
        let next = line[at + 2..].split(' ').next().unwrap_or("");
        if !crate::rules::is_known_program(next)
            && crate::shell::command::is_assignment(next).is_none()
        {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Where `stop` first occurs in `text` outside single or double quotes.
fn find_unquoted(text: &str, stop: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (i, c) in text.char_indices() {
        match quote {
            Some(open) if c == open => quote = None,
            Some(_) => {}
            None if opens_quote(previous, c) => quote = Some(c),
            None if text[i..].starts_with(stop) => return Some(i),
            None => {}
        }
        previous = c;
    }
    None
}

/// A quote opens an argument where a word or a value starts (`-l 'a in (b)'`, `--data="x y"`);
/// inside a word it is an apostrophe ("isn't").
fn opens_quote(previous: char, c: char) -> bool {
    (c == '\'' || c == '"') && matches!(previous, ' ' | '=' | ':' | '(')
}

struct Fence<'a> {
    marker: &'a str,
    language: &'a str,
}

fn fence_of(trimmed: &str) -> Option<Fence<'_>> {
    // The whole run opens the block, and only a run at least as long closes it (CommonMark):
    // a block fenced with four backticks can hold a Markdown file with ``` blocks of its own.
    let fence_char = match trimmed.as_bytes().first() {
        Some(b'`') if trimmed.starts_with("```") => '`',
        Some(b'~') if trimmed.starts_with("~~~") => '~',
        _ => return None,
    };
    let run = trimmed.len() - trimmed.trim_start_matches(fence_char).len();
    let marker = &trimmed[..run];
    let language = trimmed.trim_start_matches(&['`', '~'][..]).trim();
    let language = language.split(&[' ', '{', ','][..]).next().unwrap_or("");
    Some(Fence { marker, language })
}

/// A fence's language says YAML (configuration, not commands).
fn is_yaml(language: &str) -> bool {
    language.eq_ignore_ascii_case("yaml") || language.eq_ignore_ascii_case("yml")
}

/// The steps inside a fenced block, read by its language. Data formats (YAML, JSON, HCL) are
/// configuration, not commands; an unlabelled block is read as shell when it looks like it.
fn fenced_steps(input: &str, body: Span, language: &str) -> Vec<Step> {
    match language.to_ascii_lowercase().as_str() {
        listed
            if words![
                "sh",
                "bash",
                "shell",
                "zsh",
                "console",
                "shell-session",
                "terminal",
                "ps",
                "powershell"
            ]
            .contains(listed) =>
        {
            strip_prompts(input, shell_steps(input, body))
        }
        listed
            if words![
                "sql",
                "psql",
                "mysql",
                "postgres",
                "postgresql",
                "sqlite",
                "plsql",
                "tsql"
            ]
            .contains(listed) =>
        {
            sql_steps(input, body)
        }
        // A program the plan would run: one step, read for the commands it runs and the
        // files it deletes, like `python -c` (what it does beyond that, the tool cannot say).
        listed
            if words![
                "python",
                "py",
                "python3",
                "javascript",
                "js",
                "node",
                "typescript",
                "ts",
                "ruby",
                "rb",
                "perl",
                "php"
            ]
            .contains(listed) =>
        {
            program_step(input, body)
        }
        listed if words!["", "text", "txt", "plain"].contains(listed) => {
            let format = super::detect(body.slice(input));
            match format {
                super::Format::Sql => sql_steps(input, body),
                super::Format::Shell => strip_prompts(input, shell_steps(input, body)),
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

/// A block of program code as one step (empty when the block is).
fn program_step(input: &str, body: Span) -> Vec<Step> {
    let span = trim_span(input, body);
    if span.is_empty() {
        return Vec::new();
    }
    vec![Step {
        span,
        line: 0,
        prose: false,
        code: vec![Code {
            kind: CodeKind::Interpreted,
            span,
        }],
        quoted: Vec::new(),
        blocks: Vec::new(),
    }]
}

/// Console transcripts prefix commands with `$ `; the prompt is not part of the command.
fn strip_prompts(input: &str, mut steps: Vec<Step>) -> Vec<Step> {
    for step in &mut steps {
        let text = step.span.slice(input);
        if let Some(rest) = text.strip_prefix("$ ") {
            let start = step.span.start + (text.len() - rest.len());
            step.span = Span::new(start, step.span.end);
            for code in &mut step.code {
                code.span = Span::new(start.max(code.span.start), code.span.end);
            }
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<&str> {
        steps(input).iter().map(|s| s.span.slice(input)).collect()
    }

    /// A block of Python or JavaScript is a step of its own, read for what it runs and deletes;
    /// a block of data (YAML, JSON) is not a step.
    #[test]
    fn program_blocks_are_steps_and_data_blocks_are_not() {
        let plan = "Clean up:\n\n```python\nimport shutil\nshutil.rmtree('/srv/data')\n```\n\n```yaml\nreplicas: 0\n```\n";
        // "Clean up:" labels the block, as it would a block of shell commands.
        assert_eq!(texts(plan), ["import shutil\nshutil.rmtree('/srv/data')"]);
        let assessed = crate::assess(plan, &Default::default());
        assert!(assessed.steps[0].decision >= crate::Decision::Escalate);
    }

    #[test]
    fn numbered_and_bulleted_items_are_steps() {
        let plan = "# Plan\n\n1. Back up the database.\n2) Delete and recreate\n   the environment.\n- [ ] 3. Verify health\n  - check the dashboard\n";
        assert_eq!(
            texts(plan),
            [
                "Back up the database.",
                "Delete and recreate\n   the environment.",
                "3. Verify health\n  - check the dashboard"
            ]
        );
    }

    #[test]
    fn kiro_tasks_keep_their_details_and_requirements() {
        let plan = "# Implementation Plan\n\n- [x] 1. Set up the model\n  - Create the `Preference` entity\n  - _Requirements: 1.1_\n\n- [ ] 2. Build the API\n- [ ] 2.1 Create the endpoint\n  - Validate the input\n\n  _Requirements: 2.1_\n";
        assert_eq!(
            texts(plan),
            [
                "1. Set up the model\n  - Create the `Preference` entity\n  - _Requirements: 1.1_",
                "2. Build the API",
                "2.1 Create the endpoint\n  - Validate the input\n\n  _Requirements: 2.1_"
            ]
        );
    }

    #[test]
    fn a_ragged_margin_is_not_nesting_but_a_tab_is() {
        assert_eq!(texts(" 1. Stop it\n  2. Start it"), ["Stop it", "Start it"]);
        assert_eq!(
            texts("1. Stop it\n\t- the worker"),
            ["Stop it\n\t- the worker"]
        );
    }

    #[test]
    fn inline_names_are_words_and_inline_commands_are_code() {
        let plan = "1. Drop the `orders_archive` table with `user_id` and `GET /api`\n2. Export to `active_paid.csv`\n3. Run `$ npm test` then `DROP TABLE x;`\n4. `executives` goes away\n";
        let steps = steps(plan);
        assert!(steps[0].code.is_empty() && steps[0].prose);
        assert!(steps[1].code.is_empty());
        let code: Vec<(&str, CodeKind)> = steps[2]
            .code
            .iter()
            .map(|c| (c.span.slice(plan), c.kind))
            .collect();
        assert_eq!(
            code,
            [
                ("npm test", CodeKind::Shell),
                ("DROP TABLE x;", CodeKind::Sql)
            ]
        );
        assert!(steps[3].prose && steps[3].code.is_empty());
    }

    #[test]
    fn a_lead_in_to_a_block_of_commands_labels_its_step() {
        let plan = "1. Deploy to staging:\n   ```bash\n   helm upgrade web ./chart -n staging\n   ```\n2. Apply this to production:\n   ```yaml\n   replicas: 3\n   ```\n";
        let found = steps(plan);
        assert_eq!(found.len(), 2, "one step per list item");
        assert!(found[0].span.slice(plan).starts_with("Deploy to staging:"));
        assert!(!found[0].prose, "a label's words are not read as an action");
        let code: Vec<&str> = found[0].code.iter().map(|c| c.span.slice(plan)).collect();
        assert_eq!(code, ["helm upgrade web ./chart -n staging"]);
        // A YAML block is what the item installs: it stays the item's, read as configuration,
        // and the item's words are still the step's action.
        assert!(found[1]
            .span
            .slice(plan)
            .starts_with("Apply this to production:"));
        assert!(found[1].prose && found[1].code.is_empty());
        assert_eq!(found[1].blocks.len(), 1);
        let loose =
            "Here is the plan.\n\n**1. Find the duplicates**\n\n```sql\nSELECT 1;\n```\n\nDone:\n";
        assert_eq!(texts(loose), ["Here is the plan.", "SELECT 1;", "Done:"]);
    }

    #[test]
    fn a_fenced_block_under_a_list_item_belongs_to_its_step() {
        let plan = "1. Run `terraform destroy -auto-approve` now\n\n   ```bash\n   $ kubectl delete ns payments\n   ls\n   ```\n2. Check the dashboards\n";
        let found = steps(plan);
        assert_eq!(found.len(), 2, "the plan's own numbering is kept");
        let code: Vec<&str> = found[0].code.iter().map(|c| c.span.slice(plan)).collect();
        assert_eq!(
            code,
            [
                "terraform destroy -auto-approve",
                "kubectl delete ns payments",
                "ls"
            ]
        );
        assert!(found[0].prose, "the item's own words are still read");
        assert_eq!(found[0].blocks.len(), 1);
        assert_eq!(found[1].span.slice(plan), "Check the dashboards");
        // Outside a list, each command of a block is its own step; so is a block that neither
        // sits inside the item nor follows an item that introduces it.
        let loose = "Run this:\n```bash\nkubectl delete ns payments\nls\n```\n";
        assert_eq!(texts(loose), ["kubectl delete ns payments", "ls"]);
        let after = "- { read file a.txt }\n```bash\nls\n```\n";
        assert_eq!(texts(after), ["{ read file a.txt }", "ls"]);
    }

    #[test]
    fn without_a_list_each_line_is_a_step() {
        assert_eq!(
            texts("Delete the stack.\nRecreate it."),
            ["Delete the stack.", "Recreate it."]
        );
    }

    #[test]
    fn code_a_step_writes_into_a_file_is_that_files_text() {
        let source = "4. Add `src/jobs/purge.ts`: a job that runs `DELETE FROM sessions WHERE expires_at < now()`.";
        let step = &steps(source)[0];
        assert!(step.code.is_empty() && step.quoted.len() == 1, "{step:?}");
        // A script is run right after it is written: its commands stay the step's.
        let script = "4. Add `scripts/purge.sh`: it runs `rm -rf /srv/data`.";
        assert!(!steps(script)[0].code.is_empty());
    }

    #[test]
    fn yaml_fences_are_data() {
        assert!(steps("```yaml\nkind: Namespace\n```").is_empty());
    }
}
