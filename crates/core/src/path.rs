//! Paths of violations: dotted, as the API docs write them (`parameter.cause`), with
//! any key that a dotted path could not name exactly written `["…"]` as a JSON string,
//! so that two different keys never share a path.

use core::fmt;
use core::hash::{Hash, Hasher};

use crate::json;
use crate::prelude::*;
use crate::text::Text;

/// Where a violation is: its text is the dotted path ([`Path::write`], `Display`),
/// `""` for the root.
///
/// Kept as its parts where the validator knows them (a name of the rules, or a key of
/// the input, at the root or inside a name of the rules), so that no text is made for
/// it: a boundary can send the names by their index ([`Path::parts`]; the small wasm
/// does). Two paths are equal, and hash alike, when their texts are; a path equals a
/// `str` of its text.
#[derive(Clone)]
pub struct Path(Repr);

#[derive(Clone)]
enum Repr {
    /// A name the rules hold (a field's key, `operate_key`, `parameter`), at the root
    /// or inside `parent`. Both plain ([`is_plain`]): the text is their join.
    Name {
        parent: Option<&'static str>,
        name: &'static str,
    },
    /// A key of the input that no rule names, at the root or inside `parent` (plain).
    Key {
        parent: Option<&'static str>,
        key: Text,
    },
    /// Any other path, as its text.
    Written(String),
}

impl Path {
    /// The root's path, `""`.
    pub const ROOT: Path = Path(Repr::Written(String::new()));

    /// The path of `name` inside `parent` (the root for none); both plain (see
    /// [`is_plain`]), which the validator makes sure of.
    pub(crate) fn name(parent: Option<&'static str>, name: &'static str) -> Path {
        debug_assert!(parent.is_none_or(is_plain) && is_plain(name));
        Path(Repr::Name { parent, name })
    }

    /// The path of the input's `key` inside `parent` (plain), the root for none.
    pub(crate) fn key(parent: Option<&'static str>, key: Text) -> Path {
        debug_assert!(parent.is_none_or(is_plain));
        Path(Repr::Key { parent, key })
    }

    /// A path as its text.
    pub(crate) fn written(text: String) -> Path {
        Path(Repr::Written(text))
    }

    /// The path of `name` inside `parent`, written as their join whatever they hold (a
    /// caller's rule set may have a name that would need quoting: its path has always
    /// been the join).
    pub(crate) fn joined(parent: Option<&str>, name: &str) -> Path {
        let mut text = String::new();
        join(&mut text, parent, name);
        Path::written(text)
    }

    /// The path's dotted parts when they are at most two and each is plain (written
    /// with no quoting, so that the text is their join): its parent, if any, and its
    /// last part. `None` for any other path (the root, a quoted key, a deeper path).
    pub fn parts(&self) -> Option<(Option<&'static str>, &str)> {
        match &self.0 {
            Repr::Name { parent, name } => Some((*parent, name)),
            Repr::Key { parent, key } if is_bare(key) => Some((*parent, key.as_str())),
            _ => None,
        }
    }

    /// Writes the path's text at the end of `out`.
    pub fn write(&self, out: &mut String) {
        match &self.0 {
            Repr::Written(text) => out.push_str(text),
            Repr::Name { parent, name } => join(out, *parent, name),
            Repr::Key { parent, key } => child_into(out, parent.unwrap_or(""), key),
        }
    }

    /// The path's text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Whether this is the root's path (its text is empty).
    pub fn is_root(&self) -> bool {
        // A name is never empty, and an empty key is quoted: only a text can be.
        matches!(&self.0, Repr::Written(text) if text.is_empty())
    }

    /// Whether the path's text is `text`, with no text made for a path kept as parts.
    fn is_text(&self, text: &str) -> bool {
        match (&self.0, self.parts()) {
            (Repr::Written(own), _) => own == text,
            (_, Some((None, last))) => last == text,
            (_, Some((Some(parent), last))) => {
                text.len() == parent.len() + 1 + last.len()
                    && text.starts_with(parent)
                    && text.as_bytes().get(parent.len()) == Some(&b'.')
                    && text.ends_with(last)
            }
            (_, None) => self.to_text() == text,
        }
    }
}

impl Default for Path {
    /// The root's path.
    fn default() -> Self {
        Path::ROOT
    }
}

impl From<String> for Path {
    /// A path given as its text.
    fn from(text: String) -> Self {
        Path::written(text)
    }
}

impl From<&str> for Path {
    /// A path given as its text.
    fn from(text: &str) -> Self {
        Path::written(text.to_owned())
    }
}

impl fmt::Display for Path {
    /// The dotted text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.to_text())
    }
}

impl fmt::Debug for Path {
    /// The text, quoted, as a `String` shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_text(), f)
    }
}

impl PartialEq for Path {
    fn eq(&self, other: &Path) -> bool {
        match (&other.0, self.parts(), other.parts()) {
            (Repr::Written(text), _, _) => self.is_text(text),
            // Plain parts join into one text, and a text splits into one set of them.
            (_, Some(a), Some(b)) => a == b,
            _ => self.is_text(&other.to_text()),
        }
    }
}

impl Eq for Path {}

impl PartialOrd for Path {
    fn partial_cmp(&self, other: &Path) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Path {
    /// As their texts order, as `String`s did.
    fn cmp(&self, other: &Path) -> core::cmp::Ordering {
        self.to_text().cmp(&other.to_text())
    }
}

impl Hash for Path {
    /// As its text hashes, since equal paths are those of equal texts.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.to_text().hash(state);
    }
}

impl PartialEq<str> for Path {
    fn eq(&self, other: &str) -> bool {
        self.is_text(other)
    }
}

impl PartialEq<&str> for Path {
    fn eq(&self, other: &&str) -> bool {
        self.is_text(other)
    }
}

impl PartialEq<String> for Path {
    fn eq(&self, other: &String) -> bool {
        self.is_text(other)
    }
}

impl PartialEq<Path> for str {
    fn eq(&self, other: &Path) -> bool {
        other.is_text(self)
    }
}

impl PartialEq<Path> for &str {
    fn eq(&self, other: &Path) -> bool {
        other.is_text(self)
    }
}

impl PartialEq<Path> for String {
    fn eq(&self, other: &Path) -> bool {
        other.is_text(self)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Path {
    /// As its text.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_text())
    }
}

/// The path of `key` inside the value at `prefix` (`""` for the root).
pub(crate) fn child(prefix: &str, key: &Text) -> String {
    let mut path = String::with_capacity(prefix.len() + key.as_str().len() + 1);
    child_into(&mut path, prefix, key);
    path
}

/// `parent.name` (`name` alone at the root), written at the end of `out`. Inlined: as
/// a function of its own the small module was 0.1 KB larger gzipped (measured).
#[inline(always)]
fn join(out: &mut String, parent: Option<&str>, name: &str) {
    if let Some(parent) = parent {
        out.push_str(parent);
        out.push('.');
    }
    out.push_str(name);
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
    key.unpaired_surrogate_at().is_none() && is_plain(key.as_str())
}

/// A name a dotted path writes as it is: not empty, no `.`, brackets, quotes or
/// backslashes, no control character.
pub(crate) fn is_plain(name: &str) -> bool {
    // On the bytes, none decoded (the bench's invalid request, one unknown key, took 1%
    // fewer instructions natively, callgrind): a control character (Cc) is a byte below
    // 0x20, 0x7F, or 0xC2 then 0x80..=0x9F. An ASCII byte is a mask's bit.
    const LOW: u64 = ((1 << 0x20) - 1) | (1 << b'.') | (1 << b'"');
    const HIGH: u64 = 1 << (0x7F - 64) | 1 << (b'[' - 64) | 1 << (b']' - 64) | 1 << (b'\\' - 64);
    let bytes = name.as_bytes();
    !bytes.is_empty()
        && !bytes.iter().enumerate().any(|(at, &b)| match b {
            0..=63 => LOW >> b & 1 != 0,
            64..=127 => HIGH >> (b - 64) & 1 != 0,
            0xC2 => matches!(bytes.get(at + 1), Some(0x80..=0x9F)),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte test against its definition on characters, for every character of
    /// the Basic Multilingual Plane and a sample beyond, alone and between others.
    #[test]
    fn a_plain_name_is_one_with_no_quoted_or_control_character() {
        let by_chars = |name: &str| {
            !name.is_empty()
                && !name
                    .chars()
                    .any(|c| matches!(c, '.' | '[' | ']' | '"' | '\\') || c.is_control())
        };
        let chars = (0..0x1_0000u32).chain((0x1_0000..0x11_0000).step_by(251));
        for c in chars.filter_map(char::from_u32) {
            for name in [format!("{c}"), format!("a{c}b"), format!("\u{80}{c}")] {
                assert_eq!(is_plain(&name), by_chars(&name), "{name:?}");
            }
        }
        assert!(!is_plain(""));
    }

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
    /// only when they need no quoting, and equals (and hashes as) any path of the same
    /// text however it is kept, and the text itself, either way round.
    #[test]
    fn a_path_in_parts_is_its_text() {
        use std::hash::{BuildHasher, RandomState};
        let key = |parent, key: &str| Path::key(parent, Text::from(key));
        let lone = Path::key(Some("parameter"), Text::from_utf16(&[0x6B, 0xD800]));
        let cases = [
            (Path::ROOT, "", None),
            (Path::default(), "", None),
            (
                Path::name(None, "operator"),
                "operator",
                Some((None, "operator")),
            ),
            (
                Path::name(Some("parameter"), "cause"),
                "parameter.cause",
                Some((Some("parameter"), "cause")),
            ),
            (key(None, "x"), "x", Some((None, "x"))),
            (key(None, "operator"), "operator", Some((None, "operator"))),
            (
                key(Some("parameter"), "事件"),
                "parameter.事件",
                Some((Some("parameter"), "事件")),
            ),
            (key(None, ""), "[\"\"]", None),
            (key(Some("parameter"), ""), "parameter[\"\"]", None),
            (key(Some("parameter"), "a.b"), "parameter[\"a.b\"]", None),
            (key(None, "k\u{1}"), "[\"k\\u0001\"]", None),
            (lone, "parameter[\"k\\ud800\"]", None),
            (Path::from("extra.0.x"), "extra.0.x", None),
        ];
        let hasher = RandomState::new();
        for (path, text, parts) in &cases {
            assert_eq!(path.to_text(), *text);
            assert_eq!(path.parts(), *parts, "{text}");
            assert_eq!(path.is_root(), text.is_empty());
            assert_eq!(*path, Path::from(*text));
            assert_eq!(path, text);
            assert_eq!(text, path);
            assert_eq!(*path, String::from(*text));
            assert_eq!(std::format!("{path}"), *text);
            assert_eq!(std::format!("{path:?}"), std::format!("{text:?}"));
            if let Repr::Key { parent, key } = &path.0 {
                assert_eq!(*text, child(parent.unwrap_or(""), key));
            }
            // Equal to every path of its text, whichever way each is kept; unequal
            // to every other.
            for (other, other_text, _) in &cases {
                assert_eq!(path == other, text == other_text, "{text} {other_text}");
                if path == other {
                    assert_eq!(hasher.hash_one(path), hasher.hash_one(other));
                }
            }
            assert_ne!(*path, Path::from(std::format!("{text}.")));
        }
        // A name and a key of the same parts are the same path.
        assert_eq!(Path::name(None, "operator"), key(None, "operator"));
        assert_eq!(
            Path::name(Some("parameter"), "cause"),
            key(Some("parameter"), "cause")
        );
        assert_ne!(key(None, "x"), key(Some("parameter"), "x"));
        // Ordered as their texts, and padded as a text is.
        let mut sorted = [key(None, "x"), Path::from("parameter.a"), Path::ROOT];
        sorted.sort();
        assert_eq!(sorted.map(|p| p.to_text()), ["", "parameter.a", "x"]);
        assert_eq!(std::format!("{:>6}|", key(None, "x")), "     x|");
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
            let name = Path::name(Some("parameter"), key);
            assert_eq!(name.to_text(), child("parameter", &Text::from(key)));
        }
    }
}
