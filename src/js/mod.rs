//! The JavaScript API (public so that browser tests can call the exports as Rust
//! functions; it only works on wasm32): thin `#[wasm_bindgen]` exports over the core. Names are
//! camelCase as SPEC.md gives them; types are precise in the generated `.d.ts`.

mod bind;
mod client;
mod deadline;
mod errors;
mod form;
mod options;
mod read;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use coc_incident_core::{build, report_json, validate, violations_json, BuildError};
use coc_incident_core::{Report, ValidateOptions, Violation};

pub use bind::{bind_form, FormBinding};
pub use client::IncidentClient;
use errors::{config_error, type_error, validation_error};
pub use form::read_form;
use options::{Options, BUILD_KEYS, VALIDATE_KEYS};
use read::read;

/// A report as a fresh plain object: written as JSON in Rust and parsed by the
/// engine's JSON.parse, one crossing however many violations, where
/// serde-wasm-bindgen made a call per field and per string.
fn report_to_js(report: &Report) -> JsValue {
    if report.is_valid() && report.warnings.is_empty() {
        return clean_report();
    }
    parse_json(&report_json(report))
}

// The most common answer, made where it is used: no string crosses for it.
#[wasm_bindgen(
    inline_js = "export function clean_report() { return { valid: true, errors: [], warnings: [] }; }"
)]
extern "C" {
    fn clean_report() -> JsValue;
}

/// Violations as a fresh array of plain objects.
fn violations_to_js(violations: &[Violation]) -> JsValue {
    parse_json(&violations_json(violations))
}

fn parse_json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or(JsValue::UNDEFINED)
}

/// Sets a property on a fresh object, which cannot fail. A key `__proto__` (a form
/// control's name, a header's) is defined as an own property: set, it would be the
/// object's prototype, and the key would go missing with no word.
fn set(object: &Object, key: &str, value: &JsValue) {
    if key == "__proto__" {
        read::define_own(object, key, value);
    } else {
        let _ = Reflect::set(object, &JsValue::from_str(key), value);
    }
}

/// Checks a handle request and reports every violation. Never throws on any input;
/// throws `ConfigError` only for malformed `options`.
#[wasm_bindgen(js_name = validateHandleRequest, skip_typescript)]
pub fn validate_handle_request(
    input: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    // No options (the usual call) is the defaults, with nothing to read.
    let options = match options {
        None => options::local(ValidateOptions::default()),
        Some(options) => Options::read(&options, VALIDATE_KEYS)
            .and_then(|o| o.validate_options())
            .map_err(|e| config_error(&e))?,
    };
    Ok(report_to_js(&validate(&read(&input), options)))
}

/// Validates a handle request and builds what `fetch` needs to send it. Throws
/// `ValidationError` for invalid input, `ConfigError` for bad options.
#[wasm_bindgen(js_name = buildHandleRequest, skip_typescript)]
pub fn build_handle_request(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = Options::read(&options, BUILD_KEYS).map_err(|e| config_error(&e))?;
    let target = options.target().map_err(|e| config_error(&e))?;
    let validate_options = options.validate_options().map_err(|e| config_error(&e))?;
    match build(&read(&input), &target, validate_options) {
        Ok(built) => {
            let headers = Object::new();
            for (name, value) in &built.request.headers {
                set(&headers, name, &JsValue::from_str(value));
            }
            let out = Object::new();
            set(&out, "method", &JsValue::from_str(built.request.method));
            set(&out, "url", &JsValue::from_str(&built.request.url));
            set(&out, "headers", &headers);
            set(&out, "body", &JsValue::from_str(&built.request.body));
            set(&out, "warnings", &violations_to_js(&built.warnings));
            Ok(out.into())
        }
        Err(BuildError::Config(error)) => Err(config_error(&error)),
        Err(BuildError::Invalid(report)) => Err(validation_error(&report)),
    }
}

/// The length of `text` as the rules count it (UTF-16 code units), for a counter.
#[wasm_bindgen(js_name = textLength, skip_typescript)]
pub fn text_length(text: JsValue) -> Result<u32, JsValue> {
    match text.dyn_ref::<js_sys::JsString>() {
        Some(text) => Ok(text.length()),
        None => Err(type_error("textLength expects a string")),
    }
}
