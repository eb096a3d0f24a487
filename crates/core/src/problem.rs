//! What can be wrong with a field: one enum whose variants carry their own figures
//! (the public `params`), and whose [`code`](Problem::code) is the public `code`.

use crate::value::Number;

/// Why a text is refused, as `params.reason` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextReason {
    /// An unpaired UTF-16 surrogate.
    UnpairedSurrogate,
    /// A control character other than tab, LF, CR.
    ControlCharacter,
}

impl TextReason {
    /// The public name, as `params.reason` carries it.
    pub fn as_str(self) -> &'static str {
        match self {
            TextReason::UnpairedSurrogate => "unpaired_surrogate",
            TextReason::ControlCharacter => "control_character",
        }
    }
}

/// What is wrong, with the figures behind it (the public `params`). Its
/// [`code`](Problem::code) is the public `code`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Problem {
    /// The request is not a plain object.
    NotObject {
        /// The type that was given.
        actual: &'static str,
    },
    /// A required field is missing or `null`.
    Required,
    /// A field has the wrong type.
    WrongType {
        /// The type wanted.
        expected: &'static str,
        /// The type given.
        actual: &'static str,
    },
    /// A text is empty or whitespace only.
    Blank,
    /// A text is longer than its limit.
    TooLong {
        /// The limit, in UTF-16 code units.
        max: u32,
        /// The length given, in UTF-16 code units.
        actual: usize,
    },
    /// `operate_key` is none of the known operations.
    UnknownOperateKey {
        /// The operate keys there are.
        allowed: &'static [&'static str],
        /// The closest one, when one is close.
        suggestion: Option<&'static str>,
    },
    /// A key no rule knows.
    UnknownField {
        /// The closest known key, when one is close.
        suggestion: Option<&'static str>,
    },
    /// A text holds an unpaired surrogate or a control character.
    InvalidText {
        /// What is wrong.
        reason: TextReason,
        /// Where, in UTF-16 code units from 0.
        index: usize,
        /// The control character's code point.
        code_point: Option<u32>,
    },
    /// A number outside its range, or before the field it may not precede.
    OutOfRange {
        /// The smallest value allowed.
        min: Option<f64>,
        /// The largest value allowed.
        max: Option<f64>,
        /// The value given, with the text JavaScript writes for it.
        actual: Number,
        /// The field whose value `min` is, when the bound comes from another field.
        after: Option<&'static str>,
    },
    /// A field worth giving (a warning, never an error).
    Recommended {
        /// The boolean field whose being true makes this one worth giving.
        when: &'static str,
    },
    /// More violations than a report lists: the rest were counted, not listed.
    TooManyViolations {
        /// How many violations of the list were not listed.
        omitted: usize,
    },
}

/// Every `code`, in the order of `Problem::code_index`.
pub const CODES: [&str; 11] = [
    "not_object",
    "required",
    "wrong_type",
    "blank",
    "too_long",
    "unknown_operate_key",
    "unknown_field",
    "invalid_text",
    "out_of_range",
    "recommended",
    "too_many_violations",
];

impl Problem {
    /// The public name of the problem, as `code` carries it.
    pub fn code(&self) -> &'static str {
        CODES[self.code_index()]
    }

    /// Where [`Problem::code`] stands in [`CODES`]: a number for the code, for whoever
    /// sends it by number.
    pub(crate) fn code_index(&self) -> usize {
        match self {
            Problem::NotObject { .. } => 0,
            Problem::Required => 1,
            Problem::WrongType { .. } => 2,
            Problem::Blank => 3,
            Problem::TooLong { .. } => 4,
            Problem::UnknownOperateKey { .. } => 5,
            Problem::UnknownField { .. } => 6,
            Problem::InvalidText { .. } => 7,
            Problem::OutOfRange { .. } => 8,
            Problem::Recommended { .. } => 9,
            Problem::TooManyViolations { .. } => 10,
        }
    }
}

/// A key of `params`; its [`name`](Key::name) is the public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Key {
    /// `actual`: the type, length or number given.
    Actual,
    /// `expected`: the type wanted.
    Expected,
    /// `max`: the largest length or number allowed.
    Max,
    /// `allowed`: the operate keys there are.
    Allowed,
    /// `suggestion`: the closest known key.
    Suggestion,
    /// `reason`: why a text is refused.
    Reason,
    /// `index`: where in a text, from 0.
    Index,
    /// `code_point`: a control character's.
    CodePoint,
    /// `min`: the smallest number allowed.
    Min,
    /// `after`: the field a number may not precede.
    After,
    /// `when`: the field whose being true makes a field worth giving.
    When,
    /// `omitted`: how many violations were not listed.
    Omitted,
}

/// Every `params` key, in the order of [`Key`].
pub const PARAM_KEYS: [&str; 12] = [
    "actual",
    "expected",
    "max",
    "allowed",
    "suggestion",
    "reason",
    "index",
    "code_point",
    "min",
    "after",
    "when",
    "omitted",
];

impl Key {
    /// The public key.
    pub fn name(self) -> &'static str {
        PARAM_KEYS[self as usize]
    }
}

/// One figure of `params`, as each format of a report writes it (the JSON text of
/// the full module, serde, the small module's answer).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Param<'a> {
    /// A name: a type, a reason, a key.
    Word(&'static str),
    /// A whole count: a length, a limit, an index, a code point.
    Count(usize),
    /// A bound of a range, a safe integer.
    Bound(f64),
    /// The value given, with the text JavaScript writes for it.
    Number(&'a Number),
    /// A list of names.
    Words(&'static [&'static str]),
}

impl Problem {
    /// The `params`, key and figure, in the order every format writes them. For the
    /// package's own wasm crates, as [`Key`] and [`Param`] are: not the crate's API
    /// (a report's `params` are in its JSON and its serde form).
    pub(crate) fn params(&self) -> impl Iterator<Item = (Key, Param<'_>)> {
        use Key::*;
        use Param::{Bound, Count, Word, Words};
        let word = |key, w: Option<&'static str>| w.map(|w| (key, Word(w)));
        let list: [Option<(Key, Param<'_>)>; 4] = match self {
            Problem::NotObject { actual } => [Some((Actual, Word(actual))), None, None, None],
            Problem::Required | Problem::Blank => [None, None, None, None],
            Problem::WrongType { expected, actual } => [
                Some((Expected, Word(expected))),
                Some((Actual, Word(actual))),
                None,
                None,
            ],
            Problem::TooLong { max, actual } => [
                Some((Max, Count(*max as usize))),
                Some((Actual, Count(*actual))),
                None,
                None,
            ],
            Problem::UnknownOperateKey {
                allowed,
                suggestion,
            } => [
                Some((Allowed, Words(allowed))),
                word(Suggestion, *suggestion),
                None,
                None,
            ],
            Problem::UnknownField { suggestion } => {
                [word(Suggestion, *suggestion), None, None, None]
            }
            Problem::InvalidText {
                reason,
                index,
                code_point,
            } => [
                Some((Reason, Word(reason.as_str()))),
                Some((Index, Count(*index))),
                code_point.map(|c| (CodePoint, Count(c as usize))),
                None,
            ],
            Problem::OutOfRange {
                min,
                max,
                actual,
                after,
            } => [
                min.map(|min| (Min, Bound(min))),
                max.map(|max| (Max, Bound(max))),
                Some((Actual, Param::Number(actual))),
                word(After, *after),
            ],
            Problem::Recommended { when } => [Some((When, Word(when))), None, None, None],
            Problem::TooManyViolations { omitted } => {
                [Some((Omitted, Count(*omitted))), None, None, None]
            }
        };
        list.into_iter().flatten()
    }
}
