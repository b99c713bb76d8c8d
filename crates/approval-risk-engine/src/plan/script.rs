//! Steps of a shell script (one command line each, heredoc bodies and continuations included)
//! and of a SQL script (one statement each).

use super::{trim_span, Code, CodeKind, Step};
use crate::shell::lexer::{tokenize, Op, Token};
use crate::span::Span;
use crate::words::Last;
use crate::words::Words;

/// Splits shell text into steps at unescaped newlines outside quotes and heredocs; comment-only
/// lines are not steps, but a comment after a command on its line is part of its step (the
/// author's note on that command, read for the environment it names).
pub fn shell_steps(input: &str, within: Span) -> Vec<Step> {
    let text = within.slice(input);
    let mut steps = Vec::new();
    let mut current: Option<Span> = None;
    let close = |current: &mut Option<Span>, steps: &mut Vec<Step>| {
        if let Some(span) = current.take() {
            let span = trim_span(input, with_trailing_comment(input, span, within.end, "#"));
            if !span.is_empty() {
                steps.push(Step {
                    span,
                    line: 0,
                    prose: false,
                    code: vec![Code {
                        kind: CodeKind::Shell,
                        span,
                    }],
                    quoted: Vec::new(),
                    blocks: Vec::new(),
                });
            }
        }
    };
    // Lines of a PowerShell hashtable or script block the step opened and has not closed
    // (`New-MgIdentityConditionalAccessPolicy -BodyParameter @{`, `ForEach-Object {`): its
    // arguments, not steps of their own. At most `BLOCK_LINES` of them, so a bracket a line only
    // seemed to open does not take the rest of the script into one step.
    const BLOCK_LINES: usize = 256;
    let mut block_lines = 0;
    // How many brackets the block has open, kept line by line: counting them over the whole
    // step at every line would cost a long block its length squared.
    let mut depth = 0;
    let mut line_start = within.start;
    for token in tokenize(text, within.start) {
        let span = match &token {
            Token::Op(Op::Newline, newline) => {
                let open = current.is_some_and(|c| {
                    let step = c.slice(input);
                    let last = input
                        .get(line_start.max(c.start)..c.end)
                        .unwrap_or_default()
                        .trim_end();
                    let opens = block_lines > 0
                        || last.ends_with("@{")
                        || last.ends_with("@(")
                        || (last.ends_with('{')
                            && crate::rules::is_cmdlet(
                                step.split_whitespace().next().unwrap_or_default(),
                            ));
                    if opens {
                        depth = if block_lines == 0 {
                            crate::words::brackets(step)
                        } else {
                            depth + crate::words::brackets(last)
                        };
                    }
                    opens && block_lines < BLOCK_LINES && depth > 0
                });
                line_start = newline.end;
                if open {
                    block_lines += 1;
                } else {
                    block_lines = 0;
                    close(&mut current, &mut steps);
                }
                continue;
            }
            Token::Op(_, span) => *span,
            Token::Word(word) => word.span,
            Token::Redirect { span, body, .. } => body.map_or(*span, |b| span.cover(b)),
        };
        current = Some(current.map_or(span, |c| c.cover(span)));
    }
    close(&mut current, &mut steps);
    steps
}

/// Splits SQL into statements at `;` outside strings, comments and dollar quotes.
pub fn sql_steps(input: &str, within: Span) -> Vec<Step> {
    let mut steps = Vec::new();
    for span in sql_statements(input, within) {
        steps.push(Step {
            span,
            line: 0,
            prose: false,
            code: vec![Code {
                kind: CodeKind::Sql,
                span,
            }],
            quoted: Vec::new(),
            blocks: Vec::new(),
        });
    }
    steps
}

/// Statement spans (trimmed, comment-only statements dropped) of SQL text.
pub fn sql_statements(input: &str, within: Span) -> Vec<Span> {
    let text = within.slice(input);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |from: usize, to: usize, out: &mut Vec<Span>| {
        let span = skip_leading_comments(input, Span::new(within.start + from, within.start + to));
        if !span.is_empty() {
            out.push(span);
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' | b'`' => {
                let quote = bytes[i];
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += 1;
                }
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'$' => {
                // A dollar quote `$tag$ ... $tag$` (PostgreSQL function bodies).
                let tag_end = text[i + 1..].find('$').map(|e| i + 1 + e);
                if let Some(tag_end) = tag_end {
                    let tag = &text[i..=tag_end];
                    if tag[1..tag.len() - 1]
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_')
                    {
                        match text[tag_end + 1..].find(tag) {
                            Some(close) => i = tag_end + 1 + close + tag.len() - 1,
                            None => i = bytes.len(),
                        }
                    }
                }
            }
            b';' => {
                // A `-- note` after the `;` on the same line belongs to this statement.
                let end = with_trailing_comment(
                    input,
                    Span::new(within.start, within.start + i + 1),
                    within.end,
                    "--",
                )
                .end - within.start;
                push(start, end, &mut out);
                start = end;
                i = end - 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        push(start, bytes.len(), &mut out);
    }
    out
}

/// `span` extended to the end of its line when the rest of the line, after spaces, is a comment
/// opened by `marker`.
fn with_trailing_comment(input: &str, span: Span, limit: usize, marker: &str) -> Span {
    let rest = Span::new(span.end, limit.max(span.end)).slice(input);
    let line = rest.split('\n').next().unwrap_or("");
    if line
        .trim_start_matches(&[' ', '\t'][..])
        .starts_with(marker)
    {
        Span::new(span.start, span.end + line.len())
    } else {
        span
    }
}

/// Trims whitespace and leading `--` / `/* */` comments, so a statement's span starts at its
/// first keyword; a statement that is only comments becomes empty.
fn skip_leading_comments(input: &str, span: Span) -> Span {
    let mut span = trim_span(input, span);
    loop {
        let text = span.slice(input);
        let skip = if text.starts_with("--") {
            text.find('\n').map_or(text.len(), |i| i + 1)
        } else if text.starts_with("/*") {
            text.find("*/").map_or(text.len(), |i| i + 2)
        } else {
            return span;
        };
        span = trim_span(input, Span::new(span.start + skip, span.end));
    }
}

pub(crate) const SQL_STARTS: Words = words![
    "select", "insert", "update", "delete", "drop", "truncate", "alter", "create", "grant",
    "revoke", "begin", "commit", "rollback", "with", "vacuum", "set", "use", "reset", "purge",
    "flush", "lock", "unlock", "rename", "analyze", "reindex", "cluster", "comment", "merge",
    "optimize",
];

/// Second words that make a line SQL rather than English ("drop table", "delete from").
const SQL_OBJECTS: Words = words![
    "table",
    "database",
    "schema",
    "index",
    "view",
    "user",
    "role",
    "function",
    "procedure",
    "trigger",
    "sequence",
    "materialized",
    "temporary",
    "temp",
    "extension",
    "type",
    "policy",
    "unique",
    "or",
    "if",
    "from",
    "into",
    "all",
    "*",
    "distinct",
    "column",
    "owned",
    "publication",
    "subscription",
    "tablespace",
    "only",
];

pub fn looks_like_sql(line: &str) -> bool {
    let mut words = line.split_whitespace().map(|w| w.to_ascii_lowercase());
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    // A statement of one word carries its `;` (`BEGIN;`, `COMMIT;`).
    let first = first.trim_end_matches(';');
    if !SQL_STARTS.contains(&first) {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    match first {
        "select" => lower.contains(" from ") || line.ends_with(';'),
        "update" => lower.contains(" set "),
        // `GRANT ... TO role`, `REVOKE ... FROM role`, always; "Grant the deploy role admin on
        // the project" is an English sentence, whose second word no statement has.
        "grant" | "revoke" => {
            (lower.contains(" to ") || lower.contains(" from "))
                && !words![
                    "the", "a", "an", "them", "him", "her", "our", "their", "this", "that",
                    "access"
                ]
                .contains(second.as_str())
        }
        "with" => lower.contains(" as ("),
        listed
            if words!["begin", "commit", "rollback", "vacuum", "set", "use"].contains(listed) =>
        {
            line.ends_with(';')
        }
        // A statement that ends like one (`truncate orders;`, `RESET MASTER;`).
        _ => {
            SQL_OBJECTS.contains(&second.trim_end_matches(';'))
                || (line.ends_with(';') && !line.contains(" -"))
        }
    }
}

/// A line starts with something that runs: a known program, a path to one, an assignment, or
/// a `$ ` prompt.
pub fn looks_like_shell(line: &str) -> bool {
    let line = line.strip_prefix("$ ").unwrap_or(line);
    // A PowerShell variable set (`$ou = 'OU=Leavers,...'`, `$users = Get-ADUser ...`).
    let mut words = line.split_whitespace();
    if let (Some(variable), Some("=")) = (words.next(), words.next()) {
        if variable.len() > 1
            && variable.starts_with('$')
            && variable[1..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':'))
        {
            return true;
        }
    }
    // `(cd x && ...)`, `{ a; b; }` and `"git" reset` still start with a command.
    if line.starts_with("$(") || line.starts_with('`') {
        return true;
    }
    // `$users | Disable-ADAccount`: a PowerShell variable handing its value to a cmdlet.
    let mut piped = line.split_whitespace();
    if let (Some(variable), Some("|"), Some(cmdlet)) = (piped.next(), piped.next(), piped.next()) {
        if crate::rules::is_variable_name(variable) && crate::rules::is_cmdlet(cmdlet) {
            return true;
        }
    }
    let braced = line.starts_with('{');
    let line = line.trim_start_matches(&['(', '{', ' '][..]);
    let first = line.split_whitespace().next().unwrap_or("");
    // Quotes split inside a word (`r''m`, `"git"`) are removed by the shell before it runs.
    let unquoted: std::borrow::Cow<str> = if first.contains(&['"', '\'', '\\'][..]) {
        first
            .chars()
            .filter(|c| !matches!(c, '"' | '\'' | '\\'))
            .collect::<String>()
            .into()
    } else {
        first.into()
    };
    let first = &*unquoted;
    // `A=1 cmd` assigns; `partition_by={'field': 'play_date'}` is a configuration literal
    // (a dict or a list left open in the first word), not a shell line.
    let literal = ["={", "=["]
        .iter()
        .any(|open| first.contains(open) && !first.ends_with(&['}', ']'][..]));
    // Only a variable's name can be assigned: `cleanup.policy=compact` and
    // `db0:keys=9412877` are settings and output a plan quotes, not commands.
    let assigns = first.split_once('=').is_some_and(|(name, _)| {
        crate::words::starts_like_a_name(name)
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    });
    if assigns && !literal {
        return true;
    }
    let name = first.trim_start_matches('\\').after_last(b'/');
    if crate::rules::is_known_program(name)
        || crate::rules::is_cmdlet(name)
        || first.starts_with("./")
        || first.starts_with("~/")
    {
        return true;
    }
    // An unknown word followed by flags, pipes or redirections, and no sentence punctuation,
    // is a command line too (`frobnicate --all | tee out`). Not inside braces: a tool call the
    // transcript reader wrote as words (`{ crm query the customers charge_count > 1 }`) holds
    // its arguments' text, comparisons and all; a known program there still counts.
    let word_like = !braced
        && !first.is_empty()
        && first.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.' | '/')
        });
    let operators = line.split_whitespace().skip(1).any(|w| {
        (w.starts_with('-') && w.len() > 1) || words!["|", "&&", "||", ">", ">>"].contains(w)
    });
    word_like && operators && !line.trim_end().ends_with(&['.', ':', '?', '!'][..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_word_with_operators_is_a_command_but_not_in_braces() {
        assert!(looks_like_shell("frobnicate --all | tee out"));
        // A tool call written as words holds its arguments' comparisons.
        assert!(!looks_like_shell(
            "{ crm query the customers charge_count > 1 name email }"
        ));
        // A group of known commands is still shell.
        assert!(looks_like_shell("{ rm -rf build; make; }"));
    }

    /// A PowerShell hashtable or script block that runs over several lines is one step with the
    /// cmdlet it is given to; a bash brace group or function keeps its lines as steps.
    #[test]
    fn a_powershell_block_over_several_lines_is_one_step() {
        let text = "New-MgIdentityConditionalAccessPolicy -BodyParameter @{\n    displayName = 'CA02'\n    conditions = @{\n        users = @{ includeUsers = @('All') }\n    }\n}\nStop-Transcript\n";
        let steps = shell_steps(text, Span::new(0, text.len()));
        assert_eq!(
            steps.len(),
            2,
            "{:?}",
            steps.iter().map(|s| s.span.slice(text)).collect::<Vec<_>>()
        );
        assert!(steps[0].span.slice(text).ends_with('}'));
        let bash = "cleanup() {\n  rm -rf build\n}\ncleanup\n";
        assert_eq!(shell_steps(bash, Span::new(0, bash.len())).len(), 4);
    }

    #[test]
    fn heredoc_stays_in_its_step() {
        let text = "psql <<SQL\nDROP TABLE a;\nSQL\nls";
        let steps = shell_steps(text, Span::new(0, text.len()));
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].span.slice(text), "psql <<SQL\nDROP TABLE a;");
        assert_eq!(steps[1].span.slice(text), "ls");
    }

    #[test]
    fn comment_lines_are_not_steps() {
        let text = "# clean up\nrm -rf build\n\n";
        let steps = shell_steps(text, Span::new(0, text.len()));
        assert_eq!(steps.len(), 1);
    }

    #[test]
    fn a_comment_after_a_command_is_part_of_its_step() {
        let text = "rm -rf build # billing-prod\n# alone\nls";
        let steps = shell_steps(text, Span::new(0, text.len()));
        let texts: Vec<&str> = steps.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(texts, ["rm -rf build # billing-prod", "ls"]);
        let sql = "DELETE FROM a; -- prod only\n-- next\nDROP TABLE b; DROP TABLE c;";
        let spans = sql_statements(sql, Span::new(0, sql.len()));
        let texts: Vec<&str> = spans.iter().map(|s| s.slice(sql)).collect();
        assert_eq!(
            texts,
            [
                "DELETE FROM a; -- prod only",
                "DROP TABLE b;",
                "DROP TABLE c;"
            ]
        );
    }

    #[test]
    fn a_grant_is_sql_only_in_a_statements_shape() {
        assert!(looks_like_sql("GRANT SELECT ON orders TO reporting;"));
        assert!(looks_like_sql(
            "revoke all on schema billing from contractor"
        ));
        assert!(!looks_like_sql(
            "Grant the deploy role admin on the prod project."
        ));
        assert!(!looks_like_sql(
            "Grant access to the bucket for the partner."
        ));
    }

    #[test]
    fn sql_splits_outside_strings_and_dollar_quotes() {
        let text = "INSERT INTO t VALUES ('a;b');\nCREATE FUNCTION f() AS $$ BEGIN; END $$;\n-- only a comment;\nDROP TABLE t";
        let spans = sql_statements(text, Span::new(0, text.len()));
        let texts: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            texts,
            [
                "INSERT INTO t VALUES ('a;b');",
                "CREATE FUNCTION f() AS $$ BEGIN; END $$;",
                "DROP TABLE t"
            ]
        );
    }
}
