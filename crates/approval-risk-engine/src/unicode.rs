//! Unicode tricks: zero-width characters, bidirectional overrides, look-alike letters and
//! invisible tag characters that make a command read differently from what runs. They are
//! removed or folded to ASCII for matching (through a derived text) and reported with their
//! spans. Tag characters are decoded rather than removed: they spell ASCII that a person cannot
//! see and a model reads, so the engine reads it too.

use crate::derived::Derived;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trick {
    ZeroWidth,
    Bidi,
    LookAlike,
    /// A typographic dash where an option's hyphen belongs: usually copy-paste damage rather
    /// than an attack, but the program still receives something other than what is shown.
    Dash,
    /// A run of Unicode tag characters (U+E0000 to U+E007F): invisible text that a language
    /// model still reads ("ASCII smuggling").
    Tag,
    /// A terminal control: an escape sequence (`ESC [ 2 K` erases a line), a backspace, a
    /// carriage return not ending a line, DEL or a C1 control. Shown in a terminal, they move
    /// the cursor and overwrite, so a command reads as another one.
    Control,
}

impl Trick {
    pub fn describe(self) -> &'static str {
        match self {
            Trick::ZeroWidth => "an invisible zero-width character",
            Trick::Bidi => {
                "a bidirectional-override character that reorders how the text is displayed"
            }
            Trick::LookAlike => "a letter from another alphabet that looks like a Latin one",
            Trick::Dash => "a typographic dash where the command expects a plain hyphen, so the option is not what it looks like",
            Trick::Tag => "invisible tag characters that spell out text a person cannot see but an agent reads (read here as written out)",
            Trick::Control => "a terminal control sequence that moves the cursor or erases text, so a terminal shows something other than what runs",
        }
    }
}

/// Characters that show nothing: zero-width spaces and joiners, invisible operators, variation
/// selectors, and the blank fillers of Hangul and Braille that render as empty space.
fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{180E}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{2800}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Is the tag run `input[start..end]` the tail of a subdivision flag emoji (a black flag, a
/// region code of lower-case letters and digits, a cancel tag: England, Scotland, Wales)? That
/// is the one everyday use of tag characters, and it spells nothing an agent would act on.
fn is_flag_emoji(input: &str, start: usize, end: usize) -> bool {
    let run = &input[start..end];
    let Some(code) = run.strip_suffix('\u{E007F}') else {
        return false;
    };
    input[..start].ends_with('\u{1F3F4}')
        && (2..=7).contains(&code.chars().count())
        && code
            .chars()
            .filter_map(tag_ascii)
            .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            .count()
            == code.chars().count()
}

/// A Unicode tag character (the block U+E0000 to U+E007F).
fn is_tag(c: char) -> bool {
    ('\u{E0000}'..='\u{E007F}').contains(&c)
}

/// The ASCII a tag character spells (U+E0020 to U+E007E stand for the printable ASCII
/// characters), or `None` for the language and cancel tags, which spell nothing.
fn tag_ascii(c: char) -> Option<char> {
    let code = u32::from(c).checked_sub(0xE0000)?;
    (0x20..0x7F)
        .contains(&code)
        .then(|| char::from_u32(code))
        .flatten()
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The Latin letter a look-alike stands for (Cyrillic, Greek and fullwidth forms), or the
/// ASCII hyphen a typographic dash stands for.
fn latin_for(c: char) -> Option<char> {
    let mapped = match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
        | '\u{FE63}' => '-',
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'һ' => 'h',
        'ӏ' => 'l',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        'Ѕ' => 'S',
        'ο' => 'o',
        'α' => 'a',
        'ε' => 'e',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'χ' => 'x',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21)?,
        _ => return None,
    };
    Some(mapped)
}

/// Finds the tricks in `input`. Look-alikes count only inside a word that also has Latin
/// letters (`tеrraform`), so text written in Cyrillic or Greek is left alone; fullwidth forms
/// always count.
pub fn find(input: &str) -> Vec<(Trick, Span)> {
    if input.is_ascii() && !input.bytes().any(|b| is_control(b.into())) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    let check_word = |start: usize, end: usize, out: &mut Vec<(Trick, Span)>| {
        let word = &input[start..end];
        let latin = word.chars().any(|c| c.is_ascii_alphabetic());
        for (i, c) in word.char_indices() {
            let fullwidth = ('\u{FF01}'..='\u{FF5E}').contains(&c);
            if latin_for(c).is_some() && (latin || fullwidth) {
                out.push((
                    Trick::LookAlike,
                    Span::new(start + i, start + i + c.len_utf8()),
                ));
            }
        }
    };
    let chars: Vec<(usize, char)> = input.char_indices().collect();
    // Where the current run of tag characters started: a run is one trick, decoded as a whole.
    let mut tags_from: Option<usize> = None;
    // The end of the escape sequence being skipped, once found.
    let mut skip_to = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        if is_control(c) && !(c == '\r' && input[i + 1..].starts_with('\n')) {
            let end = control_end(input, i);
            out.push((Trick::Control, Span::new(i, end)));
            skip_to = end;
            continue;
        }
        if is_tag(c) {
            tags_from.get_or_insert(i);
            continue;
        }
        if let Some(start) = tags_from.take() {
            if !is_flag_emoji(input, start, i) {
                out.push((Trick::Tag, Span::new(start, i)));
            }
        }
        // A typographic dash that starts an option (`‐‐hard`, `–force`) reads as `--` to a
        // person but is not one to the program; dashes inside prose are left alone.
        if latin_for(c) == Some('-') {
            let before = k.checked_sub(1).map(|j| chars[j].1);
            let after = chars.get(k + 1).map(|p| p.1);
            let starts_word = before.is_none_or(|b| b.is_whitespace() || latin_for(b) == Some('-'));
            let option_like =
                after.is_some_and(|a| a.is_ascii_alphabetic() || latin_for(a) == Some('-'));
            if starts_word && option_like {
                out.push((Trick::Dash, Span::new(i, i + c.len_utf8())));
            }
            continue;
        }
        if is_zero_width(c) {
            out.push((Trick::ZeroWidth, Span::new(i, i + c.len_utf8())));
            continue;
        }
        if is_bidi(c) {
            out.push((Trick::Bidi, Span::new(i, i + c.len_utf8())));
            continue;
        }
        if c.is_alphanumeric() || c == '-' || c == '_' {
            word_start.get_or_insert(i);
        } else if let Some(start) = word_start.take() {
            check_word(start, i, &mut out);
        }
    }
    if let Some(start) = word_start {
        check_word(start, input.len(), &mut out);
    }
    if let Some(start) = tags_from {
        if !is_flag_emoji(input, start, input.len()) {
            out.push((Trick::Tag, Span::new(start, input.len())));
        }
    }
    crate::order::sort_by_rank(&mut out, |(_, s)| crate::order::by_position(*s));
    out
}

/// Control characters a plan has no use for: every C0 control but tab and line feed (a
/// carriage return counts unless a line feed follows it), DEL, and the C1 controls.
fn is_control(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || c == '\u{7f}'
}

/// Where the control at `start` ends: after a whole escape sequence (`ESC [`, its parameter
/// and intermediate bytes, its final byte; or `ESC` and one character), else after itself.
fn control_end(input: &str, start: usize) -> usize {
    let bytes = input.as_bytes();
    let one = start + input[start..].chars().next().map_or(1, char::len_utf8);
    if bytes[start] != 0x1b {
        return one;
    }
    match bytes.get(one) {
        Some(b'[') => {
            let mut at = one + 1;
            while bytes.get(at).is_some_and(|b| (0x20..=0x3f).contains(b)) {
                at += 1;
            }
            if bytes.get(at).is_some_and(|b| (0x40..=0x7e).contains(b)) {
                at += 1;
            }
            at
        }
        Some(b) if b.is_ascii() && !b.is_ascii_control() => one + 1,
        _ => one,
    }
}

/// The input with the tricks removed or folded, mapped back to the input.
pub fn cleaned(input: &str, tricks: &[(Trick, Span)]) -> Derived {
    let mut derived = Derived::new();
    let mut at = 0;
    for (trick, span) in tricks {
        derived.copy(input, Span::new(at, span.start));
        if *trick == Trick::Tag {
            let spelled: String = span.slice(input).chars().filter_map(tag_ascii).collect();
            if !spelled.is_empty() {
                derived.stand_in(&spelled, *span);
            }
        } else if *trick == Trick::Control {
            // A space: the words on either side stay apart, as a terminal shows them.
            derived.stand_in(" ", *span);
        } else if matches!(trick, Trick::LookAlike | Trick::Dash) {
            let c = span
                .slice(input)
                .chars()
                .next()
                .and_then(latin_for)
                .unwrap_or('?');
            derived.stand_in(c.encode_utf8(&mut [0; 4]), *span);
        }
        at = span.end;
    }
    derived.copy(input, Span::new(at, input.len()));
    derived
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tricks_are_found_and_folded() {
        let input = "t\u{0435}rraform de\u{200B}stroy";
        let tricks = find(input);
        assert_eq!(tricks.len(), 2);
        assert_eq!(cleaned(input, &tricks).text, "terraform destroy");
    }

    #[test]
    fn tag_characters_are_read_as_the_text_they_spell() {
        let hidden: String = "; rm -rf ~/work"
            .chars()
            .map(|c| char::from_u32(u32::from(c) + 0xE0000).unwrap_or(c))
            .collect();
        let input = format!("echo hi{hidden}\u{E007F}");
        let tricks = find(&input);
        assert_eq!(tricks.len(), 1, "one run, one trick: {tricks:?}");
        assert_eq!(tricks[0].0, Trick::Tag);
        assert_eq!(tricks[0].1, Span::new(7, input.len()));
        assert_eq!(cleaned(&input, &tricks).text, "echo hi; rm -rf ~/work");
    }

    #[test]
    fn terminal_controls_are_tricks_and_line_ends_are_not() {
        let input = "rm -rf ~/work\u{1b}[2K\u{1b}[1Gecho hi\n";
        let tricks = find(input);
        assert_eq!(
            tricks
                .iter()
                .map(|(t, s)| (*t, s.slice(input)))
                .collect::<Vec<_>>(),
            [(Trick::Control, "\u{1b}[2K"), (Trick::Control, "\u{1b}[1G")]
        );
        assert_eq!(cleaned(input, &tricks).text, "rm -rf ~/work  echo hi\n");
        assert_eq!(find("echo safe\rrm -rf /\n").len(), 1);
        assert_eq!(find("echo a\u{8}b").len(), 1);
        assert!(find("line one\r\nline two\r\n\tindented\n").is_empty());
    }

    #[test]
    fn a_subdivision_flag_is_not_a_trick() {
        let england = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
        assert!(find(&format!("Post the score {england} to #sport")).is_empty());
        // The same tags without the flag, or spelling more than a region, are hidden text.
        let bare = &england[4..];
        assert_eq!(find(bare).len(), 1);
    }

    #[test]
    fn blank_fillers_and_variation_selectors_are_hidden() {
        for c in ['\u{3164}', '\u{FE0F}', '\u{E0101}', '\u{2800}', '\u{115F}'] {
            let input = format!("rm{c} -rf /srv");
            let tricks = find(&input);
            assert_eq!(tricks.len(), 1, "{c:?}");
            assert_eq!(tricks[0].0, Trick::ZeroWidth, "{c:?}");
            assert_eq!(cleaned(&input, &tricks).text, "rm -rf /srv");
        }
    }

    #[test]
    fn plain_cyrillic_text_is_not_a_trick() {
        assert!(find("удалить базу данных").is_empty());
    }
}
