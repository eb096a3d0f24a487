//! Reads a JavaScript value into the core's [`Value`], never throwing and never
//! trusting it: every property read that can throw (getters, proxies) is caught,
//! and depth and size are bounded so that no input can exhaust the instance.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

use crate::core::parse::parse;
use crate::core::text::Text;
use crate::core::value::{Foreign, Object, Value, MAX_DEPTH, MAX_NODES};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Object, js_name = getPrototypeOf, catch)]
    fn get_prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn own_keys(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

// One call per string: wasm-bindgen's own string conversion would replace an
// unpaired surrogate with U+FFFD silently, so where one is must be asked first.
#[wasm_bindgen(inline_js = "export function unpaired_surrogate_at(s) {
  if (s.isWellFormed()) return -1;
  return /[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/.exec(s).index;
}")]
extern "C" {
    fn unpaired_surrogate_at(text: &JsValue) -> i32;
}

// The fast way in: when the input is plain data (plain objects and arrays, strings,
// finite numbers, booleans, null, no `toJSON` anywhere), JSON.stringify gives exactly
// the tree the slow reader would build, in one crossing instead of one per property.
// Anything else (a getter that throws, a proxy, a Date, a function, NaN, a cycle, too
// deep or too large) answers undefined and is read the slow way, which names it.
// Each property is read twice here (check, then stringify); what is validated is what
// JSON.stringify wrote, so it is also exactly what would be sent.
#[wasm_bindgen(
    inline_js = "const stringify = JSON.stringify, proto = Object.getPrototypeOf, keys = Object.keys, isArray = Array.isArray;
const MAX_DEPTH = 32, MAX_NODES = 10000;
export function plain_json(input) {
  if (typeof input !== 'object' || input === null) return undefined;
  if (Object.prototype.toJSON !== undefined || Array.prototype.toJSON !== undefined ||
      String.prototype.toJSON !== undefined || Number.prototype.toJSON !== undefined ||
      Boolean.prototype.toJSON !== undefined) return undefined;
  let nodes = 0;
  const plain = (x, depth) => {
    if (++nodes > MAX_NODES) return false;
    switch (typeof x) {
      case 'string': case 'boolean': return true;
      case 'number': return x - x === 0;
      case 'object': {
        if (x === null) return true;
        if (depth >= MAX_DEPTH) return false;
        if (isArray(x)) {
          for (let i = 0; i < x.length; i++) { const y = x[i]; if (y === undefined || !plain(y, depth + 1)) return false; }
          return true;
        }
        const p = proto(x);
        if (p !== null && proto(p) !== null) return false;
        const k = keys(x);
        for (let i = 0; i < k.length; i++) { const y = x[k[i]]; if (y !== undefined && !plain(y, depth + 1)) return false; }
        return true;
      }
      default: return false;
    }
  };
  try { return plain(input, 0) ? stringify(input) : undefined; } catch { return undefined; }
}"
)]
extern "C" {
    fn plain_json(input: &JsValue) -> Option<String>;
}

/// Reads `value` whole, within [`MAX_DEPTH`] and [`MAX_NODES`].
pub fn read(value: &JsValue) -> Value {
    if let Some(Ok(fast)) = plain_json(value).map(|json| parse(&json)) {
        return fast;
    }
    Reader { nodes: 0 }.value(value, 0)
}

/// Reads a string, keeping where an unpaired surrogate was: wasm-bindgen's own
/// conversion would replace it silently.
pub fn read_text(value: &JsValue) -> Option<Text> {
    let text = value.as_string()?;
    match usize::try_from(unpaired_surrogate_at(value)) {
        Ok(index) => Some(Text::with_unpaired_surrogate(text, index)),
        Err(_) => Some(Text::from(text)),
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
            Value::Number(n)
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
                .unwrap_or(Value::Foreign(Foreign::Unreadable))
        }
    }

    /// An array, a plain object or an instance; `Err` when reading it threw.
    fn object(&mut self, value: &JsValue, depth: usize) -> Result<Value, JsValue> {
        if is_array(value)? {
            let length = Reflect::get(value, &JsValue::from_str("length"))?
                .as_f64()
                .unwrap_or(0.0);
            if length > MAX_NODES as f64 {
                return Ok(Value::Foreign(Foreign::TooLarge));
            }
            let mut items = Vec::with_capacity(length as usize);
            for index in 0..length as u32 {
                let item = Reflect::get_u32(value, index)?;
                items.push(self.value(&item, depth + 1));
            }
            return Ok(Value::Array(items));
        }
        if !is_plain(value)? {
            return Ok(Value::Foreign(Foreign::Instance));
        }
        let keys = own_keys(value)?;
        let mut object = Object::new();
        for key in keys.iter() {
            let Some(name) = read_text(&key) else {
                continue;
            };
            let item = match Reflect::get(value, &key) {
                Ok(item) => self.value(&item, depth + 1),
                Err(_) => Value::Foreign(Foreign::Unreadable),
            };
            object.push(name, item);
        }
        Ok(Value::Object(object))
    }
}

/// A plain object: its prototype is `null` or a realm's `Object.prototype` (whose
/// own prototype is `null`), so objects from another frame count too.
fn is_plain(value: &JsValue) -> Result<bool, JsValue> {
    let prototype = get_prototype_of(value)?;
    Ok(prototype.is_null() || get_prototype_of(&prototype)?.is_null())
}
