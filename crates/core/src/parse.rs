//! Reads JSON text into a [`Value`]: a Rust caller's request ([`parse_json`]), and the
//! fast way for one to cross from JavaScript, one string instead of a call per property
//! (`internal::parse_json_fast`). `\uD800`-style escapes of unpaired surrogates are kept as
//! such, never replaced.

use core::fmt;

use crate::prelude::*;
use crate::text::{utf16_len, Text};
use crate::value::{is_json_number, Number, Object, Value, MAX_DEPTH, MAX_NODES};

/// Why JSON text was not read: it is not one JSON value, or it nests deeper or holds
/// more values than one input may ([`MAX_DEPTH`], [`MAX_NODES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotRead;

impl fmt::Display for NotRead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read: not one JSON value, or deeper or larger than an input may be")
    }
}

impl core::error::Error for NotRead {}

/// Parses one JSON value. Each number is read as `JSON.parse` reads it, to the nearest
/// double (and kept as written, to be sent as written, when it is not a safe integer).
/// An object keeps its keys in the text's order, a repeated key each time it comes:
/// the first is the one validated and sent (`JSON.parse` keeps the last, and puts keys
/// that are array indexes first). Nesting and size are bounded as the JavaScript reader
/// bounds them.
///
/// ```
/// let value = coc_incident_core::parse_json(r#"{ "start_time": 1.5e12, "n": 10 }"#).unwrap();
/// assert!(coc_incident_core::parse_json("01").is_err()); // not JSON
/// # let _ = value;
/// ```
pub fn parse_json(text: &str) -> Result<Value, NotRead> {
    parse::<true>(text)
}

/// [`parse_json`], or with `ANY_NUMBER` false, for text `JSON.stringify` wrote, which
/// the npm package sends: a number that is not a whole one of at most 15 digits is not
/// read then (the package reads the value the slow way, with the engine's own numbers),
/// which keeps the float parser out of its wasm (a parameter of the type, not a flag:
/// a flag read at run time linked it, 15 KB gzipped).
pub(crate) fn parse<const ANY_NUMBER: bool>(text: &str) -> Result<Value, NotRead> {
    let mut parser = Parser::<ANY_NUMBER> {
        bytes: text.as_bytes(),
        at: 0,
        nodes: 0,
    };
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at == parser.bytes.len() {
        Ok(value)
    } else {
        Err(NotRead)
    }
}

/// `ANY_NUMBER`: whether numbers with a fraction, an exponent or 16 digits or more are read.
struct Parser<'a, const ANY_NUMBER: bool> {
    bytes: &'a [u8],
    at: usize,
    nodes: usize,
}

impl<const ANY_NUMBER: bool> Parser<'_, ANY_NUMBER> {
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.bytes.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value, NotRead> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(NotRead)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, NotRead> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(NotRead);
        }
        self.skip_space();
        match self.bytes.get(self.at).copied().ok_or(NotRead)? {
            b'{' if depth < MAX_DEPTH => {
                self.at += 1;
                let mut object = Object::new();
                if self.eat(b'}') {
                    return Ok(Value::Object(object));
                }
                loop {
                    self.skip_space();
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return Err(NotRead);
                    }
                    let value = self.value(depth + 1)?;
                    object.push(key, value);
                    if self.eat(b'}') {
                        return Ok(Value::Object(object));
                    }
                    if !self.eat(b',') {
                        return Err(NotRead);
                    }
                }
            }
            b'[' if depth < MAX_DEPTH => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b']') {
                        return Ok(Value::Array(items));
                    }
                    if !self.eat(b',') {
                        return Err(NotRead);
                    }
                }
            }
            b'"' => self.string().map(Value::String),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'n' => self.literal(b"null", Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(NotRead),
        }
    }

    fn number(&mut self) -> Result<Value, NotRead> {
        let start = self.at;
        while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') = self.bytes.get(self.at) {
            self.at += 1;
        }
        let text = &self.bytes[start..self.at];
        let (negative, digits) = match text.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, text),
        };
        // Whole numbers of up to 15 digits, nearly all a request holds, are exact this way
        // (not led by a zero: `01` is no JSON).
        if !digits.is_empty() && digits.len() <= 15 && digits.iter().all(u8::is_ascii_digit) {
            if digits.len() > 1 && digits.first() == Some(&b'0') {
                return Err(NotRead);
            }
            let n = digits
                .iter()
                .fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64;
            let n = if negative { -n } else { n };
            return Ok(Value::Number(Number::from_safe_integer(n)));
        }
        // Fractions and exponents are rare in a request (an invalid time, an extra
        // field). From JavaScript, its reader takes those inputs, with the engine's own
        // numbers; from a Rust caller, the text is read as JSON.parse reads it.
        if !ANY_NUMBER {
            return Err(NotRead);
        }
        let text = core::str::from_utf8(text).map_err(|_| NotRead)?;
        if !is_json_number(text) {
            return Err(NotRead);
        }
        let value: f64 = text.parse().map_err(|_| NotRead)?;
        Number::with_text(value, text)
            .map(Value::Number)
            .ok_or(NotRead)
    }

    /// A string at the cursor. Escapes of unpaired surrogates make the text UTF-16.
    fn string(&mut self) -> Result<Text, NotRead> {
        if self.bytes.get(self.at) != Some(&b'"') {
            return Err(NotRead);
        }
        self.at += 1;
        let start = self.at;
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'"' => {
                    let plain =
                        core::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| NotRead)?;
                    self.at += 1;
                    return Ok(Text::from(plain));
                }
                b'\\' => return self.escaped_string(start),
                _ => self.at += 1,
            }
        }
        Err(NotRead)
    }

    /// A string with escapes, written straight into UTF-8: plain runs copied whole,
    /// surrogate pairs joined, an unpaired surrogate kept as U+FFFD plus where it was.
    fn escaped_string(&mut self, start: usize) -> Result<Text, NotRead> {
        let mut text = String::new();
        let mut units = 0; // UTF-16 length of `text`
        let mut unpaired = Vec::new();
        let mut run = start;
        loop {
            // Everything up to the next quote or backslash is plain UTF-8: one copy.
            let rest = &self.bytes[self.at..];
            let stop = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
                .ok_or(NotRead)?;
            self.at += stop;
            let plain = core::str::from_utf8(&self.bytes[run..self.at]).map_err(|_| NotRead)?;
            text.push_str(plain);
            units += utf16_len(plain);
            let quote = self.bytes[self.at] == b'"';
            self.at += 1;
            if quote {
                return Ok(Text::with_unpaired_surrogates(text, unpaired));
            }
            let escape = *self.bytes.get(self.at).ok_or(NotRead)?;
            self.at += 1;
            let c = match escape {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let unit = self.hex_unit()?;
                    match unit {
                        0xD800..=0xDBFF if self.bytes[self.at..].starts_with(b"\\u") => {
                            let at = self.at;
                            self.at += 2;
                            let low = self.hex_unit()?;
                            if (0xDC00..=0xDFFF).contains(&low) {
                                let code = 0x10000
                                    + ((u32::from(unit) - 0xD800) << 10)
                                    + (u32::from(low) - 0xDC00);
                                char::from_u32(code).ok_or(NotRead)?
                            } else {
                                // Not a pair: the high one stands alone; read the next escape anew.
                                self.at = at;
                                unpaired.push((units, unit));
                                char::REPLACEMENT_CHARACTER
                            }
                        }
                        0xD800..=0xDFFF => {
                            unpaired.push((units, unit));
                            char::REPLACEMENT_CHARACTER
                        }
                        _ => char::from_u32(u32::from(unit)).ok_or(NotRead)?,
                    }
                }
                _ => return Err(NotRead),
            };
            text.push(c);
            units += c.len_utf16();
            run = self.at;
        }
    }

    /// Four hex digits at the cursor, as one UTF-16 code unit.
    fn hex_unit(&mut self) -> Result<u16, NotRead> {
        let hex = self.bytes.get(self.at..self.at + 4).ok_or(NotRead)?;
        self.at += 4;
        let hex = core::str::from_utf8(hex).map_err(|_| NotRead)?;
        u16::from_str_radix(hex, 16).map_err(|_| NotRead)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object;

    #[test]
    fn not_read_is_an_error_that_says_why() {
        let error: alloc::boxed::Box<dyn core::error::Error> = parse_json("{").unwrap_err().into();
        assert_eq!(
            alloc::string::ToString::to_string(&error),
            "not read: not one JSON value, or deeper or larger than an input may be"
        );
    }

    #[test]
    fn reads_what_json_stringify_writes() {
        let text = r#"{"a":"x","b":[1,-2,123456789012345,true,false,null],"c":{},"d":"\"\\\n\t\u0007é事😀"}"#;
        let expected = object! {
            "a" => "x",
            "b" => Value::Array(vec![
                Value::from(1), Value::from(-2), Value::from(123_456_789_012_345_i64),
                Value::Bool(true), Value::Bool(false), Value::Null,
            ]),
            "c" => object! {},
            "d" => "\"\\\n\t\u{7}é事😀",
        };
        assert_eq!(parse_json(text), Ok(Value::Object(expected)));
    }

    #[test]
    fn keeps_every_unpaired_surrogate_where_it_was() {
        let Ok(Value::String(text)) = parse_json(r#""\udc00x\ud800\ud800\ude00é\ud801""#) else {
            panic!()
        };
        assert_eq!(
            text.unpaired_surrogates(),
            [(0, 0xDC00), (2, 0xD800), (6, 0xD801)]
        );
        assert_eq!(
            text.exact_utf16(),
            [0xDC00, 0x78, 0xD800, 0xD800, 0xDE00, 0xE9, 0xD801]
        );
    }

    #[test]
    fn keeps_unpaired_surrogates_where_they_were() {
        let Ok(Value::String(text)) = parse_json(r#""ab\ud800c""#) else {
            panic!()
        };
        assert_eq!(text.unpaired_surrogate_at(), Some(2));
        let Ok(Value::String(pair)) = parse_json(r#""\ud83d\ude00""#) else {
            panic!()
        };
        assert_eq!((pair.as_str(), pair.unpaired_surrogate_at()), ("😀", None));
    }

    #[test]
    fn refuses_what_it_cannot_read_faithfully() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "tru",
            "\"\\x\"",
            "1 2",
            "{\"a\":1}}",
        ] {
            assert_eq!(parse_json(bad), Err(NotRead), "{bad}");
        }
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(parse_json(&deep), Err(NotRead));
    }

    /// Every number as JSON.parse reads it: to the nearest double, kept as written when
    /// it is not a safe integer (a body sends it as written); text that is no JSON
    /// number is refused. The package's fast reader takes whole numbers only.
    #[test]
    fn reads_every_json_number_as_json_parse_does() {
        let number = |text: &str| match parse_json(text) {
            Ok(Value::Number(n)) => (n.value(), n.to_text()),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(number("5.5"), (5.5, "5.5".into()));
        assert_eq!(number("-1.5e-3"), (-0.0015, "-1.5e-3".into()));
        assert_eq!(number("1.0"), (1.0, "1".into()));
        assert_eq!(number("1E2"), (100.0, "100".into()));
        assert_eq!(number("1e16"), (1e16, "1e16".into()));
        assert_eq!(number("0.1"), (0.1, "0.1".into()));
        let long = "123456789012345678901234567890";
        assert_eq!(number(long), (1.2345678901234568e29, long.into()));
        let (huge, _) = number("1e400");
        assert!(huge.is_infinite());
        for bad in [
            "01", "1.", ".5", "+1", "1e", "-", "1e+", "0x10", "Infinity", "NaN", "1.5.2",
        ] {
            assert_eq!(parse_json(bad), Err(NotRead), "{bad}");
        }
        for whole_only in ["5.5", "1e3", "1234567890123456"] {
            assert_eq!(parse::<false>(whole_only), Err(NotRead), "{whole_only}");
        }
        assert_eq!(
            parse::<false>("123456789012345"),
            Ok(Value::from(123456789012345.0))
        );
    }
}
