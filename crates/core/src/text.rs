//! Text as the rules see it: UTF-16 lengths, JavaScript's notion of whitespace,
//! and the characters that are refused rather than silently replaced.

use crate::bytes::{self, bytes_below, splat, zero_bytes, HIGHS, ONES};
use crate::prelude::*;
use alloc::borrow::Cow;

/// A string that came from JavaScript, which may hold unpaired UTF-16 surrogates.
///
/// Rust strings cannot hold those, so the text keeps a lossy copy (each unpaired
/// surrogate becomes U+FFFD, one code unit for one, so positions are unchanged) and
/// remembers where each one was and what it was. A text with an unpaired surrogate
/// never passes validation, so the lossy copy is never sent; the exact text is still
/// at hand for naming a key in a path (`json::text`) or for a Rust caller
/// ([`Text::exact_utf16`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// Borrowed for a name the rules know (a key JavaScript sent by its index), so that
    /// the commonest texts of a request are neither decoded nor copied.
    text: Cow<'static, str>,
    /// `(UTF-16 index, code unit)` of each unpaired surrogate, in order.
    unpaired: Vec<(usize, u16)>,
}

impl Text {
    /// A text from UTF-16 code units, as JavaScript holds it.
    pub fn from_utf16(units: &[u16]) -> Self {
        Text::from_utf16_units(units.iter().copied(), units.len())
    }

    /// A text from UTF-16 code units read one by one (`len` of them: the room made).
    pub fn from_utf16_units(units: impl Iterator<Item = u16>, len: usize) -> Self {
        // Room for its UTF-8 first, so that it is written without growing: a unit takes
        // at most three bytes (a pair of surrogates four for two units, a lone one
        // U+FFFD's three).
        let mut text = String::with_capacity(len.saturating_mul(3));
        let mut unpaired = Vec::new();
        let mut index = 0;
        for decoded in char::decode_utf16(units) {
            match decoded {
                Ok(c) => {
                    text.push(c);
                    index += c.len_utf16();
                }
                Err(error) => {
                    unpaired.push((index, error.unpaired_surrogate()));
                    text.push(char::REPLACEMENT_CHARACTER);
                    index += 1;
                }
            }
        }
        Text {
            text: Cow::Owned(text),
            unpaired,
        }
    }

    /// A text whose unpaired surrogates (`(UTF-16 index, code unit)`, in order) were
    /// already replaced by U+FFFD in `lossy`: what the JavaScript side hands over.
    pub fn with_unpaired_surrogates(lossy: String, unpaired: Vec<(usize, u16)>) -> Self {
        Text {
            text: Cow::Owned(lossy),
            unpaired,
        }
    }

    /// The text; lossy when [`Text::unpaired_surrogate_at`] is set.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Where the first unpaired surrogate was, in UTF-16 code units.
    pub fn unpaired_surrogate_at(&self) -> Option<usize> {
        self.unpaired.first().map(|&(index, _)| index)
    }

    /// Each unpaired surrogate: `(UTF-16 index, code unit)`, in order.
    pub fn unpaired_surrogates(&self) -> &[(usize, u16)] {
        &self.unpaired
    }

    /// The text exactly as JavaScript held it, as UTF-16 code units.
    pub fn exact_utf16(&self) -> Vec<u16> {
        let mut units: Vec<u16> = self.text.encode_utf16().collect();
        for &(index, unit) in &self.unpaired {
            if let Some(slot) = units.get_mut(index) {
                *slot = unit;
            }
        }
        units
    }

    /// The length as JavaScript's `String.length` counts it.
    #[must_use]
    pub fn utf16_len(&self) -> usize {
        utf16_len(&self.text)
    }
}

impl Text {
    /// A text the program holds for good (a rule's key): borrowed, not copied.
    pub fn from_static(text: &'static str) -> Self {
        Text {
            text: Cow::Borrowed(text),
            unpaired: Vec::new(),
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text {
            text: Cow::Owned(text),
            unpaired: Vec::new(),
        }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::from(text.to_owned())
    }
}

/// The length in UTF-16 code units: a CJK character counts 1, an emoji 2.
#[must_use]
pub fn utf16_len(text: &str) -> usize {
    // A character is one unit, or two when it takes four bytes: each byte that starts
    // no character (10xxxxxx) is taken from the length, and each that starts a
    // four-byte one (11110xxx) added. Eight bytes at a time, none decoded: a CJK text
    // (three bytes a character) is counted in one pass rather than two.
    let bytes = text.as_bytes();
    let mut units = bytes.len();
    let mut words = bytes.chunks_exact(8);
    for chunk in &mut words {
        let word = bytes::le_word(chunk);
        if word & HIGHS == 0 {
            continue; // ASCII
        }
        // Shifted left by n, a byte's bit 7 - n lands on its own high bit.
        let continuations = word & !(word << 1) & HIGHS;
        let four_byte_starts = word & (word << 1) & (word << 2) & (word << 3) & HIGHS;
        units -= continuations.count_ones() as usize;
        units += four_byte_starts.count_ones() as usize;
    }
    for &byte in words.remainder() {
        units -= usize::from(byte & 0xC0 == 0x80);
        units += usize::from(byte >= 0xF0);
    }
    units
}

/// Whitespace as JavaScript's `String.prototype.trim` and HTML forms see it
/// (Unicode White_Space plus U+FEFF), so that "blank" means the same on both sides.
pub(crate) fn is_js_whitespace(c: char) -> bool {
    // Unicode's White_Space has U+0085 (NEL); JavaScript's WhiteSpace and
    // LineTerminator do not, and add U+FEFF.
    (c.is_whitespace() && c != '\u{85}') || c == '\u{FEFF}'
}

/// The text without leading and trailing whitespace, as `String.prototype.trim`.
pub(crate) fn js_trim(text: &str) -> &str {
    // Most texts start and end with a printable ASCII character, which no whitespace
    // is: nothing to trim, and no character decoded.
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(&first), Some(&last)) if is_printable_ascii(first) && is_printable_ascii(last) => {
            text
        }
        _ => text.trim_matches(is_js_whitespace),
    }
}

/// Empty or whitespace only.
pub(crate) fn is_blank(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(&first) if is_printable_ascii(first) => false,
        _ => text.chars().all(is_js_whitespace),
    }
}

/// Whether a text given as its UTF-16 code units (as JavaScript holds it), little-endian
/// in `bytes` (a last odd byte is no unit), passes a text rule as the walk checks the
/// decoded text (`Walk::text`): not blank, no unpaired surrogate, no control character
/// but tab, LF and CR, and at most `max` units as counted (after trimming, when
/// `trimmed`). Checked on the units, with nothing decoded: whitespace and control
/// characters are each one unit (all in the Basic Multilingual Plane), and a length in
/// units is what the rules count.
#[cfg(any(feature = "internal", test))]
pub(crate) fn units_pass(bytes: &[u8], max: u32, trimmed: bool) -> bool {
    let units = bytes.chunks_exact(2).map(le_unit);
    let space = |unit: u16| char::from_u32(u32::from(unit)).is_some_and(is_js_whitespace);
    if units.clone().all(space) {
        return false; // blank (or empty)
    }
    if !units_clean(bytes) {
        return false;
    }
    let mut counted = units;
    if trimmed {
        while counted.clone().next().is_some_and(space) {
            counted.next();
        }
        while counted.clone().next_back().is_some_and(space) {
            counted.next_back();
        }
    }
    counted.len() <= max as usize
}

/// The UTF-16 unit of two little-endian bytes (`pair` is two long).
#[cfg(any(feature = "internal", test))]
fn le_unit(pair: &[u8]) -> u16 {
    u16::from(pair[0]) | (u16::from(pair[1]) << 8)
}

/// Whether the UTF-16 units, little-endian in `bytes`, hold no unpaired surrogate and no
/// control character but tab, LF and CR. Four units at a time while none of them is
/// below U+00A0 or a surrogate (Chinese text, mostly), each of the four alone
/// otherwise: a 300-character Chinese comment took 14 instructions a unit one at a time.
#[cfg(any(feature = "internal", test))]
fn units_clean(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0001_0001_0001_0001;
    const TOPS: u64 = 0x8000_8000_8000_8000;
    let unit = |at: usize| bytes.get(at..at + 2).map(le_unit);
    let mut at = 0;
    loop {
        while let Some(four) = bytes.get(at..at + 8) {
            let four = bytes::le_word(four);
            // Is any unit below 0xA0 (subtracting borrows into its top bit), or a
            // surrogate (its top five bits 11011: zero once masked and flipped)? Exact
            // for "any", which is all that is asked.
            let below = four.wrapping_sub(0xA0 * ONES) & !four & TOPS;
            let flipped = (four & (0xF800 * ONES)) ^ (0xD800 * ONES);
            let surrogate = flipped.wrapping_sub(ONES) & !flipped & TOPS;
            if below | surrogate != 0 {
                break;
            }
            at += 8;
        }
        // These four (or the last few) one at a time; a pair may end past them.
        let end = at + 8;
        while at < end {
            let Some(unit_here) = unit(at) else {
                return true;
            };
            at += 2;
            // Nearly every unit is printable ASCII or at least U+00A0 and no surrogate:
            // two tests each.
            if unit_here >= 0xA0 {
                if unit_here & 0xF800 == 0xD800 {
                    // A surrogate: a high one, then a low one.
                    let low = unit(at).is_some_and(|low| low & 0xFC00 == 0xDC00);
                    if unit_here >= 0xDC00 || !low {
                        return false;
                    }
                    at += 2;
                }
            } else if !(0x20..0x7F).contains(&unit_here) && !matches!(unit_here, 0x09 | 0x0A | 0x0D)
            {
                return false; // Cc: C0 but tab, LF and CR; DEL; C1
            }
        }
    }
}

/// Whether every byte is printable ASCII or a space (0x20..=0x7E), eight at a time:
/// a text that needs no decoding, holds no control character nor unpaired surrogate
/// (whose stand-in, U+FFFD, is not ASCII), is one UTF-16 unit a byte, and trims only
/// spaces. Nearly every text a form holds is.
#[inline]
pub(crate) fn is_printable(bytes: &[u8]) -> bool {
    let maybe_not = |word: u64| {
        // A high bit, a byte below 0x20, or (with no high bit, so no carry crosses a
        // byte) 0x7F, which alone reaches the high bit when 1 is added.
        word & HIGHS != 0 || bytes_below(word, 0x20) != 0 || word.wrapping_add(ONES) & HIGHS != 0
    };
    bytes::position(bytes, maybe_not, |b| !(0x20..0x7F).contains(&b)).is_none()
}

/// A byte that is a printable ASCII character on its own (not a space).
fn is_printable_ascii(byte: u8) -> bool {
    byte > b' ' && byte < 0x7F
}

/// Why a text is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextProblem {
    /// An unpaired UTF-16 surrogate: it cannot be sent as JSON text without loss.
    UnpairedSurrogate {
        /// Position in UTF-16 code units, from 0.
        index: usize,
    },
    /// A control character other than tab, LF and CR.
    ControlCharacter {
        /// Position in UTF-16 code units, from 0.
        index: usize,
        /// The character's code point.
        code_point: u32,
    },
}

/// The first reason to refuse a text, if any.
pub(crate) fn text_problem(text: &Text) -> Option<TextProblem> {
    let control = first_control_character(text.as_str());
    match (text.unpaired_surrogate_at(), control) {
        (Some(s), Some((c, _))) if c < s => {
            control.map(|(index, code_point)| TextProblem::ControlCharacter { index, code_point })
        }
        (Some(index), _) => Some(TextProblem::UnpairedSurrogate { index }),
        (None, Some((index, code_point))) => {
            Some(TextProblem::ControlCharacter { index, code_point })
        }
        (None, None) => None,
    }
}

/// Whether `bytes` (UTF-8) may hold a control character other than tab, LF and CR:
/// every Cc character is a byte below 0x20, 0x7F, or 0xC2 then 0x80..=0x9F. Nearly
/// every text has none of those bytes and needs no decoding; eight bytes are ruled
/// out at a time.
fn has_suspect_byte(bytes: &[u8]) -> bool {
    let maybe = |word: u64| {
        if word & HIGHS == 0 {
            // ASCII (nearly every word): a byte below 0x20 borrows when 0x20 is taken
            // from it, and only 0x7F reaches the high bit when 1 is added; no carry
            // crosses a byte.
            bytes_below(word, 0x20) | (word.wrapping_add(ONES) & HIGHS) != 0
        } else {
            // A byte below 0x20 has none of its top three bits set. The three tests at
            // once, with no branch between them: in a text that is not ASCII (a CJK
            // one), every word takes all three.
            zero_bytes(word & splat(0xE0))
                | zero_bytes(word ^ splat(0x7F))
                | zero_bytes(word ^ splat(0xC2))
                != 0
        }
    };
    // Tab, LF and CR pass the word test too: the bytes say which it was.
    let suspect =
        |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xC2;
    bytes::position(bytes, maybe, suspect).is_some()
}

/// The UTF-16 index and code point of the first control character (Unicode `Cc`)
/// other than tab, LF and CR.
pub(crate) fn first_control_character(text: &str) -> Option<(usize, u32)> {
    if !has_suspect_byte(text.as_bytes()) {
        return None;
    }
    let mut index = 0;
    for c in text.chars() {
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            return Some((index, c as u32));
        }
        index += c.len_utf16();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counted without decoding, as `encode_utf16` counts: characters of one to four
    /// bytes, alone and together.
    #[test]
    fn counts_utf16_units_as_the_encoder_does() {
        let chars = (0..0x11_0000u32).step_by(97).filter_map(char::from_u32);
        for c in chars.chain([
            '\u{7F}',
            '\u{80}',
            '\u{7FF}',
            '\u{800}',
            '\u{FFFF}',
            '\u{10000}',
        ]) {
            let text: String = ['a', c, '事', c, '😀'].iter().collect();
            assert_eq!(utf16_len(&text), text.encode_utf16().count(), "{c:?}");
        }
    }

    /// Seeded texts of every length to 80 characters, of characters of every width
    /// mixed, so that each byte of a character lands at each place of a word.
    #[test]
    fn counts_utf16_units_of_mixed_texts_of_every_length() {
        let widths = [
            'a',
            '\u{7F}',
            'é',
            '\u{7FF}',
            '字',
            '\u{FFFF}',
            '😀',
            '\u{10FFFF}',
        ];
        let mut next = crate::xorshift(0x5EED);
        for len in 0..80 {
            for _ in 0..50 {
                let text: String = (0..len).map(|_| widths[(next() % 8) as usize]).collect();
                assert_eq!(utf16_len(&text), text.encode_utf16().count(), "{text:?}");
            }
        }
    }

    #[test]
    fn counts_utf16_units() {
        assert_eq!(utf16_len("abc"), 3);
        assert_eq!(utf16_len("事件"), 2);
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len(""), 0);
    }

    #[test]
    fn decodes_lone_surrogates_without_changing_length() {
        let text = Text::from_utf16(&[0x61, 0xD800, 0x62]);
        assert_eq!(text.unpaired_surrogate_at(), Some(1));
        assert_eq!(text.utf16_len(), 3);
        let paired = Text::from_utf16(&[0xD83D, 0xDE00]);
        assert_eq!(paired.unpaired_surrogate_at(), None);
        assert_eq!(paired.as_str(), "😀");
        let two = Text::from_utf16(&[0xDC00, 0x62, 0xD801]);
        assert_eq!(two.exact_utf16(), [0xDC00, 0x62, 0xD801]);
        assert_eq!(two.as_str(), "\u{FFFD}b\u{FFFD}");
    }

    #[test]
    fn trims_like_javascript() {
        assert_eq!(js_trim("\u{FEFF}\u{3000} a b \n"), "a b");
        assert!(is_blank(" \t\u{00A0}"));
        assert!(!is_blank(" x "));
        // "\u0085".trim() is "\u0085" in JavaScript: a control character, not a space.
        assert!(!is_blank("\u{85}"));
        assert_eq!(js_trim(" \u{85} "), "\u{85}");
    }

    /// The printable-ASCII shortcut of `js_trim` and `is_blank` answers as the
    /// character-by-character definition does, whatever the first and last characters.
    #[test]
    fn trims_as_the_definition_does_at_every_edge() {
        let edges = [
            "", " ", "\t", "\n", "\u{B}", "\u{C}", "\r", "\u{1F}", "!", "a", "~", "\u{7F}",
            "\u{85}", "\u{A0}", "\u{FEFF}", "\u{3000}", "事",
        ];
        for first in edges {
            for last in edges {
                for middle in ["", "x", " ", "a b"] {
                    let text = format!("{first}{middle}{last}");
                    assert_eq!(
                        js_trim(&text),
                        text.trim_matches(is_js_whitespace),
                        "{text:?}"
                    );
                    assert_eq!(
                        is_blank(&text),
                        text.chars().all(is_js_whitespace),
                        "{text:?}"
                    );
                }
            }
        }
    }

    /// The word tests of `has_suspect_byte` against the byte-by-byte definition: every
    /// byte at every place of a word, among neighbours of every kind, then words from
    /// a seeded generator.
    #[test]
    fn the_word_test_finds_what_the_bytes_hold() {
        let suspect =
            |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xC2;
        let check = |bytes: &[u8]| {
            let expected = bytes.iter().any(|&b| suspect(b));
            assert_eq!(has_suspect_byte(bytes), expected, "{bytes:x?}");
        };
        for fill in [
            b'a', b' ', b'!', b'~', 0x1F, 0x7F, 0x80, 0xC2, 0xFF, b'\t', 0,
        ] {
            for byte in 0..=255u8 {
                for at in 0..8 {
                    let mut word = [fill; 8];
                    word[at] = byte;
                    check(&word);
                    check(&word[..at + 1]);
                }
            }
        }
        let mut random = crate::xorshift(0x2545_F491_4F6C_DD1D);
        for _ in 0..200_000 {
            // Mostly printable ASCII, as texts are, with every other byte now and then.
            let mut word = random().to_le_bytes();
            for byte in &mut word {
                *byte = match *byte {
                    0xE0.. => *byte,
                    0xD0.. => *byte & 0x1F,
                    0xC8.. => 0x7F,
                    other => b' ' + (other % 95),
                };
            }
            check(&word);
        }
    }

    #[test]
    fn finds_the_first_problem() {
        assert_eq!(text_problem(&Text::from("a\tb\r\nc")), None);
        // Every position of an eight-byte word, and the tail after the words.
        for at in 0..19 {
            for control in ['\u{1}', '\u{7F}', '\u{9F}'] {
                let mut text = "abcdefghijklmnopqrs".to_owned();
                text.replace_range(at..=at, control.encode_utf8(&mut [0; 4]));
                let found = text_problem(&Text::from(text.as_str()));
                let code_point = control as u32;
                assert_eq!(
                    found,
                    Some(TextProblem::ControlCharacter {
                        index: at,
                        code_point
                    })
                );
            }
            let mut fine = "abcdefghijklmnopqrs".to_owned();
            fine.replace_range(at..=at, "\n");
            assert_eq!(text_problem(&Text::from(fine.as_str())), None);
        }
        // U+0080..U+00BF share their first UTF-8 byte (0xC2): only U+0080..U+009F are Cc.
        assert_eq!(text_problem(&Text::from("25°C, £5 ¿")), None);
        assert_eq!(
            text_problem(&Text::from("°\u{9F}")),
            Some(TextProblem::ControlCharacter {
                index: 1,
                code_point: 0x9F
            })
        );
        assert_eq!(
            text_problem(&Text::from("a\u{7F}")),
            Some(TextProblem::ControlCharacter {
                index: 1,
                code_point: 0x7F
            })
        );
        assert_eq!(
            text_problem(&Text::from("😀\u{7}")),
            Some(TextProblem::ControlCharacter {
                index: 2,
                code_point: 7
            })
        );
        assert_eq!(
            text_problem(&Text::from("\u{85}")),
            Some(TextProblem::ControlCharacter {
                index: 0,
                code_point: 0x85
            })
        );
        let both = Text::from_utf16(&[0x61, 0xDC00, 0x0]);
        assert_eq!(
            text_problem(&both),
            Some(TextProblem::UnpairedSurrogate { index: 1 })
        );
    }
}
