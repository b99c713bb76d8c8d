//! Unicode tricks: zero-width characters, bidirectional overrides and look-alike letters that
//! make a command read differently from what runs. They are removed or folded to ASCII for
//! matching (through a derived text) and reported with their spans.

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
        }
    }
}

fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
    )
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
    if input.is_ascii() {
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
    for (k, &(i, c)) in chars.iter().enumerate() {
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
    crate::order::sort_by_rank(&mut out, |(_, s)| crate::order::by_position(*s));
    out
}

/// The input with the tricks removed or folded, mapped back to the input.
pub fn cleaned(input: &str, tricks: &[(Trick, Span)]) -> Derived {
    let mut derived = Derived::new();
    let mut at = 0;
    for (trick, span) in tricks {
        derived.copy(input, Span::new(at, span.start));
        if matches!(trick, Trick::LookAlike | Trick::Dash) {
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
    fn plain_cyrillic_text_is_not_a_trick() {
        assert!(find("удалить базу данных").is_empty());
    }
}
