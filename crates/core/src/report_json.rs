//! Reports and violations as JSON text, the shape the JavaScript API documents:
//! one string crosses to JavaScript, where `JSON.parse` makes the objects.

use crate::json::{integer, string};
use crate::prelude::*;
use crate::value::Number;
use crate::violation::{Problem, Report, Violation};

/// A report as JSON, the shape the public API documents (what serde gives too).
pub fn report_json(report: &Report) -> String {
    let mut out = String::with_capacity(64);
    out.push_str(if report.is_valid() {
        "{\"valid\":true,\"errors\":"
    } else {
        "{\"valid\":false,\"errors\":"
    });
    list(&mut out, &report.errors);
    out.push_str(",\"warnings\":");
    list(&mut out, &report.warnings);
    out.push('}');
    out
}

/// Violations as a JSON array.
pub fn violations_json(items: &[Violation]) -> String {
    let mut out = String::new();
    list(&mut out, items);
    out
}

fn list(out: &mut String, items: &[Violation]) {
    out.push('[');
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"code\":");
        string(out, v.code());
        out.push_str(",\"path\":");
        string(out, &v.path);
        out.push_str(",\"message\":");
        string(out, &v.message());
        out.push_str(",\"params\":");
        params(out, &v.problem);
        out.push('}');
    }
    out.push(']');
}

fn params(out: &mut String, problem: &Problem) {
    let mut fields = Fields { out, first: true };
    match problem {
        Problem::NotObject { actual } => fields.text("actual", actual),
        Problem::WrongType { expected, actual } => {
            fields.text("expected", expected);
            fields.text("actual", actual);
        }
        Problem::TooLong { max, actual } => {
            fields.integer("max", *max as usize);
            fields.integer("actual", *actual);
        }
        Problem::UnknownOperateKey {
            allowed,
            suggestion,
        } => {
            fields.key("allowed");
            fields.out.push('[');
            for (i, key) in allowed.iter().enumerate() {
                if i > 0 {
                    fields.out.push(',');
                }
                string(fields.out, key);
            }
            fields.out.push(']');
            if let Some(s) = suggestion {
                fields.text("suggestion", s);
            }
        }
        Problem::UnknownField { suggestion } => {
            if let Some(s) = suggestion {
                fields.text("suggestion", s);
            }
        }
        Problem::InvalidText {
            reason,
            index,
            code_point,
        } => {
            fields.text("reason", reason.as_str());
            fields.integer("index", *index);
            if let Some(c) = code_point {
                fields.integer("code_point", *c as usize);
            }
        }
        Problem::OutOfRange {
            min,
            max,
            actual,
            after,
        } => {
            if let Some(min) = min {
                fields.number("min", &Number::from_safe_integer(*min));
            }
            if let Some(max) = max {
                fields.number("max", &Number::from_safe_integer(*max));
            }
            fields.number("actual", actual);
            if let Some(after) = after {
                fields.text("after", after);
            }
        }
        Problem::Recommended { when } => fields.text("when", when),
        Problem::TooManyViolations { omitted } => fields.integer("omitted", *omitted),
        Problem::Required | Problem::Blank => {}
    }
    if fields.first {
        fields.out.push('{');
    }
    fields.out.push('}');
}

/// Writes the members of one JSON object.
struct Fields<'a> {
    out: &'a mut String,
    first: bool,
}

impl Fields<'_> {
    fn key(&mut self, key: &str) {
        self.out.push(if self.first { '{' } else { ',' });
        self.first = false;
        string(self.out, key);
        self.out.push(':');
    }

    fn text(&mut self, key: &str, value: &str) {
        self.key(key);
        string(self.out, value);
    }

    fn integer(&mut self, key: &str, value: usize) {
        self.key(key);
        integer(self.out, value);
    }

    fn number(&mut self, key: &str, value: &Number) {
        self.key(key);
        value.write_json(self.out);
    }
}
