//! What the validator reports: a code, a path, a message and the figures behind it.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::messages::{message, Labels, Locale};
use super::value::Number;

/// The kinds of violation. Their snake_case names are the public `code` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// The request is not a plain object.
    NotObject,
    /// A required field is missing or `null`.
    Required,
    /// A field has the wrong type.
    WrongType,
    /// A text is empty or whitespace only.
    Blank,
    /// A text is longer than its limit.
    TooLong,
    /// `operate_key` is none of the known operations.
    UnknownOperateKey,
    /// A key no rule knows.
    UnknownField,
    /// A text holds an unpaired surrogate or a control character.
    InvalidText,
    /// A number outside its range, or before the field it may not precede.
    OutOfRange,
    /// A field worth giving (a warning, never an error).
    Recommended,
    /// More violations than a report lists: the rest were counted, not listed.
    TooManyViolations,
}

impl Code {
    /// The public name of the code, as `code` carries it.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::NotObject => "not_object",
            Code::Required => "required",
            Code::WrongType => "wrong_type",
            Code::Blank => "blank",
            Code::TooLong => "too_long",
            Code::UnknownOperateKey => "unknown_operate_key",
            Code::UnknownField => "unknown_field",
            Code::InvalidText => "invalid_text",
            Code::OutOfRange => "out_of_range",
            Code::Recommended => "recommended",
            Code::TooManyViolations => "too_many_violations",
        }
    }
}

/// Why a text is refused, as `params.reason` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextReason {
    /// An unpaired UTF-16 surrogate.
    UnpairedSurrogate,
    /// A control character other than tab, LF, CR.
    ControlCharacter,
}

/// The figures behind a violation; each code has its own shape.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Params {
    /// `not_object`.
    NotObject {
        /// The type that was given.
        actual: &'static str,
    },
    /// `wrong_type`.
    WrongType {
        /// The type wanted.
        expected: &'static str,
        /// The type given.
        actual: &'static str,
    },
    /// `too_long`.
    TooLong {
        /// The limit, in UTF-16 code units.
        max: u32,
        /// The length given, in UTF-16 code units.
        actual: usize,
    },
    /// `unknown_operate_key`.
    UnknownOperateKey {
        /// The operate keys there are.
        allowed: &'static [&'static str],
        /// The closest one, when one is close.
        #[serde(skip_serializing_if = "Option::is_none")]
        suggestion: Option<&'static str>,
    },
    /// `unknown_field`.
    UnknownField {
        /// The closest known key, when one is close.
        #[serde(skip_serializing_if = "Option::is_none")]
        suggestion: Option<&'static str>,
    },
    /// `invalid_text`.
    InvalidText {
        /// What is wrong.
        reason: TextReason,
        /// Where, in UTF-16 code units from 0.
        index: usize,
        /// The control character's code point.
        #[serde(skip_serializing_if = "Option::is_none")]
        code_point: Option<u32>,
    },
    /// `out_of_range`.
    OutOfRange {
        /// The smallest value allowed.
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// The largest value allowed.
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        /// The value given, with the text JavaScript writes for it.
        #[serde(serialize_with = "number_value")]
        actual: Number,
        /// The field whose value `min` is, when the bound comes from another field.
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<&'static str>,
    },
    /// `recommended`.
    Recommended {
        /// The boolean field whose being true makes this one worth giving.
        when: &'static str,
    },
    /// `too_many_violations`.
    TooManyViolations {
        /// How many violations of the list were not listed.
        omitted: usize,
    },
    /// `required`, `blank`: nothing more to say.
    None {},
}

fn number_value<S: Serializer>(number: &Number, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(number.value())
}

/// One violation.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Violation {
    /// What kind of violation.
    pub code: Code,
    /// Dotted path of the field, `""` for the root. A key that is empty, or holds a
    /// `.`, a bracket, a quote, a backslash, a control character or an unpaired
    /// surrogate, is written `["…"]` as a JSON string, so a path names one key exactly.
    pub path: String,
    /// Human text in the requested locale.
    pub message: String,
    /// The figures behind it.
    pub params: Params,
}

impl Violation {
    /// A violation with its message written in `locale`, naming the field by
    /// `labels` (the rule's own labels; none for a key no rule knows).
    pub fn new(code: Code, path: String, params: Params, labels: Labels, locale: Locale) -> Self {
        let message = message(code, &path, &params, labels, locale);
        Violation {
            code,
            path,
            message,
            params,
        }
    }
}

/// The outcome of validation. Valid means no errors: validity is derived, never
/// stored beside them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// What makes the request invalid, in document order.
    pub errors: Vec<Violation>,
    /// What is worth a look but may be sent.
    pub warnings: Vec<Violation>,
}

impl Report {
    /// No errors (warnings do not count).
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

impl Serialize for Report {
    /// The shape the JavaScript API documents: `{ valid, errors, warnings }`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut report = serializer.serialize_struct("Report", 3)?;
        report.serialize_field("valid", &self.is_valid())?;
        report.serialize_field("errors", &self.errors)?;
        report.serialize_field("warnings", &self.warnings)?;
        report.end()
    }
}
