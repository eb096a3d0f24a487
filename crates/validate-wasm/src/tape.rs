//! The tape: a JavaScript value as JavaScript writes it into this module's memory
//! (`src/validate/tape.js`), read back into the core's [`Value`].
//!
//! Little-endian 32-bit words. Each value starts with its tag:
//! - [`UNDEFINED`], [`NULL`], [`FALSE`], [`TRUE`]: nothing more;
//! - [`NUMBER`]: the double, two words; [`NUMBER_TEXT`]: the double, then the text
//!   JavaScript writes for it (a finite number that is not a safe integer);
//! - [`STRING`]: a text: its length in UTF-16 code units, then the units, two a word;
//!   [`STRING_UTF8`]: a well-formed string as UTF-8, its length in bytes, then the bytes;
//! - [`ARRAY`]: the count, then the items;
//! - [`OBJECT`]: the count, the keys counted but not read, then each key (a text,
//!   or [`NAME_KEY`] with the index of a name in [`names::table`]) and its value;
//! - [`FOREIGN`]: what kind ([`Foreign`] in declaration order).
//!
//! A string's tag may carry [`UNCHANGED`].
//!
//! A call's tape is two values: the input, then the options.

use alloc::string::String;
use alloc::vec::Vec;

use coc_incident_core::internal::is_ascii;
use coc_incident_core::{Foreign, Number, Object, Text, Value, MAX_DEPTH, MAX_NODES};

use crate::names;

/// The version of this layout, which JavaScript checks at start (`names()`): a module
/// that reads another is refused rather than handed tapes it misreads.
pub const LAYOUT: u32 = 2;

/// `undefined` (or a hole).
pub const UNDEFINED: u32 = 0;
/// `null`.
pub const NULL: u32 = 1;
/// `false`.
pub const FALSE: u32 = 2;
/// `true`.
pub const TRUE: u32 = 3;
/// A number that is a safe integer or not finite.
pub const NUMBER: u32 = 4;
/// Any other number, with its text.
pub const NUMBER_TEXT: u32 = 5;
/// A string.
pub const STRING: u32 = 6;
/// An array.
pub const ARRAY: u32 = 7;
/// A plain object.
pub const OBJECT: u32 = 8;
/// A value JSON has no room for, or one that could not be read.
pub const FOREIGN: u32 = 9;
/// A string as UTF-8: its length in bytes, then the bytes, padded to a word. What
/// JavaScript writes for an ASCII string, and for a long well-formed one (which
/// `TextEncoder.encodeInto` copies far faster than a loop over its units); Rust borrows
/// it from the tape.
pub const STRING_UTF8: u32 = 10;
/// Set in the tag ([`STRING`] or [`STRING_UTF8`]) of a string of the input (never of
/// the options, which a build knows by their bytes) by JavaScript when its words are
/// the ones the last tape in the scratch area had at this very place (tape.js
/// `string`): the quick path then takes the verdict the last call found for it
/// ([`crate::verdicts`]). Any other reader reads the string as it is.
pub const UNCHANGED: u32 = 0x100;
/// Set in a key's first word: the key is the name at this index of the names table
/// ([`names::table`]), not a text (whose first word, its length, is below 2^30).
pub const NAME_KEY: u32 = 0x8000_0000;

/// [`STRING`], unchanged.
pub const STRING_UNCHANGED: u32 = STRING | UNCHANGED;
/// [`STRING_UTF8`], unchanged.
pub const STRING_UTF8_UNCHANGED: u32 = STRING_UTF8 | UNCHANGED;

const FOREIGN_KINDS: [Foreign; 7] = [
    Foreign::Function,
    Foreign::Symbol,
    Foreign::BigInt,
    Foreign::Instance,
    Foreign::TooDeep,
    Foreign::TooLarge,
    Foreign::Unreadable,
];

/// A tape that does not read as one: never written by the package's own JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// A call's tape, read.
pub struct Call {
    /// The input.
    pub input: Value,
    /// The options, unless the caller knew them by their bytes (see [`read_call`]).
    pub options: Option<Value>,
    /// The options' bytes: the rest of the tape after the input.
    pub options_bytes: &'static [u8],
    /// The keys the tape gives as texts (see [`read_call`]).
    pub keys: TextKeys,
}

/// Reads a call's two values, the input and the options, and the keys the tape gives
/// as texts (not names of the table), in tape order, each as its UTF-16LE units in
/// the tape: JavaScript keeps the same keys in the same order, so an answer can name
/// one by its place instead of its text. UTF-8 strings are borrowed from the tape, not
/// copied: it must outlive everything read from it (on wasm32 the tape lives until
/// the next call starts, and nothing read from it outlives a call).
///
/// The options are not read when `known` says their bytes are ones it read before
/// (those read again as the same value, to the tape's end). Their text keys, which
/// come after the input's, are then left out: a path part that only one of them would
/// match goes as its text, which JavaScript reads as the same path.
pub fn read_call(
    bytes: &'static [u8],
    known: impl FnOnce(&'static [u8]) -> bool,
) -> Result<Call, Malformed> {
    let mut tape = Tape::new(bytes);
    let input = tape.value(0);
    if tape.malformed {
        return Err(abandon(input));
    }
    let options_bytes = bytes.get(tape.at..).unwrap_or_default();
    let options = if known(options_bytes) {
        None
    } else {
        let options = tape.value(0);
        if tape.malformed || tape.at != bytes.len() {
            return Err(abandon((input, options)));
        }
        Some(options)
    };
    Ok(Call {
        input,
        options,
        options_bytes,
        keys: tape.keys,
    })
}

/// The one value `bytes` hold, to their end: a call's options, after an input that was
/// read another way (see `shape.rs`).
pub fn read_value(bytes: &'static [u8]) -> Result<Value, Malformed> {
    let mut tape = Tape::new(bytes);
    let value = tape.value(0);
    if tape.malformed || tape.at != bytes.len() {
        return Err(abandon(value));
    }
    Ok(value)
}

/// `Malformed`, what was read of the tape left to the arena on wasm32 (which frees it
/// all when the next call starts) rather than dropped value by value: that drop, for
/// a tape JavaScript never writes, linked a drop of every kind of value (half a KB).
fn abandon(read: impl Sized) -> Malformed {
    #[cfg(target_arch = "wasm32")]
    core::mem::forget(read);
    #[cfg(not(target_arch = "wasm32"))]
    drop(read);
    Malformed
}

/// The keys a tape gives as texts, each as its UTF-16LE units (see [`read_call`]).
pub type TextKeys = Vec<&'static [u8]>;

/// Bytes as text: nearly always ASCII (what JavaScript writes for a short string),
/// which `is_ascii` checks eight bytes at a time, for a third of what `from_utf8` costs
/// on a short text; the rest is checked as UTF-8.
pub(crate) fn utf8(bytes: &'static [u8]) -> Option<&'static str> {
    if is_ascii(bytes) {
        // SAFETY: every byte is below 0x80: ASCII, which is UTF-8.
        return Some(unsafe { core::str::from_utf8_unchecked(bytes) });
    }
    core::str::from_utf8(bytes).ok()
}

/// UTF-16LE units with no surrogate, as a string: each unit is a character of its own,
/// written as UTF-8 straight away (a CJK text, as a browser sends it, is three bytes a
/// unit). `None` at the first surrogate: such a text is decoded the general way.
fn without_surrogates(units: &[u8]) -> Option<String> {
    // Room for three bytes a unit made once (zeroed), each character's bytes stored
    // into it at once: extended a sequence at a time, each character was a check of
    // capacity and a copy. A confirm with a 300-character CJK comment sent this way
    // (Chromium's tape, under 400 units): 1015 -> 905 ns in wasm (Node).
    if units
        .chunks_exact(2)
        .all(|pair| pair[1] == 0 && pair[0] < 0x80)
    {
        // ASCII (a key no rule knows, say): a byte a unit.
        let ascii: Vec<u8> = units.iter().step_by(2).copied().collect();
        // SAFETY: every byte is below 0x80: ASCII, which is UTF-8.
        return Some(unsafe { String::from_utf8_unchecked(ascii) });
    }
    let mut out = alloc::vec![0u8; units.len() / 2 * 3];
    let mut at = 0;
    for pair in units.chunks_exact(2) {
        let unit = u16::from_le_bytes([pair[0], pair[1]]);
        let (bytes, len) = match unit {
            0..=0x7F => ([unit as u8, 0, 0], 1),
            0x80..=0x7FF => ([0xC0 | (unit >> 6) as u8, 0x80 | (unit & 0x3F) as u8, 0], 2),
            0xD800..=0xDFFF => return None,
            _ => (
                [
                    0xE0 | (unit >> 12) as u8,
                    0x80 | ((unit >> 6) & 0x3F) as u8,
                    0x80 | (unit & 0x3F) as u8,
                ],
                3,
            ),
        };
        // Three bytes from `at` are always there: at most three were written for each
        // unit before this one.
        if let Some(slot) = out.get_mut(at..at + 3) {
            slot.copy_from_slice(&bytes);
        }
        at += len;
    }
    out.truncate(at);
    // SAFETY: each unit, none a surrogate, is a scalar value below U+10000, written
    // above as its one-, two- or three-byte UTF-8 sequence: `out` is UTF-8. Checking
    // it again would cost as much as writing it.
    Some(unsafe { String::from_utf8_unchecked(out) })
}

/// The reader. A tape that does not read as one marks it `malformed`, and from there
/// every read answers zeros and every array and object stops: a flag tested once at
/// the end and where a list goes on, rather than a `Result` tested after every word and
/// moved out of every value (valid requests 0.91–0.94× as long in bench/ab.mjs, and
/// 0.4 KB less gzipped). What was read from a malformed tape is dropped.
pub(crate) struct Tape {
    bytes: &'static [u8],
    at: usize,
    malformed: bool,
    /// The keys read as texts so far.
    keys: TextKeys,
}

impl Tape {
    /// A reader at the start of `bytes`.
    pub(crate) fn new(bytes: &'static [u8]) -> Self {
        Tape {
            bytes,
            at: 0,
            malformed: false,
            keys: Vec::new(),
        }
    }

    /// Where the next word is, in bytes from the tape's start.
    pub(crate) fn position(&self) -> usize {
        self.at
    }

    /// Whether what was read so far is not a tape JavaScript wrote.
    pub(crate) fn is_malformed(&self) -> bool {
        self.malformed
    }

    /// The tape is not one JavaScript wrote: what is read from here on is zeros.
    #[cold]
    fn malformed(&mut self) {
        self.malformed = true;
        self.at = self.bytes.len();
    }

    /// The next `len` bytes; none past the end.
    fn take(&mut self, len: usize) -> &'static [u8] {
        match self
            .at
            .checked_add(len)
            .and_then(|end| Some((end, self.bytes.get(self.at..end)?)))
        {
            Some((end, bytes)) => {
                self.at = end;
                bytes
            }
            None => {
                self.malformed();
                &[]
            }
        }
    }

    pub(crate) fn word(&mut self) -> u32 {
        match self.take(4) {
            &[a, b, c, d] => u32::from_le_bytes([a, b, c, d]),
            _ => 0,
        }
    }

    fn count(&mut self) -> usize {
        let count = self.word() as usize;
        // Every item takes a word at least: a count beyond the tape is a lie.
        if count > (self.bytes.len() - self.at) / 4 {
            self.malformed();
            return 0;
        }
        count
    }

    pub(crate) fn double(&mut self) -> f64 {
        match self.take(8) {
            &[a, b, c, d, e, f, g, h] => f64::from_le_bytes([a, b, c, d, e, f, g, h]),
            _ => 0.0,
        }
    }

    /// A text's UTF-16LE units (after a [`STRING`] tag, or a key's): its length in
    /// units, then the units, two a word; none past the tape's end.
    pub(crate) fn units(&mut self) -> &'static [u8] {
        let len = self.word() as usize;
        // Two bytes a unit, padded to a word; a length that overflows that (on wasm32)
        // is past any tape, and `take` refuses it.
        let padded = len.saturating_add(len % 2).saturating_mul(2);
        let bytes = self.take(padded);
        bytes
            .get(..bytes.len().min(len.saturating_mul(2)))
            .unwrap_or_default()
    }

    /// A string's text after its [`STRING_UTF8`] tag: its length in bytes, then the
    /// bytes, padded to a word; `None` for bytes that are not UTF-8 or not all there.
    pub(crate) fn utf8_string(&mut self) -> Option<&'static str> {
        utf8(self.utf8_bytes()?)
    }

    /// [`Tape::utf8_string`]'s bytes, not checked; `None` when not all there.
    pub(crate) fn utf8_bytes(&mut self) -> Option<&'static [u8]> {
        let len = self.word() as usize;
        let padded = len.saturating_add(3) & !3;
        self.take(padded).get(..len)
    }

    /// A number and its text: one that does not go with it (a text that is no JSON
    /// number, or none for a number that needs one) is not what JavaScript writes.
    fn number(&mut self, value: f64, text: &str) -> Value {
        match Number::with_text(value, text) {
            Some(number) => Value::Number(number),
            None => {
                self.malformed();
                Value::Undefined
            }
        }
    }

    fn text(&mut self) -> Text {
        let bytes = self.units();
        if let Some(text) = without_surrogates(bytes) {
            return Text::from(text);
        }
        let units = bytes
            .chunks_exact(2)
            .map(|pair| u16::from_le_bytes([pair[0], pair[1]]));
        Text::from_utf16_units(units, bytes.len() / 2)
    }

    /// An object's key: a text, or a name of the table by its index ([`NAME_KEY`] set
    /// in the word where a text has its length).
    fn key(&mut self) -> Text {
        let start = self.at;
        let word = self.word();
        if word & NAME_KEY == 0 {
            self.at = start;
            let text = self.text();
            // Kept only from a tape still read: its units are in the tape, after the
            // length (a malformed one may give a length past any tape).
            if !self.malformed {
                let units = start + 4..start + 4 + 2 * word as usize;
                self.keys.push(self.bytes.get(units).unwrap_or_default());
            }
            return text;
        }
        match names::name((word & !NAME_KEY) as usize) {
            Some(name) => Text::from_static(name),
            None => {
                self.malformed();
                Text::from_static("")
            }
        }
    }

    fn value(&mut self, depth: usize) -> Value {
        // The JavaScript side stops at MAX_DEPTH; a deeper tape is not its own.
        if depth > MAX_DEPTH + 1 {
            self.malformed();
            return Value::Undefined;
        }
        match self.word() {
            UNDEFINED => Value::Undefined,
            NULL => Value::Null,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            NUMBER => {
                let value = self.double();
                self.number(value, "")
            }
            NUMBER_TEXT => {
                let value = self.double();
                let text = self.text();
                self.number(value, text.as_str())
            }
            STRING | STRING_UNCHANGED => Value::String(self.text()),
            STRING_UTF8 | STRING_UTF8_UNCHANGED => match self.utf8_string() {
                Some(text) => Value::String(Text::from_static(text)),
                None => {
                    self.malformed();
                    Value::Undefined
                }
            },
            ARRAY => {
                let count = self.count();
                // No more room than one input's values (a longer list is no tape of
                // JavaScript's), whatever a malformed tape claims at each depth.
                let mut items = Vec::with_capacity(count.min(MAX_NODES));
                for _ in 0..count {
                    if self.malformed {
                        break;
                    }
                    items.push(self.value(depth + 1));
                }
                Value::Array(items)
            }
            OBJECT => {
                let count = self.count();
                let unread = self.word() as usize;
                let mut object = Object::with_capacity(count.min(MAX_NODES));
                object.set_unread(unread);
                for _ in 0..count {
                    if self.malformed {
                        break;
                    }
                    let key = self.key();
                    let value = self.value(depth + 1);
                    object.push(key, value);
                }
                Value::Object(object)
            }
            FOREIGN => match FOREIGN_KINDS.get(self.word() as usize) {
                Some(&kind) => Value::Foreign(kind),
                None => {
                    self.malformed();
                    Value::Undefined
                }
            },
            _ => {
                self.malformed();
                Value::Undefined
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use coc_incident_core::object;

    /// The input and the options of a tape.
    fn read_call(bytes: &'static [u8]) -> Result<(Value, Value), Malformed> {
        let call = super::read_call(bytes, |_| false)?;
        Ok((call.input, call.options.unwrap_or(Value::Undefined)))
    }

    /// Writes a tape as the JavaScript side does, for tests.
    #[derive(Default)]
    pub(crate) struct Writer(pub Vec<u8>);

    impl Writer {
        pub fn word(&mut self, word: u32) -> &mut Self {
            self.0.extend_from_slice(&word.to_le_bytes());
            self
        }
        pub fn text(&mut self, text: &[u16]) -> &mut Self {
            self.word(text.len() as u32);
            for unit in text {
                self.0.extend_from_slice(&unit.to_le_bytes());
            }
            if text.len() % 2 == 1 {
                self.0.extend_from_slice(&[0, 0]);
            }
            self
        }
        /// An object's key, as a text (not by its index in the names table).
        pub fn key(&mut self, key: &str) -> &mut Self {
            let units: Vec<u16> = key.encode_utf16().collect();
            self.text(&units)
        }
        pub fn string(&mut self, text: &str) -> &mut Self {
            let units: Vec<u16> = text.encode_utf16().collect();
            self.word(STRING).text(&units)
        }
        /// A string as UTF-8 ([`STRING_UTF8`]), as tape.js writes an ASCII one.
        pub fn utf8(&mut self, text: &str) -> &mut Self {
            self.word(STRING_UTF8).word(text.len() as u32);
            self.0.extend_from_slice(text.as_bytes());
            self.0.resize(self.0.len().next_multiple_of(4), 0);
            self
        }
        /// A key that is a name of the table, by its index, as tape.js sends one.
        pub fn name(&mut self, key: &str) -> &mut Self {
            self.word(NAME_KEY | names::index(key).unwrap() as u32)
        }
        pub fn number(&mut self, n: f64) -> &mut Self {
            self.word(NUMBER);
            self.0.extend_from_slice(&n.to_le_bytes());
            self
        }
    }

    #[test]
    fn reads_what_javascript_writes() {
        let mut w = Writer::default();
        w.word(OBJECT).word(4).word(0);
        w.text(&[0x61]).string("IM1 ");
        w.text(&[0x62]).number(1_711_000_000_000.0);
        w.text(&[0x63])
            .word(ARRAY)
            .word(2)
            .word(TRUE)
            .word(FOREIGN)
            .word(3);
        w.text(&[0xD800]).word(NUMBER_TEXT);
        w.0.extend_from_slice(&0.1f64.to_le_bytes());
        w.text(&"0.1".encode_utf16().collect::<Vec<_>>());
        w.word(UNDEFINED);
        let (input, options) = read_call(w.0.leak()).unwrap();
        let mut expected = object! {
            "a" => "IM1 ", "b" => 1_711_000_000_000_i64,
            "c" => Value::Array(vec![Value::Bool(true), Value::Foreign(Foreign::Instance)]),
        };
        expected.push(
            Text::from_utf16(&[0xD800]),
            Value::Number(Number::with_text(0.1, "0.1").unwrap()),
        );
        assert_eq!(input, Value::Object(expected));
        assert_eq!(options, Value::Undefined);
    }

    /// Options known by their bytes are not read: `known` is asked of exactly the
    /// bytes after the input, and their text keys are left out (the input's stay). A
    /// tape whose input does not read is refused before anything is asked.
    #[test]
    fn options_known_by_their_bytes_are_not_read() {
        let mut w = Writer::default();
        w.word(OBJECT).word(1).word(0);
        w.key("in").string("x");
        let input_len = w.0.len();
        w.word(OBJECT).word(1).word(0);
        w.key("opt").word(TRUE);
        let tape: &'static [u8] = w.0.leak();
        let options = &tape[input_len..];
        let mut asked = None;
        let known = super::read_call(tape, |bytes| {
            asked = Some(bytes);
            true
        })
        .unwrap();
        assert_eq!(asked, Some(options));
        assert_eq!((known.options, known.options_bytes), (None, options));
        assert_eq!(known.keys, [&tape[16..20]], "the input's key, \"in\"");
        let read = super::read_call(tape, |_| false).unwrap();
        let mut opt = Object::default();
        opt.push(Text::from("opt"), Value::Bool(true));
        assert_eq!(read.options, Some(Value::Object(opt)));
        assert_eq!(read.keys.len(), 2);
        let cut: &'static [u8] = tape[..input_len - 4].to_vec().leak();
        let mut asked = false;
        let refused = super::read_call(cut, |_| {
            asked = true;
            true
        });
        assert!(refused.is_err() && !asked);
    }

    #[test]
    fn reads_utf16_texts_and_falls_back_for_surrogates() {
        for text in [
            "",
            "a",
            "abcd",
            "abcdefgh",
            "abcdefghi",
            "abcdéfgh",
            "abcdefghé",
            // Ł is U+0141: an ASCII low byte under a high byte that is not zero.
            "abcŁefgh",
            "abcdefgŁ",
            "abcdefghŁ",
            "事件",
            "\u{7F}\u{80}",
        ] {
            let mut w = Writer::default();
            w.string(text).word(UNDEFINED);
            let (input, _) = read_call(w.0.leak()).unwrap();
            assert_eq!(input, Value::from(text), "{text:?}");
        }
        let mut w = Writer::default();
        w.word(STRING)
            .text(&[0x61, 0x62, 0x63, 0xD800, 0x65])
            .word(UNDEFINED);
        let (input, _) = read_call(w.0.leak()).unwrap();
        let Value::String(text) = input else { panic!() };
        assert_eq!(text.unpaired_surrogate_at(), Some(3));
    }

    /// Every unit that is not a surrogate, alone and between others, written as the
    /// standard library writes its character; any surrogate is left to the general way.
    #[test]
    fn writes_units_without_surrogates_as_utf8() {
        let le =
            |units: &[u16]| -> Vec<u8> { units.iter().flat_map(|u| u.to_le_bytes()).collect() };
        for unit in (0..=0xFFFFu16).filter(|u| !(0xD800..=0xDFFF).contains(u)) {
            let c = char::from_u32(u32::from(unit)).unwrap();
            let expected: String = ['a', c, '事', c].iter().collect();
            assert_eq!(
                without_surrogates(&le(&[0x61, unit, 0x4E8B, unit])),
                Some(expected)
            );
            // With no other unit, so that an ASCII one takes the ASCII way.
            let alone: String = ['a', c, c].iter().collect();
            assert_eq!(without_surrogates(&le(&[0x61, unit, unit])), Some(alone));
        }
        assert_eq!(without_surrogates(&le(&[0x61, 0xD83D, 0xDE00])), None);
        assert_eq!(without_surrogates(&le(&[0xDC00])), None);
    }

    #[test]
    fn reads_a_string_sent_as_utf8() {
        // ASCII is checked eight bytes at a time: texts around that, with a character
        // that is not ASCII in the words and in the tail.
        for text in [
            "",
            "abc",
            "abcd",
            "abcdefgh",
            "abcdefghijklmnopq",
            "abcdefg事",
            "事abcdefghij",
            "abcdefghijklmnop事",
            "事件说明😀",
        ] {
            let mut w = Writer::default();
            w.utf8(text).word(UNDEFINED);
            let (input, _) = read_call(w.0.leak()).unwrap();
            assert_eq!(input, Value::from(text));
        }
        // Bytes that are not UTF-8 are no tape of the package's.
        let mut w = Writer::default();
        w.word(STRING_UTF8)
            .word(2)
            .word(0x0000_FFFF)
            .word(UNDEFINED);
        assert_eq!(read_call(w.0.leak()), Err(Malformed));
        for bad in [&b"abcde\xFFgh"[..], b"abcdefgh\xC3", b"abcdefghijklmno\x80"] {
            let mut w = Writer::default();
            w.word(STRING_UTF8).word(bad.len() as u32);
            w.0.extend_from_slice(bad);
            w.0.resize(w.0.len().next_multiple_of(4), 0);
            w.word(UNDEFINED);
            assert_eq!(read_call(w.0.leak()), Err(Malformed), "{bad:?}");
        }
    }

    #[test]
    fn reads_a_key_sent_as_the_index_of_a_name() {
        let at = |name| names::index(name).unwrap() as u32;
        let mut w = Writer::default();
        w.word(OBJECT).word(2).word(0);
        w.word(NAME_KEY | at("operate_key")).string("confirm");
        w.text(&[0x78]).word(NULL);
        w.word(UNDEFINED);
        let (input, _) = read_call(w.0.leak()).unwrap();
        let mut expected = object! { "operate_key" => "confirm" };
        expected.push("x", Value::Null);
        assert_eq!(input, Value::Object(expected));
        // An index past the table is no tape of the package's.
        let mut w = Writer::default();
        w.word(OBJECT)
            .word(1)
            .word(0)
            .word(NAME_KEY | 100_000)
            .word(NULL)
            .word(UNDEFINED);
        assert_eq!(read_call(w.0.leak()), Err(Malformed));
    }

    #[test]
    fn refuses_a_tape_that_is_not_one() {
        assert_eq!(read_call(&[]), Err(Malformed));
        let mut w = Writer::default();
        w.word(ARRAY).word(u32::MAX);
        assert_eq!(read_call(w.0.leak()), Err(Malformed));
        let mut w = Writer::default();
        w.word(STRING).word(u32::MAX);
        assert_eq!(read_call(w.0.leak()), Err(Malformed));
        let mut w = Writer::default();
        w.word(NULL).word(NULL).word(NULL);
        assert_eq!(read_call(w.0.leak()), Err(Malformed));
        let mut w = Writer::default();
        for _ in 0..100 {
            w.word(ARRAY).word(1);
        }
        w.word(NULL).word(NULL);
        assert_eq!(read_call(w.0.leak()), Err(Malformed));
    }

    /// A malformed tape stops every list it is in: objects nested as deep as a tape may
    /// go, each claiming as many entries as the tape has words, then a key past the
    /// names table, is refused at once (reading on as zeros through every claimed
    /// entry of every level took 4 s and 268 MB for a 3.9 MB tape).
    #[test]
    fn a_malformed_tape_stops_every_list_it_is_in() {
        let words = 1 << 18;
        let mut w = Writer::default();
        for _ in 0..=MAX_DEPTH {
            w.word(OBJECT).word(words).word(0);
            w.text(&[0x61]);
        }
        w.word(OBJECT).word(1).word(0).word(NAME_KEY | 100_000);
        w.0.resize(4 * words as usize, 0);
        assert_eq!(read_call(w.0.leak()), Err(Malformed));
    }

    /// Reading on after a tape turns out malformed (as zeros, to its end) ends, and
    /// never reads it as one: every cut of a good tape is refused, and a word changed
    /// anywhere is read or refused, never a panic.
    #[test]
    fn refuses_every_cut_and_survives_every_changed_word() {
        let mut w = Writer::default();
        w.word(OBJECT).word(3).word(0);
        w.name("operate_key").string("confirm");
        w.text(&[0x61])
            .word(ARRAY)
            .word(2)
            .number(5.0)
            .word(FOREIGN)
            .word(2);
        w.text(&[0xD800, 0x62]).word(NUMBER_TEXT);
        w.0.extend_from_slice(&0.1f64.to_le_bytes());
        w.text(&[0x30, 0x2E, 0x31]);
        w.word(STRING_UTF8).word(3);
        w.0.extend_from_slice(b"abc\0");
        let good: &'static [u8] = w.0.leak();
        assert!(read_call(good).is_ok());
        for cut in 0..good.len() {
            assert_eq!(read_call(&good[..cut]), Err(Malformed), "cut at {cut}");
        }
        for at in (0..good.len()).step_by(4) {
            for word in [
                0,
                5,
                7,
                8,
                9,
                10,
                11,
                u32::MAX,
                NAME_KEY | 100_000,
                0x7FFF_FFFF,
            ] {
                let mut changed = good.to_vec();
                changed[at..at + 4].copy_from_slice(&word.to_le_bytes());
                let _ = read_call(changed.leak());
            }
        }
    }
}
