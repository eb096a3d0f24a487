//! The options objects of the JavaScript API, read from the same value model as a
//! request: a wrong option is a [`ConfigError`] naming it; an unknown one too, with
//! the closest known name.

use crate::messages::{cat, Locale};
use crate::prelude::*;
use crate::request::{ConfigError, Target};
use crate::suggest::suggest;
use crate::validate::ValidateOptions;
use crate::value::{Object, Value};

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

/// No options at all.
static NONE: Object = Object::EMPTY;

/// An options object: a plain object whose keys are all known.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    object: &'a Object,
}

impl<'a> Options<'a> {
    /// Reads `value` (`undefined` or `null` are no options), refusing keys not in `known`
    /// (with the closest of them, if [`suggestible_names`](crate::suggestible_names)).
    pub fn read(value: &'a Value, known: &[&'static str]) -> Result<Self, ConfigError> {
        let object = match value {
            Value::Undefined | Value::Null => &NONE,
            Value::Object(object) => object,
            other => {
                return Err(ConfigError::new(
                    "options",
                    cat(&["options must be a plain object, got ", other.type_name()]),
                ))
            }
        };
        for (key, _) in object.entries() {
            if !known.contains(&key.as_str()) {
                let hint = match suggest(key.as_str(), known) {
                    Some(s) => cat(&[" (did you mean ", s, "?)"]),
                    None => String::new(),
                };
                return Err(ConfigError::new(
                    "options",
                    cat(&["unknown option \"", key.as_str(), "\"", &hint]),
                ));
            }
        }
        Ok(Options { object })
    }

    /// The value of an option.
    pub fn get(&self, key: &str) -> &'a Value {
        self.object.get(key)
    }

    /// A string option, `None` when absent.
    pub fn string(&self, key: &'static str) -> Result<Option<&'a str>, ConfigError> {
        match self.get(key) {
            Value::Undefined | Value::Null => Ok(None),
            Value::String(text) if text.unpaired_surrogate_at().is_none() => {
                Ok(Some(text.as_str()))
            }
            Value::String(_) => Err(ConfigError::new(
                key,
                cat(&[key, " holds an unpaired surrogate (a broken character)"]),
            )),
            other => Err(ConfigError::new(
                key,
                cat(&[key, " must be a string, got ", other.type_name()]),
            )),
        }
    }

    /// The endpoint, which is required.
    pub fn endpoint(&self) -> Result<&'a str, ConfigError> {
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
                    cat(&[
                        "allowUnknownFields must be a boolean, got ",
                        other.type_name(),
                    ]),
                ))
            }
        };
        Ok(ValidateOptions {
            locale,
            allow_unknown_fields,
            ..ValidateOptions::default()
        })
    }

    /// The caller's headers, a plain object of name to string value.
    pub fn headers(&self) -> Result<Vec<(&'a str, &'a str)>, ConfigError> {
        let object = match self.get("headers") {
            Value::Undefined | Value::Null => return Ok(Vec::new()),
            Value::Object(object) => object,
            other => {
                return Err(ConfigError::new(
                    "headers",
                    cat(&[
                        "headers must be a plain object of name to value, got ",
                        other.type_name(),
                    ]),
                ))
            }
        };
        // A loop, not a `collect` into a `Result` (0.8 KB of wasm for this one use).
        let mut headers = Vec::new();
        for (name, value) in object.entries() {
            match value {
                Value::Undefined => {}
                Value::String(text) if text.unpaired_surrogate_at().is_none() => {
                    headers.push((name.as_str(), text.as_str()));
                }
                other => {
                    return Err(ConfigError::new(
                        "headers",
                        cat(&[
                            "the value of header ",
                            name.as_str(),
                            " must be a string, got ",
                            other.type_name(),
                        ]),
                    ))
                }
            }
        }
        Ok(headers)
    }

    /// Where and how to send: endpoint, token and headers, each checked as read.
    pub fn target(&self) -> Result<Target<'a>, ConfigError> {
        Ok(Target {
            endpoint: self.endpoint()?,
            token: self.string("token")?,
            headers: self.headers()?,
        })
    }
}

/// The options of `buildHandleRequest`, read.
#[derive(Debug, Clone)]
pub struct BuildOptions<'a> {
    /// Where and how to send.
    pub target: Target<'a>,
    /// How to validate.
    pub validate: ValidateOptions,
}

/// The options of `validateHandleRequest`.
pub fn read_validate_options(options: &Value) -> Result<ValidateOptions, ConfigError> {
    if options.is_absent() {
        // The common call, with no options: the defaults, with nothing looked up.
        return Ok(ValidateOptions::default());
    }
    Options::read(options, VALIDATE_KEYS)?.validate_options()
}

/// The options of `buildHandleRequest`, in the order a portal would fix them: the
/// object, the target, then validation.
pub fn read_build_options(options: &Value) -> Result<BuildOptions<'_>, ConfigError> {
    let options = Options::read(options, BUILD_KEYS)?;
    Ok(BuildOptions {
        target: options.target()?,
        validate: options.validate_options()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option lists a typo is matched against (an unknown option's suggestion).
    #[test]
    fn every_option_a_typo_is_matched_against_may_be_suggested() {
        crate::suggest::tests::assert_each_suggests_itself(VALIDATE_KEYS);
        crate::suggest::tests::assert_each_suggests_itself(BUILD_KEYS);
    }
}
