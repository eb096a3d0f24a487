//! What the validator reports: where (a path), what (a [`Problem`], which carries its
//! own figures) and a message in the requested language.

use core::fmt;

use crate::messages::{message, write_message, Labels, Locale};
use crate::prelude::*;
pub use crate::problem::{Problem, TextReason};

/// One violation: a problem at a path, told in a locale.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// Dotted path of the field, `""` for the root. A key that is empty, or holds a
    /// `.`, a bracket, a quote, a backslash, a control character or an unpaired
    /// surrogate, is written `["…"]` as a JSON string, so a path names one key exactly.
    pub path: String,
    /// What is wrong, with its figures.
    pub problem: Problem,
    /// The labels its message names (the rule's own, never a key name's).
    pub(crate) labels: Labels,
    /// The language of its message.
    pub(crate) locale: Locale,
}

impl Violation {
    pub(crate) fn new(path: String, problem: Problem, labels: Labels, locale: Locale) -> Self {
        Violation {
            path,
            problem,
            labels,
            locale,
        }
    }

    /// The public code (`too_long`, …).
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The message in the locale validation was asked for.
    pub fn message(&self) -> String {
        self.message_in(self.locale)
    }

    /// The message in `locale`.
    pub fn message_in(&self, locale: Locale) -> String {
        message(&self.problem, &self.path, self.labels, locale)
    }

    /// [`Violation::message`], written at the end of `out`: a report's messages can go
    /// one after the other into one text, with no string of their own.
    pub fn write_message(&self, out: &mut String) {
        write_message(out, &self.problem, &self.path, self.labels, self.locale);
    }
}

impl fmt::Display for Violation {
    /// `path: message` (the message alone at the root).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message())
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

    /// The message of the error an invalid request raises (a `ValidationError` in
    /// JavaScript): the first error's message and how many more there are, in the
    /// errors' locale.
    pub fn summary(&self) -> String {
        let first = self.errors.first();
        let message = first.map_or_else(String::new, Violation::message);
        // The rest: those listed after the first, and those only counted.
        let more: usize = self
            .errors
            .iter()
            .skip(1)
            .map(|v| match v.problem {
                Problem::TooManyViolations { omitted } => omitted,
                _ => 1,
            })
            .sum();
        let mut count = String::new();
        crate::json::integer(&mut count, more);
        let zh = first.is_some_and(|v| v.locale == Locale::ZhCn);
        let pieces: &[&str] = match (zh, more) {
            (false, 0) => &["Invalid handle request: ", &message],
            (false, _) => &[
                "Invalid handle request: ",
                &message,
                " (and ",
                &count,
                " more)",
            ],
            (true, 0) => &["请求无效：", &message],
            (true, _) => &["请求无效：", &message, "（另有 ", &count, " 处）"],
        };
        crate::messages::cat(pieces)
    }
}

impl fmt::Display for Report {
    /// The errors, one per line, or "valid".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_valid() {
            return f.write_str("valid");
        }
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl core::error::Error for Report {}

#[cfg(feature = "serde")]
mod serialize {
    use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

    use super::{Problem, Report, Violation};
    use crate::problem::Param;

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

    impl Serialize for Violation {
        /// `{ code, path, message, params }`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut violation = serializer.serialize_struct("Violation", 4)?;
            violation.serialize_field("code", self.code())?;
            violation.serialize_field("path", &self.path)?;
            violation.serialize_field("message", &self.message())?;
            violation.serialize_field("params", &self.problem)?;
            violation.end()
        }
    }

    impl Serialize for Problem {
        /// The `params` object: each problem's own figures.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(None)?;
            for (key, param) in self.params() {
                match param {
                    Param::Word(word) => map.serialize_entry(key, word)?,
                    Param::Count(n) => map.serialize_entry(key, &n)?,
                    Param::Bound(bound) => map.serialize_entry(key, &bound)?,
                    Param::Number(n) => map.serialize_entry(key, &n.value())?,
                    Param::Words(words) => map.serialize_entry(key, words)?,
                }
            }
            map.end()
        }
    }
}
