//! A small LZ77 compressor and base64url, for putting a plan into a share link's fragment.
//!
//! Written here rather than taken from a crate because every byte of the page counts against
//! the 300 KB budget: deflate crates add tens of kilobytes of wasm, this adds about two. Plans
//! are prose and commands that repeat their own words (`kubectl --context prod ...` on every
//! line), which is exactly what back-references catch; the loss against deflate is the
//! entropy coding, a few tens of percent on a link nobody reads.
//!
//! Format: `varint(original length)`, then one token after another:
//! - a literal run: `varint(len << 1)` then `len` bytes;
//! - a match: `varint((len - MIN_MATCH) << 1 | 1)` then `varint(distance)`, copying `len` bytes
//!   from `distance` bytes back (overlapping copies repeat, as in every LZ77).
//!
//! Decoding never panics: a truncated or corrupt stream is `None` (the length up front catches a
//! link cut at a token boundary), and output is capped so a hostile link cannot make the page
//! allocate without bound.

/// Matches shorter than this cost more as a token than as literals.
const MIN_MATCH: usize = 4;
/// How far back a match may reach. Plans repeat within a few screens, so 64 KB catches nearly
/// everything while keeping the hash chains short.
const WINDOW: usize = 1 << 16;
/// Candidates tried per position: a handful finds most long matches at little cost.
const CHAIN_DEPTH: usize = 24;
const HASH_BITS: u32 = 14;

/// Compresses `input` (any bytes). Linear in practice: the chain walk is bounded.
pub fn compress(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 2 + 16);
    push_varint(&mut out, input.len());
    // `head[h]` is the latest position (plus one) whose next four bytes hash to `h`; `chain[i %
    // WINDOW]` links each position to the previous one with the same hash.
    let mut head = vec![0usize; 1 << HASH_BITS];
    let mut chain = vec![0usize; WINDOW];
    let mut literal_start = 0;
    let mut pos = 0;
    while pos + MIN_MATCH <= input.len() {
        let hash = hash4(&input[pos..]);
        let (mut best_len, mut best_dist) = (0, 0);
        let mut candidate = head[hash];
        let mut depth = 0;
        while candidate > 0 && depth < CHAIN_DEPTH {
            let start = candidate - 1;
            if pos - start > WINDOW - 1 {
                break;
            }
            let len = common_prefix(&input[start..], &input[pos..]);
            if len > best_len {
                best_len = len;
                best_dist = pos - start;
            }
            candidate = chain[start % WINDOW];
            depth += 1;
        }
        let insert_until = if best_len >= MIN_MATCH {
            pos + best_len
        } else {
            pos + 1
        };
        if best_len >= MIN_MATCH {
            push_literals(&mut out, &input[literal_start..pos]);
            push_varint(&mut out, ((best_len - MIN_MATCH) << 1) | 1);
            push_varint(&mut out, best_dist);
        }
        // Every position passed over joins the chains, so later text can refer back into it.
        while pos < insert_until {
            if pos + MIN_MATCH <= input.len() {
                let hash = hash4(&input[pos..]);
                chain[pos % WINDOW] = head[hash];
                head[hash] = pos + 1;
            }
            pos += 1;
        }
        if best_len >= MIN_MATCH {
            literal_start = pos;
        }
    }
    push_literals(&mut out, &input[literal_start..]);
    out
}

/// Reverses [`compress`]; `None` for a corrupt stream or one that would exceed `limit` bytes.
pub fn decompress(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut pos = 0;
    let expected = read_varint(data, &mut pos)?;
    if expected > limit {
        return None;
    }
    let limit = expected;
    let mut out: Vec<u8> = Vec::with_capacity(expected);
    while pos < data.len() {
        let token = read_varint(data, &mut pos)?;
        if token & 1 == 0 {
            let len = token >> 1;
            let end = pos.checked_add(len)?;
            let bytes = data.get(pos..end)?;
            if out.len() + len > limit {
                return None;
            }
            out.extend_from_slice(bytes);
            pos = end;
        } else {
            let len = (token >> 1).checked_add(MIN_MATCH)?;
            let dist = read_varint(data, &mut pos)?;
            if dist == 0 || dist > out.len() || out.len() + len > limit {
                return None;
            }
            let from = out.len() - dist;
            // Byte by byte, because an overlapping copy (dist < len) repeats what it just wrote.
            for i in 0..len {
                let byte = out[from + i];
                out.push(byte);
            }
        }
    }
    (out.len() == expected).then_some(out)
}

fn hash4(bytes: &[u8]) -> usize {
    let word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    (word.wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn push_literals(out: &mut Vec<u8>, bytes: &[u8]) {
    if !bytes.is_empty() {
        push_varint(out, bytes.len() << 1);
        out.extend_from_slice(bytes);
    }
}

fn push_varint(out: &mut Vec<u8>, mut value: usize) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn read_varint(data: &[u8], pos: &mut usize) -> Option<usize> {
    let mut value: usize = 0;
    for shift in (0..usize::BITS).step_by(7) {
        let byte = *data.get(*pos)?;
        *pos += 1;
        value |= usize::from(byte & 0x7f).checked_shl(shift)?;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5): safe in a URL fragment as it is.
pub fn to_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(BASE64URL[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Reverses [`to_base64url`]; `None` on any character outside the alphabet or a dangling one.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut bits: u32 = 0;
    let mut count = 0;
    for byte in text.bytes() {
        let value = BASE64URL.iter().position(|&c| c == byte)? as u32;
        bits = (bits << 6) | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    // Leftover bits of a well-formed string are fewer than a byte and all zero.
    (count < 6 && bits & ((1 << count) - 1) == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the property tests need no crate and never flake.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }
    }

    fn round_trip(input: &[u8]) {
        let packed = compress(input);
        assert_eq!(
            decompress(&packed, input.len()).as_deref(),
            Some(input),
            "round trip of {} bytes",
            input.len()
        );
        let text = to_base64url(&packed);
        assert_eq!(from_base64url(&text).as_deref(), Some(packed.as_slice()));
    }

    #[test]
    fn every_input_comes_back_byte_for_byte() {
        for input in [
            &b""[..],
            b"a",
            b"abc",
            b"abcd",
            b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "Delete and recreate the café — ünïcode ✓".as_bytes(),
        ] {
            round_trip(input);
        }
        let mut random = Lcg(7);
        for round in 0..300 {
            let len = (random.next() % 3000) as usize;
            // Small alphabets make many matches, large ones few: both paths get exercised.
            let alphabet = [2, 4, 16, 256][round % 4];
            let input: Vec<u8> = (0..len).map(|_| (random.next() % alphabet) as u8).collect();
            round_trip(&input);
        }
    }

    #[test]
    fn plans_shrink() {
        let plan = "kubectl --context prod-eu delete deployment payments-api\n".repeat(40);
        let packed = compress(plan.as_bytes());
        assert!(
            packed.len() * 10 < plan.len(),
            "{} -> {}",
            plan.len(),
            packed.len()
        );
        // Matches reach across the window's whole length but never beyond it.
        let far = [vec![b'x'; 10], vec![b'.'; WINDOW + 10], vec![b'x'; 10]].concat();
        round_trip(&far);
    }

    #[test]
    fn corrupt_streams_are_refused_not_panicked_on() {
        let packed = compress(b"delete the production database, then delete it again");
        for cut in 0..packed.len() {
            assert_eq!(decompress(&packed[..cut], 1000), None, "cut at {cut}");
        }
        assert_eq!(
            decompress(&[0x04, 0x03, 0x05], 100),
            None,
            "a match before any output"
        );
        assert_eq!(
            decompress(&[0x01, 0x02, b'a', b'b'], 100),
            None,
            "longer than announced"
        );
        assert_eq!(decompress(&[0xff; 12], 100), None, "an endless varint");
        let mut random = Lcg(99);
        for _ in 0..2000 {
            let junk: Vec<u8> = (0..(random.next() % 40))
                .map(|_| random.next() as u8)
                .collect();
            let _ = decompress(&junk, 4096);
        }
    }

    #[test]
    fn output_is_capped_so_a_small_link_cannot_explode() {
        // One literal, then one match repeating it a million times.
        let tokens = |announced: usize| {
            let mut bomb = Vec::new();
            push_varint(&mut bomb, announced);
            bomb.extend_from_slice(&[0x02, b'a']);
            push_varint(&mut bomb, ((1_000_000 - MIN_MATCH) << 1) | 1);
            push_varint(&mut bomb, 1);
            bomb
        };
        assert_eq!(
            decompress(&tokens(1_000_001), 64 * 1024),
            None,
            "announced too much"
        );
        assert_eq!(
            decompress(&tokens(10), 64 * 1024),
            None,
            "lied about its length"
        );
        assert_eq!(
            decompress(&tokens(1_000_001), 2_000_000).map(|out| out.len()),
            Some(1_000_001)
        );
    }

    #[test]
    fn base64url_matches_the_rfc_and_refuses_strangers() {
        assert_eq!(to_base64url(b""), "");
        assert_eq!(to_base64url(b"f"), "Zg");
        assert_eq!(to_base64url(b"fo"), "Zm8");
        assert_eq!(to_base64url(b"foo"), "Zm9v");
        assert_eq!(to_base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(from_base64url("Zm9vYg").as_deref(), Some(&b"foob"[..]));
        assert_eq!(from_base64url("Zm9v+"), None, "'+' is not base64url");
        assert_eq!(from_base64url("Z"), None, "a dangling character");
        assert_eq!(from_base64url("Zh"), None, "non-zero leftover bits");
    }
}
