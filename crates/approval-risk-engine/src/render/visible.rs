//! Makes plan text safe to print: invisible and control characters become visible `<U+XXXX>`.
//!
//! The plan is untrusted, and the report is read by the person deciding whether to approve it.
//! An escape sequence in a pasted step could move the cursor and repaint the verdict line; a
//! bidirectional override could make `rm -rf /srv` read as something else; a zero-width space can
//! hide inside a name. So every piece of plan text (and engine prose, which quotes the plan) goes
//! through here before it reaches a terminal, a file or a ticket.

/// How line breaks inside the text are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// Kept as line breaks (for text printed as a block).
    Keep,
    /// Shown as `\n`, for text that must stay on one line (a quoted piece of evidence).
    Escape,
    /// Replaced by a space, for prose flowed into one paragraph.
    Space,
}

/// `text` with every character that a reader could not see, or that a terminal would act on,
/// written as `<U+XXXX>`. Tabs are kept; carriage returns are dropped before a line break (a
/// Windows line ending) and shown elsewhere.
pub fn visible(text: &str, breaks: Breaks) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => match breaks {
                Breaks::Keep => out.push('\n'),
                Breaks::Escape => out.push_str("\\n"),
                Breaks::Space => out.push(' '),
            },
            '\t' => out.push('\t'),
            c if is_hidden(c) => {
                out.push_str("<U+");
                crate::words::push_hex(&mut out, u64::from(u32::from(c)), 4, true);
                out.push('>');
            }
            c => out.push(c),
        }
    }
    out
}

/// At most `limit` characters of `text`, with an ellipsis when something was cut. Long evidence
/// (a whole heredoc) would otherwise bury the rest of the report.
pub fn shorten(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((cut, _)) => crate::words::fill("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Control characters (C0, DEL, C1), bidirectional controls, zero-width characters, the byte
/// order mark, blank fillers, variation selectors and tag characters: the characters the engine
/// reports as Unicode tricks, and those a terminal obeys.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{E0000}'..='\u{E007F}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_and_bidi_overrides_become_visible() {
        assert_eq!(visible("a\u{1b}[2Jb", Breaks::Keep), "a<U+001B>[2Jb");
        assert_eq!(
            visible("rm \u{202E}fr- /", Breaks::Keep),
            "rm <U+202E>fr- /"
        );
        assert_eq!(visible("pro\u{200B}d", Breaks::Keep), "pro<U+200B>d");
    }

    #[test]
    fn line_breaks_follow_the_request() {
        assert_eq!(visible("a\r\nb", Breaks::Keep), "a\nb");
        assert_eq!(visible("a\nb", Breaks::Escape), "a\\nb");
        assert_eq!(visible("a\nb", Breaks::Space), "a b");
        assert_eq!(visible("a\rb", Breaks::Keep), "a<U+000D>b");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "Delete the café's «prod» database\tnow";
        assert_eq!(visible(text, Breaks::Keep), text);
    }

    #[test]
    fn shorten_cuts_on_characters_and_says_so() {
        assert_eq!(shorten("ééééé", 3), "ééé…");
        assert_eq!(shorten("short", 10), "short");
    }
}
