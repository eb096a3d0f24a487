//! The input as the core sees it: a JSON-like tree that also names the JavaScript
//! values JSON has no room for, so that each can be reported rather than dropped.

use super::text::Text;

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
    Number(f64),
    /// A string.
    String(Text),
    /// An array, with its items.
    Array(Vec<Value>),
    /// A plain object (prototype `Object.prototype` or `null`), keys in order.
    Object(Object),
    /// A value that JSON cannot carry, or that could not be read.
    Foreign(Foreign),
}

/// The JavaScript values that have no JSON form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

impl Object {
    /// An empty object.
    pub fn new() -> Self {
        Object::default()
    }

    /// Adds a key; keys are unique in JavaScript, so the caller never repeats one.
    pub fn push(&mut self, key: impl Into<Text>, value: Value) {
        self.entries.push((key.into(), value));
    }

    /// The value under `key`, [`Value::Undefined`] when there is none.
    pub fn get(&self, key: &str) -> &Value {
        self.entries
            .iter()
            .find(|(k, _)| k.unpaired_surrogate_at().is_none() && k.as_str() == key)
            .map_or(&Value::Undefined, |(_, v)| v)
    }

    /// The entries in order.
    pub fn entries(&self) -> impl Iterator<Item = (&Text, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Value {
    /// A string value.
    pub fn string(text: impl Into<Text>) -> Self {
        Value::String(text.into())
    }

    /// Missing or `null`: what a required field may not be.
    pub fn is_absent(&self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }

    /// The name of its type, as violations report it: JSON's names (`integer` for a
    /// whole number) and, for the rest, JavaScript's.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Undefined => "undefined",
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if is_integer(*n) => "integer",
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
pub fn is_integer(n: f64) -> bool {
    n.is_finite() && n.fract() == 0.0
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
        Value::Number(n)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        // Test inputs are far below 2^53, where the conversion is exact.
        Value::Number(n as f64)
    }
}

impl From<i32> for Value {
    fn from(n: i32) -> Self {
        Value::Number(f64::from(n))
    }
}
