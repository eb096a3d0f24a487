//! Low-level JSON writers: strings exactly as given (unpaired surrogates escaped,
//! never replaced) and whole numbers. They know nothing of requests or reports.

use crate::bytes::{self, bytes_below, splat, zero_bytes};
use crate::prelude::*;
use crate::text::Text;

/// Writes a JSON string: quotes, backslashes and C0 controls escaped, the rest as is.
pub(crate) fn string(out: &mut String, text: &str) {
    out.push('"');
    escaped(out, text);
    out.push('"');
}

/// The inside of a JSON string.
fn escaped(out: &mut String, text: &str) {
    // What is escaped is ASCII, and no byte of a longer UTF-8 sequence is ASCII: the
    // bytes are searched, not decoded characters (a quarter of building a request).
    let mut rest = text;
    while let Some(at) = to_escape(rest.as_bytes()) {
        // `at` is an ASCII byte, so a character boundary: the checked split and `get`
        // cannot fail, and link no panic (which would bring a formatter along).
        let Some((before, from)) = rest.split_at_checked(at) else {
            break;
        };
        out.push_str(before);
        match from.as_bytes().first().copied().unwrap_or_default() {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            other => unit_escape(out, u32::from(other)),
        }
        rest = from.get(1..).unwrap_or_default();
    }
    out.push_str(rest);
}

/// Where the first byte to escape is: a quote, a backslash or a C0 control. Eight
/// bytes are ruled out at a time (texts mostly have nothing to escape).
fn to_escape(bytes: &[u8]) -> Option<usize> {
    let maybe = |word: u64| {
        zero_bytes(word ^ splat(b'"')) | zero_bytes(word ^ splat(b'\\')) | bytes_below(word, 0x20)
            != 0
    };
    bytes::position(bytes, maybe, |b| b == b'"' || b == b'\\' || b < b' ')
}

fn unit_escape(out: &mut String, unit: u32) {
    out.push_str("\\u");
    hex_digits(out, unit, b"0123456789abcdef");
}

/// Four hex digits or more, upper case (`001F`), as a code point is written in a
/// message, at the end of `out`.
pub(crate) fn hex4(out: &mut String, unit: u32) {
    hex_digits(out, unit, b"0123456789ABCDEF");
}

/// At least four hex digits of `n` (no formatter: see messages.rs).
fn hex_digits(out: &mut String, n: u32, alphabet: &[u8; 16]) {
    let width = (1..=8)
        .rev()
        .find(|&w| n >> (4 * (w - 1)) != 0)
        .unwrap_or(1)
        .max(4);
    for shift in (0..width).rev() {
        out.push(char::from(alphabet[((n >> (4 * shift)) & 0xF) as usize]));
    }
}

/// Writes a JSON string of a text exactly as JavaScript held it: each unpaired
/// surrogate as its `\\uXXXX` escape, which `JSON.parse` reads back as that unit.
pub(crate) fn text(out: &mut String, text: &Text) {
    out.push('"');
    let mut rest = text.as_str();
    let mut done = 0; // UTF-16 units of the text written so far
    for &(index, unit) in text.unpaired_surrogates() {
        // The lossy copy holds U+FFFD (3 bytes of UTF-8, 1 unit) where the surrogate was.
        let (before, after) = split_at_utf16(rest, index.saturating_sub(done));
        let Some(after) = after.strip_prefix(char::REPLACEMENT_CHARACTER) else {
            // Positions that do not match the text (a hand-made Text): write it as it is.
            break;
        };
        escaped(out, before);
        unit_escape(out, u32::from(unit));
        rest = after;
        done = index + 1;
    }
    escaped(out, rest);
    out.push('"');
}

/// Splits `text` after `units` UTF-16 code units.
fn split_at_utf16(text: &str, units: usize) -> (&str, &str) {
    let mut count = 0;
    for (at, c) in text.char_indices() {
        if count >= units {
            // `at` is a character's start; the checked split has no panic to link.
            return text.split_at_checked(at).unwrap_or((text, ""));
        }
        count += c.len_utf16();
    }
    (text, "")
}

/// The most milliseconds from the epoch a JavaScript Date holds.
const MAX_DATE_MS: f64 = 8.64e15;

/// Milliseconds in 400 years of the Gregorian calendar, which repeats after them.
const FOUR_CENTURIES_MS: u64 = 146_097 * 86_400_000;

/// Epoch milliseconds as a time, so that a message says a time, not a count of
/// milliseconds: in UTC as `Date.prototype.toISOString` writes them
/// (`2024-03-21T05:46:40.000Z`; past year 9999, `+010000-01-01T…`), or in local
/// time, `offset` minutes east of UTC, with the offset (`2024-03-21T13:46:40.000+08:00`).
/// `None` for what no Date holds (a fraction, below 0, past 8.64e15), which the caller
/// writes as the number, and for an offset of more than a day either way.
pub(crate) fn iso_date(out: &mut String, ms: f64, offset: i32) -> Option<()> {
    // Below 2^53 in that range, so a round trip through u64 is exact only for a whole
    // number (and `value::is_integer` would make `json` and `value` depend on each other).
    if !(0.0..=MAX_DATE_MS).contains(&ms)
        || (ms as u64) as f64 != ms
        || offset.unsigned_abs() > 24 * 60
    {
        return None;
    }
    // Local time, 400 years on: a day's offset west of the epoch stays above 0, and the
    // calendar is the same; the years are counted back below.
    let local = (ms as u64 + FOUR_CENTURIES_MS).checked_add_signed(i64::from(offset) * 60_000)?;
    let (days, of_day) = (local / 86_400_000, local % 86_400_000);
    // Howard Hinnant's civil_from_days, for days from 1970-01-01 on.
    let z = days + 719_468;
    let (era, doe) = (z / 146_097, z % 146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = (yoe + era * 400 + u64::from(month <= 2)).checked_sub(400)?;
    if year > 9999 {
        out.push('+');
    }
    // Each part after what goes before it, zeros in front up to its width.
    let parts = [
        (year, if year > 9999 { 6 } else { 4 }),
        (month, 2),
        (day, 2),
        (of_day / 3_600_000, 2),
        (of_day / 60_000 % 60, 2),
        (of_day / 1000 % 60, 2),
        (of_day % 1000, 3),
    ];
    for (i, (n, width)) in parts.into_iter().enumerate() {
        if let Some(&before) = b" --T::.".get(i).filter(|_| i > 0) {
            out.push(char::from(before));
        }
        padded(out, n, width);
    }
    if offset == 0 {
        out.push('Z');
    } else {
        out.push(if offset > 0 { '+' } else { '-' });
        let minutes = u64::from(offset.unsigned_abs());
        padded(out, minutes / 60, 2);
        out.push(':');
        padded(out, minutes % 60, 2);
    }
    Some(())
}

/// Writes `n`, zeros in front up to `width` digits.
fn padded(out: &mut String, n: u64, width: usize) {
    let digits = digits(n);
    for _ in digits.as_str().len()..width {
        out.push('0');
    }
    out.push_str(digits.as_str());
}

/// Writes a whole number (a limit, a length, an index).
pub(crate) fn integer(out: &mut String, n: usize) {
    unsigned(out, n as u64);
}

/// Writes an unsigned number's digits.
pub(crate) fn unsigned(out: &mut String, n: u64) {
    out.push_str(digits(n).as_str());
}

/// A number's decimal digits, on the stack: a message puts them between its pieces
/// with no string of their own.
pub(crate) struct Digits {
    digits: [u8; 20],
    at: usize,
}

impl Digits {
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits are written from `at` on; the checked slice and conversion
        // have no panic to link.
        let digits = self.digits.get(self.at..).unwrap_or(&[]);
        core::str::from_utf8(digits).unwrap_or("")
    }
}

/// The decimal digits of `n`.
pub(crate) fn digits(mut n: u64) -> Digits {
    let mut digits = Digits {
        digits: [0; 20],
        at: 20,
    };
    // From the last place back (twenty hold u64::MAX), with no index to check: one
    // would link a bounds-check panic, and with it the integer formatter.
    for place in digits.digits.iter_mut().rev() {
        *place = b'0' + (n % 10) as u8;
        digits.at -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_to_iso_string_writes_them() {
        let iso = |ms: f64| {
            let mut out = String::new();
            iso_date(&mut out, ms, 0).map(|()| out)
        };
        // Each from `new Date(ms).toISOString()` in Node.
        for (ms, expected) in [
            (0.0, "1970-01-01T00:00:00.000Z"),
            (1_711_000_000_000.0, "2024-03-21T05:46:40.000Z"),
            (1_710_999_999_999.0, "2024-03-21T05:46:39.999Z"),
            (951_782_400_000.0, "2000-02-29T00:00:00.000Z"),
            (4_107_542_400_000.0, "2100-03-01T00:00:00.000Z"),
            (253_402_300_799_999.0, "9999-12-31T23:59:59.999Z"),
            (253_402_300_800_000.0, "+010000-01-01T00:00:00.000Z"),
            (8.64e15, "+275760-09-13T00:00:00.000Z"),
        ] {
            assert_eq!(iso(ms).as_deref(), Some(expected), "{ms}");
        }
        for ms in [-1.0, 0.5, 8.64e15 + 1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(iso(ms), None, "{ms}");
        }
    }

    #[test]
    fn dates_in_local_time_with_their_offset() {
        let local = |ms: f64, offset: i32| {
            let mut out = String::new();
            iso_date(&mut out, ms, offset).map(|()| out)
        };
        // Each from `new Date(ms + offset * 60000).toISOString()` in Node, its Z made
        // the offset (the last one 400 years back first, then its year 400 on).
        for (ms, offset, expected) in [
            (1_711_000_000_000.0, 480, "2024-03-21T13:46:40.000+08:00"),
            (1_711_000_000_000.0, 345, "2024-03-21T11:31:40.000+05:45"),
            (1_711_000_000_000.0, -570, "2024-03-20T20:16:40.000-09:30"),
            (0.0, -300, "1969-12-31T19:00:00.000-05:00"),
            (0.0, -1440, "1969-12-31T00:00:00.000-24:00"),
            (253_402_300_799_999.0, 1, "+010000-01-01T00:00:59.999+00:01"),
            (8.64e15, 840, "+275760-09-13T14:00:00.000+14:00"),
            (8.64e15, 1440, "+275760-09-14T00:00:00.000+24:00"),
        ] {
            assert_eq!(
                local(ms, offset).as_deref(),
                Some(expected),
                "{ms} {offset}"
            );
        }
        for (ms, offset) in [(0.0, 1441), (0.0, -1441), (0.0, i32::MIN), (-1.0, 60)] {
            assert_eq!(local(ms, offset), None, "{ms} {offset}");
        }
    }

    fn quoted(text: &str) -> String {
        let mut out = String::new();
        string(&mut out, text);
        out
    }

    #[test]
    fn escapes_what_json_requires() {
        assert_eq!(
            quoted("a\"b\\c\n\t\r\u{1}é事😀"),
            "\"a\\\"b\\\\c\\n\\t\\r\\u0001é事😀\""
        );
    }

    /// The byte search escapes what a search of decoded characters escapes: every
    /// character below U+0800 and some beyond, alone and between others.
    #[test]
    fn escapes_as_a_character_by_character_writer_does() {
        let by_chars = |text: &str| {
            let mut out = String::from("\"");
            for c in text.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c < ' ' => {
                        out.push_str("\\u");
                        let mut hex = String::new();
                        hex4(&mut hex, c as u32);
                        out.push_str(&hex.to_lowercase());
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        };
        let chars = (0..0x800u32)
            .chain([0xFFFD, 0x4E8B, 0x1F600])
            .filter_map(char::from_u32);
        for c in chars {
            for text in [
                String::from(c),
                format!("a{c}"),
                format!("{c}事\"{c}"),
                format!("é{c}\\{c}x"),
                // Long enough for the eight-byte search, the character at each place.
                format!("{c}abcdefgh{c}ijklmnopq{c}"),
                format!("abcdefg{c}hijklmn{c}opqrstuvw"),
            ] {
                assert_eq!(quoted(&text), by_chars(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn writes_numbers_and_hex_without_a_formatter() {
        let mut out = String::new();
        integer(&mut out, 0);
        out.push(' ');
        unsigned(&mut out, u64::MAX);
        assert_eq!(out, "0 18446744073709551615");
        let hex = |n| {
            let mut out = String::new();
            hex4(&mut out, n);
            out
        };
        assert_eq!(hex(0x1F), "001F");
        assert_eq!(hex(0x10FFFF), "10FFFF");
        assert_eq!(quoted("\u{7f}\u{1}"), "\"\u{7f}\\u0001\"");
    }

    /// `digits` against the formatter: each power of ten and its neighbours, zeros
    /// inside, the ends of u32 and of the safe integers, u64::MAX, and a seeded spread.
    #[test]
    fn digits_are_the_numbers_digits() {
        let mut values = vec![
            0,
            9,
            10,
            99_999_999,
            100_000_000,
            100_000_001,
            1_711_000_600_000,
        ];
        for power in 0..20 {
            let p = 10u64.pow(power);
            values.extend([p - 1, p, p + 1, p.wrapping_mul(7).wrapping_add(3)]);
        }
        values.extend([
            u64::from(u32::MAX),
            u64::from(u32::MAX) + 1,
            9_007_199_254_740_991,
            u64::MAX,
        ]);
        let mut random = crate::xorshift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..10_000 {
            // A spread of magnitudes: a random word shifted right by a random amount.
            let n = random();
            values.push(n >> (n % 64));
        }
        for value in values {
            assert_eq!(digits(value).as_str(), format!("{value}"));
        }
    }

    #[test]
    fn writes_unpaired_surrogates_as_escapes() {
        let mut out = String::new();
        text(&mut out, &Text::from_utf16(&[0x22, 0xD800, 0x4E8B, 0xDC01]));
        assert_eq!(out, "\"\\\"\\ud800事\\udc01\"");
    }
}
