//! Reads the options objects of the exported functions. A wrong option is a
//! `ConfigError` naming it; an unknown one too, with the closest known name.

use wasm_bindgen::prelude::*;

use crate::core::messages::Locale;
use crate::core::request::ConfigError;
use crate::core::suggest::suggest;
use crate::core::validate::ValidateOptions;
use crate::core::value::{Object, Value};

use super::read::read;

/// The options of `validateHandleRequest`.
pub const VALIDATE_KEYS: &[&str] = &["locale", "allowUnknownFields"];
/// The options of `buildHandleRequest`.
pub const BUILD_KEYS: &[&str] = &[
    "endpoint",
    "token",
    "headers",
    "locale",
    "allowUnknownFields",
];

/// The options of `bindForm`.
pub const BIND_KEYS: &[&str] = &["client", "locale", "allowUnknownFields"];
/// The options of `new IncidentClient`.
pub const CLIENT_KEYS: &[&str] = &[
    "endpoint",
    "token",
    "headers",
    "timeoutMs",
    "locale",
    "signal",
    "allowUnknownFields",
];

/// An options object read once into the core's value model (functions and
/// instances, such as a token provider or a signal, are read from `raw`).
pub struct Options {
    raw: JsValue,
    object: Object,
}

impl Options {
    /// Reads `value` (`undefined` or `null` are no options), refusing keys not in `known`.
    pub fn read(value: &JsValue, known: &[&'static str]) -> Result<Options, ConfigError> {
        let object = match read(value) {
            Value::Undefined | Value::Null => Object::new(),
            Value::Object(object) => object,
            other => {
                return Err(ConfigError::new(
                    "options",
                    format!("options must be a plain object, got {}", other.type_name()),
                ))
            }
        };
        for (key, _) in object.entries() {
            if !known.contains(&key.as_str()) {
                let hint = suggest(key.as_str(), known)
                    .map_or(String::new(), |s| format!(" (did you mean {s}?)"));
                return Err(ConfigError::new(
                    "options",
                    format!("unknown option \"{}\"{hint}", key.as_str()),
                ));
            }
        }
        Ok(Options {
            raw: value.clone(),
            object,
        })
    }

    /// An option as JavaScript holds it, for the ones that are functions or instances.
    pub fn raw(&self, key: &str) -> JsValue {
        super::read::property(&self.raw, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// The value of an option.
    pub fn get(&self, key: &str) -> &Value {
        self.object.get(key)
    }

    /// A string option, `None` when absent.
    pub fn string(&self, key: &'static str) -> Result<Option<&str>, ConfigError> {
        match self.get(key) {
            Value::Undefined | Value::Null => Ok(None),
            Value::String(text) if text.unpaired_surrogate_at().is_none() => {
                Ok(Some(text.as_str()))
            }
            Value::String(_) => Err(ConfigError::new(
                key,
                format!("{key} holds an unpaired surrogate (a broken character)"),
            )),
            other => Err(ConfigError::new(
                key,
                format!("{key} must be a string, got {}", other.type_name()),
            )),
        }
    }

    /// The endpoint, which is required.
    pub fn endpoint(&self) -> Result<&str, ConfigError> {
        self.string("endpoint")?.ok_or_else(|| {
            ConfigError::new(
                "endpoint",
                "endpoint is required (an https: URL or a same-origin path)",
            )
        })
    }

    /// The validation options.
    pub fn validate_options(&self) -> Result<ValidateOptions, ConfigError> {
        let locale = self.string("locale")?.map_or(Locale::En, Locale::from_tag);
        let allow_unknown_fields = match self.get("allowUnknownFields") {
            Value::Undefined | Value::Null => false,
            Value::Bool(b) => *b,
            other => {
                return Err(ConfigError::new(
                    "allowUnknownFields",
                    format!(
                        "allowUnknownFields must be a boolean, got {}",
                        other.type_name()
                    ),
                ))
            }
        };
        Ok(ValidateOptions {
            locale,
            allow_unknown_fields,
        })
    }

    /// The caller's headers, a plain object of name to string value.
    pub fn headers(&self) -> Result<Vec<(&str, &str)>, ConfigError> {
        let object = match self.get("headers") {
            Value::Undefined | Value::Null => return Ok(Vec::new()),
            Value::Object(object) => object,
            other => {
                return Err(ConfigError::new(
                    "headers",
                    format!(
                        "headers must be a plain object of name to value, got {}",
                        other.type_name()
                    ),
                ))
            }
        };
        object
            .entries()
            .filter(|(_, value)| **value != Value::Undefined)
            .map(|(name, value)| match value {
                Value::String(text) if text.unpaired_surrogate_at().is_none() => {
                    Ok((name.as_str(), text.as_str()))
                }
                other => Err(ConfigError::new(
                    "headers",
                    format!(
                        "the value of header {} must be a string, got {}",
                        name.as_str(),
                        other.type_name()
                    ),
                )),
            })
            .collect()
    }
}
