//! Messages in English and Simplified Chinese. Each names the field by its label and,
//! for limits, gives the limit and the count.

//!
//! The catalogue is data (each message a few fixed pieces around the figures) joined
//! by concatenation: no `format!`, so a build that only validates links no formatter.

use crate::json::{self, hex4, Digits};
use crate::prelude::*;
use crate::problem::{Problem, TextReason};
use crate::rules::Label;
use crate::value::Number;
use alloc::borrow::Cow;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// English (`en`), the default.
    #[default]
    En,
    /// Simplified Chinese (`zh-CN`).
    ZhCn,
}

impl Locale {
    /// The locale for a BCP 47 tag such as `navigator.language` gives: any `zh` tag
    /// is Chinese, anything else English.
    pub fn from_tag(tag: &str) -> Locale {
        let end = tag.bytes().position(|b| b == b'-' || b == b'_');
        let primary = tag.get(..end.unwrap_or(tag.len())).unwrap_or_default();
        if primary.eq_ignore_ascii_case("zh") {
            Locale::ZhCn
        } else {
            Locale::En
        }
    }

    /// The tag of the locale.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }
}

/// The labels a message names: the field's own (from its rule: a label belongs to
/// a rule, so to a path, never to a key name alone) and, for `recommended` and a
/// bound set by another field, that field's. No label: a key no rule knows, named by
/// its path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Labels {
    /// The field's own label.
    pub field: Option<Label>,
    /// The other field a message refers to.
    pub other: Option<Label>,
}

impl Labels {
    /// A field's label.
    pub fn of(label: Label) -> Self {
        Labels {
            field: Some(label),
            other: None,
        }
    }

    /// With the other field's label.
    pub fn with_other(self, other: Option<Label>) -> Self {
        Labels { other, ..self }
    }
}

/// Joins pieces into one text: with [`put`], the one joiner of the crate (`concat` and
/// `join` would each link a generic one, 1.3 KB of wasm). Never inlined: small as it
/// is, each of its callers would get its own copy (1.8 KB of wasm).
#[inline(never)]
pub(crate) fn cat(pieces: &[&str]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    put(&mut out, pieces);
    out
}

/// Words, comma-separated (`join` would link a second, generic joiner for this one use).
fn listed(words: &[&str]) -> String {
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(word);
    }
    out
}

/// Puts pieces at the end of `out`. Never inlined: each message's call would be
/// unrolled into its own copies (6 KB of wasm).
#[inline(never)]
fn put(out: &mut String, pieces: &[&str]) {
    for piece in pieces {
        out.push_str(piece);
    }
}

#[inline(never)] // one copy of the loop, not one for each message that counts
fn digits(n: usize) -> Digits {
    json::digits(n as u64)
}

/// A label in `locale` (borrowed from the rules), or `fallback` (a path or key) quoted.
#[inline(never)]
fn name(label: Option<Label>, fallback: &str, locale: Locale) -> Cow<'_, str> {
    match (label, locale) {
        (Some(label), Locale::En) => Cow::Borrowed(label.en),
        (Some(label), Locale::ZhCn) => Cow::Borrowed(label.zh),
        (None, Locale::En) => Cow::Owned(cat(&["\"", fallback, "\""])),
        (None, Locale::ZhCn) => Cow::Owned(cat(&["“", fallback, "”"])),
    }
}

/// What each type name reads as in a message: the name, English, Chinese. A table
/// searched in a loop, not a `match` of both locales' arms (0.4 KB of wasm gzipped).
const TYPE_PHRASES: [(&str, &str, &str); 16] = [
    ("string", "a string", "字符串"),
    ("boolean", "a boolean", "布尔值"),
    ("object", "an object", "对象"),
    ("integer", "an integer", "整数"),
    ("number", "a number with a fraction", "带小数的数字"),
    ("array", "an array", "数组"),
    ("null", "null", "null"),
    ("json", "a JSON value", "JSON 值"),
    ("undefined", "undefined", "undefined"),
    ("function", "a function", "函数"),
    ("symbol", "a symbol", "Symbol"),
    ("bigint", "a BigInt", "BigInt"),
    ("instance", "a non-plain object", "非普通对象"),
    (
        "too_deep",
        "a value nested too deeply (or cyclic)",
        "嵌套过深（或循环引用）的值",
    ),
    (
        "too_large",
        "a value too large to read",
        "过大而无法读取的值",
    ),
    (
        "unreadable",
        "a value that could not be read",
        "无法读取的值",
    ),
];

fn type_phrase(name: &str, locale: Locale) -> &str {
    match TYPE_PHRASES.iter().find(|(known, _, _)| *known == name) {
        Some((_, en, _)) if locale == Locale::En => en,
        Some((_, _, zh)) => zh,
        None => name,
    }
}

/// " Did you mean …?", as pieces to put after a message (none without a suggestion).
fn did_you_mean(suggestion: Option<&str>, locale: Locale) -> [&str; 3] {
    match (suggestion, locale) {
        (None, _) => ["", "", ""],
        (Some(s), Locale::En) => [" Did you mean \"", s, "\"?"],
        (Some(s), Locale::ZhCn) => ["您是否想输入“", s, "”？"],
    }
}

/// The message of a problem at `path`, naming fields by `labels`.
pub(crate) fn message(problem: &Problem, path: &str, labels: Labels, locale: Locale) -> String {
    let mut out = String::new();
    write_message(&mut out, problem, path, labels, locale);
    out
}

/// [`message`], written at the end of `out`: a report's messages go one after the
/// other into one text, with no string of their own.
pub(crate) fn write_message(
    out: &mut String,
    problem: &Problem,
    path: &str,
    labels: Labels,
    locale: Locale,
) {
    let field = &*name(labels.field, path, locale);
    let zh = locale == Locale::ZhCn;
    match problem {
        Problem::NotObject { actual } => {
            let actual = type_phrase(actual, locale);
            if zh {
                put(out, &["请求必须是普通对象，实际为", actual, "。"])
            } else {
                put(
                    out,
                    &["The request must be a plain object, got ", actual, "."],
                )
            }
        }
        Problem::Required => put(
            out,
            &[
                field,
                if zh {
                    "为必填项。"
                } else {
                    " is required."
                },
            ],
        ),
        Problem::WrongType { expected, actual } => {
            let (expected, actual) = (type_phrase(expected, locale), type_phrase(actual, locale));
            if zh {
                put(out, &[field, "必须是", expected, "，实际为", actual, "。"])
            } else {
                put(out, &[field, " must be ", expected, ", got ", actual, "."])
            }
        }
        Problem::Blank => put(
            out,
            &[
                field,
                if zh {
                    "不能为空。"
                } else {
                    " must not be blank."
                },
            ],
        ),
        Problem::TooLong { max, actual } => {
            let (max, actual) = (digits(*max as usize), digits(*actual));
            let (max, actual) = (max.as_str(), actual.as_str());
            if zh {
                put(
                    out,
                    &[field, "最多 ", max, " 个字符，当前为 ", actual, " 个。"],
                )
            } else {
                put(
                    out,
                    &[
                        field,
                        " must be at most ",
                        max,
                        " characters, got ",
                        actual,
                        ".",
                    ],
                )
            }
        }
        Problem::UnknownOperateKey {
            allowed,
            suggestion,
        } => {
            let allowed = &listed(allowed);
            let [a, b, c] = did_you_mean(*suggestion, locale);
            if zh {
                put(out, &[field, "必须是 ", allowed, " 之一。", a, b, c])
            } else {
                put(out, &[field, " must be one of ", allowed, ".", a, b, c])
            }
        }
        Problem::UnknownField { suggestion } => {
            let [a, b, c] = did_you_mean(*suggestion, locale);
            if zh {
                put(out, &[field, "不是已知字段。", a, b, c])
            } else {
                put(out, &[field, " is not a known field.", a, b, c])
            }
        }
        Problem::InvalidText {
            reason,
            index,
            code_point,
        } => {
            let position = digits(index + 1);
            let position = position.as_str();
            let code = &hex4(code_point.unwrap_or(0));
            match (reason, zh) {
                (TextReason::UnpairedSurrogate, false) => put(
                    out,
                    &[
                        field,
                        " contains an unpaired surrogate (a broken character) at position ",
                        position,
                        ".",
                    ],
                ),
                (TextReason::UnpairedSurrogate, true) => put(
                    out,
                    &[
                        field,
                        "在第 ",
                        position,
                        " 个位置包含未配对的代理项（损坏的字符）。",
                    ],
                ),
                (TextReason::ControlCharacter, false) => put(
                    out,
                    &[
                        field,
                        " contains the control character U+",
                        code,
                        " at position ",
                        position,
                        ".",
                    ],
                ),
                (TextReason::ControlCharacter, true) => put(
                    out,
                    &[
                        field,
                        "在第 ",
                        position,
                        " 个位置包含控制字符 U+",
                        code,
                        "。",
                    ],
                ),
            }
        }
        Problem::OutOfRange {
            min,
            max,
            actual,
            after,
        } => {
            // Numbers as JavaScript writes them (1e+300, never 301 digits).
            let figure = |n: &f64| Number::from_safe_integer(*n).to_text();
            let (min, max) = (min.as_ref().map(figure), max.as_ref().map(figure));
            let other = after.map(|key| name(labels.other, key, locale));
            out_of_range(
                out,
                field,
                other.as_deref(),
                min,
                max,
                &actual.to_text(),
                locale,
            )
        }
        Problem::TooManyViolations { omitted } => {
            let omitted = digits(*omitted);
            let omitted = omitted.as_str();
            if zh {
                put(out, &["另有 ", omitted, " 处未列出。"])
            } else {
                put(out, &[omitted, " more were not listed."])
            }
        }
        Problem::Recommended { when } => {
            let when = &*name(labels.other, when, locale);
            if zh {
                put(out, &["“", when, "”为是时，建议填写", field, "。"])
            } else {
                put(
                    out,
                    &[field, " is recommended when \"", when, "\" is true."],
                )
            }
        }
    }
}

fn out_of_range(
    out: &mut String,
    field: &str,
    after: Option<&str>,
    min: Option<String>,
    max: Option<String>,
    actual: &str,
    locale: Locale,
) {
    let zh = locale == Locale::ZhCn;
    match (after, min.as_deref(), max.as_deref(), zh) {
        (Some(other), Some(min), _, false) => put(
            out,
            &[
                field,
                " must not be before ",
                other,
                " (",
                min,
                "), got ",
                actual,
                ".",
            ],
        ),
        (Some(other), Some(min), _, true) => put(
            out,
            &[
                field,
                "不能早于",
                other,
                "（",
                min,
                "），当前为 ",
                actual,
                "。",
            ],
        ),
        (_, Some(min), _, false) => put(
            out,
            &[field, " must be at least ", min, ", got ", actual, "."],
        ),
        (_, Some(min), _, true) => put(out, &[field, "不能小于 ", min, "，当前为 ", actual, "。"]),
        (_, _, Some(max), false) => put(
            out,
            &[field, " must be at most ", max, ", got ", actual, "."],
        ),
        (_, _, Some(max), true) => put(out, &[field, "不能大于 ", max, "，当前为 ", actual, "。"]),
        (_, None, None, false) => put(out, &[field, " is out of range, got ", actual, "."]),
        (_, None, None, true) => put(out, &[field, "超出范围，当前为 ", actual, "。"]),
    }
}
