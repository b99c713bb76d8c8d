//! Fixed word lists stored as one string each.
//!
//! The rule catalogue and the prose matcher hold thousands of short words (program names,
//! flags, verbs). As `Words`, each word costs a pointer and a length (eight bytes of
//! WebAssembly data that compress badly) on top of its letters; as one string with a
//! separator, a list costs one pointer and length in all. The page's download is the budget
//! this serves. The lists are short, so walking one is as quick as walking a slice.
//!
//! The same holds for sets of literal words in code: each alternative of `matches!(w, "a" |
//! "b" | ...)` or of a `match` arm compiles to its own comparison, a dozen bytes of code each,
//! where a list stores only the letters. Sets of three or more words are therefore written as
//! `words![...].contains(w)`, and in a `match` sets of four or more as the guard `listed if
//! words![...].contains(listed)`: about 2.4 KB of gzip on the page, measured, for no
//! measurable cost in speed.
//!
//! Likewise a set of characters given to a string method is written as a slice,
//! `s.trim_matches(&['"', '\''][..])`, not as an array: each array length is a type of its
//! own, and every method was compiled once per length used (`trim_matches` for two, three and
//! four characters, its searcher with each); as slices, once. 1.2 KB of Zopfli gzip off the
//! engine module, measured.

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

/// A rule's id and texts as one string (see `Rule::text`): id, title, why, consequence, safer,
/// the concrete safer step (`instead`) and then its questions, each followed by the separator.
/// The WebAssembly builds keep only the id here: their prose ships compressed, all rules
/// together, in `rules/prose.bin` (see `rules/shipped.rs`).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! rule_text {
    ($id:literal, $title:literal, $why:literal, $consequence:literal, $safer:literal, [$($question:literal),+ $(,)?], $instead:literal $(,)?) => {
        concat!(
            $id,
            "\u{1f}",
            $title,
            "\u{1f}",
            $why,
            "\u{1f}",
            $consequence,
            "\u{1f}",
            $safer,
            "\u{1f}",
            $instead,
            "\u{1f}",
            $($question, "\u{1f}"),+
        )
    };
}

/// The WebAssembly builds' `rule_text!`: the id alone (see the native one above).
#[cfg(target_arch = "wasm32")]
macro_rules! rule_text {
    ($id:literal, $title:literal, $why:literal, $consequence:literal, $safer:literal, [$($question:literal),+ $(,)?], $instead:literal $(,)?) => {
        $id
    };
}

impl Words {
    pub const EMPTY: Words = Words { joined: "" };

    pub const fn is_empty(self) -> bool {
        self.joined.is_empty()
    }

    pub fn iter(self) -> Iter {
        Iter { rest: self.joined }
    }

    pub fn len(self) -> usize {
        self.joined.bytes().filter(|&b| b == SEPARATOR_BYTE).count()
    }

    /// Whether `word` is one of the words (exactly).
    pub fn contains<W: AsRef<str> + ?Sized>(self, word: &W) -> bool {
        self.has(word.as_ref())
    }

    /// `contains` for one type: the generic method above is compiled once per type of word it
    /// is given (`&str`, `String`, `str`), and this body, its lookup included, only once.
    #[inline(never)]
    fn has(self, word: &str) -> bool {
        if self.joined.len() <= SCAN_LIMIT {
            return self.iter().any(|w| w == word);
        }
        // Lists are asked about for every command and every word of a name; walking a string
        // costs a comparison per byte, so each list is looked in by its words' first letters,
        // worked out once, on first use.
        compiled(self).contains(word)
    }

    /// Where the list lives: two lists are the same list when their keys are equal.
    pub fn key(self) -> (usize, usize) {
        (self.joined.as_ptr() as usize, self.joined.len())
    }
}

/// How many more `{` and `(` than `}` and `)` a text has, outside quotes: what a line of a
/// script or an SQL statement leaves open.
pub fn brackets(line: &str) -> i32 {
    let mut depth = 0;
    let mut quote: Option<u8> = None;
    for b in line.bytes() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'\'' | b'"') => quote = Some(b),
            (None, b'{' | b'(') => depth += 1,
            (None, b'}' | b')') => depth -= 1,
            _ => {}
        }
    }
    depth
}

/// [`SEPARATOR`] as the byte it is in UTF-8.
const SEPARATOR_BYTE: u8 = 0x1f;

/// Lists up to this many bytes (two or three short words) are walked; longer ones are looked
/// in by their words' first letters (`compiled`).
const SCAN_LIMIT: usize = 16;

/// Slots in the front of the compiled-list cache (see `compiled`).
const RECENT_SLOTS: usize = 128;

type Entry = ((usize, usize), &'static crate::prose::Compiled);

std::thread_local! {
    /// Every compiled list, sorted by key and found by binary search: a few hundred lists,
    /// each added once. The standard hash table would compile another table into the page.
    static CACHE: std::cell::RefCell<Vec<Entry>> = const { std::cell::RefCell::new(Vec::new()) };
    /// In front of it, one slot per few lists, chosen by where a list lives: a step asks about
    /// the same few dozen lists over and over, and a slot that holds the list answers in one
    /// comparison where the search takes eight or nine.
    static RECENT: std::cell::RefCell<[Option<Entry>; RECENT_SLOTS]> =
        const { std::cell::RefCell::new([None; RECENT_SLOTS]) };
}

/// `list` made ready for lookups and for matching words of a step (`prose::find_all`), once
/// per list for the life of the program: the lists are the engine's own constants, so what is
/// kept is bounded by the catalogue, and a plain reference to it needs no counting. A list is
/// known by where it lives and how long it is.
pub(crate) fn compiled(list: Words) -> &'static crate::prose::Compiled {
    let key = list.key();
    // Lists are string constants at least a byte apart; the low bits of their address vary
    // most between neighbours.
    let slot = (key.0 ^ key.0 >> 7) % RECENT_SLOTS;
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        if let Some((k, made)) = recent[slot] {
            if k == key {
                return made;
            }
        }
        let made = CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            match cache.binary_search_by_key(&key, |(k, _)| *k) {
                Ok(at) => cache[at].1,
                Err(at) => {
                    let made: &'static crate::prose::Compiled =
                        Box::leak(Box::new(crate::prose::Compiled::new(list)));
                    cache.insert(at, (key, made));
                    made
                }
            }
        });
        recent[slot] = Some((key, made));
        made
    })
}

/// A multiply-and-rotate hash for short keys, which groups a step's findings by rule and
/// evidence (`assess::dedupe`): findings whose hashes agree are compared in full, so a
/// collision costs a comparison, never a wrong answer, and the standard hash (several times
/// slower, built to resist chosen collisions) buys little here.
#[derive(Default)]
pub(crate) struct QuickHasher(u64);

impl QuickHasher {
    fn add(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes a round: most words are looked up whole, and a byte a round took most
        // of a lookup's time.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ (rest.len() as u64) << 56);
        }
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The words of a [`Words`], in order.
#[derive(Clone, Debug)]
pub struct Iter {
    rest: &'static str,
}

impl Iterator for Iter {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        // A plain byte loop: the words are short, and this is quicker than a general search.
        let end = self.rest.bytes().position(|b| b == SEPARATOR_BYTE)?;
        let word = self.rest.get(..end)?;
        self.rest = self.rest.get(end + 1..).unwrap_or("");
        Some(word)
    }
}

impl IntoIterator for Words {
    type Item = &'static str;
    type IntoIter = Iter;

    fn into_iter(self) -> Iter {
        self.iter()
    }
}

/// Prefix and suffix trimming by a fixed string. `str::trim_start_matches` and
/// `trim_end_matches` with a `&str` pattern each link a general substring searcher (about a
/// kilobyte of the page's wasm for the pair); a loop of `strip_prefix` does the same work for
/// the short literals the engine trims.
pub trait Trim {
    /// `self` with every leading copy of `prefix` removed.
    fn trim_start_str(&self, prefix: &str) -> &str;
    /// `self` with every trailing copy of `suffix` removed.
    fn trim_end_str(&self, suffix: &str) -> &str;
}

impl Trim for str {
    fn trim_start_str(&self, prefix: &str) -> &str {
        let mut rest = self;
        while let Some(shorter) = rest.strip_prefix(prefix).filter(|_| !prefix.is_empty()) {
            rest = shorter;
        }
        rest
    }

    fn trim_end_str(&self, suffix: &str) -> &str {
        let mut rest = self;
        while let Some(shorter) = rest.strip_suffix(suffix).filter(|_| !suffix.is_empty()) {
            rest = shorter;
        }
        rest
    }
}

/// Searching from the end for one ASCII byte. `rsplit`, `rsplit_once` and `rfind` with a
/// `char` link the general character searcher's backward half (over half a kilobyte of the
/// page's wasm); the engine only ever looks back for an ASCII separator (`/`, `.`, `:`, `@`).
pub trait Last {
    /// Where `byte` last occurs.
    fn find_last(&self, byte: u8) -> Option<usize>;
    /// What follows the last `byte`, or all of it when there is none (`rsplit(c).next()`).
    fn after_last(&self, byte: u8) -> &str;
    /// Before and after the last `byte` (`rsplit_once(c)`).
    fn split_last(&self, byte: u8) -> Option<(&str, &str)>;
    /// What follows the last of any of `bytes`, or all of it (`rsplit([a, b]).next()`).
    fn after_last_of(&self, bytes: &[u8]) -> &str;
    /// Without the trailing run of `bytes` (`trim_end_matches([a, b])`).
    fn trim_end_of(&self, bytes: &[u8]) -> &str;
}

impl Last for str {
    fn find_last(&self, byte: u8) -> Option<usize> {
        self.bytes().rposition(|b| b == byte)
    }

    fn after_last(&self, byte: u8) -> &str {
        self.find_last(byte).map_or(self, |at| &self[at + 1..])
    }

    fn split_last(&self, byte: u8) -> Option<(&str, &str)> {
        let at = self.find_last(byte)?;
        Some((&self[..at], &self[at + 1..]))
    }

    fn after_last_of(&self, bytes: &[u8]) -> &str {
        self.bytes()
            .rposition(|b| bytes.contains(&b))
            .map_or(self, |at| &self[at + 1..])
    }

    fn trim_end_of(&self, bytes: &[u8]) -> &str {
        let end = self
            .bytes()
            .rposition(|b| !bytes.contains(&b))
            .map_or(0, |at| at + 1);
        &self[..end]
    }
}

/// Joining strings with a separator. The standard `join` is written for speed, with an exact
/// allocation and unchecked copies, and is compiled once per element type (about 1 KB of the
/// page's wasm each, for `String` and `&str`); the engine joins a few short words per card.
pub trait Join {
    fn joined(&self, separator: &str) -> String;
}

impl<S: AsRef<str>> Join for [S] {
    fn joined(&self, separator: &str) -> String {
        let mut out = String::new();
        for (at, part) in self.iter().enumerate() {
            if at > 0 {
                out.push_str(separator);
            }
            out.push_str(part.as_ref());
        }
        out
    }
}

/// Character tests shared by every caller as named functions: a closure is a type of its own,
/// and `split`, `find` or `starts_with` was compiled once per closure written the same way.
pub fn not_ascii_alphanumeric(c: char) -> bool {
    !c.is_ascii_alphanumeric()
}

/// The longest run of backticks in `text`: a Markdown fence around it must be longer.
pub fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// The end of `text` made only of characters `keep` accepts (a name before a `.` or a `=`).
pub fn tail_of(text: &str, keep: fn(char) -> bool) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|&(_, c)| !keep(c))
        .map_or(0, |(at, c)| at + c.len_utf8());
    &text[start..]
}

/// Anything but a letter or a digit, in any script.
pub fn not_alphanumeric(c: char) -> bool {
    !c.is_alphanumeric()
}

/// Ends a shell or PowerShell variable name: anything but a letter, a digit or `_`.
pub fn not_name_char(c: char) -> bool {
    !(c.is_ascii_alphanumeric() || c == '_')
}

/// Does `text` start with an ASCII digit?
pub fn starts_with_digit(text: &str) -> bool {
    text.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Does `text` start as a variable name does, with a letter or `_`?
pub fn starts_like_a_name(text: &str) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
}

/// `template` with `value` put in where `{}` stands: what `format!` with one argument makes,
/// written once here rather than at each of the hundred-odd places that say a sentence with
/// one name in it (each `format!` lays out its pieces and arguments in place).
#[inline(never)]
pub fn fill(template: &str, value: &str) -> String {
    let (before, after) = template.split_once("{}").unwrap_or((template, ""));
    [before, value, after].concat()
}

/// `template` with `first` and `second` put in where its two `{}` stand (see `fill`).
#[inline(never)]
pub fn fill2(template: &str, first: &str, second: &str) -> String {
    let (before, after) = template.split_once("{}").unwrap_or((template, ""));
    [before, first, &fill(after, second)].concat()
}

/// `template` with three values put in where its three `{}` stand (see `fill`).
#[inline(never)]
pub fn fill3(template: &str, first: &str, second: &str, third: &str) -> String {
    let (before, after) = template.split_once("{}").unwrap_or((template, ""));
    [before, first, &fill2(after, second, third)].concat()
}

/// Appends `value` in hexadecimal, in capitals if `upper`, with at least `digits` digits: what
/// `{:04x}` or `{:016X}` writes, without linking a formatting routine per integer type and
/// case (three of them cost the page about 300 bytes).
pub fn push_hex(out: &mut String, value: u64, digits: u32, upper: bool) {
    let letters: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut digits = digits;
    while digits < 16 && value >> (digits * 4) != 0 {
        digits += 1;
    }
    for at in (0..digits).rev() {
        let nibble = value.checked_shr(at * 4).unwrap_or(0) & 0xf;
        out.push(char::from(letters[nibble as usize]));
    }
}

/// `text` with every `from` replaced by `to`: `str::replace` with a `char` pattern, without
/// the general character searcher it links (a few hundred bytes of the page's wasm).
pub fn replace_char(text: &str, from: char, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == from {
            out.push_str(to);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_is_what_the_formatter_writes() {
        for (value, digits) in [
            (0u64, 4),
            (0x1f, 4),
            (0x200b, 4),
            (0x1f600, 4),
            (u64::MAX, 16),
        ] {
            for upper in [false, true] {
                let mut out = String::new();
                super::push_hex(&mut out, value, digits, upper);
                let want = if upper {
                    format!("{value:0w$X}", w = digits as usize)
                } else {
                    format!("{value:0w$x}", w = digits as usize)
                };
                assert_eq!(out, want);
            }
        }
    }

    #[test]
    fn trimming_by_a_string_removes_every_copy_and_only_at_its_end() {
        use super::Trim;
        assert_eq!("././a/./b".trim_start_str("./"), "a/./b");
        assert_eq!("x.timer.timer".trim_end_str(".timer"), "x");
        assert_eq!("a".trim_start_str(""), "a");
        assert_eq!("/srv/*".trim_end_str("/*"), "/srv");
    }

    #[test]
    fn joining_puts_the_separator_only_between() {
        use super::Join;
        assert_eq!(["a", "b", "c"].joined(", "), "a, b, c");
        assert_eq!([String::from("x")].joined("/"), "x");
        assert_eq!(Vec::<&str>::new().joined(" "), "");
    }

    #[test]
    fn replacing_a_character_replaces_every_one() {
        assert_eq!(super::replace_char("a b  c", ' ', ""), "abc");
        assert_eq!(super::replace_char("a|b", '|', "\\|"), "a\\|b");
    }

    #[test]
    fn looking_back_for_a_byte_splits_at_its_last_copy() {
        use super::Last;
        assert_eq!("a/b/c".after_last(b'/'), "c");
        assert_eq!("abc".after_last(b'/'), "abc");
        assert_eq!("a.b.c".split_last(b'.'), Some(("a.b", "c")));
        assert_eq!("abc".split_last(b'.'), None);
        assert_eq!("x@y@z".find_last(b'@'), Some(3));
        assert_eq!("a/b\\c".after_last_of(b"/\\"), "c");
        assert_eq!("run:**".trim_end_of(b"*_"), "run:");
        assert_eq!("**".trim_end_of(b"*"), "");
    }

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

    #[test]
    fn long_lists_answer_the_same_through_their_table() {
        let long = words![
            "kubectl-delete-namespace-production-cluster",
            "terraform-destroy-auto-approve-all-workspaces",
            "aws-cloudformation-delete-stack-production-env",
            "gcloud-projects-delete-the-whole-organisation",
            "az-group-delete-every-resource-group-at-once-",
            "psql-drop-database-orders-production-primary",
            "rm",
            "delet*",
            "*datenbank",
        ];
        assert!(long.joined.len() > super::SCAN_LIMIT);
        // Exactly the words as written: a term shaped as a stem or an ending is a word here.
        assert!(long.contains("delet*") && long.contains("*datenbank"));
        assert!(!long.contains("delete") && !long.contains("kundendatenbank"));
        assert!(long.contains("rm"));
        assert!(long.contains("psql-drop-database-orders-production-primary"));
        assert!(!long.contains("r"));
        assert!(!long.contains("kubectl"));
        assert!(!long.contains(""));
        assert_eq!(long.len(), 9);
    }
}
