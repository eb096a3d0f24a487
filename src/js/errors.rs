//! The errors JavaScript sees: real `Error` objects with a stable `name` and fields.

use js_sys::{Error, Reflect};
use wasm_bindgen::prelude::*;

use crate::core::messages::Locale;
use crate::core::request::ConfigError;
use crate::core::violation::{Params, Violation};

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
pub fn validation_error(errors: &[Violation], warnings: &[Violation], locale: Locale) -> JsValue {
    let first = errors.first().map_or("", |v| v.message.as_str());
    // The rest: those listed after the first, and those only counted.
    let more = errors
        .iter()
        .skip(1)
        .map(|v| match v.params {
            Params::TooManyViolations { omitted } => omitted,
            _ => 1,
        })
        .sum::<usize>();
    let message = match (locale, more) {
        (Locale::En, 0) => format!("Invalid handle request: {first}"),
        (Locale::En, n) => format!("Invalid handle request: {first} (and {n} more)"),
        (Locale::ZhCn, 0) => format!("请求无效：{first}"),
        (Locale::ZhCn, n) => format!("请求无效：{first}（另有 {n} 处）"),
    };
    named_error(
        "ValidationError",
        &message,
        &[
            ("violations", violations_to_js(errors)),
            ("warnings", violations_to_js(warnings)),
        ],
    )
}

/// A `TypeError`, for a call that breaks the function's own signature.
pub fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
