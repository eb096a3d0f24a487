//! Messages in English and Simplified Chinese. Each names the field by its label and,
//! for limits, gives the limit and the count.
//!
//! The catalogue is data: [`TEMPLATES`], fixed text around slots, which [`render`]
//! fills here (no `format!`, so no formatter is linked) and which the small module's
//! JavaScript, given the same table at start, fills in the same way.

use crate::json;
use crate::path::Path;
use crate::prelude::*;
use crate::problem::{Param, Problem, TextReason, PARAM_KEYS};
use crate::rules::Label;
use crate::value::Number;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
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
    #[must_use]
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

/// The time zone a message writes a time in (`{KEY:date}`).
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub enum TimeZone {
    /// UTC, as `Date.prototype.toISOString` writes a time (`2024-03-21T05:46:40.000Z`):
    /// the default, for a core that knows no clock of its own.
    #[default]
    Utc,
    /// Local time, with its offset (`2024-03-21T13:46:40.000+08:00`): the function
    /// answers a time's offset from UTC in whole minutes east (`-getTimezoneOffset()`
    /// in JavaScript), given the time in epoch milliseconds. An offset of more than a
    /// day either way is no offset: that time is written in UTC.
    Local(fn(f64) -> i32),
}

impl PartialEq for TimeZone {
    fn eq(&self, other: &TimeZone) -> bool {
        match (self, other) {
            (TimeZone::Utc, TimeZone::Utc) => true,
            (TimeZone::Local(a), TimeZone::Local(b)) => core::ptr::fn_addr_eq(*a, *b),
            _ => false,
        }
    }
}

impl Eq for TimeZone {}

impl TimeZone {
    /// The offset from UTC at `ms`, in minutes east: 0 in UTC, or for an offset out of
    /// range.
    pub(crate) fn offset_at(self, ms: f64) -> i32 {
        match self {
            TimeZone::Utc => 0,
            TimeZone::Local(offset) => Some(offset(ms))
                .filter(|minutes| minutes.unsigned_abs() <= 24 * 60)
                .unwrap_or(0),
        }
    }
}

/// A time in `zone` ([`json::iso_date`]).
fn date(out: &mut String, ms: f64, zone: TimeZone) -> Option<()> {
    json::iso_date(out, ms, zone.offset_at(ms))
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

/// Joins pieces into one text: the one joiner of the crate (`concat` and `join` would
/// each link a generic one, 1.3 KB of wasm). Never inlined: small as it is, each of
/// its callers would get its own copy (1.8 KB of wasm).
#[inline(never)]
pub(crate) fn cat(pieces: &[&str]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for piece in pieces {
        out.push_str(piece);
    }
    out
}

/// What each type name reads as in a message: the name, English, Chinese. A table
/// searched in a loop, not a `match` of both locales' arms (0.4 KB of wasm gzipped).
/// A name not in it reads as itself.
pub const TYPE_PHRASES: [(&str, &str, &str); 16] = [
    ("string", "a string", "字符串"),
    ("boolean", "a boolean", "布尔值"),
    ("object", "an object", "对象"),
    ("integer", "an integer", "整数"),
    // Every number that is not an integer: NaN and the infinities too, which a date
    // read from an empty input gives (`new Date("").getTime()`).
    (
        "number",
        "a fraction, NaN or Infinity",
        "非整数数值（小数、NaN 或 Infinity）",
    ),
    ("array", "an array", "数组"),
    ("null", "null", "空值（null）"),
    ("json", "a JSON value", "合法的 JSON 值"),
    ("undefined", "undefined", "未定义（undefined）"),
    ("function", "a function", "函数"),
    ("symbol", "a symbol", "符号（Symbol）"),
    ("bigint", "a BigInt", "大整数（BigInt）"),
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

/// A message, as data: which of [`TEMPLATES`] tells a problem (and the pieces that
/// messages are made of). Its number is its place in [`TEMPLATES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Template {
    /// [`Problem::NotObject`].
    NotObject,
    /// [`Problem::Required`].
    Required,
    /// [`Problem::WrongType`].
    WrongType,
    /// [`Problem::Blank`].
    Blank,
    /// [`Problem::TooLong`].
    TooLong,
    /// [`Problem::UnknownOperateKey`] with no suggestion.
    UnknownOperateKey,
    /// [`Problem::UnknownOperateKey`] with a suggestion.
    UnknownOperateKeySuggested,
    /// [`Problem::UnknownField`] with no suggestion.
    UnknownField,
    /// [`Problem::UnknownField`] with a suggestion.
    UnknownFieldSuggested,
    /// [`Problem::InvalidText`]: an unpaired surrogate.
    UnpairedSurrogate,
    /// [`Problem::InvalidText`]: a control character.
    ControlCharacter,
    /// [`Problem::OutOfRange`] below the value of another field.
    NotBefore,
    /// [`Problem::OutOfRange`] below its minimum.
    AtLeast,
    /// [`Problem::OutOfRange`] above its maximum.
    AtMost,
    /// [`Problem::OutOfRange`] with no bound.
    OutOfRange,
    /// [`Problem::Recommended`].
    Recommended,
    /// [`Problem::TooManyViolations`].
    TooManyViolations,
    /// The message of an invalid request's error: the first error's message.
    Summary,
    /// [`Template::Summary`] with how many more errors there are.
    SummaryMore,
    /// A key or path named where no label is.
    Quoted,
    /// Between the words of a list.
    Separator,
}

/// Every message's text, `[English, Chinese]`, in the order of [`Template`]: fixed
/// text around slots, which `render` (and the JavaScript of the small module, which
/// gets this table at start) fills:
/// - `{field}`: the field's label, or its path [quoted](Template::Quoted);
/// - `{other:KEY}`: the label of the field a message refers to, or param `KEY` quoted;
/// - `{KEY}`: param `KEY` (a number as JavaScript writes it, a word as it is, a list
///   of words with [separators](Template::Separator));
/// - `{KEY:type}`: the type phrase of param `KEY` ([`TYPE_PHRASES`]);
/// - `{KEY:position}`: param `KEY` plus one; `{KEY:hex}`: as four hex digits or more;
/// - `{KEY:date}`: epoch milliseconds as a time in the [`TimeZone`] asked for (in UTC as
///   `toISOString` writes it; else the number);
/// - `{message}`, `{more}` (a summary) and `{text}` (a quoted name).
pub const TEMPLATES: [[&str; 2]; 21] = [
    [
        "The request must be a plain object, got {actual:type}.",
        "请求必须是普通对象，实际为{actual:type}。",
    ],
    ["{field} is required.", "{field}为必填项。"],
    [
        "{field} must be {expected:type}, got {actual:type}.",
        "{field}必须是{expected:type}，实际为{actual:type}。",
    ],
    ["{field} must not be blank.", "{field}不能为空。"],
    [
        "{field} must be at most {max} characters, got {actual}.",
        "{field}最多 {max} 个字符，当前为 {actual} 个。",
    ],
    [
        "{field} must be one of {allowed}.",
        "{field}必须是 {allowed} 之一。",
    ],
    [
        "{field} must be one of {allowed}. Did you mean \"{suggestion}\"?",
        "{field}必须是 {allowed} 之一。您是否想输入“{suggestion}”？",
    ],
    ["{field} is not a known field.", "无法识别的字段{field}。"],
    [
        "{field} is not a known field. Did you mean \"{suggestion}\"?",
        "无法识别的字段{field}。您是否想输入“{suggestion}”？",
    ],
    [
        "{field} contains an unpaired surrogate (a broken character) at position {index:position}.",
        "{field}的第 {index:position} 个字符已损坏（未配对的 UTF-16 代理项）。",
    ],
    [
        "{field} contains the control character U+{code_point:hex} at position {index:position}.",
        "{field}的第 {index:position} 个字符是控制字符 U+{code_point:hex}。",
    ],
    [
        "{field} must not be before {other:after} ({min:date}), got {actual:date}.",
        "{field}不能早于{other:after}（{min:date}），当前为 {actual:date}。",
    ],
    [
        "{field} must be at least {min}, got {actual}.",
        "{field}不能小于 {min}，当前为 {actual}。",
    ],
    [
        "{field} must be at most {max}, got {actual}.",
        "{field}不能大于 {max}，当前为 {actual}。",
    ],
    [
        "{field} is out of range, got {actual}.",
        "{field}超出范围，当前为 {actual}。",
    ],
    [
        "{field} is recommended when \"{other:when}\" is true.",
        "“{other:when}”为“是”时，建议填写{field}。",
    ],
    [
        "{omitted} more were not listed.",
        "另有 {omitted} 处问题未列出。",
    ],
    ["Invalid handle request: {message}", "请求无效：{message}"],
    [
        "Invalid handle request: {message} (and {more} more)",
        "请求无效：{message}另有 {more} 处问题。",
    ],
    ["\"{text}\"", "“{text}”"],
    // A Chinese list takes the enumeration comma.
    [", ", "、"],
];

impl Template {
    /// The template that tells `problem`.
    pub fn of(problem: &Problem) -> Template {
        match problem {
            Problem::NotObject { .. } => Template::NotObject,
            Problem::Required => Template::Required,
            Problem::WrongType { .. } => Template::WrongType,
            Problem::Blank => Template::Blank,
            Problem::TooLong { .. } => Template::TooLong,
            Problem::UnknownOperateKey {
                suggestion: None, ..
            } => Template::UnknownOperateKey,
            Problem::UnknownOperateKey { .. } => Template::UnknownOperateKeySuggested,
            Problem::UnknownField { suggestion: None } => Template::UnknownField,
            Problem::UnknownField { .. } => Template::UnknownFieldSuggested,
            Problem::InvalidText {
                reason: TextReason::UnpairedSurrogate,
                ..
            } => Template::UnpairedSurrogate,
            Problem::InvalidText { .. } => Template::ControlCharacter,
            Problem::OutOfRange {
                min: Some(_),
                after: Some(_),
                ..
            } => Template::NotBefore,
            Problem::OutOfRange { min: Some(_), .. } => Template::AtLeast,
            Problem::OutOfRange { max: Some(_), .. } => Template::AtMost,
            Problem::OutOfRange { .. } => Template::OutOfRange,
            Problem::Recommended { .. } => Template::Recommended,
            Problem::TooManyViolations { .. } => Template::TooManyViolations,
        }
    }

    /// The template of [`Report::summary`](crate::Report::summary) when `more` errors
    /// follow the first ([`Report::more_errors`](crate::Report::more_errors)): its
    /// `{message}` is the first error's.
    pub fn summary(more: usize) -> Template {
        if more == 0 {
            Template::Summary
        } else {
            Template::SummaryMore
        }
    }

    /// Its text in `locale`.
    pub fn text(self, locale: Locale) -> &'static str {
        let [en, zh] = TEMPLATES[self as usize];
        match locale {
            Locale::En => en,
            Locale::ZhCn => zh,
        }
    }
}

/// Writes `template` at the end of `out`, each `{slot}` by `fill` (given the slot's
/// name). Not generic: one copy serves every message.
pub(crate) fn render(out: &mut String, template: &str, fill: &mut dyn FnMut(&mut String, &str)) {
    let bytes = template.as_bytes();
    let mut text = 0; // where the fixed text not yet written starts
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'{' {
            at += 1;
            continue;
        }
        let close = bytes[at..]
            .iter()
            .position(|&b| b == b'}')
            .map_or(bytes.len(), |c| at + c);
        out.push_str(template.get(text..at).unwrap_or_default());
        fill(out, template.get(at + 1..close).unwrap_or_default());
        text = close + 1;
        at = text;
    }
    out.push_str(template.get(text..).unwrap_or_default());
}

/// A label in `locale` (borrowed from the rules), or what `fallback` writes (a path or
/// key) quoted: written only when there is no label.
fn name(out: &mut String, label: Option<Label>, locale: Locale, fallback: impl Fn(&mut String)) {
    match (label, locale) {
        (Some(label), Locale::En) => out.push_str(label.en),
        (Some(label), Locale::ZhCn) => out.push_str(label.zh),
        (None, _) => render(out, Template::Quoted.text(locale), &mut |out, _| {
            fallback(out)
        }),
    }
}

/// Param `key` of `problem`, as slot `{key:format}` writes it (nothing for a key the
/// problem has no param of).
fn param(
    out: &mut String,
    problem: &Problem,
    key: &str,
    format: &str,
    locale: Locale,
    zone: TimeZone,
) {
    let Some(key) = PARAM_KEYS.iter().position(|k| *k == key) else {
        return;
    };
    let Some((_, param)) = problem.params().find(|(k, _)| *k as usize == key) else {
        return;
    };
    match param {
        Param::Word(word) if format == "type" => out.push_str(type_phrase(word, locale)),
        Param::Word(word) => out.push_str(word),
        Param::Count(n) if format == "hex" => json::hex4(out, n as u32),
        Param::Count(n) => json::integer(out, n + usize::from(format == "position")),
        Param::Bound(ms) if format == "date" && date(out, ms, zone).is_some() => {}
        Param::Number(n) if format == "date" && date(out, n.value(), zone).is_some() => {}
        // Numbers as JavaScript writes them (1e+300, never 301 digits).
        Param::Bound(bound) => Number::from_safe_integer(bound).write_json(out),
        Param::Number(n) => n.write_json(out),
        Param::Words(words) => {
            for (i, word) in words.iter().enumerate() {
                if i > 0 {
                    out.push_str(Template::Separator.text(locale));
                }
                out.push_str(word);
            }
        }
    }
}

/// The message of a problem at `path`, naming fields by `labels`.
pub(crate) fn message(
    problem: &Problem,
    path: &Path,
    labels: Labels,
    locale: Locale,
    zone: TimeZone,
) -> String {
    let mut out = String::new();
    write_message(&mut out, problem, path, labels, locale, zone);
    out
}

/// [`message`], written at the end of `out`: a report's messages go one after the
/// other into one text, with no string of their own.
pub(crate) fn write_message(
    out: &mut String,
    problem: &Problem,
    path: &Path,
    labels: Labels,
    locale: Locale,
    zone: TimeZone,
) {
    let template = Template::of(problem).text(locale);
    render(out, template, &mut |out, slot| {
        let colon = slot.bytes().position(|b| b == b':');
        let key = slot.get(..colon.unwrap_or(slot.len())).unwrap_or_default();
        let format = colon.and_then(|c| slot.get(c + 1..)).unwrap_or_default();
        match key {
            "field" => name(out, labels.field, locale, |out| path.write(out)),
            // `{other:KEY}`: the other field's label, or the key param `KEY` names.
            "other" => name(out, labels.other, locale, |out| {
                param(out, problem, format, "", locale, zone)
            }),
            _ => param(out, problem, key, format, locale, zone),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every slot of every template is one that both renderers fill (this one, and the
    /// small module's JavaScript): a known slot, or a param key with a known format.
    #[test]
    fn every_template_is_fixed_text_around_known_slots() {
        for (i, texts) in TEMPLATES.iter().enumerate() {
            for text in texts {
                assert!(!text.contains('\n'), "{i}: {text}");
                let mut rest = *text;
                while let Some(open) = rest.find('{') {
                    let close = rest[open..].find('}').expect("a closed slot") + open;
                    let slot = &rest[open + 1..close];
                    assert!(!slot.contains('{'), "{i}: {text}");
                    let (key, format) = slot.split_once(':').unwrap_or((slot, ""));
                    let known = match key {
                        "field" | "message" | "more" | "text" => format.is_empty(),
                        "other" => PARAM_KEYS.contains(&format),
                        _ => {
                            PARAM_KEYS.contains(&key)
                                && ["", "type", "position", "hex", "date"].contains(&format)
                        }
                    };
                    assert!(known, "{i}: {slot}");
                    rest = &rest[close + 1..];
                }
                assert!(!rest.contains('}'), "{i}: {text}");
            }
        }
    }

    #[test]
    fn a_template_is_rendered_slot_by_slot() {
        let mut out = String::new();
        render(&mut out, "{a} and {b:c}.", &mut |out, slot| {
            out.push('<');
            out.push_str(slot);
            out.push('>');
        });
        assert_eq!(out, "<a> and <b:c>.");
        let problem = Problem::TooLong { max: 3, actual: 4 };
        let zh = message(
            &problem,
            &Path::from("a.b"),
            Labels::default(),
            Locale::ZhCn,
            TimeZone::Utc,
        );
        assert_eq!(zh, "“a.b”最多 3 个字符，当前为 4 个。");
    }
}
