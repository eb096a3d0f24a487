//! Low-level JSON writers: strings exactly as given (unpaired surrogates escaped,
//! never replaced) and whole numbers. They know nothing of requests or reports.

use super::text::Text;

/// Writes a JSON string: quotes, backslashes and C0 controls escaped, the rest as is.
pub fn string(out: &mut String, text: &str) {
    out.push('"');
    escaped(out, text);
    out.push('"');
}

/// The inside of a JSON string.
fn escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c == '"' || c == '\\' || c < ' ') {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().unwrap_or(' ');
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            other => unit_escape(out, other as u32),
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
}

fn unit_escape(out: &mut String, unit: u32) {
    use std::fmt::Write;
    let _ = write!(out, "\\u{unit:04x}");
}

/// Writes a JSON string of a text exactly as JavaScript held it: each unpaired
/// surrogate as its `\\uXXXX` escape, which `JSON.parse` reads back as that unit.
pub fn text(out: &mut String, text: &Text) {
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
            return text.split_at(at);
        }
        count += c.len_utf16();
    }
    (text, "")
}

/// Writes a whole number (a limit, a length, an index).
pub fn integer(out: &mut String, n: usize) {
    use std::fmt::Write;
    let _ = write!(out, "{n}");
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn writes_unpaired_surrogates_as_escapes() {
        let mut out = String::new();
        text(&mut out, &Text::from_utf16(&[0x22, 0xD800, 0x4E8B, 0xDC01]));
        assert_eq!(out, "\"\\\"\\ud800事\\udc01\"");
    }
}
