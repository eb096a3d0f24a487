//! Paths of violations: dotted, as the API docs write them (`parameter.cause`), with
//! any key that a dotted path could not name exactly written `["…"]` as a JSON string,
//! so that two different keys never share a path.

use core::fmt;

use crate::json;
use crate::prelude::*;
use crate::text::Text;

/// Where a violation is. Kept as its parts where the validator knows them (a name of
/// the rules, or a key of the input, at the root or inside a name of the rules), so
/// that no text is made for it: a boundary can send names by their index (the small
/// wasm does). Its text is what [`Path::write`] writes; two paths are equal when their
/// texts are.
#[derive(Debug, Clone)]
pub enum Path {
    /// A name the rules hold (a field's key, `operate_key`, `parameter`), at the root
    /// or inside `parent`.
    Name {
        /// The name it is inside, if not the root.
        parent: Option<&'static str>,
        /// The name.
        name: &'static str,
    },
    /// A key of the input that no rule names, at the root or inside `parent`.
    Key {
        /// The name it is inside, if not the root.
        parent: Option<&'static str>,
        /// The key.
        key: Text,
    },
    /// Any other path, as its text (`""`: the root).
    Written(String),
}

impl Path {
    /// The root's path, `""`.
    pub const ROOT: Path = Path::Written(String::new());

    /// The path's dotted parts when it is at most two and each is plain (what
    /// [`Path::write`] writes with no quoting): its parent, if any, and its last part.
    pub fn parts(&self) -> Option<(Option<&'static str>, &str)> {
        match self {
            Path::Name { parent, name } => Some((*parent, name)),
            Path::Key { parent, key } if is_bare(key) => Some((*parent, key.as_str())),
            _ => None,
        }
    }

    /// Writes the path's text at the end of `out`.
    pub fn write(&self, out: &mut String) {
        let (parent, last) = match self {
            Path::Written(text) => return out.push_str(text),
            Path::Name { parent, name } => (parent, *name),
            Path::Key { parent, key } => return child_into(out, parent.unwrap_or(""), key),
        };
        if let Some(parent) = parent {
            out.push_str(parent);
            out.push('.');
        }
        out.push_str(last);
    }

    /// The path's text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Whether this is the root's path.
    pub fn is_root(&self) -> bool {
        matches!(self, Path::Written(text) if text.is_empty())
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

impl PartialEq for Path {
    fn eq(&self, other: &Path) -> bool {
        match (self.parts(), other.parts()) {
            (Some(a), Some(b)) => a == b,
            _ => self.to_text() == other.to_text(),
        }
    }
}

impl PartialEq<str> for Path {
    fn eq(&self, other: &str) -> bool {
        self.to_text() == other
    }
}

impl PartialEq<&str> for Path {
    fn eq(&self, other: &&str) -> bool {
        self.to_text() == *other
    }
}

impl PartialEq<String> for Path {
    fn eq(&self, other: &String) -> bool {
        self.to_text() == *other
    }
}

/// The path of `key` inside the value at `prefix` (`""` for the root).
pub(crate) fn child(prefix: &str, key: &Text) -> String {
    let mut path = String::with_capacity(prefix.len() + key.as_str().len() + 1);
    child_into(&mut path, prefix, key);
    path
}

/// [`child`], written at the end of `out`.
fn child_into(out: &mut String, prefix: &str, key: &Text) {
    out.push_str(prefix);
    if is_bare(key) {
        if !prefix.is_empty() {
            out.push('.');
        }
        out.push_str(key.as_str());
    } else {
        out.push('[');
        json::text(out, key);
        out.push(']');
    }
}

/// The path of an array's item.
pub(crate) fn item(prefix: &str, index: usize) -> String {
    let mut path = String::with_capacity(prefix.len() + 4);
    path.push_str(prefix);
    path.push('.');
    json::integer(&mut path, index);
    path
}

/// A key a dotted path names as it is: not empty, no `.`, brackets, quotes or
/// backslashes, no control character or unpaired surrogate.
fn is_bare(key: &Text) -> bool {
    let text = key.as_str();
    !text.is_empty()
        && key.unpaired_surrogate_at().is_none()
        && !text
            .chars()
            .any(|c| matches!(c, '.' | '[' | ']' | '"' | '\\') || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_keys_are_dotted_and_the_rest_quoted_exactly() {
        assert_eq!(child("", &Text::from("cause")), "cause");
        assert_eq!(child("parameter", &Text::from("cause")), "parameter.cause");
        assert_eq!(child("", &Text::from("")), "[\"\"]");
        assert_eq!(child("parameter", &Text::from("a.b")), "parameter[\"a.b\"]");
        assert_eq!(child("x", &Text::from("事件")), "x.事件");
        let lone = |unit| child("", &Text::from_utf16(&[0x6B, unit]));
        assert_eq!(lone(0xD800), "[\"k\\ud800\"]");
        assert_ne!(lone(0xD800), lone(0xDC00));
        assert_ne!(lone(0xD800), child("", &Text::from("k\u{FFFD}")));
        assert_eq!(item("extra", 2), "extra.2");
    }

    /// A path kept as its parts writes what `child` writes for them, names its parts
    /// only when they need no quoting, and equals any path of the same text.
    #[test]
    fn a_path_in_parts_is_its_text() {
        let key = |parent, key: &str| Path::Key {
            parent,
            key: Text::from(key),
        };
        let cases = [
            (Path::ROOT, "", None),
            (
                Path::Name {
                    parent: None,
                    name: "operator",
                },
                "operator",
                Some((None, "operator")),
            ),
            (
                Path::Name {
                    parent: Some("parameter"),
                    name: "cause",
                },
                "parameter.cause",
                Some((Some("parameter"), "cause")),
            ),
            (key(None, "x"), "x", Some((None, "x"))),
            (
                key(Some("parameter"), "事件"),
                "parameter.事件",
                Some((Some("parameter"), "事件")),
            ),
            (key(None, ""), "[\"\"]", None),
            (key(Some("parameter"), "a.b"), "parameter[\"a.b\"]", None),
            (key(None, "k\u{1}"), "[\"k\\u0001\"]", None),
        ];
        for (path, text, parts) in cases {
            assert_eq!(path.to_text(), text);
            assert_eq!(path.parts(), parts, "{text}");
            assert_eq!(path.is_root(), text.is_empty());
            assert_eq!(path, Path::Written(text.into()));
            assert_eq!(path, text);
            assert_eq!(std::format!("{path}"), text);
            if let Path::Key { parent, key } = &path {
                assert_eq!(text, child(parent.unwrap_or(""), key));
            }
        }
        assert_ne!(key(None, "x"), key(None, "y"));
        assert_ne!(key(None, "x"), key(Some("parameter"), "x"));
    }

    #[test]
    fn every_rule_key_is_bare_so_field_paths_need_no_quoting() {
        let rules = crate::rules::RULES;
        let keys = rules
            .root
            .iter()
            .chain(rules.operations.iter().flat_map(|op| op.fields.iter()))
            .map(|rule| rule.key);
        for key in keys {
            assert!(is_bare(&Text::from(key)), "{key}");
            let name = Path::Name {
                parent: Some("parameter"),
                name: key,
            };
            assert_eq!(name.to_text(), child("parameter", &Text::from(key)));
        }
    }
}
