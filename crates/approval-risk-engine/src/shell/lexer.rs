//! A lossless, never-failing shell tokenizer: words with their unquoted values and exact spans,
//! control operators, redirections and heredoc bodies.
//!
//! What it understands: single, double and ANSI-C (`$'..'`) quotes, backslash escapes, line
//! continuations, comments, `&&` `||` `;` `|` `&` `(` `)`, redirections (`>`, `>>`, `<`, `2>`,
//! `&>`, `>|`), heredocs (`<<`, `<<-`, quoted delimiters), and `$( )` / backtick substitutions,
//! whose inner text is recorded so the caller can assess it as a command of its own.
//!
//! What it does not understand, and flags instead: parameter expansions (`$X`, `${X:-y}`),
//! globs, arithmetic, and process substitution are kept as literal text with `dynamic` or
//! `glob` set, so the engine can treat what it cannot resolve as unknown rather than safe. An
//! unterminated quote or substitution ends the word at the end of input with `terminated:
//! false`; nothing here returns an error or panics.

use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    /// The word as the shell would pass it, quotes removed and escapes applied; expansions are
    /// kept literally (`$HOME`).
    pub value: String,
    /// Some part of the word was quoted.
    pub quoted: bool,
    /// The whole word is one quoted string (`'..'` or `".."`), so its inner text is `span`
    /// shrunk by one byte at each end.
    pub single_string: bool,
    /// Contains an unquoted or double-quoted `$`/backtick expansion the lexer did not resolve.
    pub dynamic: bool,
    /// Contains an unquoted glob character (`*`, `?`, `[`).
    pub glob: bool,
    pub terminated: bool,
    /// Spans of the inner text of each `$( )` or backtick substitution in the word.
    pub substitutions: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    And,
    Or,
    Semi,
    Pipe,
    Background,
    Newline,
    OpenParen,
    CloseParen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectKind {
    Write,
    Append,
    Read,
    /// `<<` or `<<-`: the body is the command's standard input.
    Heredoc {
        quoted_delimiter: bool,
    },
    /// `<<<`: a here-string.
    HereString,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Word(Word),
    Op(Op, Span),
    /// A redirection operator; for files the target is the following word. For heredocs the
    /// body is given here (empty when the input ended first).
    Redirect {
        kind: RedirectKind,
        span: Span,
        body: Option<Span>,
    },
}

struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    base: usize,
    pos: usize,
    tokens: Vec<Token>,
    /// Heredocs opened on the current line: token index, delimiter, strip leading tabs.
    pending_heredocs: Vec<(usize, String, bool)>,
}

/// Tokenizes `text`, reporting spans offset by `base` (the position of `text` in the input).
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut lexer = Lexer {
        text,
        bytes: text.as_bytes(),
        base,
        pos: 0,
        tokens: Vec::new(),
        pending_heredocs: Vec::new(),
    };
    lexer.run();
    lexer.tokens
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    fn push_op(&mut self, op: Op, len: usize) {
        let start = self.pos;
        self.pos += len;
        self.tokens.push(Token::Op(op, self.span(start, self.pos)));
    }

    fn run(&mut self) {
        while let Some(byte) = self.peek() {
            match byte {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\\' if self.peek_at(1) == Some(b'\n') => self.pos += 2,
                b'\n' => {
                    self.push_op(Op::Newline, 1);
                    self.read_heredoc_bodies();
                }
                b'#' => self.skip_comment(),
                b'&' if self.peek_at(1) == Some(b'&') => self.push_op(Op::And, 2),
                b'&' if self.peek_at(1) == Some(b'>') => {
                    let len = if self.peek_at(2) == Some(b'>') { 3 } else { 2 };
                    self.push_redirect(RedirectKind::Write, len);
                }
                b'&' => self.push_op(Op::Background, 1),
                b'|' if self.peek_at(1) == Some(b'|') => self.push_op(Op::Or, 2),
                b'|' if self.peek_at(1) == Some(b'&') => self.push_op(Op::Pipe, 2),
                b'|' => self.push_op(Op::Pipe, 1),
                b';' if self.peek_at(1) == Some(b';') => self.push_op(Op::Semi, 2),
                b';' => self.push_op(Op::Semi, 1),
                b'(' => self.push_op(Op::OpenParen, 1),
                b')' => self.push_op(Op::CloseParen, 1),
                // `<(crontab -l)`: a process substitution, a word whose commands run first.
                b'<' | b'>' if self.peek_at(1) == Some(b'(') => self.word(),
                b'<' | b'>' => self.redirect(),
                b'0'..=b'9' if self.is_fd_redirect() => self.redirect(),
                _ => self.word(),
            }
        }
        // Heredocs whose body never started still get a (possibly empty) body.
        self.read_heredoc_bodies();
    }

    fn skip_comment(&mut self) {
        while let Some(byte) = self.peek() {
            if byte == b'\n' {
                break;
            }
            self.pos += 1;
        }
    }

    fn is_fd_redirect(&self) -> bool {
        let mut ahead = 0;
        while matches!(self.peek_at(ahead), Some(b'0'..=b'9')) {
            ahead += 1;
        }
        matches!(self.peek_at(ahead), Some(b'<' | b'>'))
    }

    fn push_redirect(&mut self, kind: RedirectKind, len: usize) {
        let start = self.pos;
        self.pos += len;
        self.tokens.push(Token::Redirect {
            kind,
            span: self.span(start, self.pos),
            body: None,
        });
    }

    fn redirect(&mut self) {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        let kind = match (self.peek(), self.peek_at(1), self.peek_at(2)) {
            (Some(b'<'), Some(b'<'), Some(b'<')) => {
                self.pos += 3;
                RedirectKind::HereString
            }
            (Some(b'<'), Some(b'<'), _) => {
                self.pos += 2;
                let strip_tabs = self.peek() == Some(b'-');
                if strip_tabs {
                    self.pos += 1;
                }
                return self.heredoc(start, strip_tabs);
            }
            (Some(b'<'), _, _) => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'&' | b'>')) {
                    self.pos += 1;
                }
                RedirectKind::Read
            }
            (Some(b'>'), Some(b'>'), _) => {
                self.pos += 2;
                RedirectKind::Append
            }
            _ => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'|' | b'&')) {
                    self.pos += 1;
                }
                RedirectKind::Write
            }
        };
        self.tokens.push(Token::Redirect {
            kind,
            span: self.span(start, self.pos),
            body: None,
        });
    }

    fn heredoc(&mut self, start: usize, strip_tabs: bool) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
        let delimiter_word = self.read_word();
        let quoted_delimiter = delimiter_word.quoted;
        let index = self.tokens.len();
        self.tokens.push(Token::Redirect {
            kind: RedirectKind::Heredoc { quoted_delimiter },
            span: self.span(start, self.pos),
            body: None,
        });
        self.pending_heredocs
            .push((index, delimiter_word.value, strip_tabs));
    }

    /// Called just after a newline: each heredoc opened on the finished line takes the
    /// following lines up to its delimiter line.
    fn read_heredoc_bodies(&mut self) {
        let pending = std::mem::take(&mut self.pending_heredocs);
        for (index, delimiter, strip_tabs) in pending {
            let body_start = self.pos;
            let mut body_end = self.text.len();
            let mut after = self.text.len();
            let mut line_start = self.pos;
            while line_start < self.text.len() {
                let line_end = self.text[line_start..]
                    .find('\n')
                    .map_or(self.text.len(), |i| line_start + i);
                let line = &self.text[line_start..line_end];
                let line = if strip_tabs {
                    line.trim_start_matches('\t')
                } else {
                    line
                };
                if line.trim_end_matches('\r') == delimiter {
                    body_end = line_start;
                    after = (line_end + 1).min(self.text.len());
                    break;
                }
                line_start = line_end + 1;
            }
            self.pos = after.max(self.pos);
            if let Some(Token::Redirect { body, .. }) = self.tokens.get_mut(index) {
                *body = Some(Span::new(
                    self.base + body_start,
                    self.base + body_end.max(body_start),
                ));
            }
        }
    }

    fn word(&mut self) {
        let word = self.read_word();
        if word.span.is_empty() {
            // A byte no rule consumed (cannot happen with the match above, but never loop).
            self.pos += 1;
            return;
        }
        self.tokens.push(Token::Word(word));
    }

    fn read_word(&mut self) -> Word {
        let start = self.pos;
        let mut value = String::new();
        let mut quoted = false;
        let mut dynamic = false;
        let mut glob = false;
        let mut terminated = true;
        let mut substitutions = Vec::new();
        let mut quote_runs = 0usize;
        let mut unquoted_chars = 0usize;
        while let Some(byte) = self.peek() {
            match byte {
                b'$' | b'<' | b'>' if self.peek_at(1) == Some(b'(') => {
                    dynamic = true;
                    unquoted_chars += 1;
                    let open = self.pos;
                    terminated &= self.substitution(&mut substitutions);
                    value.push_str(&self.text[open..self.pos]);
                }
                // A bash array assignment (`ARGS=(--bootstrap-server host:9092 -v)`): the list
                // in parentheses is the value, one word with its name, not a command.
                b'(' if is_array_assignment(&value) => {
                    let open = self.pos;
                    let mut quote = None;
                    while let Some(b) = self.peek() {
                        self.pos += 1;
                        match (quote, b) {
                            (None, b'\'' | b'"') => quote = Some(b),
                            (Some(q), _) if b == q => quote = None,
                            (None, b')') => break,
                            _ => {}
                        }
                    }
                    value.push_str(&self.text[open..self.pos]);
                }
                b' ' | b'\t' | b'\r' | b'\n' | b';' | b'&' | b'|' | b'<' | b'>' | b'(' | b')' => {
                    // `$(`, `<(` and `>(` inside a word are handled below; a bare paren ends it.
                    break;
                }
                // In a Windows path (`C:\Users\x`, `.\build`, `%TEMP%\x`, `$env:TEMP\x`) a
                // backslash separates folders; it escapes nothing, and the path keeps it.
                b'\\' if windows_path(&value, self.peek_at(1)) => {
                    value.push('\\');
                    self.pos += 1;
                    unquoted_chars += 1;
                }
                b'\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'\n') => self.pos += 1,
                        Some(_) => {
                            let ch = self.next_char();
                            value.push(ch);
                            unquoted_chars += 1;
                        }
                        None => {}
                    }
                }
                b'\'' => {
                    quoted = true;
                    quote_runs += 1;
                    self.pos += 1;
                    match self.text[self.pos..].find('\'') {
                        Some(i) => {
                            value.push_str(&self.text[self.pos..self.pos + i]);
                            self.pos += i + 1;
                        }
                        None => {
                            value.push_str(&self.text[self.pos..]);
                            self.pos = self.text.len();
                            terminated = false;
                        }
                    }
                }
                b'$' if self.peek_at(1) == Some(b'\'') => {
                    quoted = true;
                    quote_runs += 1;
                    self.pos += 2;
                    terminated &= self.ansi_c_string(&mut value);
                }
                b'"' => {
                    quoted = true;
                    quote_runs += 1;
                    self.pos += 1;
                    terminated &= self.double_quoted(&mut value, &mut dynamic, &mut substitutions);
                }
                b'`' => {
                    dynamic = true;
                    unquoted_chars += 1;
                    let open = self.pos;
                    terminated &= self.backtick(&mut substitutions);
                    value.push_str(&self.text[open..self.pos]);
                }
                b'$' => {
                    dynamic = true;
                    unquoted_chars += 1;
                    let open = self.pos;
                    self.parameter();
                    value.push_str(&self.text[open..self.pos]);
                }
                b'*' | b'?' | b'[' => {
                    glob = true;
                    unquoted_chars += 1;
                    value.push(byte as char);
                    self.pos += 1;
                }
                _ => {
                    let ch = self.next_char();
                    value.push(ch);
                    unquoted_chars += 1;
                }
            }
        }
        Word {
            span: self.span(start, self.pos),
            value,
            quoted,
            single_string: quote_runs == 1 && unquoted_chars == 0 && terminated,
            dynamic,
            glob,
            terminated,
            substitutions,
        }
    }

    fn next_char(&mut self) -> char {
        let ch = self.text[self.pos..].chars().next().unwrap_or('\u{fffd}');
        self.pos += ch.len_utf8().max(1);
        ch
    }

    /// Reads the inside of `"..."` (the opening quote already consumed). Returns whether the
    /// closing quote was found.
    fn double_quoted(
        &mut self,
        value: &mut String,
        dynamic: &mut bool,
        subs: &mut Vec<Span>,
    ) -> bool {
        while let Some(byte) = self.peek() {
            match byte {
                b'"' => {
                    self.pos += 1;
                    return true;
                }
                b'\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'\n') => self.pos += 1,
                        Some(b'"' | b'\\' | b'$' | b'`') => {
                            value.push(self.next_char());
                        }
                        Some(_) => {
                            value.push('\\');
                            value.push(self.next_char());
                        }
                        None => {}
                    }
                }
                b'$' if self.peek_at(1) == Some(b'(') => {
                    *dynamic = true;
                    let open = self.pos;
                    self.substitution(subs);
                    value.push_str(&self.text[open..self.pos]);
                }
                b'`' => {
                    *dynamic = true;
                    let open = self.pos;
                    self.backtick(subs);
                    value.push_str(&self.text[open..self.pos]);
                }
                b'$' => {
                    *dynamic = true;
                    let open = self.pos;
                    self.parameter();
                    value.push_str(&self.text[open..self.pos]);
                }
                _ => value.push(self.next_char()),
            }
        }
        false
    }

    fn ansi_c_string(&mut self, value: &mut String) -> bool {
        while let Some(byte) = self.peek() {
            match byte {
                b'\'' => {
                    self.pos += 1;
                    return true;
                }
                b'\\' => {
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'n') => '\n',
                        Some(b't') => '\t',
                        Some(b'\\') => '\\',
                        Some(b'\'') => '\'',
                        Some(b'x') => {
                            // `\xHH`: hex-encoded bytes are a known way to hide a command name.
                            let hex = self.text.get(self.pos + 1..self.pos + 3).unwrap_or("");
                            if let Ok(code) = u8::from_str_radix(hex, 16) {
                                self.pos += 3;
                                value.push(code as char);
                                continue;
                            }
                            'x'
                        }
                        Some(_) => {
                            let ch = self.next_char();
                            value.push('\\');
                            value.push(ch);
                            continue;
                        }
                        None => return false,
                    };
                    self.pos += 1;
                    value.push(escaped);
                }
                _ => value.push(self.next_char()),
            }
        }
        false
    }

    /// `$( ... )`, starting at the `$`. Nested parentheses and quotes are skipped over.
    fn substitution(&mut self, subs: &mut Vec<Span>) -> bool {
        self.pos += 2;
        let inner_start = self.pos;
        let mut depth = 1usize;
        while let Some(byte) = self.peek() {
            match byte {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        subs.push(self.span(inner_start, self.pos));
                        self.pos += 1;
                        return true;
                    }
                }
                b'\\' => self.pos += 1,
                b'\'' => {
                    if let Some(i) = self.text[self.pos + 1..].find('\'') {
                        self.pos += i + 1;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        self.pos = self.pos.min(self.text.len());
        subs.push(self.span(inner_start, self.pos));
        false
    }

    fn backtick(&mut self, subs: &mut Vec<Span>) -> bool {
        self.pos += 1;
        let inner_start = self.pos;
        while let Some(byte) = self.peek() {
            match byte {
                b'`' => {
                    subs.push(self.span(inner_start, self.pos));
                    self.pos += 1;
                    return true;
                }
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
        self.pos = self.pos.min(self.text.len());
        subs.push(self.span(inner_start, self.pos));
        false
    }

    /// `$NAME`, `${...}`, `$1`, `$@` and friends.
    fn parameter(&mut self) {
        self.pos += 1;
        match self.peek() {
            Some(b'{') => {
                while let Some(byte) = self.peek() {
                    self.pos += 1;
                    if byte == b'}' {
                        break;
                    }
                }
            }
            Some(byte) if byte.is_ascii_alphabetic() || byte == b'_' => {
                while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || b == b'_') {
                    self.pos += 1;
                }
            }
            Some(b'0'..=b'9' | b'@' | b'*' | b'#' | b'?' | b'$' | b'!' | b'-') => self.pos += 1,
            _ => {}
        }
    }
}

/// Is a word that reads `before` so far, with a backslash next (and `next` after it), a
/// Windows path: a drive (`C:`), a variable (`%TEMP%`, `$env:TEMP`), or `.` or `..` followed by
/// a folder's name (`.\build`, but `\.\*` stays a pattern)? In a POSIX shell none of these
/// needs an escaped letter, so the backslash can only be a separator.
fn windows_path(before: &str, next: Option<u8>) -> bool {
    let b = before.as_bytes();
    let drive = b.len() >= 2
        && b[0].is_ascii_alphabetic()
        && b[1] == b':'
        && b.get(2).is_none_or(|&c| c == b'\\');
    let variable = (b.len() > 2 && b[0] == b'%' && before.ends_with('%'))
        || before
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case("$env:"));
    let relative = ((before == "." || before == "..")
        && next.is_some_and(|n| n.is_ascii_alphanumeric() || n == b'_'))
        || before.starts_with(".\\")
        || before.starts_with("..\\");
    drive || variable || relative
}

/// Whether a word read so far is a variable's name and `=` (or `+=`), so that a `(` after it
/// opens an array's values.
fn is_array_assignment(value: &str) -> bool {
    let Some(name) = value.strip_suffix("+=").or_else(|| value.strip_suffix('=')) else {
        return false;
    };
    crate::words::starts_like_a_name(name)
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

// A test reports failure by panicking; the workspace's `clippy::panic` lint is meant for the
// engine, which must never panic on any input.
#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text, 0)
            .into_iter()
            .filter_map(|t| match t {
                Token::Word(w) => Some(w.value),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_process_substitution_is_a_word_whose_commands_are_recorded() {
        let text = "diff <(sort a.txt) >(tee b.log) | wc -l";
        let words: Vec<Word> = tokenize(text, 0)
            .into_iter()
            .filter_map(|t| match t {
                Token::Word(w) => Some(w),
                _ => None,
            })
            .collect();
        assert_eq!(words[1].value, "<(sort a.txt)");
        assert_eq!(words[1].substitutions[0].slice(text), "sort a.txt");
        assert_eq!(words[2].substitutions[0].slice(text), "tee b.log");
        // A redirect stays a redirect.
        assert_eq!(
            super::tests::words("sort < in.txt > out.txt"),
            ["sort", "in.txt", "out.txt"]
        );
    }

    #[test]
    fn windows_paths_keep_their_backslashes_and_escapes_still_escape() {
        assert_eq!(
            words(r"del /s /q C:\Users\dev\Temp\* %TEMP%\x .\build\out.txt $env:TMP\y"),
            [
                "del",
                "/s",
                "/q",
                r"C:\Users\dev\Temp\*",
                r"%TEMP%\x",
                r".\build\out.txt",
                r"$env:TMP\y"
            ]
        );
        assert_eq!(
            words(r"find . -name \*.log -o -name \.\*"),
            ["find", ".", "-name", "*.log", "-o", "-name", ".*"]
        );
    }

    #[test]
    fn quotes_and_escapes_are_removed_from_values() {
        assert_eq!(
            words(r#"r''m -rf "/tmp/a b" c\ d"#),
            ["rm", "-rf", "/tmp/a b", "c d"]
        );
        assert_eq!(words("echo $'\\x72m'"), ["echo", "rm"]);
    }

    #[test]
    fn operators_split_commands() {
        let tokens = tokenize("a && b || c; d | e &", 0);
        let ops: Vec<Op> = tokens
            .iter()
            .filter_map(|t| match t {
                Token::Op(op, _) => Some(*op),
                _ => None,
            })
            .collect();
        assert_eq!(ops, [Op::And, Op::Or, Op::Semi, Op::Pipe, Op::Background]);
    }

    #[test]
    fn heredoc_body_is_captured_and_not_tokenized() {
        let text = "psql <<'SQL'\nDROP TABLE users;\nSQL\necho done";
        let tokens = tokenize(text, 0);
        let body = tokens.iter().find_map(|t| match t {
            Token::Redirect { body, .. } => *body,
            _ => None,
        });
        assert_eq!(body.map(|s| s.slice(text)), Some("DROP TABLE users;\n"));
        assert_eq!(words(text), ["psql", "echo", "done"]);
    }

    #[test]
    fn unterminated_quote_is_flagged_not_fatal() {
        let tokens = tokenize("echo 'oops", 0);
        let Some(Token::Word(word)) = tokens.last() else {
            panic!("expected a word");
        };
        assert!(!word.terminated);
        assert_eq!(word.value, "oops");
    }

    #[test]
    fn substitutions_are_recorded_with_spans() {
        let text = "rm -rf $(cat list.txt)";
        let tokens = tokenize(text, 0);
        let Some(Token::Word(word)) = tokens.last() else {
            panic!("expected a word");
        };
        assert!(word.dynamic);
        assert_eq!(word.substitutions[0].slice(text), "cat list.txt");
    }

    #[test]
    fn comments_are_skipped_and_continuations_joined() {
        assert_eq!(words("ls \\\n  -la # rm -rf /"), ["ls", "-la"]);
    }

    #[test]
    fn spans_are_exact_with_a_base_offset() {
        let text = "xx git push --force";
        for token in tokenize(&text[3..], 3) {
            if let Token::Word(word) = token {
                assert_eq!(word.span.slice(text), word.value);
            }
        }
    }
}
