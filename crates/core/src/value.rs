//! The input as the core sees it: a JSON-like tree that also names the JavaScript
//! values JSON has no room for, so that each can be reported rather than dropped.

use crate::json::unsigned;
use crate::prelude::*;
use crate::text::Text;

/// One input value, read from JavaScript (or built by hand in native tests).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `undefined`, or a key that is not there.
    Undefined,
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any JavaScript number, including fractions, NaN and the infinities.
    Number(Number),
    /// A string.
    String(Text),
    /// An array, with its items.
    Array(Vec<Value>),
    /// A plain object (prototype `Object.prototype` or `null`), keys in order.
    Object(Object),
    /// A value that JSON cannot carry, or that could not be read.
    Foreign(Foreign),
}

/// A JavaScript number, with the text `JSON.stringify` writes for it: a number the
/// caller gave is sent as that text, the shortest that reads back as the same double.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    value: f64,
    /// The JSON text of a finite number that is not a safe integer (a safe integer's
    /// digits are written here, with no float formatting).
    text: Option<Box<str>>,
}

impl Number {
    /// A number and the text JavaScript writes for it (`String(n)`, which is what
    /// `JSON.stringify` writes for a finite number), which a body then sends as it is.
    /// `None` when the text is needed (a finite number that is not a safe integer) and
    /// is not a JSON number: a body must stay JSON whatever a caller hands in. That the
    /// text is `value`'s own is the caller's word (JavaScript's, in the package).
    pub fn with_text(value: f64, text: impl Into<Box<str>>) -> Option<Self> {
        if !value.is_finite() || is_safe_integer(value) {
            return Some(Number { value, text: None });
        }
        let text = text.into();
        is_json_number(&text).then_some(Number {
            value,
            text: Some(text),
        })
    }

    /// A safe integer (a limit, an index), written as its digits.
    pub(crate) fn from_safe_integer(value: f64) -> Self {
        debug_assert!(is_safe_integer(value));
        Number { value, text: None }
    }

    /// The value.
    pub fn value(&self) -> f64 {
        self.value
    }

    /// Writes the number as JSON: a safe integer's digits, another finite number as
    /// JavaScript writes it, `null` for NaN and the infinities (as `JSON.stringify`).
    pub fn write_json(&self, out: &mut String) {
        match &self.text {
            Some(text) => out.push_str(text),
            None if self.value.is_finite() => {
                // A safe integer: exact as an i64 (and -0 is written 0, as JavaScript does).
                let whole = self.value as i64;
                if whole < 0 {
                    out.push('-');
                }
                unsigned(out, whole.unsigned_abs());
            }
            None => out.push_str("null"),
        }
    }

    /// The number as text, for a message.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

impl From<f64> for Number {
    /// A number made in Rust. Values read from JavaScript carry the engine's own text
    /// instead ([`Number::with_text`]), so on wasm this formatter is never linked.
    fn from(value: f64) -> Self {
        let text = (value.is_finite() && !is_safe_integer(value)).then(|| shortest_json(value));
        Number { value, text }
    }
}

/// Whether `text` is a number as JSON writes one: `-`, then `0` or digits not led by
/// a zero, then a fraction and an exponent, each optional. (Read with `get`, never an
/// index that could panic: a panic links its formatting.)
pub(crate) fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    let first = bytes.get(at).copied();
    let whole = digits(&mut at);
    if whole == 0 || (whole > 1 && first == Some(b'0')) {
        return false;
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        if digits(&mut at) == 0 {
            return false;
        }
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if digits(&mut at) == 0 {
            return false;
        }
    }
    at == bytes.len()
}

/// What JavaScript's `Number.prototype.toString` writes for a finite number: the
/// shortest digits that read back as `value` (Rust's `{:e}` finds them), laid out by
/// ECMAScript's rules (plain digits from 1e-6 up to 1e21, an exponent outside).
fn shortest_json(value: f64) -> Box<str> {
    let scientific = alloc::format!("{:e}", value.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i32;
    let n = exponent.parse::<i32>().unwrap_or(0) + 1;
    let mut out = String::new();
    if value < 0.0 {
        out.push('-');
    }
    let zeros = |count: i32| "0".repeat(count.max(0) as usize);
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.push_str(&zeros(n - k));
    } else if 0 < n && n <= 21 {
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.push_str(&zeros(-n));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if n - 1 < 0 { '-' } else { '+' });
        unsigned(&mut out, u64::from((n - 1).unsigned_abs()));
    }
    out.into()
}

/// The JavaScript values that have no JSON form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Foreign {
    /// A function.
    Function,
    /// A symbol.
    Symbol,
    /// A BigInt.
    BigInt,
    /// An object that is not plain: a class instance, `Date`, `Map`, a boxed string…
    Instance,
    /// Nested deeper than [`MAX_DEPTH`], or cyclic.
    TooDeep,
    /// More than [`MAX_NODES`] values in one input.
    TooLarge,
    /// Reading it threw (a throwing getter, a revoked proxy).
    Unreadable,
}

/// The deepest nesting read from JavaScript; deeper (or cyclic) values are [`Foreign::TooDeep`].
pub const MAX_DEPTH: usize = 32;
/// The most values read from one input, so that no input costs more than this.
pub const MAX_NODES: usize = 10_000;

/// An object's own enumerable string keys and their values, in JavaScript's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Object {
    entries: Vec<(Text, Value)>,
    /// Keys beyond what one input may cost, counted but not read.
    unread: usize,
}

/// Whether two keys are the same. A key sent by its index is the rule's own string:
/// the same address answers before the bytes are compared.
#[inline]
pub(crate) fn same_key(a: &str, b: &str) -> bool {
    // Keys of one table that are as long as each other (`mtm_type`, `solution`) mostly
    // differ in their first byte, which saves a call to compare the rest.
    a.len() == b.len()
        && (a.as_ptr() == b.as_ptr() || (a.as_bytes().first() == b.as_bytes().first() && a == b))
}

/// Whether an entry's key is `key`: a key holding an unpaired surrogate is none that a
/// Rust string can name.
fn is_key(entry_key: &Text, key: &str) -> bool {
    entry_key.unpaired_surrogate_at().is_none() && same_key(entry_key.as_str(), key)
}

impl Object {
    /// An empty object, as a constant.
    pub const EMPTY: Object = Object {
        entries: Vec::new(),
        unread: 0,
    };

    /// An empty object.
    pub fn new() -> Self {
        Object::default()
    }

    /// An empty object with room for `count` keys.
    pub fn with_capacity(count: usize) -> Self {
        Object {
            entries: Vec::with_capacity(count),
            unread: 0,
        }
    }

    /// Adds a key; keys are unique in JavaScript, so the caller never repeats one.
    pub fn push(&mut self, key: impl Into<Text>, value: Value) {
        self.entries.push((key.into(), value));
    }

    /// The value under `key`, [`Value::Undefined`] when there is none.
    pub fn get(&self, key: &str) -> &Value {
        self.lookup(key).1
    }

    /// Where the entry of `key` is, and its value ([`Value::Undefined`] when none).
    /// A position, then a `get`: written with `enumerate().find()` it took 0.3 KB more
    /// of the small module gzipped (measured).
    pub(crate) fn lookup(&self, key: &str) -> (Option<usize>, &Value) {
        let found = self.entries.iter().position(|(k, _)| is_key(k, key));
        match found.and_then(|at| Some((at, &self.entries.get(at)?.1))) {
            Some((at, value)) => (Some(at), value),
            None => (None, &Value::Undefined),
        }
    }

    /// The value of the entry at `at` when its key is `key`.
    pub(crate) fn entry_of(&self, at: usize, key: &str) -> Option<&Value> {
        let (k, value) = self.entries.get(at)?;
        is_key(k, key).then_some(value)
    }

    /// The entries in order.
    pub fn entries(&self) -> impl Iterator<Item = (&Text, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// How many entries were read (undefined-valued ones too; not the keys counted
    /// but not read).
    pub(crate) fn read_count(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.unread == 0
    }

    /// Records `count` more keys that were not read (over [`MAX_NODES`]).
    pub fn set_unread(&mut self, count: usize) {
        self.unread = count;
    }

    /// How many keys were counted but not read: a field that seems absent may be
    /// among them.
    pub fn unread(&self) -> usize {
        self.unread
    }
}

impl Value {
    /// A string value.
    pub fn string(text: impl Into<Text>) -> Self {
        Value::String(text.into())
    }

    /// `undefined`, or a key that is not there.
    pub fn is_undefined(&self) -> bool {
        // Not `== Value::Undefined`: the derived comparison costs a call and a match of
        // both sides on every field.
        matches!(self, Value::Undefined)
    }

    /// Missing or `null`: what a required field may not be.
    pub fn is_absent(&self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }

    /// The name of its type, as violations report it: JSON's names (`integer` for a
    /// whole number) and, for the rest, JavaScript's.
    // Asked only for a report or a config error, from seven places of the core that
    // each had a copy inlined: out of line, the small module is 2.1 KB smaller (476
    // bytes gzipped); the full module (opt-level "s") never inlined it.
    #[inline(never)]
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Undefined => "undefined",
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if is_integer(n.value()) => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::Foreign(foreign) => foreign.type_name(),
        }
    }
}

impl Foreign {
    /// The name violations report for it.
    pub fn type_name(self) -> &'static str {
        match self {
            Foreign::Function => "function",
            Foreign::Symbol => "symbol",
            Foreign::BigInt => "bigint",
            Foreign::Instance => "instance",
            Foreign::TooDeep => "too_deep",
            Foreign::TooLarge => "too_large",
            Foreign::Unreadable => "unreadable",
        }
    }
}

/// A finite whole number.
pub(crate) fn is_integer(n: f64) -> bool {
    // Every double of magnitude 2^52 or more is whole; below, a round trip through
    // i64 is exact only for a whole number (no `fract` without std).
    n.is_finite() && (n.abs() >= 4_503_599_627_370_496.0 || (n as i64) as f64 == n)
}

/// The largest integer JavaScript and JSON carry exactly: 2^53 - 1.
pub const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A whole number JavaScript and JSON carry exactly: at most 2^53 - 1 either way.
#[must_use]
pub fn is_safe_integer(n: f64) -> bool {
    is_integer(n) && n.abs() <= MAX_SAFE_INTEGER
}

impl From<Object> for Value {
    fn from(object: Object) -> Self {
        Value::Object(object)
    }
}

/// Builds an [`Object`] from `key => value` pairs, for tests and examples.
#[macro_export]
macro_rules! object {
    ($($key:expr => $value:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut object = $crate::Object::new();
        $(object.push($key, $crate::Value::from($value));)*
        object
    }};
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::string(text)
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::string(text)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::Number(Number::from(n))
    }
}

impl From<Number> for Value {
    fn from(n: Number) -> Self {
        Value::Number(n)
    }
}

impl From<i64> for Value {
    /// The integer, exactly: beyond 2^53 a double cannot hold it, so the body sends its
    /// own digits and the rules see the nearest double (out of any range they take).
    fn from(n: i64) -> Self {
        let value = n as f64;
        if is_safe_integer(value) {
            return Value::Number(Number { value, text: None });
        }
        let mut digits = String::new();
        if n < 0 {
            digits.push('-');
        }
        unsigned(&mut digits, n.unsigned_abs());
        Value::Number(Number {
            value,
            text: Some(digits.into()),
        })
    }
}

impl From<i32> for Value {
    fn from(n: i32) -> Self {
        Value::from(f64::from(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_json_stringify_writes_them() {
        let cases = [
            (0.1, "0.1"),
            (-0.0, "0"),
            (1_711_000_000_000.0, "1711000000000"),
            (1e300, "1e+300"),
            (1e21, "1e+21"),
            (2.5e-8, "2.5e-8"),
            (9_007_199_254_740_993.0, "9007199254740992"),
            (1_152_921_504_606_846_976.0, "1152921504606847000"),
            (-1.5e-7, "-1.5e-7"),
            (0.000_001, "0.000001"),
            (123.456, "123.456"),
            (5e-324, "5e-324"),
            (f64::NAN, "null"),
        ];
        for (n, text) in cases {
            assert_eq!(Number::from(n).to_text(), text, "{n}");
        }
        // What JavaScript says wins.
        assert_eq!(Number::with_text(1e21, "1e+21").unwrap().to_text(), "1e+21");
        assert_eq!(Number::with_text(5.0, "ignored").unwrap().to_text(), "5");
    }

    /// A body stays JSON whatever text a caller gives: text that is no JSON number is
    /// refused, for a number that needs its text (a safe integer's is never used).
    #[test]
    fn a_number_text_is_a_json_number_or_refused() {
        for good in [
            "1.5", "-0.5", "0.1", "1e+21", "1E21", "-2.5e-8", "5e-324", "123.456",
        ] {
            assert_eq!(Number::with_text(1.5, good).unwrap().to_text(), good);
        }
        let bad = [
            "",
            "1,\"operate_key\":\"confirm\"",
            "1}",
            "01.5",
            "1.",
            ".5",
            "+1.5",
            "1e",
            "1e+",
            "- 1",
            "0x1p1",
            "NaN",
            "Infinity",
            "1.5 ",
        ];
        for text in bad {
            assert_eq!(Number::with_text(1.5, text), None, "{text:?}");
        }
        assert_eq!(
            Number::with_text(f64::NAN, "junk").unwrap().to_text(),
            "null"
        );
        assert_eq!(Number::with_text(7.0, "junk").unwrap().to_text(), "7");
    }

    /// An `i64` beyond 2^53 keeps its digits: the body sends the integer given.
    #[test]
    fn an_i64_is_sent_exactly() {
        let text = |n: i64| match Value::from(n) {
            Value::Number(n) => n.to_text(),
            _ => unreachable!(),
        };
        assert_eq!(text(9_007_199_254_740_993), "9007199254740993");
        assert_eq!(text(i64::MIN), "-9223372036854775808");
        assert_eq!(text(-42), "-42");
    }
}
