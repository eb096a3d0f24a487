//! Reads a JavaScript value into the core's [`Value`], never throwing and never
//! trusting it: every property read that can throw (getters, proxies) is caught,
//! and depth and size are bounded so that no input can exhaust the instance.

use js_sys::{Array, Uint32Array};
use wasm_bindgen::prelude::*;

use coc_incident_core::internal::parse_json_fast as parse_json_text;
use coc_incident_core::Text;
use coc_incident_core::{is_safe_integer, Foreign, Number, Object, Value, MAX_DEPTH, MAX_NODES};

// None of these throws: each catches in JavaScript and answers a value (see read.js
// for why `catch` imports are not used).
#[wasm_bindgen(module = "/src/js/read.js")]
extern "C" {
    fn plain_copy(input: &JsValue, max_depth: u32, max_nodes: u32) -> JsValue;
    fn object_kind(value: &JsValue) -> u32;
    fn own_keys(value: &JsValue, budget: u32) -> JsValue;
    fn unread_keys() -> u32;
    /// `value[key]`, or undefined when reading threw (then `took_exception()`).
    pub(crate) fn get_property(value: &JsValue, key: &JsValue) -> JsValue;
    pub(crate) fn took_exception() -> bool;
    fn unpaired_surrogates(text: &JsValue) -> Option<Uint32Array>;
    fn number_text(n: f64) -> String;
    /// `JSON.parse`, or undefined for text that is not JSON.
    pub(crate) fn parse_json(text: &str) -> JsValue;
    /// [`parse_json`] of a JavaScript string, which is not copied into wasm memory.
    #[wasm_bindgen(js_name = parse_json)]
    pub(crate) fn parse_json_string(text: &js_sys::JsString) -> JsValue;
    /// `object[key] = value` as an own data property, a key `__proto__` too.
    #[wasm_bindgen(js_name = defineOwn)]
    pub(crate) fn define_own(object: &JsValue, key: &str, value: &JsValue);
}

const PLAIN_OBJECT: u32 = 0;
const ARRAY: u32 = 1;
const INSTANCE: u32 = 2;

/// Reads `value` whole, within [`MAX_DEPTH`] and [`MAX_NODES`]: each property once,
/// through read.js's copy of it (JSON text when it is plain data throughout).
pub fn read(value: &JsValue) -> Value {
    let copied = plain_copy(value, MAX_DEPTH as u32, MAX_NODES as u32);
    if let Some(json) = copied.as_string() {
        if let Ok(fast) = parse_json_text(&json) {
            return fast;
        }
    }
    // The input itself when it is no object, or when its text did not parse (which
    // plain data's does; read as before, then).
    let read = if copied.is_undefined() || copied.is_string() {
        value
    } else {
        &copied
    };
    Reader { nodes: 0 }.value(read, 0)
}

/// Reads a string, keeping each unpaired surrogate: wasm-bindgen's own conversion
/// replaces them with U+FFFD silently, so where they were is asked first.
pub fn read_text(value: &JsValue) -> Option<Text> {
    let text = value.as_string()?;
    match unpaired_surrogates(value) {
        None => Some(Text::from(text)),
        Some(found) => {
            let found = found.to_vec();
            let pairs = found
                .chunks_exact(2)
                .map(|pair| (pair[0] as usize, pair[1] as u16))
                .collect();
            Some(Text::with_unpaired_surrogates(text, pairs))
        }
    }
}

/// A number, with the engine's own text when it is not a safe integer (`String(n)`,
/// a JSON number for every finite one: refused, it would be a value that cannot be read).
fn read_number(n: f64) -> Value {
    let text = if is_safe_integer(n) || !n.is_finite() {
        String::new()
    } else {
        number_text(n)
    };
    Number::with_text(n, text).map_or(Value::Foreign(Foreign::Unreadable), Value::Number)
}

/// `value[key]`, or `None` when reading it threw.
pub(crate) fn property(value: &JsValue, key: &JsValue) -> Option<JsValue> {
    let item = get_property(value, key);
    if item.is_undefined() && took_exception() {
        None
    } else {
        Some(item)
    }
}

struct Reader {
    nodes: usize,
}

impl Reader {
    fn value(&mut self, value: &JsValue, depth: usize) -> Value {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Value::Foreign(Foreign::TooLarge);
        }
        if value.is_undefined() {
            Value::Undefined
        } else if value.is_null() {
            Value::Null
        } else if let Some(b) = value.as_bool() {
            Value::Bool(b)
        } else if let Some(n) = value.as_f64() {
            read_number(n)
        } else if let Some(text) = read_text(value) {
            Value::String(text)
        } else if value.is_function() {
            Value::Foreign(Foreign::Function)
        } else if value.is_symbol() {
            Value::Foreign(Foreign::Symbol)
        } else if value.is_bigint() {
            Value::Foreign(Foreign::BigInt)
        } else if depth >= MAX_DEPTH {
            // Also where a cycle ends.
            Value::Foreign(Foreign::TooDeep)
        } else {
            self.object(value, depth)
        }
    }

    /// An array, a plain object, an instance, or what could not be read.
    fn object(&mut self, value: &JsValue, depth: usize) -> Value {
        let budget = MAX_NODES.saturating_sub(self.nodes);
        match object_kind(value) {
            ARRAY => {
                let Some(length) = property(value, &JsValue::from_str("length")) else {
                    return Value::Foreign(Foreign::Unreadable);
                };
                let length = length.as_f64().unwrap_or(0.0);
                if length > budget as f64 {
                    return Value::Foreign(Foreign::TooLarge);
                }
                let mut items = Vec::with_capacity(length as usize);
                for index in 0..length as u32 {
                    items.push(match property(value, &JsValue::from(index)) {
                        Some(item) => self.value(&item, depth + 1),
                        None => Value::Foreign(Foreign::Unreadable),
                    });
                }
                Value::Array(items)
            }
            PLAIN_OBJECT => {
                let keys = own_keys(value, budget as u32);
                if keys.is_undefined() {
                    return Value::Foreign(Foreign::Unreadable);
                }
                let mut object = Object::new();
                // Keys over the budget are counted, not read: the validator reports them.
                object.set_unread(unread_keys() as usize);
                for key in Array::from(&keys).iter() {
                    let Some(name) = read_text(&key) else {
                        continue;
                    };
                    let item = match property(value, &key) {
                        Some(item) => self.value(&item, depth + 1),
                        None => Value::Foreign(Foreign::Unreadable),
                    };
                    object.push(name, item);
                }
                Value::Object(object)
            }
            INSTANCE => Value::Foreign(Foreign::Instance),
            _ => Value::Foreign(Foreign::Unreadable),
        }
    }
}
