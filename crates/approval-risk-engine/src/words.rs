//! Fixed word lists stored as one string each.
//!
//! The rule catalogue and the prose matcher hold thousands of short words (program names,
//! flags, verbs). As `Words`, each word costs a pointer and a length (eight bytes of
//! WebAssembly data that compress badly) on top of its letters; as one string with a
//! separator, a list costs one pointer and length in all. The page's download is the budget
//! this serves. The lists are short, so walking one is as quick as walking a slice.

/// Ends every word in a [`Words`] string. A control character, so no word can contain it.
pub const SEPARATOR: char = '\u{1f}';

/// A fixed list of words, made with `words!`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Words {
    /// Every word followed by [`SEPARATOR`]. Set only by `words!`, as a struct literal so that
    /// `&[words![...]]` is promoted to a static like any other constant slice.
    pub(crate) joined: &'static str,
}

/// A [`Words`] list from string literals: `words!["rm", "unlink"]`.
macro_rules! words {
    () => {
        $crate::words::Words::EMPTY
    };
    ($($word:literal),+ $(,)?) => {
        $crate::words::Words { joined: concat!($($word, "\u{1f}"),+) }
    };
}

impl Words {
    pub const EMPTY: Words = Words { joined: "" };

    pub const fn is_empty(self) -> bool {
        self.joined.is_empty()
    }

    pub fn iter(self) -> std::str::SplitTerminator<'static, char> {
        self.joined.split_terminator(SEPARATOR)
    }

    pub fn len(self) -> usize {
        self.joined.matches(SEPARATOR).count()
    }

    /// Whether `word` is one of the words (exactly).
    pub fn contains<W: AsRef<str> + ?Sized>(self, word: &W) -> bool {
        let word = word.as_ref();
        self.iter().any(|w| w == word)
    }

    /// Where the list lives: two lists are the same list when their keys are equal.
    pub fn key(self) -> (usize, usize) {
        (self.joined.as_ptr() as usize, self.joined.len())
    }
}

impl IntoIterator for Words {
    type Item = &'static str;
    type IntoIter = std::str::SplitTerminator<'static, char>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_hold_exactly_their_words() {
        let list = words!["rm", "unlink", "--force"];
        assert_eq!(list.iter().collect::<Vec<_>>(), ["rm", "unlink", "--force"]);
        assert_eq!(list.len(), 3);
        assert!(list.contains("unlink"));
        assert!(list.contains(&String::from("--force")));
        assert!(!list.contains("un"));
        assert!(!list.contains(""));
        assert!(words![].is_empty());
        assert_eq!(words![].iter().count(), 0);
    }
}
