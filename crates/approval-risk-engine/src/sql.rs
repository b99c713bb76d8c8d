//! A tolerant keyword-level SQL lexer: words with spans, strings and comments skipped. Pasted
//! SQL is often partial, so nothing here rejects input.

use crate::span::Span;
use crate::words::Last;
use crate::words::Words;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlWord {
    /// Lower-cased keyword or identifier (quotes removed).
    pub text: String,
    /// As written.
    pub raw: String,
    pub span: Span,
}

pub fn words(input: &str, span: Span) -> Vec<SqlWord> {
    let text = span.slice(input);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'-' && bytes.get(i + 1) == Some(&b'-') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
        } else if b == b'\'' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'\'' {
                i += 1;
            }
            i += 1;
        } else if b == b'"' || b == b'`' || b == b'[' {
            // A quoted identifier is still a name worth matching on.
            let close = if b == b'[' { b']' } else { b };
            let start = i + 1;
            i += 1;
            while i < bytes.len() && bytes[i] != close {
                i += 1;
            }
            let raw = &text[start..i.min(text.len())];
            out.push(SqlWord {
                text: raw.to_ascii_lowercase(),
                raw: raw.to_string(),
                span: Span::new(span.start + start, span.start + i.min(text.len())),
            });
            i += 1;
        } else if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric()
                    || matches!(bytes[i], b'_' | b'.' | b'$')
                    || bytes[i] >= 0x80)
            {
                i += 1;
            }
            let raw = &text[start..i];
            out.push(SqlWord {
                text: raw.to_ascii_lowercase(),
                raw: raw.to_string(),
                span: Span::new(span.start + start, span.start + i),
            });
        } else if b == b'*' {
            out.push(SqlWord {
                text: "*".into(),
                raw: "*".into(),
                span: Span::new(span.start + i, span.start + i + 1),
            });
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// A statement with common table expressions (`WITH a AS (...), b AS (UPDATE ...) SELECT ...`)
/// as the statements it runs: each expression's body, then the main statement. A
/// data-modifying expression changes rows whatever the main statement reads, so each part is
/// judged on its own. Any other statement, or one this cannot take apart, is itself.
pub fn with_parts(input: &str, statement: Span) -> Vec<Span> {
    let text = statement.slice(input);
    let bytes = text.as_bytes();
    let starts_with_with = text
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("with"))
        && bytes.get(4).is_some_and(u8::is_ascii_whitespace);
    if !starts_with_with {
        return vec![statement];
    }
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    let mut i = 4;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' {
                    i += 1;
                }
            }
            b'(' => {
                if depth == 0 {
                    open = i + 1;
                }
                depth += 1;
            }
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    parts.push(Span::new(statement.start + open, statement.start + i));
                }
            }
            b if depth == 0 && b.is_ascii_alphabetic() => {
                // The main statement: the first of its keywords outside every parenthesis
                // once an expression's body has closed.
                let word: String = text
                    .get(i..)
                    .unwrap_or("")
                    .chars()
                    .take_while(char::is_ascii_alphabetic)
                    .collect::<String>()
                    .to_ascii_lowercase();
                if !parts.is_empty()
                    && words!["select", "insert", "update", "delete", "merge"]
                        .contains(word.as_str())
                {
                    parts.push(Span::new(statement.start + i, statement.end));
                    return parts;
                }
                i += word.len().max(1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    vec![statement]
}

/// What a statement does to the transaction it is in, for crediting a check made inside one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InTransaction {
    Begin,
    Commit,
    Rollback,
    /// A statement that aborts the transaction when a condition fails and changes nothing
    /// itself: a PL/pgSQL `DO` block that only reads and raises (`IF (SELECT count(*) ...) <>
    /// 318 THEN RAISE EXCEPTION`), or T-SQL's `IF @@ROWCOUNT <> 318 THROW`.
    Check,
    /// Rows changed by `UPDATE`, `DELETE`, `INSERT` or `MERGE`, which a transaction can undo
    /// (DDL and `TRUNCATE` are not: MySQL commits them at once).
    Rows,
    Other,
}

/// Words that change something; a check holds none of them outside its strings.
const CHANGING: Words = words![
    "insert", "update", "delete", "merge", "drop", "truncate", "alter", "create", "grant",
    "revoke", "perform", "execute"
];

pub fn in_transaction(words: &[SqlWord]) -> InTransaction {
    let Some(first) = words.first() else {
        return InTransaction::Other;
    };
    let second = words.get(1).map(|w| w.text.as_str());
    let only = |n: usize| words.len() <= n;
    match (first.text.as_str(), second) {
        ("begin", None | Some("transaction" | "work")) if only(2) => InTransaction::Begin,
        ("start", Some("transaction")) => InTransaction::Begin,
        ("commit" | "end", None | Some("transaction" | "work")) if only(2) => InTransaction::Commit,
        ("rollback", None | Some("transaction" | "work")) if only(2) => InTransaction::Rollback,
        ("update" | "delete" | "insert" | "merge", _) => InTransaction::Rows,
        ("do" | "if", _) => {
            let aborts = words.iter().any(|w| {
                words!["raise", "assert", "throw", "raiserror", "rollback"]
                    .contains(w.text.as_str())
            });
            let changes = words[1..]
                .iter()
                .any(|w| CHANGING.contains(&w.text.as_str()));
            if aborts && !changes {
                InTransaction::Check
            } else {
                InTransaction::Other
            }
        }
        _ => InTransaction::Other,
    }
}

/// The columns an `UPDATE ... SET a = ..., t.b = ...` assigns, lower-case without a table
/// prefix; `None` when `statement` is not an `UPDATE`. The clause ends where the lexer finds
/// `WHERE`, `FROM` or `RETURNING`, so a keyword inside a string does not end it.
pub fn assigned_columns(statement: &str) -> Option<Vec<String>> {
    let words = words(statement, Span::new(0, statement.len()));
    if words.first()?.text != "update" {
        return None;
    }
    let set = words.iter().position(|w| w.text == "set")?;
    let end = words[set + 1..]
        .iter()
        .find(|w| words!["where", "from", "returning"].contains(w.text.as_str()))
        .map_or(statement.len(), |w| w.span.start);
    let clause = statement.get(words[set].span.end..end)?;
    Some(
        top_level_items(clause)
            .filter_map(|item| column_name(item.split('=').next()?))
            .collect(),
    )
}

/// The columns a `SELECT` lists, lower-case without table prefixes; `None` when it takes
/// every column (`*`) or has no `SELECT ... FROM`.
pub fn selected_columns(statement: &str) -> Option<Vec<String>> {
    let words = words(statement, Span::new(0, statement.len()));
    let select = words.iter().position(|w| w.text == "select")?;
    let from = words[select + 1..].iter().find(|w| w.text == "from")?;
    if words[select + 1..]
        .iter()
        .take_while(|w| w.text != "from")
        .any(|w| w.text == "*")
    {
        return None;
    }
    let list = statement.get(words[select].span.end..from.span.start)?;
    Some(top_level_items(list).filter_map(selected_name).collect())
}

/// The name a select item gives its column: its alias (`coalesce(a, b) AS ab`, `a ab`), or
/// the column itself; an expression without an alias names none.
fn selected_name(item: &str) -> Option<String> {
    let parts: Vec<&str> = item.split_whitespace().collect();
    match parts.as_slice() {
        [column] if !column.contains('(') => column_name(column),
        [.., as_word, alias] if as_word.eq_ignore_ascii_case("as") => column_name(alias),
        [column, alias] if !column.contains('(') => column_name(alias),
        [.., last] if last.ends_with(')') => None,
        [.., alias] => column_name(alias),
        [] => None,
    }
}

/// The comma-separated items of a list, commas inside parentheses or quotes left alone.
fn top_level_items(list: &str) -> impl Iterator<Item = &str> {
    let mut items = Vec::new();
    let (mut depth, mut quote, mut start) = (0_usize, None::<char>, 0);
    for (i, c) in list.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth = depth.saturating_sub(1),
            (None, ',') if depth == 0 => {
                items.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&list[start..]);
    items.into_iter()
}

/// A column as written (`t.email`, `"Email"`), lower-case without its table or quotes.
fn column_name(written: &str) -> Option<String> {
    let name = written
        .trim()
        .after_last(b'.')
        .trim_matches(&['"', '`'][..]);
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_comments_are_skipped() {
        let text = "DELETE FROM users -- WHERE id = 1\n WHERE note = 'drop table'";
        let w: Vec<String> = words(text, Span::new(0, text.len()))
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["delete", "from", "users", "where", "note"]);
    }

    #[test]
    fn assigned_and_selected_columns_are_read_past_strings_and_calls() {
        assert_eq!(
            super::assigned_columns(
                "UPDATE users u SET u.plan = 'free, where ok', note = concat(a, b) WHERE id > 3"
            ),
            Some(vec!["plan".to_string(), "note".to_string()])
        );
        assert_eq!(super::assigned_columns("DELETE FROM users"), None);
        assert_eq!(
            super::selected_columns(
                "CREATE TABLE c AS SELECT id, coalesce(a, b) AS ab, t.email, lower(name) FROM users t"
            ),
            Some(vec!["id".to_string(), "ab".to_string(), "email".to_string()])
        );
        assert_eq!(
            super::selected_columns("CREATE TABLE c AS SELECT * FROM users"),
            None
        );
    }
}
