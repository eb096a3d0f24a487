//! The errors JavaScript sees: real `Error` objects with a stable `name` and fields.

use js_sys::{Error, Reflect};
use wasm_bindgen::prelude::*;

use coc_incident_core::{ConfigError, Report};

use super::violations_to_js;

/// An `Error` named `name` with `fields` set on it.
pub fn named_error(name: &str, message: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let error = Error::new(message);
    error.set_name(name);
    for (key, value) in fields {
        // Setting an own property on a fresh Error cannot fail.
        let _ = Reflect::set(&error, &JsValue::from_str(key), value);
    }
    error.into()
}

/// `ConfigError` with `option`.
pub fn config_error(error: &ConfigError) -> JsValue {
    named_error(
        "ConfigError",
        &error.message,
        &[("option", JsValue::from_str(error.option))],
    )
}

/// `ValidationError` with `violations` (the errors) and `warnings`.
pub fn validation_error(report: &Report) -> JsValue {
    named_error(
        "ValidationError",
        &report.summary(),
        &[
            ("violations", violations_to_js(&report.errors)),
            ("warnings", violations_to_js(&report.warnings)),
        ],
    )
}

/// A `TypeError`, for a call that breaks the function's own signature.
pub fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
