//! What the validator reports: where (a path), what (a [`Problem`], which carries its
//! own figures) and a message in the requested language.

use core::fmt;

use crate::messages::{message, render, write_message, Labels, Locale, Template, TimeZone};
pub use crate::path::Path;
use crate::prelude::*;
pub use crate::problem::{Problem, TextReason};

/// One violation: a problem at a path, told in a locale.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Violation {
    /// Where: its text (`Display`, [`Path::to_text`]) is the dotted path of the field,
    /// `""` for the root ([`Path::ROOT`]). A key that is empty, or holds a `.`, a
    /// bracket, a quote, a backslash, a control character or an unpaired surrogate, is
    /// written `["…"]` as a JSON string, so a path names one key exactly.
    pub path: Path,
    /// What is wrong, with its figures.
    pub problem: Problem,
    /// The labels its message names (the rule's own, never a key name's).
    pub(crate) labels: Labels,
    /// The language of its message.
    pub(crate) locale: Locale,
    /// The time zone its message writes times in.
    pub(crate) zone: TimeZone,
}

impl Violation {
    pub(crate) fn new(path: Path, problem: Problem, labels: Labels, tell: Tell) -> Self {
        Violation {
            path,
            problem,
            labels,
            locale: tell.locale,
            zone: tell.zone,
        }
    }

    /// The public code (`too_long`, …).
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The labels its message names.
    pub fn labels(&self) -> Labels {
        self.labels
    }

    /// The language of its message.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The message in the locale validation was asked for.
    #[must_use]
    pub fn message(&self) -> String {
        self.message_in(self.locale)
    }

    /// The message in `locale`.
    #[must_use]
    pub fn message_in(&self, locale: Locale) -> String {
        message(&self.problem, &self.path, self.labels, locale, self.zone)
    }

    /// [`Violation::message`], written at the end of `out`: a report's messages can go
    /// one after the other into one text, with no string of their own.
    pub fn write_message(&self, out: &mut String) {
        write_message(
            out,
            &self.problem,
            &self.path,
            self.labels,
            self.locale,
            self.zone,
        );
    }
}

/// How a violation's message is told: its language and the time zone of its times.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tell {
    pub(crate) locale: Locale,
    pub(crate) zone: TimeZone,
}

impl fmt::Display for Violation {
    /// `path: message` (the message alone at the root).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_root() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message())
    }
}

/// The outcome of validation. Valid means no errors: validity is derived, never
/// stored beside them.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
#[must_use]
pub struct Report {
    /// What makes the request invalid, in document order.
    pub errors: Vec<Violation>,
    /// What is worth a look but may be sent.
    pub warnings: Vec<Violation>,
}

impl Report {
    /// No errors (warnings do not count).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// The message of the error an invalid request raises (a `ValidationError` in
    /// JavaScript): the first error's message and how many more there are, in the
    /// errors' locale.
    pub fn summary(&self) -> String {
        let message = self
            .errors
            .first()
            .map_or_else(String::new, Violation::message);
        let more = self.more_errors();
        let mut out = String::new();
        let template = Template::summary(more).text(self.locale());
        render(&mut out, template, &mut |out, slot| {
            if slot == "more" {
                crate::json::integer(out, more);
            } else {
                out.push_str(&message);
            }
        });
        out
    }

    /// How many errors there are after the first: those listed, and those only counted.
    pub fn more_errors(&self) -> usize {
        self.errors
            .iter()
            .skip(1)
            .map(|v| match v.problem {
                Problem::TooManyViolations { omitted } => omitted,
                _ => 1,
            })
            .sum()
    }

    /// The language of the report's messages (English when there is no error).
    pub fn locale(&self) -> Locale {
        self.errors.first().map_or(Locale::En, |v| v.locale)
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
            violation.serialize_field("params", &Params(&self.problem))?;
            violation.end()
        }
    }

    /// A figure of a report: a safe integer serialised as one (`-0` as `0`), any other
    /// number as a float.
    struct Figure(f64);

    impl Serialize for Figure {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            if crate::value::is_safe_integer(self.0) {
                serializer.serialize_i64(self.0 as i64)
            } else {
                serializer.serialize_f64(self.0)
            }
        }
    }

    /// A number of the input as `report_json` writes it: an integer where its text is
    /// one that fits (digits, as for 1e16 or an `i64` beyond 2^53), else a float.
    struct Written<'n>(&'n crate::value::Number);

    impl Serialize for Written<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let text = self.0.to_text();
            if let Ok(n) = text.parse::<i64>() {
                serializer.serialize_i64(n)
            } else if let Ok(n) = text.parse::<u64>() {
                serializer.serialize_u64(n)
            } else {
                Figure(self.0.value()).serialize(serializer)
            }
        }
    }

    impl Serialize for Problem {
        /// `{ code, params }`: what a violation says of its problem, without a path
        /// or a message.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut problem = serializer.serialize_struct("Problem", 2)?;
            problem.serialize_field("code", self.code())?;
            problem.serialize_field("params", &Params(self))?;
            problem.end()
        }
    }

    /// The `params` object of a problem: its own figures.
    struct Params<'p>(&'p Problem);

    impl Serialize for Params<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(None)?;
            for (key, param) in self.0.params() {
                match param {
                    Param::Word(word) => map.serialize_entry(key.name(), word)?,
                    Param::Count(n) => map.serialize_entry(key.name(), &n)?,
                    // A whole number as an integer, as `report_json` writes it (and
                    // as a Rust reader of it that asks for an integer can take it).
                    Param::Bound(bound) => map.serialize_entry(key.name(), &Figure(bound))?,
                    Param::Number(n) => map.serialize_entry(key.name(), &Written(n))?,
                    Param::Words(words) => map.serialize_entry(key.name(), words)?,
                }
            }
            map.end()
        }
    }
}
