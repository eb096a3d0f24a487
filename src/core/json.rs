//! Writes the request body: JSON text, strings exactly as given.

use super::validate::Checked;
use super::value::{is_integer, Value};
use super::violation::{Params, Report, TextReason, Violation};

/// The body of a checked request: root keys in the documented order, then the
/// allowed extras; `parameter` always an object.
pub fn body(checked: &Checked<'_>) -> String {
    let mut out = String::with_capacity(128);
    out.push_str("{\"incident_num\":");
    string(&mut out, checked.incident_num);
    out.push_str(",\"operator\":");
    string(&mut out, checked.operator);
    out.push_str(",\"operate_key\":");
    string(&mut out, checked.operation.key);
    out.push_str(",\"parameter\":");
    entries(&mut out, checked.parameter.iter().copied());
    for (key, value) in &checked.extra {
        out.push(',');
        string(&mut out, key);
        out.push(':');
        write_value(&mut out, value);
    }
    out.push('}');
    out
}

fn entries<'a>(out: &mut String, entries: impl Iterator<Item = (&'a str, &'a Value)>) {
    out.push('{');
    let mut first = true;
    for (key, value) in entries.filter(|(_, value)| **value != Value::Undefined) {
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
        Value::Number(n) => number(out, *n),
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

/// Writes a number as JSON: whole numbers below 2^63 as integers, as JSON.stringify
/// does; any other finite number as its exact decimal value (which reads back as the
/// same number; it spares the wasm the float formatting machinery).
pub fn number(out: &mut String, n: f64) {
    use std::fmt::Write;
    if is_integer(n) && n.abs() < 9.2e18 {
        let _ = write!(out, "{}", n as i64);
    } else if n.is_finite() {
        exact_decimal(out, n);
    } else {
        out.push_str("null");
    }
}

/// `number` as a string.
pub fn number_text(n: f64) -> String {
    let mut out = String::new();
    number(&mut out, n);
    out
}

/// The exact decimal value of a finite number: mantissa × 2^exponent, expanded.
fn exact_decimal(out: &mut String, n: f64) {
    let bits = n.to_bits();
    let exponent_bits = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exponent) = if exponent_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent_bits - 1075)
    };
    // Decimal digits of an integer D, most significant first; the value is D / 10^point.
    let mut digits: Vec<u8> = mantissa.to_string().bytes().map(|b| b - b'0').collect();
    let mut point = 0usize;
    let (factor, times) = if exponent >= 0 {
        (2, exponent)
    } else {
        (5, -exponent)
    };
    for _ in 0..times {
        let mut carry = 0u8;
        for digit in digits.iter_mut().rev() {
            let product = *digit * factor + carry;
            *digit = product % 10;
            carry = product / 10;
        }
        if carry > 0 {
            digits.insert(0, carry);
        }
    }
    if exponent < 0 {
        point = times as usize;
    }
    while point > 0 && digits.last() == Some(&0) {
        digits.pop();
        point -= 1;
    }
    if n.is_sign_negative() {
        out.push('-');
    }
    let push = |out: &mut String, ds: &[u8]| out.extend(ds.iter().map(|d| char::from(b'0' + d)));
    if point >= digits.len() {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point - digits.len()));
        push(out, &digits);
    } else {
        let whole = digits.len() - point;
        push(out, &digits[..whole]);
        if point > 0 {
            out.push('.');
            push(out, &digits[whole..]);
        }
    }
}

/// Writes a JSON string: quotes, backslashes and C0 controls escaped, the rest as is.
pub fn string(out: &mut String, text: &str) {
    out.push('"');
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
            other => {
                use std::fmt::Write;
                let _ = write!(out, "\\u{:04x}", other as u32);
            }
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
    out.push('"');
}

/// A report as JSON, the shape the public API documents (what serde gives too).
pub fn report(report: &Report) -> String {
    let mut out = String::with_capacity(64);
    out.push_str(if report.valid {
        "{\"valid\":true,\"errors\":"
    } else {
        "{\"valid\":false,\"errors\":"
    });
    list(&mut out, &report.errors);
    out.push_str(",\"warnings\":");
    list(&mut out, &report.warnings);
    out.push('}');
    out
}

/// Violations as a JSON array.
pub fn violations(items: &[Violation]) -> String {
    let mut out = String::new();
    list(&mut out, items);
    out
}

fn list(out: &mut String, items: &[Violation]) {
    out.push('[');
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"code\":");
        string(out, v.code.as_str());
        out.push_str(",\"path\":");
        string(out, &v.path);
        out.push_str(",\"message\":");
        string(out, &v.message);
        out.push_str(",\"params\":");
        params(out, &v.params);
        out.push('}');
    }
    out.push(']');
}

fn params(out: &mut String, params: &Params) {
    let mut fields = Fields { out, first: true };
    match params {
        Params::NotObject { actual } => fields.text("actual", actual),
        Params::WrongType { expected, actual } => {
            fields.text("expected", expected);
            fields.text("actual", actual);
        }
        Params::TooLong { max, actual } => {
            fields.number("max", f64::from(*max));
            fields.number("actual", *actual as f64);
        }
        Params::UnknownOperateKey {
            allowed,
            suggestion,
        } => {
            fields.key("allowed");
            fields.out.push('[');
            for (i, key) in allowed.iter().enumerate() {
                if i > 0 {
                    fields.out.push(',');
                }
                string(fields.out, key);
            }
            fields.out.push(']');
            if let Some(s) = suggestion {
                fields.text("suggestion", s);
            }
        }
        Params::UnknownField { suggestion } => {
            if let Some(s) = suggestion {
                fields.text("suggestion", s);
            }
        }
        Params::InvalidText {
            reason,
            index,
            code_point,
        } => {
            let reason = match reason {
                TextReason::UnpairedSurrogate => "unpaired_surrogate",
                TextReason::ControlCharacter => "control_character",
            };
            fields.text("reason", reason);
            fields.number("index", *index as f64);
            if let Some(c) = code_point {
                fields.number("code_point", f64::from(*c));
            }
        }
        Params::OutOfRange {
            min,
            max,
            actual,
            after,
        } => {
            if let Some(min) = min {
                fields.number("min", *min);
            }
            if let Some(max) = max {
                fields.number("max", *max);
            }
            fields.number("actual", *actual);
            if let Some(after) = after {
                fields.text("after", after);
            }
        }
        Params::Recommended { when } => fields.text("when", when),
        Params::None {} => {}
    }
    if fields.first {
        fields.out.push('{');
    }
    fields.out.push('}');
}

/// Writes the members of one JSON object.
struct Fields<'a> {
    out: &'a mut String,
    first: bool,
}

impl Fields<'_> {
    fn key(&mut self, key: &str) {
        self.out.push(if self.first { '{' } else { ',' });
        self.first = false;
        string(self.out, key);
        self.out.push(':');
    }

    fn text(&mut self, key: &str, value: &str) {
        self.key(key);
        string(self.out, value);
    }

    fn number(&mut self, key: &str, value: f64) {
        self.key(key);
        number(self.out, value);
    }
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
    fn writes_other_numbers_exactly() {
        for n in [
            1.5,
            -0.25,
            0.1,
            1e21,
            1e300,
            -2.5e-8,
            5e-324,
            f64::MAX,
            9.3e18,
        ] {
            let text = number_text(n);
            assert_eq!(text.parse::<f64>().ok(), Some(n), "{text}");
            assert!(!text.contains('e'), "{text}");
        }
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(
            number_text(0.1),
            "0.1000000000000000055511151231257827021181583404541015625"
        );
        assert_eq!(number_text(f64::NAN), "null");
    }

    #[test]
    fn writes_numbers_as_javascript_does() {
        let mut out = String::new();
        number(&mut out, 1_711_000_000_000.0);
        out.push(' ');
        number(&mut out, 1.5);
        out.push(' ');
        number(&mut out, -0.0);
        assert_eq!(out, "1711000000000 1.5 0");
    }
}
