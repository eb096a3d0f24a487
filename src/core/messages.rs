//! Messages in English and Simplified Chinese. Each names the field by its label and,
//! for limits, gives the limit and the count.

use super::rules::Label;
use super::value::Number;
use super::violation::{Code, Params, TextReason};

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
        let primary = tag.split(['-', '_']).next().unwrap_or("");
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

/// A label in `locale`, or `fallback` (a path or key) quoted.
fn name(label: Option<Label>, fallback: &str, locale: Locale) -> String {
    match (label, locale) {
        (Some(label), Locale::En) => label.en.to_owned(),
        (Some(label), Locale::ZhCn) => label.zh.to_owned(),
        (None, Locale::En) => format!("\"{fallback}\""),
        (None, Locale::ZhCn) => format!("“{fallback}”"),
    }
}

fn type_phrase(name: &str, locale: Locale) -> &str {
    match (locale, name) {
        (Locale::En, "string") => "a string",
        (Locale::En, "boolean") => "a boolean",
        (Locale::En, "object") => "an object",
        (Locale::En, "integer") => "an integer",
        (Locale::En, "number") => "a number with a fraction",
        (Locale::En, "array") => "an array",
        (Locale::En, "null") => "null",
        (Locale::En, "json") => "a JSON value",
        (Locale::En, "undefined") => "undefined",
        (Locale::En, "function") => "a function",
        (Locale::En, "symbol") => "a symbol",
        (Locale::En, "bigint") => "a BigInt",
        (Locale::En, "instance") => "a non-plain object",
        (Locale::En, "too_deep") => "a value nested too deeply (or cyclic)",
        (Locale::En, "too_large") => "a value too large to read",
        (Locale::En, "unreadable") => "a value that could not be read",
        (Locale::ZhCn, "string") => "字符串",
        (Locale::ZhCn, "boolean") => "布尔值",
        (Locale::ZhCn, "object") => "对象",
        (Locale::ZhCn, "integer") => "整数",
        (Locale::ZhCn, "number") => "带小数的数字",
        (Locale::ZhCn, "array") => "数组",
        (Locale::ZhCn, "null") => "null",
        (Locale::ZhCn, "json") => "JSON 值",
        (Locale::ZhCn, "undefined") => "undefined",
        (Locale::ZhCn, "function") => "函数",
        (Locale::ZhCn, "symbol") => "Symbol",
        (Locale::ZhCn, "bigint") => "BigInt",
        (Locale::ZhCn, "instance") => "非普通对象",
        (Locale::ZhCn, "too_deep") => "嵌套过深（或循环引用）的值",
        (Locale::ZhCn, "too_large") => "过大而无法读取的值",
        (Locale::ZhCn, "unreadable") => "无法读取的值",
        (_, other) => other,
    }
}

fn did_you_mean(suggestion: Option<&str>, locale: Locale) -> String {
    match (suggestion, locale) {
        (None, _) => String::new(),
        (Some(s), Locale::En) => format!(" Did you mean \"{s}\"?"),
        (Some(s), Locale::ZhCn) => format!("您是否想输入“{s}”？"),
    }
}

/// The message of a violation.
pub fn message(code: Code, path: &str, params: &Params, labels: Labels, locale: Locale) -> String {
    let field = name(labels.field, path, locale);
    let zh = locale == Locale::ZhCn;
    match (code, params) {
        (Code::NotObject, Params::NotObject { actual }) => {
            let actual = type_phrase(actual, locale);
            if zh {
                format!("请求必须是普通对象，实际为{actual}。")
            } else {
                format!("The request must be a plain object, got {actual}.")
            }
        }
        (Code::Required, _) => {
            if zh {
                format!("{field}为必填项。")
            } else {
                format!("{field} is required.")
            }
        }
        (Code::WrongType, Params::WrongType { expected, actual }) => {
            let (expected, actual) = (type_phrase(expected, locale), type_phrase(actual, locale));
            if zh {
                format!("{field}必须是{expected}，实际为{actual}。")
            } else {
                format!("{field} must be {expected}, got {actual}.")
            }
        }
        (Code::Blank, _) => {
            if zh {
                format!("{field}不能为空。")
            } else {
                format!("{field} must not be blank.")
            }
        }
        (Code::TooLong, Params::TooLong { max, actual }) => {
            if zh {
                format!("{field}最多 {max} 个字符，当前为 {actual} 个。")
            } else {
                format!("{field} must be at most {max} characters, got {actual}.")
            }
        }
        (
            Code::UnknownOperateKey,
            Params::UnknownOperateKey {
                allowed,
                suggestion,
            },
        ) => {
            let allowed = allowed.join(", ");
            let hint = did_you_mean(*suggestion, locale);
            if zh {
                format!("{field}必须是 {allowed} 之一。{hint}")
            } else {
                format!("{field} must be one of {allowed}.{hint}")
            }
        }
        (Code::UnknownField, Params::UnknownField { suggestion }) => {
            let hint = did_you_mean(*suggestion, locale);
            if zh {
                format!("{field}不是已知字段。{hint}")
            } else {
                format!("{field} is not a known field.{hint}")
            }
        }
        (
            Code::InvalidText,
            Params::InvalidText {
                reason,
                index,
                code_point,
            },
        ) => {
            let position = index + 1;
            match (reason, zh) {
                (TextReason::UnpairedSurrogate, false) => format!(
                    "{field} contains an unpaired surrogate (a broken character) at position {position}."
                ),
                (TextReason::UnpairedSurrogate, true) => {
                    format!("{field}在第 {position} 个位置包含未配对的代理项（损坏的字符）。")
                }
                (TextReason::ControlCharacter, false) => format!(
                    "{field} contains the control character U+{:04X} at position {position}.",
                    code_point.unwrap_or(0)
                ),
                (TextReason::ControlCharacter, true) => format!(
                    "{field}在第 {position} 个位置包含控制字符 U+{:04X}。",
                    code_point.unwrap_or(0)
                ),
            }
        }
        (
            Code::OutOfRange,
            Params::OutOfRange {
                min,
                max,
                actual,
                after,
            },
        ) => {
            // Numbers as JavaScript writes them (1e+300, never 301 digits).
            let figure = |n: &f64| Number::from_safe_integer(*n).to_text();
            let (min, max) = (min.as_ref().map(figure), max.as_ref().map(figure));
            let other = after.map(|key| name(labels.other, key, locale));
            out_of_range(&field, other, min, max, &actual.to_text(), locale)
        }
        (Code::TooManyViolations, Params::TooManyViolations { omitted }) => {
            if zh {
                format!("另有 {omitted} 处未列出。")
            } else {
                format!("{omitted} more were not listed.")
            }
        }
        (Code::Recommended, Params::Recommended { when }) => {
            let when = name(labels.other, when, locale);
            if zh {
                format!("“{when}”为是时，建议填写{field}。")
            } else {
                format!("{field} is recommended when \"{when}\" is true.")
            }
        }
        // A code always comes with its own params; this arm only keeps the match total.
        (code, _) => {
            if zh {
                format!("{field}无效。")
            } else {
                format!("{field} is invalid ({}).", code.as_str())
            }
        }
    }
}

fn out_of_range(
    field: &str,
    after: Option<String>,
    min: Option<String>,
    max: Option<String>,
    actual: &str,
    locale: Locale,
) -> String {
    let zh = locale == Locale::ZhCn;
    match (after, min, max, zh) {
        (Some(other), Some(min), _, false) => {
            format!("{field} must not be before {other} ({min}), got {actual}.")
        }
        (Some(other), Some(min), _, true) => {
            format!("{field}不能早于{other}（{min}），当前为 {actual}。")
        }
        (_, Some(min), _, false) => format!("{field} must be at least {min}, got {actual}."),
        (_, Some(min), _, true) => format!("{field}不能小于 {min}，当前为 {actual}。"),
        (_, _, Some(max), false) => format!("{field} must be at most {max}, got {actual}."),
        (_, _, Some(max), true) => format!("{field}不能大于 {max}，当前为 {actual}。"),
        (_, None, None, false) => format!("{field} is out of range, got {actual}."),
        (_, None, None, true) => format!("{field}超出范围，当前为 {actual}。"),
    }
}
