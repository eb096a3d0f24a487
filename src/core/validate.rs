//! The validator: walks the input once, against the tables in `rules`, and reports
//! every violation in document order. A valid input also yields a [`Checked`]
//! request, which is all the request builder trusts.

use super::messages::Locale;
use super::rules::{
    operation, FieldRule, Kind, Operation, ParameterPresence, Presence, MAX_SAFE_INTEGER,
    OPERATE_KEYS, ROOT_KEYS, ROOT_TEXT_FIELDS,
};
use super::suggest::suggest;
use super::text::{is_blank, js_trim, text_problem, Text, TextProblem};
use super::value::{is_integer, Object, Value};
use super::violation::{Code, Params, Report, TextReason, Violation};

/// How to validate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ValidateOptions {
    /// The language of messages.
    pub locale: Locale,
    /// Unknown keys are warnings, and sent unchanged, instead of errors.
    pub allow_unknown_fields: bool,
}

/// A request that passed validation, borrowing from the input: what the body is
/// written from.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked<'a> {
    /// `incident_num`, trimmed.
    pub incident_num: &'a str,
    /// `operator`, trimmed.
    pub operator: &'a str,
    /// The operation `operate_key` names.
    pub operation: &'static Operation,
    /// `parameter`'s entries to send, in the input's order (none for a missing one).
    pub parameter: Vec<(&'a str, &'a Value)>,
    /// Unknown root keys, sent unchanged (only with `allow_unknown_fields`).
    pub extra: Vec<(&'a str, &'a Value)>,
}

/// The report on `input`.
pub fn validate(input: &Value, options: ValidateOptions) -> Report {
    check(input, options).0
}

/// The report on `input` and, when it has no errors, the request to build from it.
pub fn check(input: &Value, options: ValidateOptions) -> (Report, Option<Checked<'_>>) {
    let mut walk = Walk {
        options,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let checked = walk.root(input);
    let valid = walk.errors.is_empty();
    let report = Report {
        valid,
        errors: walk.errors,
        warnings: walk.warnings,
    };
    (report, checked.filter(|_| valid))
}

struct Walk {
    options: ValidateOptions,
    errors: Vec<Violation>,
    warnings: Vec<Violation>,
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

impl Walk {
    fn error(&mut self, code: Code, path: String, params: Params) {
        self.errors
            .push(Violation::new(code, path, params, self.options.locale));
    }

    fn warning(&mut self, code: Code, path: String, params: Params) {
        self.warnings
            .push(Violation::new(code, path, params, self.options.locale));
    }

    fn root<'a>(&mut self, input: &'a Value) -> Option<Checked<'a>> {
        let Value::Object(root) = input else {
            self.error(
                Code::NotObject,
                String::new(),
                Params::NotObject {
                    actual: input.type_name(),
                },
            );
            return None;
        };
        let [incident_num_rule, operator_rule] = ROOT_TEXT_FIELDS else {
            return None;
        };
        let incident_num = self.text_field(root, "", incident_num_rule);
        let operator = self.text_field(root, "", operator_rule);
        let operation = self.operate_key(root.get("operate_key"));
        let parameter = self.parameter(root.get("parameter"), operation);
        let extra = self.unknown_keys(root, "", ROOT_KEYS);
        Some(Checked {
            incident_num: js_trim(incident_num?),
            operator: js_trim(operator?),
            operation: operation?,
            parameter: parameter?,
            extra,
        })
    }

    /// Checks a string: `invalid_text`, then `blank` / `too_long`. Returns it when
    /// it passes.
    fn text<'a>(
        &mut self,
        value: &'a Value,
        path: String,
        max: u32,
        trimmed: bool,
    ) -> Option<&'a str> {
        let text = match value {
            Value::Undefined | Value::Null => {
                self.error(Code::Required, path, Params::None {});
                return None;
            }
            Value::String(text) => text,
            other => {
                let actual = other.type_name();
                self.error(
                    Code::WrongType,
                    path,
                    Params::WrongType {
                        expected: "string",
                        actual,
                    },
                );
                return None;
            }
        };
        if is_blank(text.as_str()) {
            self.error(Code::Blank, path, Params::None {});
            return None;
        }
        let mut ok = self.text_content(text, &path);
        let counted = if trimmed {
            js_trim(text.as_str())
        } else {
            text.as_str()
        };
        let actual = super::text::utf16_len(counted);
        if actual > max as usize {
            self.error(Code::TooLong, path, Params::TooLong { max, actual });
            ok = false;
        }
        ok.then_some(text.as_str())
    }

    /// Reports an unpaired surrogate or control character; true when there is none.
    fn text_content(&mut self, text: &Text, path: &str) -> bool {
        let params = match text_problem(text) {
            None => return true,
            Some(TextProblem::UnpairedSurrogate { index }) => Params::InvalidText {
                reason: TextReason::UnpairedSurrogate,
                index,
                code_point: None,
            },
            Some(TextProblem::ControlCharacter { index, code_point }) => Params::InvalidText {
                reason: TextReason::ControlCharacter,
                index,
                code_point: Some(code_point),
            },
        };
        self.error(Code::InvalidText, path.to_owned(), params);
        false
    }

    fn text_field<'a>(
        &mut self,
        object: &'a Object,
        prefix: &str,
        rule: &FieldRule,
    ) -> Option<&'a str> {
        let Kind::Text { max } = rule.kind else {
            return None;
        };
        // Only the root's texts are sent trimmed; the rest go exactly as given.
        self.text(
            object.get(rule.key),
            join(prefix, rule.key),
            max,
            prefix.is_empty(),
        )
    }

    fn operate_key(&mut self, value: &Value) -> Option<&'static Operation> {
        let path = || "operate_key".to_owned();
        match value {
            Value::Undefined | Value::Null => self.error(Code::Required, path(), Params::None {}),
            Value::String(text) if is_blank(text.as_str()) => {
                self.error(Code::Blank, path(), Params::None {})
            }
            Value::String(text) => {
                if let Some(op) = text
                    .unpaired_surrogate_at()
                    .is_none()
                    .then(|| operation(text.as_str()))
                    .flatten()
                {
                    return Some(op);
                }
                if self.text_content(text, "operate_key") {
                    let suggestion = suggest(text.as_str(), OPERATE_KEYS);
                    let params = Params::UnknownOperateKey {
                        allowed: OPERATE_KEYS,
                        suggestion,
                    };
                    self.error(Code::UnknownOperateKey, path(), params);
                }
            }
            other => {
                let actual = other.type_name();
                self.error(
                    Code::WrongType,
                    path(),
                    Params::WrongType {
                        expected: "string",
                        actual,
                    },
                );
            }
        }
        None
    }

    /// Checks `parameter` against the operation's table. With no known operation,
    /// only its type can be checked.
    fn parameter<'a>(
        &mut self,
        value: &'a Value,
        operation: Option<&'static Operation>,
    ) -> Option<Vec<(&'a str, &'a Value)>> {
        let path = "parameter";
        let object = match value {
            Value::Object(object) => object,
            Value::Undefined | Value::Null => {
                return match operation.map(|op| op.parameter) {
                    Some(ParameterPresence::Required) => {
                        self.error(Code::Required, path.to_owned(), Params::None {});
                        None
                    }
                    _ => Some(Vec::new()),
                };
            }
            other => {
                let actual = other.type_name();
                self.error(
                    Code::WrongType,
                    path.to_owned(),
                    Params::WrongType {
                        expected: "object",
                        actual,
                    },
                );
                return None;
            }
        };
        let operation = operation?;
        let errors_before = self.errors.len();
        for rule in operation.fields {
            self.field(object, path, rule);
        }
        let known: Vec<&str> = operation.fields.iter().map(|rule| rule.key).collect();
        let extra = self.unknown_keys(object, path, &known);
        if self.errors.len() > errors_before {
            return None;
        }
        // Known fields and allowed extras, in the order the caller wrote them.
        let sent = object
            .entries()
            .filter(|(_, value)| **value != Value::Undefined)
            .filter(|(key, _)| {
                known.contains(&key.as_str()) || extra.iter().any(|(k, _)| *k == key.as_str())
            })
            .map(|(key, value)| (key.as_str(), value))
            .collect();
        Some(sent)
    }

    fn field(&mut self, object: &Object, prefix: &str, rule: &FieldRule) {
        let value = object.get(rule.key);
        let path = join(prefix, rule.key);
        if value.is_absent() {
            match rule.presence {
                Presence::Required => self.error(Code::Required, path, Params::None {}),
                Presence::RecommendedWhen(flag) => {
                    if *object.get(flag) == Value::Bool(true) {
                        self.warning(Code::Recommended, path, Params::Recommended { when: flag });
                    }
                }
            }
            return;
        }
        match rule.kind {
            Kind::Text { max } => {
                self.text(value, path, max, false);
            }
            Kind::Bool => {
                if !matches!(value, Value::Bool(_)) {
                    let actual = value.type_name();
                    self.error(
                        Code::WrongType,
                        path,
                        Params::WrongType {
                            expected: "boolean",
                            actual,
                        },
                    );
                }
            }
            Kind::EpochMillis { not_before } => self.epoch_millis(object, value, path, not_before),
        }
    }

    fn epoch_millis(
        &mut self,
        object: &Object,
        value: &Value,
        path: String,
        not_before: Option<&'static str>,
    ) {
        let n = match value {
            Value::Number(n) if is_integer(*n) => *n,
            other => {
                let actual = other.type_name();
                self.error(
                    Code::WrongType,
                    path,
                    Params::WrongType {
                        expected: "integer",
                        actual,
                    },
                );
                return;
            }
        };
        let range = |min, max, after| Params::OutOfRange {
            min,
            max,
            actual: n,
            after,
        };
        if n < 0.0 {
            self.error(Code::OutOfRange, path, range(Some(0.0), None, None));
        } else if n > MAX_SAFE_INTEGER {
            self.error(
                Code::OutOfRange,
                path,
                range(None, Some(MAX_SAFE_INTEGER), None),
            );
        } else if let Some(other) = not_before {
            // Compared only with a valid earlier value; an invalid one has its own error.
            if let Value::Number(start) = *object.get(other) {
                if is_integer(start) && (0.0..=MAX_SAFE_INTEGER).contains(&start) && n < start {
                    self.error(
                        Code::OutOfRange,
                        path,
                        range(Some(start), None, Some(other)),
                    );
                }
            }
        }
    }

    /// Reports the keys of `object` that are not in `known`: errors, or warnings when
    /// unknown fields are allowed, in which case their values must still be sendable
    /// as JSON. Returns the allowed ones.
    fn unknown_keys<'a>(
        &mut self,
        object: &'a Object,
        prefix: &str,
        known: &[&'static str],
    ) -> Vec<(&'a str, &'a Value)> {
        let mut allowed = Vec::new();
        for (key, value) in object.entries() {
            // An undefined value is no key at all to JSON, and to the rules.
            let is_known = key.unpaired_surrogate_at().is_none() && known.contains(&key.as_str());
            if is_known || *value == Value::Undefined {
                continue;
            }
            let path = join(prefix, key.as_str());
            let params = Params::UnknownField {
                suggestion: suggest(key.as_str(), known),
            };
            if self.options.allow_unknown_fields {
                self.warning(Code::UnknownField, path.clone(), params);
                if self.text_content(key, &path) && self.json(value, &path) {
                    allowed.push((key.as_str(), value));
                }
            } else {
                self.error(Code::UnknownField, path, params);
            }
        }
        allowed
    }

    /// Checks that a value passed through unchanged has a faithful JSON form.
    fn json(&mut self, value: &Value, path: &str) -> bool {
        match value {
            Value::Null | Value::Bool(_) => true,
            Value::Number(n) if n.is_finite() => true,
            Value::String(text) => self.text_content(text, path),
            Value::Array(items) => items.iter().enumerate().fold(true, |ok, (i, item)| {
                self.json(item, &join(path, &i.to_string())) && ok
            }),
            Value::Object(object) => object
                .entries()
                .filter(|(_, item)| **item != Value::Undefined)
                .fold(true, |ok, (key, item)| {
                    let path = join(path, key.as_str());
                    let key_ok = self.text_content(key, &path);
                    self.json(item, &path) && key_ok && ok
                }),
            other => {
                let actual = other.type_name();
                self.error(
                    Code::WrongType,
                    path.to_owned(),
                    Params::WrongType {
                        expected: "json",
                        actual,
                    },
                );
                false
            }
        }
    }
}
