//! The catalogue's prose as the WebAssembly builds ship it: every rule's texts in one file
//! (`prose.bin`), compressed by the small context-mixing coder below, and read back as far as
//! the cards being written need.
//!
//! Why a coder of our own: the rules' titles, reasons, safer steps and questions are 185 KB of
//! English, most of the page's data. Predicting each bit from the bytes before it (orders 1
//! to 4, the current word and the longest earlier repeat, mixed by a small learned weighting,
//! as PAQ-family compressors do) stores them in 47 KB, where the Zopfli gzip the pages are
//! served with needed about 55 KB; with the decoder's 2 KB of wasm, every page is about 7 KB
//! smaller (measured on the built pages). The price is time: about 70 ms natively and 100 to
//! 150 ms in V8, on the two-core machine the budgets are measured on, to decode the whole
//! file, and 2.5 MB of tables while it is read.
//!
//! So the file is read only as far as needed, and ordered to make that short. Its records
//! come with the rules shown on the most of the repository's eval plans first (`order`); a
//! rule's texts are decoded the first time a card asks for them, with every record before
//! them, and kept. The catalogue's fingerprint needs a digest of all the prose, which the
//! file's header carries, so a report does not wait for the rest. On the eval plans, the
//! median plan's cards need the first 18% of the file.
//!
//! Native builds (the CLI, the tests, `docs/rules.md`) keep the texts as written in the rule
//! declarations. A unit test (`the_shipped_prose_is_the_catalogues`, below) compares
//! `prose.bin` with the catalogue as the wasm builds keep it and rewrites the file with
//! `UPDATE_DOCS=1`, so it cannot fall behind the catalogue unnoticed.

/// Ends each rule's texts in the shipped file.
const RECORD_END: u8 = 0x1e;

/// The compressed prose (see the module's documentation).
#[cfg(target_arch = "wasm32")]
static SHIPPED: &[u8] = include_bytes!("prose.bin");

/// The texts of the rule with this id (id first, as `Rule::text` is natively), or the id
/// alone if the shipped file has no such rule (a test keeps that from happening).
#[cfg(target_arch = "wasm32")]
pub fn texts(id: &'static str) -> &'static str {
    lookup(SHIPPED, id).unwrap_or(id)
}

/// The digest of the catalogue's prose that the shipped file's header carries
/// (`rules::prose_digest`), read without decoding anything.
#[cfg(target_arch = "wasm32")]
pub fn digest() -> u64 {
    header(SHIPPED).0
}

/// The shipped file's header, the prose's digest (eight bytes, little-endian), and what
/// follows it, the coded records.
fn header(shipped: &[u8]) -> (u64, &[u8]) {
    let digest = shipped
        .get(..8)
        .and_then(|head| head.try_into().ok())
        .map_or(0, u64::from_le_bytes);
    (digest, shipped.get(8..).unwrap_or_default())
}

/// The rule `id`'s record in `shipped`, decoding only as far as it. The records come in the
/// order rules are most often shown in (see `order`), so a plan's cards usually need the
/// start of the file alone, and the whole file is decoded only for a rarely shown rule or the
/// catalogue page. What is decoded is kept for the life of the page or process: there is one
/// file, so only the first call's `shipped` is read.
#[cfg(target_arch = "wasm32")]
fn lookup(shipped: &'static [u8], id: &str) -> Option<&'static str> {
    static STREAM: std::sync::Mutex<Option<Stream>> = std::sync::Mutex::new(None);
    let mut stream = STREAM
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    stream
        .get_or_insert_with(|| Stream::new(header(shipped).1))
        .find(id)
}

/// The shipped records decoded so far, and the decoder that reads on.
struct Stream {
    decoder: Decoder<'static>,
    /// Every byte decoded so far: the coder predicts from all of them.
    history: Vec<u8>,
    length: usize,
    /// Each record decoded so far, with its id, sorted by id.
    records: Vec<(&'static str, &'static str)>,
}

impl Stream {
    fn new(coded: &'static [u8]) -> Stream {
        let (decoder, length) = Decoder::new(coded);
        Stream {
            decoder,
            history: Vec::with_capacity(length),
            length,
            records: Vec::new(),
        }
    }

    fn find(&mut self, id: &str) -> Option<&'static str> {
        let at = |records: &[(&str, &'static str)]| {
            records
                .binary_search_by(|(known, _)| (*known).cmp(id))
                .ok()
                .and_then(|at| records.get(at))
                .map(|(_, text)| *text)
        };
        if let Some(text) = at(&self.records) {
            return Some(text);
        }
        while let Some(record) = self.next_record() {
            if id_of(record) == id {
                return Some(record);
            }
        }
        None
    }

    /// Decodes the next record, keeps it and returns it; `None` at the file's end.
    fn next_record(&mut self) -> Option<&'static str> {
        let start = self.history.len();
        if start >= self.length {
            return None;
        }
        // Two calls of `byte`, not one in a loop: wasm-opt inlines a function that has a
        // single caller, and `byte` must stay a function of its own (see there).
        let byte = self.decoder.byte(&self.history);
        self.history.push(byte);
        while self.history.len() < self.length && self.history.last() != Some(&RECORD_END) {
            let byte = self.decoder.byte(&self.history);
            self.history.push(byte);
        }
        let bytes = self.history.get(start..)?;
        let bytes = bytes.strip_suffix(&[RECORD_END]).unwrap_or(bytes);
        let text: &'static str =
            Box::leak(String::from_utf8_lossy(bytes).into_owned().into_boxed_str());
        let id = id_of(text);
        let at = self.records.partition_point(|(known, _)| *known < id);
        self.records.insert(at, (id, text));
        Some(text)
    }
}

/// The id a rule's texts start with.
fn id_of(text: &str) -> &str {
    text.split(crate::words::SEPARATOR).next().unwrap_or("")
}

/// A rule's texts as the WebAssembly builds keep them: the `instead` step only where it names
/// `{target}`, since a card shows it only filled with the step's own target (an example about
/// another name would be invented); otherwise that part is empty.
#[cfg(test)]
pub fn form(text: &str) -> String {
    let mut parts: Vec<&str> = text.split(crate::words::SEPARATOR).collect();
    // The sixth part, after the id and four texts, is `instead` (see `Rule::instead`).
    if let Some(instead) = parts.get_mut(5) {
        if !instead.contains("{target}") {
            *instead = "";
        }
    }
    parts.join(&crate::words::SEPARATOR.to_string())
}

/// The whole catalogue's texts as the shipped file holds them, before coding: each rule's
/// texts and a record end, in the order `order` gives.
#[cfg(test)]
pub fn catalogue(order: &[&str]) -> String {
    let mut texts: Vec<String> = super::all().map(|rule| form(rule.text)).collect();
    let rank = |text: &String| {
        let id = id_of(text);
        (
            order.iter().position(|o| *o == id).unwrap_or(order.len()),
            id.to_string(),
        )
    };
    texts.sort_by_cached_key(rank);
    texts
        .iter()
        .map(|text| format!("{text}{}", char::from(RECORD_END)))
        .collect()
}

/// Rule ids, those shown on the most of the repository's eval plans (`eval/plans`) first: the
/// order the shipped file keeps its records in, so that the first cards a page shows are
/// decoded from the file's start (see `lookup`). The eval plans stand in for the plans people
/// paste. A rule shown on fewer than `OFTEN` plans comes after them all, by id: such rules are
/// rarely needed wherever they sit, and in id order rules of one domain sit together and code
/// smaller (0.44 KB of page, measured, against the whole file in shown order).
#[cfg(test)]
fn order() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/plans");
    let mut plans: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    plans.retain(|path| path.extension().is_some_and(|ext| ext != "expect"));
    plans.sort();
    let mut shown: std::collections::BTreeMap<String, usize> = Default::default();
    for path in plans {
        let plan = std::fs::read_to_string(&path).unwrap_or_default();
        let assessment = crate::assess(&plan, &crate::Options::default());
        let mut ids: std::collections::BTreeSet<&str> = Default::default();
        for step in &assessment.steps {
            ids.extend(step.findings.iter().map(|f| f.rule.as_str()));
        }
        ids.extend(assessment.patterns.iter().map(|p| p.rule.as_str()));
        for id in ids {
            *shown.entry(id.to_string()).or_default() += 1;
        }
    }
    const OFTEN: usize = 3;
    let mut ids: Vec<(String, usize)> = shown.into_iter().filter(|(_, n)| *n >= OFTEN).collect();
    ids.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ids.into_iter().map(|(id, _)| id).collect()
}

/// Bits of each context's table index: 2^18 two-byte counters (512 KB) per context keeps
/// collisions rare for a catalogue of this size. Encoder and decoder
/// must agree.
const TABLE_BITS: u32 = 18;
/// Contexts with a table: orders 1 to 4 and the current word. Each costs about a sixth of the
/// decoding time: order 6 saved 0.13 KB and order 0 0.2 KB, too little for 20% more each.
const CONTEXTS: usize = 5;
/// Mixer inputs: each context's prediction, the match model's and a constant bias.
const INPUTS: usize = CONTEXTS + 2;
/// A counter's confidence stops growing here, so it keeps adapting to what comes next.
const COUNT_LIMIT: u16 = 15;

/// The logistic function on a 12-bit probability scale: `4096 / (1 + e^(-d/256))`, by
/// interpolation in a table, in integers so that every platform predicts the same bits.
fn squash(d: i32) -> i32 {
    const CURVE: [i32; 33] = [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994,
        3348, 3607, 3785, 3901, 3975, 4024, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];
    if d > 2047 {
        return 4095;
    }
    if d < -2047 {
        return 1;
    }
    let weight = d & 127;
    let at = ((d >> 7) + 16) as usize;
    let low = CURVE.get(at).copied().unwrap_or(4095);
    let high = CURVE.get(at + 1).copied().unwrap_or(4095);
    (low * (128 - weight) + high * weight + 64) >> 7
}

/// What predicts the next bit: one counter per context (probability in the high 12 bits, a
/// confidence count in the low 4), a pointer to the last time the recent bytes appeared, and
/// the mixer's weights, chosen by the bits of the byte so far and the length of the repeat.
struct Model {
    stretch: Vec<i16>,
    counters: Vec<u16>,
    weights: Vec<i32>,
    /// The hash of each context at the last byte boundary.
    hashes: [u32; CONTEXTS],
    /// Each context's counter block for the current half-byte (16 counters).
    blocks: [usize; CONTEXTS],
    slots: [usize; CONTEXTS],
    inputs: [i32; INPUTS],
    set: usize,
    mixed: i32,
    /// The current byte's bits so far, after a leading 1.
    partial: u32,
    last4: u32,
    last8: u32,
    word: u32,
    /// Where each 5-byte context last ended, by hash.
    seen: Vec<u32>,
    /// The byte after the earlier occurrence of the current context, and how long it runs.
    repeat_at: usize,
    repeat_len: u32,
}

impl Model {
    fn new() -> Model {
        // `stretch` is squash's inverse: for each probability, the smallest d it comes from.
        let mut stretch = vec![2047i16; 4096];
        let mut from = 0usize;
        for d in -2047..=2047i32 {
            let to = squash(d) as usize;
            for slot in stretch.iter_mut().take(to + 1).skip(from) {
                *slot = d as i16;
            }
            from = from.max(to + 1);
        }
        Model {
            stretch,
            counters: vec![2048 << 4; CONTEXTS << TABLE_BITS],
            weights: vec![1 << 14; INPUTS * 256 * 4],
            hashes: [0; CONTEXTS],
            blocks: [0; CONTEXTS],
            slots: [0; CONTEXTS],
            inputs: [0; INPUTS],
            set: 0,
            mixed: 2048,
            partial: 1,
            last4: 0,
            last8: 0,
            word: 0,
            seen: vec![0; 1 << 16],
            repeat_at: 0,
            repeat_len: 0,
        }
    }

    /// The probability, out of 4096, that the next bit is a 1; `history` is every byte so far.
    fn predict(&mut self, history: &[u8]) -> u32 {
        let bits = 31 - self.partial.leading_zeros();
        let within = if bits < 4 {
            self.partial
        } else {
            (1 << (bits - 4)) | (self.partial & ((1 << (bits - 4)) - 1))
        } as usize;
        for n in 0..CONTEXTS {
            self.slots[n] = self.blocks[n] + within;
            let counter = self
                .counters
                .get(self.slots[n])
                .copied()
                .unwrap_or(2048 << 4);
            self.inputs[n] = i32::from(self.stretch[usize::from(counter >> 4)]);
        }
        // The repeat votes for the bit its next byte has, more firmly the longer it has run,
        // and drops out at the first bit it gets wrong.
        let mut vote = 0;
        if self.repeat_len > 0 {
            let expected = u32::from(history.get(self.repeat_at).copied().unwrap_or(0)) | 0x100;
            if expected >> (8 - bits) == self.partial {
                let strength = (self.repeat_len.min(32) * 64) as i32;
                vote = if (expected >> (7 - bits)) & 1 == 1 {
                    strength
                } else {
                    -strength
                };
            } else {
                self.repeat_len = 0;
            }
        }
        self.inputs[CONTEXTS] = vote;
        self.inputs[CONTEXTS + 1] = 256;
        let length_class = match self.repeat_len {
            0 => 0,
            1..=15 => 1,
            16..=31 => 2,
            _ => 3,
        };
        self.set = (self.partial as usize * 4 + length_class) * INPUTS;
        let mut dot = 0i64;
        for (input, weight) in self.inputs.iter().zip(&self.weights[self.set..]) {
            dot += i64::from(*input) * i64::from(*weight);
        }
        self.mixed = squash((dot >> 16).clamp(-2047, 2047) as i32);
        self.mixed.clamp(1, 4095) as u32
    }

    /// Learns from the bit that came; `history` holds every whole byte before it.
    fn update(&mut self, bit: u32, history: &[u8]) {
        const RATE: [i32; 16] = {
            let mut rate = [0; 16];
            let mut n = 0;
            while n < 16 {
                rate[n] = 65536 / (n as i32 + 2);
                n += 1;
            }
            rate
        };
        for &slot in &self.slots {
            if let Some(counter) = self.counters.get_mut(slot) {
                let count = *counter & 15;
                let p = i32::from(*counter >> 4);
                let target = (bit as i32) << 12;
                let p = (p + (((target - p) * RATE[usize::from(count)]) >> 16)).clamp(1, 4095);
                *counter = ((p as u16) << 4) | (count + u16::from(count < COUNT_LIMIT));
            }
        }
        let error = ((bit as i32) << 12) - self.mixed;
        for (weight, input) in self.weights[self.set..].iter_mut().zip(&self.inputs) {
            *weight = (*weight + ((input * error) >> 11)).clamp(-(1 << 22), 1 << 22);
        }
        self.partial = (self.partial << 1) | bit;
        if self.partial >= 256 {
            self.byte_done((self.partial & 255) as u8, history.len());
            self.partial = 1;
        } else if self.partial >= 16 && self.partial < 32 {
            self.place_blocks(self.partial);
        }
    }

    /// A byte is complete (`at` bytes came before it): the contexts move on, and the repeat
    /// is followed or looked for.
    fn byte_done(&mut self, byte: u8, at: usize) {
        self.last8 = (self.last8 << 8) | (self.last4 >> 24);
        self.last4 = (self.last4 << 8) | u32::from(byte);
        self.word = if byte.is_ascii_alphabetic() {
            (self.word ^ u32::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0193)
        } else {
            0
        };
        let last4 = self.last4;
        self.hashes = [
            mix(last4 & 0xff, 1),
            mix(last4 & 0xffff, 2),
            mix(last4 & 0xff_ffff, 3),
            mix(last4, 4),
            mix(self.word ^ (last4 & 0xff).wrapping_mul(0x3f1), 6),
        ];
        self.place_blocks(0);
        let length = at + 1;
        if self.repeat_len > 0 {
            self.repeat_len += 1;
            self.repeat_at += 1;
        }
        if length >= 5 {
            let key = (mix(last4 ^ (self.last8 & 0xff).rotate_left(27), 7) >> 16) as usize;
            if let Some(entry) = self.seen.get_mut(key) {
                if self.repeat_len == 0 && *entry > 0 {
                    self.repeat_len = 1;
                    self.repeat_at = *entry as usize;
                }
                *entry = length as u32;
            }
        }
    }

    /// Each context's block of 16 counters for the half-byte that starts (`high`: the first
    /// half's bits after a leading 1, or 0 at a byte's start).
    fn place_blocks(&mut self, high: u32) {
        for (n, block) in self.blocks.iter_mut().enumerate() {
            let hash = mix(
                self.hashes[n].wrapping_add(high.wrapping_mul(0x9e37_79b1)),
                11,
            );
            *block = (n << TABLE_BITS) | (((hash >> (36 - TABLE_BITS)) as usize) << 4);
        }
    }
}

/// A 32-bit hash of `value`, varied by `salt`.
fn mix(value: u32, salt: u32) -> u32 {
    value
        .wrapping_add(salt)
        .wrapping_mul(0x9e37_79b1)
        .rotate_left(13)
        .wrapping_mul(0x85eb_ca77)
}

/// The binary arithmetic coder's interval, split at the predicted probability of a 1.
fn split(low: u32, high: u32, p: u32) -> u32 {
    low + ((u64::from(high - low) * u64::from(p)) >> 12) as u32
}

/// The decoded bytes of `coded` (its first four bytes are the length, little-endian), all at
/// once. Bytes that are not a coded file give bytes that are not the catalogue, never a panic.
#[cfg(test)]
pub fn decode(coded: &[u8]) -> Vec<u8> {
    let (mut decoder, length) = Decoder::new(coded);
    let mut out = Vec::with_capacity(length);
    while out.len() < length {
        let byte = decoder.byte(&out);
        out.push(byte);
    }
    out
}

/// The arithmetic decoder's state between bytes.
struct Decoder<'a> {
    model: Model,
    input: &'a [u8],
    low: u32,
    high: u32,
    x: u32,
}

impl<'a> Decoder<'a> {
    /// A decoder of `coded` (its first four bytes are the decoded length, little-endian), and
    /// that length. Bytes that are not a coded file decode to bytes that are not the
    /// catalogue, never to a panic.
    fn new(coded: &'a [u8]) -> (Decoder<'a>, usize) {
        let length = coded
            .get(..4)
            .and_then(|head| head.try_into().ok())
            .map_or(0, u32::from_le_bytes) as usize;
        let mut decoder = Decoder {
            model: Model::new(),
            input: coded.get(4..).unwrap_or_default(),
            low: 0,
            high: u32::MAX,
            x: 0,
        };
        for _ in 0..4 {
            decoder.x = (decoder.x << 8) | decoder.next_input();
        }
        (decoder, length.min(1 << 22))
    }

    fn next_input(&mut self) -> u32 {
        let (first, rest) = self
            .input
            .split_first()
            .map_or((0, &[][..]), |(b, r)| (*b, r));
        self.input = rest;
        u32::from(first)
    }

    /// The next byte, given every byte before it. A call of its own, never inlined: browsers
    /// compile a wasm function with their fast baseline compiler first and switch to optimised
    /// code only for later calls, so a decoder that ran as one long call would stay at the
    /// baseline's speed, about three times slower, to the end.
    #[inline(never)]
    fn byte(&mut self, history: &[u8]) -> u8 {
        let mut byte = 0u32;
        for _ in 0..8 {
            let mid = split(self.low, self.high, self.model.predict(history));
            let bit = u32::from(self.x <= mid);
            if bit == 1 {
                self.high = mid;
            } else {
                self.low = mid + 1;
            }
            while (self.low ^ self.high) & 0xff00_0000 == 0 {
                self.low <<= 8;
                self.high = (self.high << 8) | 255;
                self.x = (self.x << 8) | self.next_input();
            }
            self.model.update(bit, history);
            byte = (byte << 1) | bit;
        }
        byte as u8
    }
}

/// `text` coded for `decode`.
#[cfg(test)]
pub fn encode(text: &[u8]) -> Vec<u8> {
    let mut out = (text.len() as u32).to_le_bytes().to_vec();
    let (mut low, mut high) = (0u32, u32::MAX);
    let mut model = Model::new();
    for (at, &byte) in text.iter().enumerate() {
        let history = &text[..at];
        for shift in (0..8).rev() {
            let bit = u32::from(byte >> shift) & 1;
            let mid = split(low, high, model.predict(history));
            if bit == 1 {
                high = mid;
            } else {
                low = mid + 1;
            }
            while (low ^ high) & 0xff00_0000 == 0 {
                out.push((high >> 24) as u8);
                low <<= 8;
                high = (high << 8) | 255;
            }
            model.update(bit, history);
        }
    }
    out.extend_from_slice(&low.to_be_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::{catalogue, decode, encode, header, id_of, order, Stream, RECORD_END};

    /// The records of decoded prose, sorted by id.
    fn sorted(text: &[u8]) -> Vec<&[u8]> {
        let mut records: Vec<&[u8]> = text.split(|b| *b == RECORD_END).collect();
        records.pop();
        records.sort_by_key(|record| record.split(|b| *b == 0x1f).next().map(<[u8]>::to_vec));
        records
    }

    /// The shipped file is the catalogue as the WebAssembly builds keep it, its header carries
    /// the prose's digest, and every rule's record reads back from it. `UPDATE_DOCS=1` rewrites
    /// it, as it rewrites `docs/rules.md`, with the records in the order `order` gives; the
    /// order only makes the page faster, so an older order is not stale.
    #[test]
    fn the_shipped_prose_is_the_catalogues() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/prose.bin");
        let digest = super::super::prose_digest();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            let order = order();
            let order: Vec<&str> = order.iter().map(String::as_str).collect();
            let mut file = digest.to_le_bytes().to_vec();
            file.extend(encode(catalogue(&order).as_bytes()));
            std::fs::write(path, file).expect("prose.bin is writable");
        }
        let shipped: &'static [u8] = Vec::leak(std::fs::read(path).unwrap_or_default());
        let stale = "src/rules/prose.bin is not the catalogue's prose: regenerate it with \
                     `cargo xtask docs`";
        let (written, coded) = header(shipped);
        assert_eq!(written, digest, "{stale}");
        let expected = catalogue(&[]);
        assert!(
            sorted(&decode(coded)) == sorted(expected.as_bytes()),
            "{stale}"
        );

        let mut stream = Stream::new(coded);
        let first = stream
            .next_record()
            .map(id_of)
            .unwrap_or_default()
            .to_string();
        for rule in super::super::all() {
            let found = stream.find(rule.id());
            assert_eq!(
                found,
                Some(super::form(rule.text).as_str()),
                "{}",
                rule.id()
            );
        }
        assert_eq!(stream.find("no.such-rule"), None);

        // The first record is found by decoding it alone.
        let mut stream = Stream::new(coded);
        assert!(stream.find(&first).is_some());
        assert!(
            stream.history.len() * 20 < stream.length,
            "{}",
            stream.history.len()
        );
    }

    #[test]
    fn what_is_encoded_decodes_to_itself() {
        let samples: [&[u8]; 4] = [
            b"",
            b"a",
            b"Deletes the file; deletes the file again, and the file is gone.",
            &[0, 255, 1, 254, 0x1f, 0x1e, 0, 0, 0, 0],
        ];
        for sample in samples {
            assert_eq!(decode(&encode(sample)), sample);
        }
    }

    #[test]
    fn repeated_prose_codes_small() {
        let text = "Can it be undone? Who else is reached? ".repeat(50);
        let coded = encode(text.as_bytes());
        assert!(coded.len() * 20 < text.len(), "{} bytes", coded.len());
    }

    #[test]
    fn bytes_that_are_not_a_coded_file_decode_without_panicking() {
        for junk in [
            &b""[..],
            b"\x05",
            b"\xff\xff\xff\x00garbage",
            b"\x10\x00\x00\x00",
        ] {
            assert!(decode(junk).len() <= 1 << 22);
        }
    }
}
