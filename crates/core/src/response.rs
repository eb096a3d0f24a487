//! What an answer from the handle endpoint means: success, the API's own error, or
//! something that is not the API talking (a gateway's HTML page, say).
//!
//! The answer's JSON is read once, as the API defines it, into [`ApiFields`]: only the
//! three fields the API names are read, whatever else the object holds (`data`, fields
//! added later), so the size of `data` never matters here. [`ApiFields::from_values`]
//! says what those three values mean; a reader of JSON gives it them (the wasm client
//! reads them from the parsed object by name; with the `serde` feature, any serde
//! deserializer can).

#[cfg(feature = "serde")]
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
#[cfg(feature = "serde")]
use serde::Deserialize;

use crate::prelude::*;
use crate::value::{is_safe_integer, Number};

/// The code of success.
pub const SUCCESS_CODE: &str = "GOM.00000000";
/// The most of a non-API body kept for an error: 1 KiB of UTF-8.
pub const SNIPPET_BYTES: usize = 1024;

/// The API's fields of an answer.
///
/// Read from the answer's JSON object ([`ApiFields::from_values`]); there are none (the
/// answer is then not the API's JSON) when it is not an object or has no string
/// `error_code`. Other fields are ignored; a `provider_code` or `error_msg` missing or
/// of another type is `""` or `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiFields {
    /// Service ID, as a string whether the server sent `"049"` or `4`: a whole number
    /// is written as its digits. `""` when absent, and for any other number (a
    /// fraction is not a service ID; beyond 2^53 - 1 JavaScript has already rounded it,
    /// so its digits would not be the server's) or type.
    pub provider_code: String,
    /// `GOM.00000000` on success; any other code is opaque.
    pub error_code: String,
    /// The server's description, when there is one.
    pub error_msg: Option<String>,
}

/// One of the three fields of an answer's object, as a JSON reader found it: what the
/// API's fields need to know of a value.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// A string.
    Text(String),
    /// A number.
    Number(f64),
    /// Any other value, or none.
    Other,
}

impl ApiFields {
    /// The API's fields from the values of the object's `provider_code`, `error_code`
    /// and `error_msg`; `None` when `error_code` is not a string (the answer is then
    /// not the API's JSON).
    pub fn from_values(
        provider_code: FieldValue,
        error_code: FieldValue,
        error_msg: FieldValue,
    ) -> Option<Self> {
        let FieldValue::Text(error_code) = error_code else {
            return None;
        };
        Some(ApiFields {
            provider_code: provider_code_text(provider_code),
            error_code,
            error_msg: match error_msg {
                FieldValue::Text(message) => Some(message),
                _ => None,
            },
        })
    }
}

/// `provider_code` as a string: the docs show both `"049"` and `4`. A whole number
/// within ±(2^53 - 1) is written as its digits; anything else is `""`.
fn provider_code_text(value: FieldValue) -> String {
    match value {
        FieldValue::Text(text) => text,
        // Its digits, as a number of a message is written (no float formatting).
        FieldValue::Number(n) if is_safe_integer(n) => Number::from_safe_integer(n).to_text(),
        _ => String::new(),
    }
}

/// The names a deserializer is asked for (serde-wasm-bindgen reads these properties
/// and no others).
#[cfg(feature = "serde")]
const WIRE_FIELDS: &[&str] = &["provider_code", "error_code", "error_msg"];

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for ApiFields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("ApiFields", WIRE_FIELDS, ObjectOnly)
    }
}

/// Accepts a JSON object only: a derived struct would also take an array, its
/// items as the fields in order.
#[cfg(feature = "serde")]
struct ObjectOnly;

#[cfg(feature = "serde")]
impl<'de> Visitor<'de> for ObjectOnly {
    type Value = ApiFields;

    fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        f.write_str("the COC API's JSON object")
    }

    /// Each of the three fields as a [`Loose`] value, whose visitor takes every type;
    /// the rest skipped.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ApiFields, A::Error> {
        let (mut provider_code, mut error_code, mut error_msg) =
            (FieldValue::Other, FieldValue::Other, FieldValue::Other);
        while let Some(key) = map.next_key::<Loose>()? {
            let slot = match &key.0 {
                FieldValue::Text(key) if key == "provider_code" => &mut provider_code,
                FieldValue::Text(key) if key == "error_code" => &mut error_code,
                FieldValue::Text(key) if key == "error_msg" => &mut error_msg,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = map.next_value::<Loose>()?.0;
        }
        ApiFields::from_values(provider_code, error_code, error_msg)
            .ok_or_else(|| de::Error::custom("error_code is missing or not a string"))
    }
}

/// A value that may come as any JSON type, reduced to what the answer needs (whether
/// a number is a service ID is [`ApiFields::from_values`]'s to say).
#[cfg(feature = "serde")]
struct Loose(FieldValue);

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

/// Takes every JSON type without an error, so that an unexpected type is a fact the
/// caller decides on, not a failure of the whole answer.
#[cfg(feature = "serde")]
struct LooseVisitor;

#[cfg(feature = "serde")]
impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Loose, E> {
        Ok(Loose(FieldValue::Text(text.to_owned())))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Loose, E> {
        Ok(Loose(FieldValue::Text(text)))
    }

    // As a JavaScript number: one beyond 2^53 - 1 rounds to 2^53 or more, which no
    // service ID is, as before it was rounded.
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Loose, E> {
        Ok(Loose(FieldValue::Number(n as f64)))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Loose, E> {
        Ok(Loose(FieldValue::Number(n as f64)))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Loose, E> {
        Ok(Loose(FieldValue::Number(n)))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Loose, E> {
        Ok(Loose(FieldValue::Other))
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Loose, E> {
        Ok(Loose(FieldValue::Other))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose(FieldValue::Other))
    }

    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose(FieldValue::Other))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Loose, D::Error> {
        Loose::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Loose(FieldValue::Other))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose(FieldValue::Other))
    }
}

/// An answer, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 2xx with `GOM.00000000`.
    Success(ApiFields),
    /// The API answered with another code (or a failing status).
    Api {
        /// The HTTP status.
        status: u16,
        /// What the API said.
        fields: ApiFields,
    },
    /// Not the API's JSON.
    Http {
        /// The HTTP status.
        status: u16,
        /// The start of the body, at most [`SNIPPET_BYTES`], cut on a character boundary.
        body_snippet: String,
    },
}

/// Classifies an answer from its status, its body text and that body read as the
/// API's JSON (`None` when it is not: not JSON, not an object, no string `error_code`).
pub fn interpret(status: u16, body: &str, parsed: Option<ApiFields>) -> Answer {
    match parsed {
        Some(fields) if (200..300).contains(&status) && fields.error_code == SUCCESS_CODE => {
            Answer::Success(fields)
        }
        Some(fields) => Answer::Api { status, fields },
        None => Answer::Http {
            status,
            body_snippet: snippet(body).to_owned(),
        },
    }
}

/// What stands for the token in an error made of an answer that quotes it.
pub const TOKEN_MARK: &str = "[X-Auth-Token]";
/// A token this long or longer is taken out of errors ([`redact`]): a shorter one may be
/// any word of a message, and is no real token.
pub const REDACTED_TOKEN_CHARS: usize = 8;

/// `text` with each `token` it quotes replaced by [`TOKEN_MARK`]: what a server (a
/// gateway's 401 page, a debug echo of the request's headers) says back goes into
/// errors, which are logged, and the token is never to be in one. The token is found
/// as it is, or with any of its characters escaped as JSON or a URL writes them (`\/`,
/// `\u002B`, `\u00e9`, `%2B`, `%E9`, `%C3%A9`); and cut short: a start of it that
/// holds half its characters or more (and at least [`REDACTED_TOKEN_CHARS`]), as a
/// server that quotes all but its end writes it, is taken out too. A shorter start is
/// left: it leaves most of the token out, and tokens of a kind share theirs (every
/// JWT starts `eyJhbGciOi`). Unchanged when there is no token, or one shorter than
/// [`REDACTED_TOKEN_CHARS`].
pub fn redact(text: &str, token: Option<&str>) -> String {
    redacted(text, token, usize::MAX)
}

/// [`redact`] of a text that was cut (a server's field past what is read of it), less
/// its last bytes: a token cut off there, too short a start of it to be found, starts
/// within the longest a token can be written (six bytes a byte of it, escaped), and
/// that much goes, cut on a character. The caller marks the cut.
pub fn redact_cut(text: &str, token: Option<&str>) -> String {
    let mut out = redact(text, token);
    if let Some(token) = redactable(token) {
        let keep = snippet_of(&out, out.len().saturating_sub(longest_writing(token))).len();
        out.truncate(keep);
    }
    out
}

/// The token, when it is one [`redact`] takes out: [`REDACTED_TOKEN_CHARS`] or more.
fn redactable(token: Option<&str>) -> Option<&str> {
    token.filter(|t| t.chars().count() >= REDACTED_TOKEN_CHARS)
}

/// The most bytes `token` can take written in a text: six a byte of it (`\u00XX`).
fn longest_writing(token: &str) -> usize {
    6 * token.len()
}

/// [`redact`], writing no more than about `limit` bytes: past it no match is looked
/// for, and the rest is cut on a character boundary. Every token that starts before the
/// limit goes whole (the caller cuts the result again), however many the text repeats.
fn redacted(text: &str, token: Option<&str>, limit: usize) -> String {
    match redactable(token) {
        // Whole tokens first, then starts: a start found first could hide a whole token
        // that begins inside it (a token that starts with a run of its own start). The
        // first pass reads as far past the limit as a token written escaped can reach,
        // so that the second sees whole any start that crosses the limit.
        Some(token) => {
            let whole = replaced(
                text,
                token,
                limit.saturating_add(longest_writing(token)),
                false,
            );
            replaced(&whole, token, limit, true)
        }
        None => snippet_of(text, limit).to_owned(),
    }
}

/// One pass of [`redacted`]: whole tokens, or (`starts`) starts of it. Matches that
/// overlap are taken out as one: a token (or a longer start) may begin inside another.
/// Not inlined: one copy serves both passes.
#[inline(never)]
fn replaced(text: &str, token: &str, limit: usize, starts: bool) -> String {
    let total = token.chars().count();
    let mut reach = Reach::default();
    let mut out = String::new();
    let mut rest = text;
    // Byte by byte, not `str::replace`, whose substring searcher is 2.5 KB of the main
    // entry's wasm, gzipped. A match starts and ends on characters of `text`: it starts
    // with a character's first byte, a `\` or a `%`, and ends after one of its own.
    let first = token.as_bytes().first().copied();
    let mut at = 0;
    while at < rest.len() && out.len() + at < limit {
        let bytes = rest.as_bytes();
        // What no writing of the token starts with is passed at once: a byte at a time.
        if !matches!(bytes.get(at), Some(&b) if Some(b) == first || b == b'\\' || b == b'%') {
            at += 1;
            continue;
        }
        let found = |from: usize, reach: &mut Reach| {
            let here = bytes.get(from..).unwrap_or_default();
            reach
                .quoted(here, token, total, starts)
                .map(|length| from + length)
        };
        match found(at, &mut reach) {
            Some(mut end) => {
                let mut next = at + 1;
                while next < end {
                    if let Some(later) = found(next, &mut reach) {
                        end = end.max(later);
                    }
                    next += 1;
                }
                out.push_str(rest.get(..at).unwrap_or_default());
                out.push_str(TOKEN_MARK);
                rest = rest.get(end..).unwrap_or_default();
                at = 0;
            }
            None => at += 1,
        }
    }
    out.push_str(snippet_of(rest, limit.saturating_sub(out.len())));
    out
}

/// Where the token's characters, each as it is or escaped ([`char_at`]), can reach in
/// a text: a character may be read more than one way (a `\` of the token is `\` or
/// `\\`, a `%` is `%` or `%25`), so every way is followed, one character at a time.
/// Two lists, kept from one search to the next (no allocation per byte of the text).
#[derive(Default)]
struct Reach {
    ends: Vec<usize>,
    next: Vec<usize>,
}

impl Reach {
    /// Steps every end by the character `c`; false when none can.
    fn step(&mut self, text: &[u8], c: char) -> bool {
        self.next.clear();
        for &end in &self.ends {
            for length in char_at(text.get(end..).unwrap_or_default(), c)
                .into_iter()
                .flatten()
            {
                if !self.next.contains(&(end + length)) {
                    self.next.push(end + length);
                }
            }
        }
        core::mem::swap(&mut self.ends, &mut self.next);
        !self.ends.is_empty()
    }

    /// How many bytes at the start of `text` write `token` (`total` characters; see
    /// [`redact`]): whole, or (`starts`) a start of it of half its characters or more,
    /// and at least [`REDACTED_TOKEN_CHARS`]; the longest.
    fn quoted(&mut self, text: &[u8], token: &str, total: usize, starts: bool) -> Option<usize> {
        self.ends.clear();
        self.ends.push(0);
        let mut longest = None;
        for (i, c) in token.chars().enumerate() {
            if !self.step(text, c) {
                return longest;
            }
            let read = i + 1;
            if read == total || (starts && read >= REDACTED_TOKEN_CHARS && 2 * read >= total) {
                longest = self.ends.iter().copied().max();
            }
        }
        longest
    }
}

/// The ways the character `c` can be written at the start of `text`, as lengths in
/// bytes: `c` itself; a `/`, `\` or `"` escaped as JSON escapes it (`\/` is PHP's
/// json_encode, some Java's); a JSON `\u` escape (Gson writes `=` as `\u003d`, .NET
/// `+` as `\u002B`, Python `é` as `\u00e9`); percent-encoded, as UTF-8 or, for a
/// Latin-1 character, as its byte (a token quoted in a URL or a form).
fn char_at(text: &[u8], c: char) -> [Option<usize>; 4] {
    let hex = |digits: Option<&[u8]>| {
        digits?.iter().try_fold(0u32, |n, &d| {
            char::from(d).to_digit(16).map(|digit| n * 16 + digit)
        })
    };
    let mut utf8 = [0u8; 4];
    let utf8 = c.encode_utf8(&mut utf8).as_bytes();
    let code = u32::from(c);
    let itself = text.starts_with(utf8).then_some(utf8.len());
    let json = match text {
        [b'\\', escaped, ..] if u32::from(*escaped) == code && matches!(c, '/' | '\\' | '"') => {
            Some(2)
        }
        [b'\\', b'u', digits @ ..] if hex(digits.get(..4)) == Some(code) => Some(6),
        _ => None,
    };
    let latin_1 =
        (code <= 0xFF && text.first() == Some(&b'%') && hex(text.get(1..3)) == Some(code))
            .then_some(3);
    // Each byte of its UTF-8 as `%XX` (for ASCII, the same as Latin-1's).
    let percent = utf8.iter().enumerate().all(|(i, &b)| {
        text.get(3 * i) == Some(&b'%') && hex(text.get(3 * i + 1..3 * i + 3)) == Some(b.into())
    });
    [itself, json, latin_1, percent.then_some(3 * utf8.len())]
}

/// The start of `body`, at most [`SNIPPET_BYTES`] bytes of UTF-8, never cutting a
/// character, with every token it quotes replaced ([`redact`]; one cut by the end is
/// taken out whole first).
pub fn redacted_snippet(body: &str, token: Option<&str>) -> String {
    snippet(&redacted(body, token, SNIPPET_BYTES)).to_owned()
}

/// The start of `body`, at most [`SNIPPET_BYTES`] bytes of UTF-8, never cutting a character.
pub fn snippet(body: &str) -> &str {
    snippet_of(body, SNIPPET_BYTES)
}

fn snippet_of(body: &str, bytes: usize) -> &str {
    if body.len() <= bytes {
        return body;
    }
    let mut end = bytes;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    &body[..end]
}

/// What the fields mean, as the wasm client gives them (JavaScript's numbers are
/// doubles): with no serde involved.
#[cfg(test)]
mod from_values_tests {
    use super::*;

    fn provider(value: FieldValue) -> Option<String> {
        let code = FieldValue::Text(SUCCESS_CODE.to_owned());
        ApiFields::from_values(value, code, FieldValue::Other).map(|f| f.provider_code)
    }

    #[test]
    fn provider_code_is_a_text_or_a_whole_number_s_digits() {
        let number = |n: f64| provider(FieldValue::Number(n));
        assert_eq!(
            provider(FieldValue::Text("049".into())).as_deref(),
            Some("049")
        );
        for (n, digits) in [
            (4.0, "4"),
            (-4.0, "-4"),
            (-0.0, "0"),
            (9_007_199_254_740_991.0, "9007199254740991"),
            (-9_007_199_254_740_991.0, "-9007199254740991"),
            (9_007_199_254_740_992.0, ""),
            (1e300, ""),
            (4.5, ""),
            (f64::NAN, ""),
            (f64::INFINITY, ""),
        ] {
            assert_eq!(number(n).as_deref(), Some(digits), "{n}");
        }
        assert_eq!(provider(FieldValue::Other).as_deref(), Some(""));
    }

    #[test]
    fn without_a_string_error_code_there_are_no_fields() {
        for code in [FieldValue::Other, FieldValue::Number(0.0)] {
            let none = ApiFields::from_values(FieldValue::Other, code, FieldValue::Other);
            assert_eq!(none, None);
        }
        let text = |t: &str| FieldValue::Text(t.into());
        let fields = ApiFields::from_values(text("4"), text("E.1"), text("why")).unwrap();
        assert_eq!(fields.error_msg.as_deref(), Some("why"));
        let fields = ApiFields::from_values(text("4"), text("E.1"), FieldValue::Number(1.0));
        assert_eq!(fields.unwrap().error_msg, None);
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::ToString;

    /// The answer as the client reads it, with serde_json in place of JSON.parse.
    fn answer(status: u16, body: &str) -> Answer {
        interpret(status, body, serde_json::from_str(body).ok())
    }

    fn success(provider_code: &str, error_msg: Option<&str>) -> Answer {
        Answer::Success(ApiFields {
            provider_code: provider_code.to_owned(),
            error_code: SUCCESS_CODE.to_owned(),
            error_msg: error_msg.map(str::to_owned),
        })
    }

    fn http(status: u16, body: &str) -> Answer {
        Answer::Http {
            status,
            body_snippet: body.to_owned(),
        }
    }

    #[test]
    fn success_normalises_provider_code() {
        let cases = [
            (r#""049""#, "049"),
            ("4", "4"),
            ("4.0", "4"),
            ("-4", "-4"),
            ("0", "0"),
            ("-0.0", "0"),
            ("9007199254740991", "9007199254740991"),
            ("-9007199254740991", "-9007199254740991"),
            ("1e3", "1000"),
            // Beyond 2^53 - 1, JavaScript has rounded it: treated as absent, as
            // integers and floats alike.
            ("9007199254740992", ""),
            ("9007199254740993", ""),
            ("1e16", ""),
            ("18446744073709551615", ""),
            ("-9223372036854775808", ""),
            ("1e300", ""),
            // A fraction is not a service ID.
            ("4.5", ""),
            ("-0.1", ""),
            ("null", ""),
            ("true", ""),
            ("[4]", ""),
            (r#"{"code": 4}"#, ""),
        ];
        for (sent, expected) in cases {
            let body = format!(
                r#"{{"error_code":"GOM.00000000","error_msg":null,"provider_code":{sent},"data":null}}"#
            );
            assert_eq!(answer(200, &body), success(expected, None), "{sent}");
        }
    }

    #[test]
    fn missing_fields_are_defaulted_and_other_fields_ignored() {
        assert_eq!(
            answer(200, r#"{"error_code":"GOM.00000000"}"#),
            success("", None)
        );
        assert_eq!(
            answer(204, r#"{"error_code":"GOM.00000000","error_msg":"done"}"#),
            success("", Some("done"))
        );
        // An error_msg that is not text is no message.
        for msg in ["42", "false", "[]", r#"{"en":"x"}"#] {
            let body = format!(r#"{{"error_code":"GOM.00000000","error_msg":{msg}}}"#);
            assert_eq!(answer(200, &body), success("", None), "{msg}");
        }
        let extra = r#"{"request_id":"r-1","data":{"incident_num":"IM1","nested":[[1],{"a":null}]},
            "provider_code":"049","trace":[1,2,3],"error_code":"GOM.00000000","error_msg":null,"x":true}"#;
        assert_eq!(answer(200, extra), success("049", None));
    }

    /// A key given twice: the last value counts, as `JSON.parse` (the wasm client's
    /// reader) has it.
    #[test]
    fn a_field_given_twice_counts_as_its_last_value() {
        let body = r#"{"error_code":5,"provider_code":"1","error_code":"GOM.00000000","provider_code":"2"}"#;
        assert_eq!(answer(200, body), success("2", None));
        let body = r#"{"error_code":"GOM.00000000","error_code":"E.1"}"#;
        assert!(matches!(answer(200, body), Answer::Api { .. }));
    }

    #[test]
    fn a_large_data_before_error_code_is_still_success() {
        let rows: Vec<String> = (0..5_000)
            .map(|row| {
                let items: Vec<String> = (0..10).map(|c| (row * 10 + c).to_string()).collect();
                format!("[{}]", items.join(","))
            })
            .collect();
        let body = format!(
            r#"{{"data":[{}],"provider_code":"049","error_code":"GOM.00000000","error_msg":null}}"#,
            rows.join(",")
        );
        assert_eq!(answer(200, &body), success("049", None));
    }

    #[test]
    fn other_codes_are_api_errors() {
        let invalid =
            r#"{"error_code":"GOM.00007256","error_msg":"Invalid parameters","provider_code":4}"#;
        assert_eq!(
            answer(400, invalid),
            Answer::Api {
                status: 400,
                fields: ApiFields {
                    provider_code: "4".to_owned(),
                    error_code: "GOM.00007256".to_owned(),
                    error_msg: Some("Invalid parameters".to_owned()),
                },
            }
        );
        // Even on a 2xx: the code decides.
        assert!(matches!(
            answer(200, invalid),
            Answer::Api { status: 200, .. }
        ));
        // Success's code with a failing status is not success.
        for status in [199, 300, 500] {
            assert_eq!(
                answer(status, r#"{"error_code":"GOM.00000000"}"#),
                Answer::Api {
                    status,
                    fields: ApiFields {
                        provider_code: String::new(),
                        error_code: SUCCESS_CODE.to_owned(),
                        error_msg: None,
                    },
                }
            );
        }
    }

    #[test]
    fn anything_else_is_an_http_error_with_a_snippet() {
        let html = format!("<html>{}</html>", "事".repeat(400));
        match answer(502, &html) {
            Answer::Http {
                status,
                body_snippet,
            } => {
                assert_eq!(status, 502);
                assert!(
                    body_snippet.len() <= SNIPPET_BYTES && body_snippet.len() > SNIPPET_BYTES - 4
                );
                assert!(html.starts_with(&body_snippet));
            }
            other => panic!("{other:?}"),
        }
        let not_the_api = [
            // error_code missing or not a string
            r#"{"provider_code":"049","error_msg":null,"data":null}"#,
            r#"{"error_code":0}"#,
            r#"{"error_code":null,"provider_code":"049"}"#,
            r#"{"error_code":true}"#,
            r#"{"error_code":["GOM.00000000"]}"#,
            r#"{"error_code":{"code":"GOM.00000000"}}"#,
            // not an object: an array is not read as the fields in order
            r#"["049","GOM.00000000",null]"#,
            r#"["049","GOM.00000000",null,null]"#,
            r#""GOM.00000000""#,
            "42",
            "null",
            "true",
            // not JSON
            "",
            r#"{"error_code":"GOM.00000000""#,
            "<html>502</html>",
        ];
        for body in not_the_api {
            assert_eq!(answer(200, body), http(200, body), "{body}");
        }
        assert_eq!(snippet("short"), "short");
    }

    #[test]
    fn a_token_the_answer_quotes_is_taken_out() {
        let token = "SECRET-TOKEN-abc123XYZ";
        assert_eq!(
            redact(&format!("bad token {token}, again {token}."), Some(token)),
            "bad token [X-Auth-Token], again [X-Auth-Token]."
        );
        // Around and inside other text, in any script.
        assert_eq!(
            redact(&format!("令牌{token}无效"), Some(token)),
            "令牌[X-Auth-Token]无效"
        );
        assert_eq!(redact(token, Some(token)), TOKEN_MARK);
        // No token, or one too short to be a real one: the text as it is.
        assert_eq!(redact("bad token abc", None), "bad token abc");
        assert_eq!(redact("bad token abc", Some("abc")), "bad token abc");
        // A token cut by the snippet's end goes whole; what is left is a snippet still.
        let body = format!(
            "{}{token}{}",
            "a".repeat(SNIPPET_BYTES - 5),
            "b".repeat(100)
        );
        let cut = redacted_snippet(&body, Some(token));
        assert_eq!(cut, format!("{}{}", "a".repeat(SNIPPET_BYTES - 5), "[X-Au"));
        assert!(!cut.contains("SECRET"));
        // Written as JSON may write it, each `/` escaped.
        let slashed = "ab/cd+ef/gh==";
        assert_eq!(
            redacted_snippet(r#"{"echo":"ab\/cd+ef\/gh=="}"#, Some(slashed)),
            r#"{"echo":"[X-Auth-Token]"}"#
        );
        // Echoed again and again: every one that starts in the snippet goes, and no
        // part of one from further on moves into it as the marks shorten the text.
        let long = "T".repeat(100);
        let body = format!("X-Auth-Token: {long}\n").repeat(20);
        let cut = redacted_snippet(&body, Some(&long));
        assert!(!cut.contains("TTTTTTTT"), "{cut}");
        assert_eq!(cut.matches(TOKEN_MARK).count(), 20);
        // A backslash and a quote of the token, escaped as JSON escapes them.
        let odd = r#"abc\def"ghijkl/mn"#;
        assert_eq!(
            redacted_snippet(r#"{"t":"abc\\def\"ghijkl\/mn"}"#, Some(odd)),
            r#"{"t":"[X-Auth-Token]"}"#
        );
        let body = "字".repeat(400);
        assert_eq!(redacted_snippet(&body, Some(token)), snippet(&body));
        assert_eq!(redacted_snippet(&body, None), snippet(&body));
    }

    #[test]
    fn a_token_escaped_or_cut_short_is_taken_out_too() {
        // The security review's token: a base64 one, with `/`, `+` and `=` (22 characters).
        let token = "MIIabc/def+ghi==SECRET";
        for (body, expected) in [
            // JSON's \u escapes, as Gson (`=`) and .NET (`+`) write them, in any case.
            (
                r#"{"m":"bad token MIIabc\/def\u002bghi\u003D\u003dSECRET"}"#,
                r#"{"m":"bad token [X-Auth-Token]"}"#,
            ),
            // Percent-encoded, as a URL or a form quotes it.
            (
                "<a href=\"/login?t=MIIabc%2Fdef%2Bghi%3D%3DSECRET\">",
                "<a href=\"/login?t=[X-Auth-Token]\">",
            ),
            // Cut short by the server, then an ellipsis: half of it or more.
            (
                "bad token MIIabc/def+ghi==SECRE…",
                "bad token [X-Auth-Token]…",
            ),
            ("bad token MIIabc/def+…", "bad token [X-Auth-Token]…"),
            // Cut short by the body's own end.
            ("token=MIIabc%2Fdef%2Bghi%3D", "token=[X-Auth-Token]"),
            // Less than half of it leaves most of it out, and is left.
            ("bad token MIIabc/def…", "bad token MIIabc/def…"),
            ("MIIabc%2F…", "MIIabc%2F…"),
            // An escape of something else, or half an escape, is no part of it.
            (r#"MIIabc\u002fdef\u002bghi\u003"#, r#"[X-Auth-Token]\u003"#),
            (r#"MIIabc/de\u0066+"#, "[X-Auth-Token]"),
            ("MIIabc/Xef+ghi==SECRET", "MIIabc/Xef+ghi==SECRET"),
        ] {
            assert_eq!(redact(body, Some(token)), expected, "{body}");
        }
        // A start of a token that ends inside one of its characters is no start of it.
        let wide = "abcdefg字字";
        assert_eq!(redact("abcdefg字x", Some(wide)), "[X-Auth-Token]x");
        // 孕 starts with the same two bytes as 字 (E5 AD 95, E5 AD 97).
        assert_eq!(redact("abcdefg孕", Some(wide)), "abcdefg孕");
        assert_eq!(redact("abcdefgx", Some(wide)), "abcdefgx");
    }

    #[test]
    fn a_start_of_the_token_never_hides_the_whole_token_after_it() {
        // The review's cases: a text before the token that is a start of it.
        let token = "ABCDEFGHABCDEFGHxyzSECRET";
        assert_eq!(
            redact(&format!("echo ABCDEFGH{token}"), Some(token)),
            "echo ABCDEFGH[X-Auth-Token]"
        );
        let token = "0000000000000000SECRETpart";
        assert_eq!(
            redact(&format!("id=0{token}"), Some(token)),
            "id=0[X-Auth-Token]"
        );
    }

    #[test]
    fn a_latin_1_character_of_the_token_is_found_escaped_too() {
        let token = "abcdefghé12345678SECRET";
        for body in [
            r#"{"detail": "bad token abcdefgh\u00e912345678SECRET"}"#,
            "bad token abcdefgh%E912345678SECRET",
            "bad token abcdefgh%c3%a912345678SECRET",
        ] {
            let out = redact(body, Some(token));
            assert!(
                out.ends_with("bad token [X-Auth-Token]") || out.ends_with("[X-Auth-Token]\"}"),
                "{out}"
            );
        }
    }

    #[test]
    fn another_token_of_the_same_kind_is_not_taken_for_it() {
        // Every JWT starts alike: a server that names another keeps it whole.
        let header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
        let token = format!("{header}.eyJzdWIiOiJwb3J0YWwifQ.c2lnbmF0dXJlLW9mLXRoZS1wb3J0YWw");
        let other = format!("{header}.eyJvdGhlciI6MX0.x");
        let text = format!("expected issuer of {other}");
        assert_eq!(redact(&text, Some(&token)), text);
    }

    #[test]
    fn a_token_holding_a_backslash_or_a_percent_sign_is_found_every_way_it_is_written() {
        // The second review's cases: each character is read every way it may be written.
        let slashes = r"abcd\\efghijkl";
        assert_eq!(
            redact(&format!("bad token {slashes}"), Some(slashes)),
            "bad token [X-Auth-Token]"
        );
        let escaped = r#"bad token "abcd\\\\efghijkl""#;
        assert_eq!(
            redact(escaped, Some(slashes)),
            r#"bad token "[X-Auth-Token]""#
        );
        let percent = "abcd%efghijkl";
        assert_eq!(
            redact("see /login?t=abcd%25efghijkl", Some(percent)),
            "see /login?t=[X-Auth-Token]"
        );
        assert_eq!(
            redact("see abcd%efghijkl", Some(percent)),
            "see [X-Auth-Token]"
        );
        let slash = r"abcd\efghijkl";
        assert_eq!(
            redact(r#"<p>token: "abcd\u005cefghijkl"</p>"#, Some(slash)),
            r#"<p>token: "[X-Auth-Token]"</p>"#
        );
    }

    #[test]
    fn a_start_of_the_token_across_the_snippet_s_end_goes_whole() {
        let token = "Zq9abcdefghijklmnopqrstuvwxyz0123456789A";
        let body = format!("{}{}…", "x".repeat(1010), &token[..30]);
        let cut = redacted_snippet(&body, Some(token));
        assert_eq!(cut, format!("{}{}", "x".repeat(1010), &TOKEN_MARK[..14]));
        assert!(!cut.contains("Zq9"), "{cut}");
    }

    #[test]
    fn matches_that_overlap_go_as_one() {
        let token = "AAAAAAAAAAAABCDEFGHIJKLM";
        let text = format!("{}BCDEFGHIJKL", "A".repeat(13));
        assert_eq!(redact(&text, Some(token)), "[X-Auth-Token]");
        let token = "ABCDEFGH12ABCDEFGH";
        assert_eq!(
            redact("ABCDEFGH12ABCDEFGH12ABCDEFGH", Some(token)),
            "[X-Auth-Token]"
        );
    }

    #[test]
    fn a_text_cut_in_the_middle_of_the_token_loses_its_last_bytes() {
        let token = "tok-SECRET-123456";
        // What a token written escaped can take at the most, 6 bytes a byte of it, goes.
        let text = format!("{}tok%2DSEC", "x".repeat(200));
        let cut = redact_cut(&text, Some(token));
        assert_eq!(cut, "x".repeat(200 + 9 - 6 * token.len()));
        // Tokens found before that are marks still; on a character; no token, all of it.
        let text = format!("{token} {}", "字".repeat(40));
        assert_eq!(
            redact_cut(&text, Some(token)),
            format!("[X-Auth-Token] {}", "字".repeat(6))
        );
        assert_eq!(redact_cut("xxtok-SEC", None), "xxtok-SEC");
    }
}
