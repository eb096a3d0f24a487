//! Reports and violations as JSON text, the shape the JavaScript API documents:
//! one string crosses to JavaScript, where `JSON.parse` makes the objects.

use crate::json::{integer, string};
use crate::prelude::*;
use crate::problem::{Param, Problem};
use crate::value::Number;
use crate::violation::{Report, Violation};

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
        string(out, &v.path.to_text());
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
    for (key, param) in problem.params() {
        let key = key.name();
        match param {
            Param::Word(word) => fields.text(key, word),
            Param::Count(n) => fields.integer(key, n),
            Param::Bound(bound) => fields.number(key, &Number::from_safe_integer(bound)),
            Param::Number(n) => fields.number(key, n),
            Param::Words(words) => {
                fields.key(key);
                fields.out.push('[');
                for (i, word) in words.iter().enumerate() {
                    if i > 0 {
                        fields.out.push(',');
                    }
                    string(fields.out, word);
                }
                fields.out.push(']');
            }
        }
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
