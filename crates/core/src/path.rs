//! Paths of violations: dotted, as the API docs write them (`parameter.cause`), with
//! any key that a dotted path could not name exactly written `["…"]` as a JSON string,
//! so that two different keys never share a path.

use crate::json;
use crate::prelude::*;
use crate::text::Text;

/// The path of `key` inside the value at `prefix` (`""` for the root).
pub(crate) fn child(prefix: &str, key: &Text) -> String {
    let mut path = String::with_capacity(prefix.len() + key.as_str().len() + 1);
    path.push_str(prefix);
    if is_bare(key) {
        if !prefix.is_empty() {
            path.push('.');
        }
        path.push_str(key.as_str());
    } else {
        path.push('[');
        json::text(&mut path, key);
        path.push(']');
    }
    path
}

/// The path of a rule's own key (plain by construction, so no quoting to decide).
pub(crate) fn field(prefix: &str, key: &'static str) -> String {
    let mut path = String::with_capacity(prefix.len() + key.len() + 1);
    if !prefix.is_empty() {
        path.push_str(prefix);
        path.push('.');
    }
    path.push_str(key);
    path
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
            assert_eq!(
                field("parameter", key),
                child("parameter", &Text::from(key))
            );
        }
    }
}
