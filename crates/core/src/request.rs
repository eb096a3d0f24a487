//! The request builder: options checked, input validated, then the exact request.

use core::fmt;

use crate::bytes::{self, bytes_below, find_byte, splat, zero_bytes, HIGHS};
use crate::json::string;
use crate::messages::cat;
use crate::prelude::*;
use crate::text::js_trim;
use crate::validate::{check, Checked, ValidateOptions};
use crate::value::Value;
use crate::violation::{Problem, Report, Violation};

/// The handle endpoint's path below the configured endpoint.
pub const HANDLE_PATH: &str = "/v1/external/incident/handle";
/// The content type the official SDKs send.
pub const CONTENT_TYPE: &str = "application/json;charset=UTF-8";
/// The header that carries the token, and nothing else does.
pub const TOKEN_HEADER: &str = "X-Auth-Token";

/// Request headers that browsers drop from `fetch` without a word, so refused here.
const FORBIDDEN_HEADERS: &[&str] = &[
    "accept-charset",
    "accept-encoding",
    "access-control-request-headers",
    "access-control-request-method",
    "connection",
    "content-length",
    "cookie",
    "cookie2",
    "date",
    "dnt",
    "expect",
    "host",
    "keep-alive",
    "origin",
    "referer",
    "set-cookie",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
];

/// Options that are wrong: a mistake in the portal's code, not in what a user typed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConfigError {
    /// The option at fault: `endpoint`, `token`, `headers`, `timeoutMs`, …
    pub option: &'static str,
    /// What is wrong, never quoting a token or header value.
    pub message: String,
}

impl ConfigError {
    /// An error about `option`.
    pub fn new(option: &'static str, message: impl Into<String>) -> Self {
        ConfigError {
            option,
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl core::error::Error for ConfigError {}

/// Why a request could not be built.
#[derive(Debug, Clone, PartialEq)]
pub enum BuildError {
    /// The options are wrong.
    Config(ConfigError),
    /// The input is invalid; the report holds every violation.
    Invalid(Report),
}

impl fmt::Display for BuildError {
    /// What went wrong, in a line; the cause, with every violation, is its `source()`
    /// (so that an error chain prints each once).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Which option; what is wrong with it is the source's to say.
            BuildError::Config(error) => write!(f, "invalid option {}", error.option),
            BuildError::Invalid(report) => {
                // Each listed error, and the ones the closing note only counts.
                let errors: usize = report
                    .errors
                    .iter()
                    .map(|v| match v.problem {
                        Problem::TooManyViolations { omitted } => omitted,
                        _ => 1,
                    })
                    .sum();
                let s = if errors == 1 { "" } else { "s" };
                write!(f, "invalid request ({errors} error{s})")
            }
        }
    }
}

impl core::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            BuildError::Config(error) => Some(error),
            BuildError::Invalid(report) => Some(report),
        }
    }
}

impl From<ConfigError> for BuildError {
    fn from(error: ConfigError) -> Self {
        BuildError::Config(error)
    }
}

/// How to send: where, with which credentials and headers.
#[derive(Debug, Clone, Default)]
pub struct Target<'a> {
    /// `https:` URL, same-origin path, or `http:` on a loopback host.
    pub endpoint: &'a str,
    /// Sent as `X-Auth-Token`.
    pub token: Option<&'a str>,
    /// The caller's own headers, in order.
    pub headers: Vec<(&'a str, &'a str)>,
}

/// A request ready for `fetch`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[must_use]
pub struct BuiltRequest {
    /// Always `POST`.
    pub method: &'static str,
    /// The endpoint joined with the handle path.
    pub url: String,
    /// `Content-Type`, the caller's headers, then `X-Auth-Token` when there is a token.
    pub headers: Vec<(String, String)>,
    /// The JSON body.
    pub body: String,
}

/// The warnings of a built request travel with it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[must_use]
pub struct Built {
    /// The request.
    pub request: BuiltRequest,
    /// Warnings from validation (the request is valid).
    pub warnings: Vec<Violation>,
}

/// Where and how a request goes: the URL and headers of a checked [`Target`], made
/// only by [`Envelope::new`] (its fields are read, not set: an envelope is checked).
///
/// ```compile_fail
/// // No envelope but a checked one: this endpoint would skip every check.
/// let _ = coc_incident_core::Envelope { url: "ftp://x".into(), headers: Vec::new() };
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    url: String,
    headers: Vec<(String, String)>,
}

impl Envelope {
    /// Checks the target: endpoint, headers and token.
    pub fn new(target: &Target<'_>) -> Result<Envelope, ConfigError> {
        Ok(Envelope {
            url: handle_url(target.endpoint)?,
            headers: headers(target)?,
        })
    }

    /// The endpoint joined with the handle path.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// `Content-Type`, the caller's headers, then `X-Auth-Token` when there is a token.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The request carrying a checked input: the one way every request is made.
    pub fn request(self, checked: &Checked<'_>) -> BuiltRequest {
        BuiltRequest {
            method: "POST",
            url: self.url,
            headers: self.headers,
            body: body(checked),
        }
    }
}

/// Checks the target, validates the input and builds the request. The options are
/// checked first: a wrong option is the portal's bug whatever the user typed.
pub fn build(
    input: &Value,
    target: &Target<'_>,
    options: ValidateOptions,
) -> Result<Built, BuildError> {
    let (envelope, checked) = build_parts(input, target, options)?;
    Ok(Built {
        request: envelope.request(&checked),
        warnings: checked.warnings,
    })
}

/// What [`build`] makes a request of, checked in its order: the target's envelope,
/// then the checked input. For a caller that writes the request itself (its body with
/// [`write_body`]).
pub fn build_parts<'a>(
    input: &'a Value,
    target: &Target<'_>,
    options: ValidateOptions,
) -> Result<(Envelope, Checked<'a>), BuildError> {
    let envelope = Envelope::new(target).map_err(BuildError::Config)?;
    let checked = check(input, options).map_err(BuildError::Invalid)?;
    Ok((envelope, checked))
}

/// The body of a checked request: the root's fields in table order, `operate_key`,
/// `parameter` (always an object), then the allowed extras. Strings exactly as
/// given (the root's texts trimmed), numbers as JavaScript wrote them.
pub fn body(checked: &Checked<'_>) -> String {
    let mut out = String::with_capacity(128);
    write_body(checked, &mut out);
    out
}

/// Writes the [`body`] of a checked request at the end of `out`: for a caller that
/// sends it on with other texts, in one buffer.
pub fn write_body(checked: &Checked<'_>, out: &mut String) {
    out.push('{');
    for (rule, value) in &checked.root {
        string(out, rule.key);
        out.push(':');
        match value {
            Value::String(text) if rule.trimmed => string(out, js_trim(text.as_str())),
            other => write_value(out, other),
        }
        out.push(',');
    }
    out.push_str("\"operate_key\":");
    string(out, checked.operation.key);
    out.push_str(",\"parameter\":");
    entries(out, checked.parameter.iter().copied());
    for (key, value) in &checked.extra {
        out.push(',');
        string(out, key);
        out.push(':');
        write_value(out, value);
    }
    out.push('}');
}

fn entries<'a>(out: &mut String, entries: impl Iterator<Item = (&'a str, &'a Value)>) {
    out.push('{');
    let mut first = true;
    for (key, value) in entries.filter(|(_, value)| !value.is_undefined()) {
        if !first {
            out.push(',');
        }
        first = false;
        string(out, key);
        out.push(':');
        write_value(out, value);
    }
    out.push('}');
}

/// Writes a value the validator accepted; anything without a JSON form was refused
/// before, so the last arm never runs on a checked request.
fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => n.write_json(out),
        Value::String(text) => string(out, text.as_str()),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(object) => entries(out, object.entries().map(|(k, v)| (k.as_str(), v))),
        Value::Undefined | Value::Foreign(_) => out.push_str("null"),
    }
}

/// The handle URL under `endpoint`, when the endpoint is one a browser may send a
/// token to.
pub fn handle_url(endpoint: &str) -> Result<String, ConfigError> {
    let refuse = |why: &str| Err(ConfigError::new("endpoint", cat(&["endpoint ", why])));
    if endpoint.is_empty() {
        return refuse("is empty");
    }
    if has_space_control_or_backslash(endpoint) {
        return refuse("contains whitespace, a control character or a backslash");
    }
    if endpoint.bytes().any(|b| b == b'?' || b == b'#') {
        return refuse("must not have a query or fragment");
    }
    if endpoint.starts_with("//") {
        return refuse("must not be protocol-relative (//host): write https://host");
    }
    if !endpoint.starts_with('/') {
        // As `split_once("://")`, without the substring searcher (1.5 KB of wasm for
        // this one use): "://" is ASCII, so where it starts is a character boundary.
        let scheme_end = endpoint.as_bytes().windows(3).position(|w| w == b"://");
        let split = scheme_end.and_then(|at| Some((endpoint.get(..at)?, endpoint.get(at + 3..)?)));
        let Some((scheme, rest)) = split else {
            return refuse("must be an https: URL, a same-origin path (/…), or http: on localhost");
        };
        let authority = rest
            .get(..find_byte(rest.as_bytes(), b'/').unwrap_or(rest.len()))
            .unwrap_or("");
        if authority.bytes().any(|b| b == b'@') {
            return refuse("must not carry credentials (user@host)");
        }
        let (host, port) = split_host_port(authority);
        if host.is_empty() {
            return refuse("has no host");
        }
        if port.is_some_and(|p| {
            p.is_empty()
                || p.len() > 5
                || !p.bytes().all(|b| b.is_ascii_digit())
                || decimal(p) > 65_535
        }) {
            return refuse("has an invalid port");
        }
        if scheme.eq_ignore_ascii_case("http") {
            if !is_loopback(host) {
                return refuse("uses http: on a host that is not loopback (localhost, 127.0.0.0/8, [::1]): use https:");
            }
        } else if !scheme.eq_ignore_ascii_case("https") {
            return refuse("must use https: (or http: on localhost)");
        }
    }
    let base = endpoint.trim_end_matches('/');
    // The path is always added: an endpoint that already ends in it (the API's URL
    // pasted whole) would send to the path twice, a 404 found only after the round trip.
    // (The text's end, not the path's: a host named `v1` with the rest of the path after
    // it is refused too, which no real endpoint is; telling the two apart cost the small
    // module 0.1 KB gzipped.)
    if base.ends_with(HANDLE_PATH) {
        return refuse("already ends in /v1/external/incident/handle, which is added to it: give the base URL, without that path");
    }
    Ok(cat(&[base, HANDLE_PATH]))
}

/// Whether `text` holds whitespace, a control character or a backslash. An ASCII text
/// (every endpoint in practice) is checked by its bytes: the character tests' Unicode
/// tables took a twentieth of building a request in wasm (a profile in V8).
fn has_space_control_or_backslash(text: &str) -> bool {
    if text.is_ascii() {
        // ASCII whitespace and controls are all at or below the space, but DEL.
        return text.bytes().any(|b| b <= b' ' || b == 0x7F || b == b'\\');
    }
    text.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

fn split_host_port(authority: &str) -> (&str, Option<&str>) {
    if authority.starts_with('[') {
        return match find_byte(authority.as_bytes(), b']') {
            Some(end) => {
                // `]` is ASCII, so `end` is a character boundary: `get` never fails
                // here, and links no slicing panic.
                let after = authority.get(end + 1..).unwrap_or_default();
                let port = after.strip_prefix(':');
                let rest_ok = port.is_some() || after.is_empty();
                let host = authority.get(..=end).unwrap_or_default();
                (if rest_ok { host } else { "" }, port)
            }
            None => ("", None),
        };
    }
    let colon = authority.bytes().rposition(|b| b == b':');
    match colon.and_then(|at| Some((authority.get(..at)?, authority.get(at + 1..)?))) {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    }
}

/// The number that `digits` writes: ASCII digits only, at most five of them (the
/// callers check both first, so nothing overflows).
fn decimal(digits: &str) -> u32 {
    digits.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

fn is_loopback(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.eq_ignore_ascii_case("localhost") || host == "[::1]" {
        return true;
    }
    // 127.x.y.z: four octets of one to three digits, each at most 255.
    let (mut octets, mut rest) = (0, Some(host));
    while let Some(text) = rest {
        let end = find_byte(text.as_bytes(), b'.');
        let octet = text.get(..end.unwrap_or(text.len())).unwrap_or_default();
        let digits =
            !octet.is_empty() && octet.len() <= 3 && octet.bytes().all(|b| b.is_ascii_digit());
        if !digits || decimal(octet) > 255 || (octets == 0 && octet != "127") {
            return false;
        }
        octets += 1;
        rest = end.and_then(|end| text.get(end + 1..));
    }
    octets == 4
}

/// Refuses a header value fetch would reject or alter: control characters (CR and LF
/// above all), characters outside Latin-1, surrounding whitespace.
fn header_value_problem(value: &str) -> Option<&'static str> {
    // An ASCII value with no control (a token: kilobytes of base64) is known by one
    // search, eight bytes at a time: the two passes below decode every character, and
    // took 3 µs of each build with an IAM token of 3.6 KB (bench: a fifth of the time).
    let control_or_not_ascii =
        |word: u64| bytes_below(word, b' ') | zero_bytes(word ^ splat(0x7F)) | (word & HIGHS) != 0;
    if bytes::position(value.as_bytes(), control_or_not_ascii, |b| {
        !(b' '..0x7F).contains(&b)
    })
    .is_none()
    {
        // Neither a control nor a character beyond Latin-1; U+00A0 is not ASCII.
        return (value.starts_with(' ') || value.ends_with(' '))
            .then_some("starts or ends with whitespace, which fetch would strip");
    }
    header_value_problem_by_chars(value)
}

/// [`header_value_problem`] of any text, a character at a time.
fn header_value_problem_by_chars(value: &str) -> Option<&'static str> {
    if value.chars().any(|c| c.is_control()) {
        Some("contains a control character (CR, LF, …)")
    } else if value.chars().any(|c| u32::from(c) > 0xFF) {
        Some("contains a character outside Latin-1, which HTTP headers cannot carry")
    } else if value.starts_with(' ') || value.ends_with(' ') {
        // Fetch strips HTTP's whitespace only (space, tab, CR, LF; the others are
        // controls, refused above): a no-break space at an end is sent as it is.
        Some("starts or ends with whitespace, which fetch would strip")
    } else {
        None
    }
}

fn is_token_char(c: char) -> bool {
    // A `matches!`, not `"…".contains(c)`: searching a `str` for a `char` links the
    // substring searcher (for a character that is not ASCII), 2 KB of wasm.
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '#'
                | '$'
                | '%'
                | '&'
                | '\''
                | '*'
                | '+'
                | '-'
                | '.'
                | '^'
                | '_'
                | '`'
                | '|'
                | '~'
        )
}

/// The headers to send: content type, the caller's, then the token.
pub(crate) fn headers(target: &Target<'_>) -> Result<Vec<(String, String)>, ConfigError> {
    let mut out = alloc::vec![("Content-Type".to_owned(), CONTENT_TYPE.to_owned())];
    for (i, &(name, value)) in target.headers.iter().enumerate() {
        let refuse = |why: String| Err(ConfigError::new("headers", why));
        if name.is_empty() || !name.chars().all(is_token_char) {
            return refuse(cat(&[
                "header name \"",
                name,
                "\" is not a valid HTTP header name",
            ]));
        }
        let lower = name.to_ascii_lowercase();
        if lower == "content-type" || lower == TOKEN_HEADER.to_ascii_lowercase() {
            return refuse(cat(&[
                "header ",
                name,
                " is set by coc-incident and cannot be overridden",
            ]));
        }
        if FORBIDDEN_HEADERS.contains(&lower.as_str())
            || lower.starts_with("proxy-")
            || lower.starts_with("sec-")
        {
            return refuse(cat(&[
                "header ",
                name,
                " is one browsers do not let a page set",
            ]));
        }
        if target
            .headers
            .get(..i)
            .unwrap_or_default()
            .iter()
            .any(|(other, _)| other.eq_ignore_ascii_case(name))
        {
            return refuse(cat(&["header ", name, " is given twice"]));
        }
        if let Some(why) = header_value_problem(value) {
            return refuse(cat(&["the value of header ", name, " ", why]));
        }
        out.push((name.to_owned(), value.to_owned()));
    }
    if let Some(token) = target.token {
        if token.is_empty() {
            return Err(ConfigError::new(
                "token",
                "token is empty: leave it out to send no token",
            ));
        }
        if let Some(why) = header_value_problem(token) {
            return Err(ConfigError::new("token", cat(&["token ", why])));
        }
        out.push((TOKEN_HEADER.to_owned(), token.to_owned()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_endpoints_are_checked_as_the_character_tests_check_them() {
        let by_chars = |t: &str| {
            t.chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
        };
        // Each byte at each place of a text up to three words long (where a search
        // eight bytes at a time would find it in a whole word, or after the last one).
        for byte in 0..=0x7Fu8 {
            for before in 0..24 {
                let text = [
                    "h".repeat(before).as_str(),
                    char::from(byte).encode_utf8(&mut [0; 4]),
                    "ttps",
                ]
                .concat();
                assert_eq!(
                    has_space_control_or_backslash(&text),
                    by_chars(&text),
                    "{byte:#x} after {before}"
                );
            }
        }
        for text in [
            "https://ä.example",
            "https://a\u{a0}b",
            "https://a\u{85}",
            "https://a\u{3000}",
        ] {
            assert_eq!(
                has_space_control_or_backslash(text),
                by_chars(text),
                "{text:?}"
            );
        }
    }

    /// The byte search finds what the character tests find: each ASCII byte, and
    /// characters beyond it, at each place of a text up to three words long.
    #[test]
    fn header_values_are_checked_as_the_character_tests_check_them() {
        let characters = (0..=0x7Fu8)
            .map(char::from)
            .chain(['\u{85}', '\u{A0}', 'é', '\u{FF}', '\u{100}', '事', '😀']);
        for c in characters {
            for before in 0..24 {
                for text in [
                    ["t".repeat(before), String::from(c), "oken".into()].concat(),
                    ["t".repeat(before), String::from(c)].concat(),
                ] {
                    assert_eq!(
                        header_value_problem(&text),
                        header_value_problem_by_chars(&text),
                        "{c:?} after {before}: {text:?}"
                    );
                }
            }
        }
    }

    /// The loopback test and the host and port split as they were written with `split`,
    /// `find` and `rsplit_once`, which the loops above replace (for size).
    fn is_loopback_by_split(host: &str) -> bool {
        let host = host.strip_suffix('.').unwrap_or(host);
        if host.eq_ignore_ascii_case("localhost") || host == "[::1]" {
            return true;
        }
        let octets: Vec<&str> = host.split('.').collect();
        octets.len() == 4
            && octets[0] == "127"
            && octets.iter().all(|o| {
                !o.is_empty()
                    && o.len() <= 3
                    && o.bytes().all(|b| b.is_ascii_digit())
                    && o.parse::<u16>().is_ok_and(|n| n <= 255)
            })
    }

    fn split_host_port_by_find(authority: &str) -> (&str, Option<&str>) {
        if authority.starts_with('[') {
            return match authority.find(']') {
                Some(end) => {
                    let after = &authority[end + 1..];
                    let port = after.strip_prefix(':');
                    let rest_ok = port.is_some() || after.is_empty();
                    (if rest_ok { &authority[..=end] } else { "" }, port)
                }
                None => ("", None),
            };
        }
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    }

    /// Seeded hosts and authorities of the characters that matter, every length to 16.
    #[test]
    fn hosts_and_ports_split_and_test_as_with_the_standard_searchers() {
        let alphabet = [
            "1",
            "2",
            "7",
            "127",
            "0",
            "5",
            "9",
            "255",
            "256",
            ".",
            ":",
            "[",
            "]",
            "::1",
            "a",
            "localhost",
            "é",
            "字",
        ];
        let mut next = crate::xorshift(0x10CA1);
        for _ in 0..200_000 {
            let parts = next() % 9;
            let text: String = (0..parts)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            assert_eq!(is_loopback(&text), is_loopback_by_split(&text), "{text:?}");
            assert_eq!(
                split_host_port(&text),
                split_host_port_by_find(&text),
                "{text:?}"
            );
        }
    }
}
