//! Messages in English and Simplified Chinese. Each names the field by its label and,
//! for limits, gives the limit and the count.

use super::json::number_text;
use super::rules::{field_rule, OPERATE_KEY_LABEL, PARAMETER_LABEL};
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

/// The label of the field at `path` (its last segment), or the path itself, quoted,
/// for a key no rule knows.
fn label(path: &str, locale: Locale) -> String {
    let key = path.rsplit('.').next().unwrap_or(path);
    let known = match (path, key) {
        ("operate_key", _) => Some(OPERATE_KEY_LABEL),
        ("parameter", _) => Some(PARAMETER_LABEL),
        (_, key) => field_rule(key).map(|rule| (rule.label_en, rule.label_zh)),
    };
    match (known, locale) {
        (Some((en, _)), Locale::En) => en.to_owned(),
        (Some((_, zh)), Locale::ZhCn) => zh.to_owned(),
        (None, Locale::En) => format!("\"{path}\""),
        (None, Locale::ZhCn) => format!("“{path}”"),
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
pub fn message(code: Code, path: &str, params: &Params, locale: Locale) -> String {
    let field = label(path, locale);
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
            // Numbers as the JSON report writes them, without the float formatter.
            let (min, max) = (min.map(number_text), max.map(number_text));
            let actual = number_text(*actual);
            out_of_range(&field, after, min, max, &actual, locale)
        }
        (Code::Recommended, Params::Recommended { when }) => {
            let when = label(when, locale);
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
    after: &Option<&'static str>,
    min: Option<String>,
    max: Option<String>,
    actual: &str,
    locale: Locale,
) -> String {
    let zh = locale == Locale::ZhCn;
    match (after, min, max, zh) {
        (Some(other), Some(min), _, false) => format!(
            "{field} must not be before {} ({min}), got {actual}.",
            label(other, locale)
        ),
        (Some(other), Some(min), _, true) => format!(
            "{field}不能早于{}（{min}），当前为 {actual}。",
            label(other, locale)
        ),
        (_, Some(min), _, false) => format!("{field} must be at least {min}, got {actual}."),
        (_, Some(min), _, true) => format!("{field}不能小于 {min}，当前为 {actual}。"),
        (_, _, Some(max), false) => format!("{field} must be at most {max}, got {actual}."),
        (_, _, Some(max), true) => format!("{field}不能大于 {max}，当前为 {actual}。"),
        (_, None, None, false) => format!("{field} is out of range, got {actual}."),
        (_, None, None, true) => format!("{field}超出范围，当前为 {actual}。"),
    }
}
