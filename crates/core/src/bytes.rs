//! Bytes looked at eight at a time: a word test rules out eight bytes at once, and
//! only a word that may hold what is sought is looked at byte by byte.

/// `0x01` in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// `byte` in every byte.
pub(crate) const fn splat(byte: u8) -> u64 {
    byte as u64 * ONES
}

/// Eight bytes as a little-endian word (`chunk` is eight long: from `chunks_exact(8)`).
pub(crate) fn le_word(chunk: &[u8]) -> u64 {
    let mut eight = [0u8; 8];
    eight.copy_from_slice(chunk);
    u64::from_le_bytes(eight)
}

/// Not zero when some byte of `word` is zero (exact as to whether there is one: a
/// borrow only ever follows a zero byte).
pub(crate) fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// Not zero when some byte of `word` is below `n`, at most 0x80 (exact as to whether
/// there is one, as [`zero_bytes`]).
pub(crate) fn bytes_below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(splat(n)) & !word & HIGHS
}

/// Where the first byte of `bytes` is that `is` holds for. `maybe` tells of a word
/// (little-endian) whether it may hold one: it must be true of every word that does.
pub(crate) fn position(
    bytes: &[u8],
    maybe: impl Fn(u64) -> bool,
    is: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut words {
        if maybe(le_word(chunk)) {
            if let Some(i) = chunk.iter().position(|&b| is(b)) {
                return Some(at + i);
            }
        }
        at += 8;
    }
    let rest = words.remainder();
    // The last eight bytes, read as one word, rule out the few after the last whole
    // word at once (most texts have nothing sought): a byte-by-byte look at up to seven
    // bytes was most of the search in a short text.
    if !rest.is_empty() && bytes.len() >= 8 {
        if let Some(last) = bytes.get(bytes.len() - 8..) {
            if !maybe(le_word(last)) {
                return None;
            }
        }
    }
    rest.iter().position(|&b| is(b)).map(|i| at + i)
}

/// Where `byte` first is in `bytes`, eight bytes at a time (a byte loop is what
/// `iter().position` compiles to in wasm, a nanosecond a byte).
pub fn find_byte(bytes: &[u8], byte: u8) -> Option<usize> {
    position(
        bytes,
        |word| zero_bytes(word ^ splat(byte)) != 0,
        |b| b == byte,
    )
}

/// Whether every byte is ASCII, eight at a time: `<[u8]>::is_ascii` goes a `usize` at a
/// time, four bytes in wasm32 (a 3.6 KB token took 350 ns to check in the tape).
#[cfg(any(feature = "internal", test))]
pub fn is_ascii(bytes: &[u8]) -> bool {
    position(bytes, |word| word & HIGHS != 0, |b| b >= 0x80).is_none()
}

/// Whether two texts are the same, eight bytes at a time: `==` on texts calls
/// `memcmp`, which in wasm is a loop over single bytes, and a name found in a table is
/// nearly always the one looked for, so compared to its end.
#[cfg(any(feature = "internal", test))]
pub fn same_text(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

/// Whether two runs of bytes are the same, eight bytes at a time (see [`same_text`]).
#[cfg(any(feature = "internal", test))]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.len() < 8 {
        return a == b;
    }
    let mut words = a.chunks_exact(8).zip(b.chunks_exact(8));
    if !words.all(|(x, y)| le_word(x) == le_word(y)) {
        return false;
    }
    // The bytes after the last whole word, as the word that ends each text (it
    // overlaps bytes already compared).
    match (a.get(a.len() - 8..), b.get(b.len() - 8..)) {
        (Some(x), Some(y)) => le_word(x) == le_word(y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn same_text_is_equality_find_byte_is_position_and_is_ascii_finds_high_bytes() {
        let texts = [
            "",
            "a",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "virtual_confirm_result",
            "事件",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(same_text(a, b), a == b, "{a:?} {b:?}");
            }
        }
        // One byte changed anywhere, and a dot anywhere, in texts up to three words long.
        for len in 0..25 {
            let text: String = (0..len)
                .map(|i| char::from(b'a' + (i % 26) as u8))
                .collect();
            assert!(same_text(&text, &text.clone()));
            assert_eq!(find_byte(text.as_bytes(), b'.'), None);
            assert!(is_ascii(text.as_bytes()));
            for at in 0..len {
                let mut other = text.clone().into_bytes();
                other[at] = b'.';
                assert_eq!(find_byte(&other, b'.'), Some(at), "{len} {at}");
                let mut high = other.clone();
                high[at] = 0x80;
                assert!(!is_ascii(&high), "{len} {at}");
                let other = String::from_utf8(other).unwrap();
                assert!(!same_text(&text, &other), "{len} {at}");
            }
        }
    }
}
