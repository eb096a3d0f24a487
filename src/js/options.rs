//! Reads the options objects of the exported functions, through the core's
//! [`Options`](coc_incident_core::Options) (one set of option rules for every entry),
//! keeping the JavaScript value for the options that are functions or instances.

use wasm_bindgen::prelude::*;

use coc_incident_core::{ConfigError, Target, TimeZone, ValidateOptions, Value};

use super::read::read;

pub use coc_incident_core::{BUILD_KEYS, VALIDATE_KEYS};

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

// An unknown option gets the closest of these in its message ("did you mean"), which
// the core only finds among names it may suggest.
const _: () = assert!(coc_incident_core::suggestible_names(BIND_KEYS));
const _: () = assert!(coc_incident_core::suggestible_names(CLIENT_KEYS));

/// An options object read once into the core's value model (functions and
/// instances, such as a token provider or a signal, are read from `raw`).
pub struct Options {
    raw: JsValue,
    value: Value,
    known: &'static [&'static str],
}

impl Options {
    /// Reads `value` (`undefined` or `null` are no options), refusing keys not in `known`.
    pub fn read(value: &JsValue, known: &'static [&'static str]) -> Result<Options, ConfigError> {
        let options = Options {
            raw: value.clone(),
            value: read(value),
            known,
        };
        options.core()?;
        Ok(options)
    }

    fn core(&self) -> Result<coc_incident_core::Options<'_>, ConfigError> {
        coc_incident_core::Options::read(&self.value, self.known)
    }

    /// An option as JavaScript holds it, for the ones that are functions or instances.
    pub fn raw(&self, key: &str) -> JsValue {
        super::read::property(&self.raw, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// The value of an option.
    pub fn get(&self, key: &str) -> &Value {
        match &self.value {
            Value::Object(object) => object.get(key),
            _ => &Value::Undefined,
        }
    }

    /// A string option, `None` when absent.
    pub fn string(&self, key: &'static str) -> Result<Option<&str>, ConfigError> {
        self.core()?.string(key)
    }

    /// The endpoint, which is required.
    pub fn endpoint(&self) -> Result<&str, ConfigError> {
        self.core()?.endpoint()
    }

    /// The validation options, times told in the user's time zone ([`local`]).
    pub fn validate_options(&self) -> Result<ValidateOptions, ConfigError> {
        self.core()?.validate_options().map(local)
    }

    /// The caller's headers, a plain object of name to string value.
    pub fn headers(&self) -> Result<Vec<(&str, &str)>, ConfigError> {
        self.core()?.headers()
    }

    /// Where and how to send.
    pub fn target(&self) -> Result<Target<'_>, ConfigError> {
        self.core()?.target()
    }
}

/// `options`, telling times in the time zone of the page (or Node), as the user typed
/// them (a `datetime-local` input, say), where the core on its own tells them in UTC.
pub fn local(options: ValidateOptions) -> ValidateOptions {
    ValidateOptions {
        time_zone: TimeZone::Local(local_offset),
        ..options
    }
}

/// The offset from UTC at `ms`, in minutes east: `-getTimezoneOffset()`, as
/// `coc-incident/validate`'s JavaScript asks it (src/validate/index.js `date`).
fn local_offset(ms: f64) -> i32 {
    // Whole minutes toward zero, as JavaScript's Math.trunc.
    -(js_sys::Date::new(&JsValue::from_f64(ms)).get_timezone_offset() as i32)
}
