//! The validation rules of SPEC.md, table by table, natively.

mod common;

use coc_incident_core::{
    object, validate, Locale, Object, Problem, Text, TextReason, TimeZone, ValidateOptions, Value,
};
use common::*;

fn check(request: &Object) -> coc_incident_core::Report {
    validate(&Value::Object(request.clone()), ValidateOptions::default())
}

fn check_with(request: &Object, allow_unknown_fields: bool) -> coc_incident_core::Report {
    let options = ValidateOptions {
        allow_unknown_fields,
        ..ValidateOptions::default()
    };
    validate(&Value::Object(request.clone()), options)
}

fn text(n: usize, unit: &str) -> Value {
    Value::string(unit.repeat(n))
}

#[test]
fn the_documented_examples_are_valid() {
    for request in [accept(), commit_solution(), confirm()] {
        let report = check(&request);
        assert!(report.is_valid(), "{:?}", report.errors);
        assert_eq!(warnings(&report), Vec::<String>::new());
    }
}

#[test]
fn accept_takes_a_missing_null_or_empty_parameter() {
    let base = accept();
    for parameter in [None, Some(Value::Null), Some(Value::Object(Object::new()))] {
        let report = check(&set(&base, "parameter", parameter.clone()));
        assert!(report.is_valid(), "{parameter:?}: {:?}", report.errors);
    }
}

#[test]
fn every_limit_on_both_sides() {
    // (request, path, limit)
    let cases: Vec<(Object, &str, usize)> = vec![
        (confirm(), "incident_num", 255),
        (confirm(), "operator", 255),
        (commit_solution(), "parameter.mtm_type", 255),
        (commit_solution(), "parameter.cause", 10_000),
        (commit_solution(), "parameter.solution", 10_000),
        (confirm(), "parameter.virtual_confirm_comment", 300),
    ];
    for (request, path, limit) in cases {
        let at = |value: Value| set_path(&request, path, Some(value));
        for unit in ["a", "事"] {
            let report = check(&at(text(limit, unit)));
            assert!(
                report.is_valid(),
                "{path} at {limit} × {unit}: {:?}",
                report.errors
            );
            let report = check(&at(text(limit + 1, unit)));
            assert_eq!(errors(&report), vec![format!("too_long@{path}")]);
            assert_eq!(
                report.errors[0].problem,
                Problem::TooLong {
                    max: limit as u32,
                    actual: limit + 1
                }
            );
        }
    }
}

#[test]
fn lengths_count_utf16_code_units() {
    let comment = |value: Value| set_param(&confirm(), "virtual_confirm_comment", Some(value));
    assert!(check(&comment(text(300, "事"))).is_valid());
    assert!(check(&comment(text(150, "😀"))).is_valid());
    let report = check(&comment(text(151, "😀")));
    assert_eq!(
        report.errors[0].problem,
        Problem::TooLong {
            max: 300,
            actual: 302
        }
    );
    assert_eq!(
        report.errors[0].message(),
        "Verification comment must be at most 300 characters, got 302."
    );
}

#[test]
fn incident_num_and_operator_are_counted_and_sent_trimmed() {
    let padded = format!("  {}\u{3000}", "a".repeat(255));
    assert!(check(&set(
        &confirm(),
        "incident_num",
        Some(Value::string(padded))
    ))
    .is_valid());
    let report = check(&set(
        &confirm(),
        "operator",
        Some(Value::string(format!(" {} ", "a".repeat(256)))),
    ));
    assert_eq!(errors(&report), vec!["too_long@operator"]);
}

#[test]
fn other_texts_are_counted_as_given() {
    let padded = format!(" {} ", "a".repeat(299));
    let report = check(&set_param(
        &confirm(),
        "virtual_confirm_comment",
        Some(Value::string(padded)),
    ));
    assert_eq!(
        errors(&report),
        vec!["too_long@parameter.virtual_confirm_comment"]
    );
}

#[test]
fn blank_texts() {
    let cases: Vec<(Object, &str)> = vec![
        (confirm(), "incident_num"),
        (confirm(), "operator"),
        (confirm(), "operate_key"),
        (commit_solution(), "parameter.mtm_type"),
        (commit_solution(), "parameter.cause"),
        (commit_solution(), "parameter.solution"),
        (confirm(), "parameter.virtual_confirm_comment"),
    ];
    for (request, path) in cases {
        for blank in ["", "   ", "\t\n", "\u{3000}", "\u{FEFF}"] {
            let value = Some(Value::string(blank));
            let request = set_path(&request, path, value);
            assert_eq!(
                errors(&check(&request)),
                vec![format!("blank@{path}")],
                "{path} = {blank:?}"
            );
        }
    }
}

#[test]
fn required_fields_missing_or_null() {
    let cases: Vec<(Object, &str)> = vec![
        (accept(), "incident_num"),
        (accept(), "operator"),
        (accept(), "operate_key"),
        (commit_solution(), "parameter"),
        (confirm(), "parameter"),
        (commit_solution(), "parameter.mtm_type"),
        (commit_solution(), "parameter.is_service_interrupt"),
        (commit_solution(), "parameter.cause"),
        (commit_solution(), "parameter.solution"),
        (confirm(), "parameter.virtual_confirm_result"),
        (confirm(), "parameter.virtual_confirm_comment"),
    ];
    for (request, path) in cases {
        for value in [None, Some(Value::Null), Some(Value::Undefined)] {
            let request = set_path(&request, path, value.clone());
            assert_eq!(
                errors(&check(&request)),
                vec![format!("required@{path}")],
                "{path} = {value:?}"
            );
        }
    }
}

#[test]
fn types_are_strict() {
    let cases: Vec<(Object, &str, Value, &str, &str)> = vec![
        (
            confirm(),
            "incident_num",
            Value::from(42),
            "string",
            "integer",
        ),
        (
            confirm(),
            "operator",
            Value::Bool(true),
            "string",
            "boolean",
        ),
        (
            confirm(),
            "operate_key",
            Value::Array(vec![]),
            "string",
            "array",
        ),
        (
            confirm(),
            "parameter",
            Value::string("{}"),
            "object",
            "string",
        ),
        (
            accept(),
            "parameter",
            Value::Array(vec![]),
            "object",
            "array",
        ),
        (
            confirm(),
            "parameter.virtual_confirm_result",
            Value::string("true"),
            "boolean",
            "string",
        ),
        (
            confirm(),
            "parameter.virtual_confirm_result",
            Value::from(1),
            "boolean",
            "integer",
        ),
        (
            confirm(),
            "parameter.virtual_confirm_comment",
            Value::from(1.5),
            "string",
            "number",
        ),
        (
            commit_solution(),
            "parameter.is_service_interrupt",
            Value::string("false"),
            "boolean",
            "string",
        ),
        (
            commit_solution(),
            "parameter.mtm_type",
            Value::Object(Object::new()),
            "string",
            "object",
        ),
        (
            commit_solution(),
            "parameter.start_time",
            Value::string("1711000000000"),
            "integer",
            "string",
        ),
        (
            commit_solution(),
            "parameter.start_time",
            Value::from(1.5),
            "integer",
            "number",
        ),
        (
            commit_solution(),
            "parameter.fault_recovery_time",
            Value::from(f64::NAN),
            "integer",
            "number",
        ),
        (
            commit_solution(),
            "parameter.fault_recovery_time",
            Value::from(f64::INFINITY),
            "integer",
            "number",
        ),
        (
            commit_solution(),
            "parameter.cause",
            Value::Foreign(coc_incident_core::Foreign::Function),
            "string",
            "function",
        ),
    ];
    for (request, path, value, expected, actual) in cases {
        let request = set_path(&request, path, Some(value));
        let report = check(&request);
        assert_eq!(
            errors(&report),
            vec![format!("wrong_type@{path}")],
            "{path}"
        );
        assert_eq!(
            report.errors[0].problem,
            Problem::WrongType { expected, actual },
            "{path}"
        );
    }
}

#[test]
fn epoch_milliseconds_ranges() {
    let at = |key: &str, n: f64| check(&set_param(&commit_solution(), key, Some(Value::from(n))));
    let report = at("start_time", -1.0);
    assert_eq!(errors(&report), vec!["out_of_range@parameter.start_time"]);
    assert_eq!(
        report.errors[0].problem,
        Problem::OutOfRange {
            min: Some(0.0),
            max: None,
            actual: (-1.0).into(),
            after: None
        }
    );
    assert!(at("start_time", 0.0)
        .errors
        .iter()
        .all(|v| v.path != "parameter.start_time"));
    assert_eq!(
        errors(&at("fault_recovery_time", 9_007_199_254_740_992.0)),
        vec!["out_of_range@parameter.fault_recovery_time"]
    );
    // Equal times are fine; recovery before the start is not, and is reported at the recovery.
    assert!(at("fault_recovery_time", 1_711_000_000_000.0).is_valid());
    let report = at("fault_recovery_time", 1_710_999_999_999.0);
    assert_eq!(
        errors(&report),
        vec!["out_of_range@parameter.fault_recovery_time"]
    );
    assert_eq!(
        report.errors[0].problem,
        Problem::OutOfRange {
            min: Some(1_711_000_000_000.0),
            max: None,
            actual: 1_710_999_999_999.0.into(),
            after: Some("start_time")
        }
    );
    assert_eq!(
        report.errors[0].message(),
        "Fault recovery time must not be before Fault start time (2024-03-21T05:46:40.000Z), got 2024-03-21T05:46:39.999Z."
    );
}

#[test]
fn times_in_messages_are_in_the_time_zone_asked_for() {
    let request = set_param(
        &commit_solution(),
        "fault_recovery_time",
        Some(Value::from(1_710_999_999_999.0)),
    );
    // A portal's users read the times they typed, in their own time zone: Beijing's.
    let beijing = ValidateOptions {
        time_zone: TimeZone::Local(|_| 8 * 60),
        ..ValidateOptions::default()
    };
    let report = validate(&Value::Object(request.clone()), beijing);
    assert_eq!(
        report.errors[0].message(),
        "Fault recovery time must not be before Fault start time (2024-03-21T13:46:40.000+08:00), got 2024-03-21T13:46:39.999+08:00."
    );
    let zh = ValidateOptions {
        locale: Locale::ZhCn,
        ..beijing
    };
    let report = validate(&Value::Object(request.clone()), zh);
    assert_eq!(
        report.errors[0].message(),
        "故障恢复时间不能早于故障开始时间（2024-03-21T13:46:40.000+08:00），当前为 2024-03-21T13:46:39.999+08:00。"
    );
    // The offset is asked for each time: the two may differ (a change to summer time).
    let changing = ValidateOptions {
        time_zone: TimeZone::Local(|ms| {
            if ms >= 1_711_000_000_000.0 {
                -240
            } else {
                -300
            }
        }),
        ..ValidateOptions::default()
    };
    let report = validate(&Value::Object(request.clone()), changing);
    assert_eq!(
        report.errors[0].message(),
        "Fault recovery time must not be before Fault start time (2024-03-21T01:46:40.000-04:00), got 2024-03-21T00:46:39.999-05:00."
    );
    // An offset of more than a day is none: that time is in UTC.
    let broken = ValidateOptions {
        time_zone: TimeZone::Local(|_| 100_000),
        ..ValidateOptions::default()
    };
    let report = validate(&Value::Object(request), broken);
    assert!(report.errors[0]
        .message()
        .ends_with("(2024-03-21T05:46:40.000Z), got 2024-03-21T05:46:39.999Z."));
}

#[test]
fn a_time_that_is_not_an_integer_says_what_it_may_be() {
    // NaN is what a date read from an empty input gives (`new Date("").getTime()`): it
    // is no "number with a fraction".
    for n in [1.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let request = set_param(&commit_solution(), "start_time", Some(Value::from(n)));
        let report = check(&request);
        assert_eq!(
            errors(&report),
            vec!["wrong_type@parameter.start_time"],
            "{n}"
        );
        assert_eq!(
            report.errors[0].message(),
            "Fault start time must be an integer, got a fraction, NaN or Infinity.",
            "{n}"
        );
        let zh = ValidateOptions {
            locale: Locale::ZhCn,
            ..ValidateOptions::default()
        };
        let report = validate(&Value::Object(request), zh);
        assert_eq!(
            report.errors[0].message(),
            "故障开始时间必须是整数，实际为非整数数值（小数、NaN 或 Infinity）。",
            "{n}"
        );
    }
}

#[test]
fn the_parameter_object_is_named_as_one() {
    let missing = set(&confirm(), "parameter", None);
    assert_eq!(
        check(&missing).errors[0].message(),
        "Parameter is required."
    );
    let text = set(&confirm(), "parameter", Some(Value::string("x")));
    assert_eq!(
        check(&text).errors[0].message(),
        "Parameter must be an object, got a string."
    );
}

#[test]
fn chinese_messages_read_as_chinese() {
    let zh = ValidateOptions {
        locale: Locale::ZhCn,
        ..ValidateOptions::default()
    };
    let request = set_param(
        &confirm(),
        "virtual_confirm_coment",
        Some(Value::string("x")),
    );
    let request = set_param(
        &request,
        "virtual_confirm_comment",
        Some(Value::string("a\u{7}")),
    );
    let messages: Vec<_> = validate(&Value::Object(request), zh)
        .errors
        .iter()
        .map(|v| v.message())
        .collect();
    assert_eq!(
        messages,
        vec![
            "验证说明的第 2 个字符是控制字符 U+0007。",
            "无法识别的字段“parameter.virtual_confirm_coment”。您是否想输入“virtual_confirm_comment”？",
        ]
    );
    // A summary, as a ValidationError's message: the first error, then how many more.
    let request = set(&confirm(), "incident_num", Some(Value::string(" ")));
    let request = set(&request, "operator", None);
    assert_eq!(
        validate(&Value::Object(request), zh).summary(),
        "请求无效：事件单号不能为空。另有 1 处问题。"
    );
}

#[test]
fn times_are_recommended_when_the_service_was_interrupted() {
    let bare = set_param(
        &set_param(&commit_solution(), "start_time", None),
        "fault_recovery_time",
        None,
    );
    let report = check(&bare);
    assert!(report.is_valid());
    assert_eq!(
        warnings(&report),
        vec![
            "recommended@parameter.start_time",
            "recommended@parameter.fault_recovery_time"
        ]
    );
    assert_eq!(
        report.warnings[0].problem,
        Problem::Recommended {
            when: "is_service_interrupt"
        }
    );
    let only_start = set_param(&commit_solution(), "fault_recovery_time", Some(Value::Null));
    assert_eq!(
        warnings(&check(&only_start)),
        vec!["recommended@parameter.fault_recovery_time"]
    );
    let not_interrupted = set_param(&bare, "is_service_interrupt", Some(Value::Bool(false)));
    assert_eq!(warnings(&check(&not_interrupted)), Vec::<String>::new());
}

#[test]
fn mtm_type_is_an_open_set() {
    let request = set_param(
        &commit_solution(),
        "mtm_type",
        Some(Value::string("tenant_defined_category")),
    );
    assert!(check(&request).is_valid());
}

#[test]
fn operate_keys() {
    let key = |value: Value| check(&set(&accept(), "operate_key", Some(value)));
    for (given, suggestion) in [
        ("confirn", Some("confirm")),
        ("Confirm", Some("confirm")),
        ("confirm ", Some("confirm")),
        ("acceptIncident", Some("acceptedIncident1")),
        ("commitSolution", Some("commitSolution1")),
        ("close", None),
    ] {
        let report = key(Value::string(given));
        assert_eq!(
            errors(&report),
            vec!["unknown_operate_key@operate_key"],
            "{given}"
        );
        assert_eq!(
            report.errors[0].problem,
            Problem::UnknownOperateKey {
                allowed: coc_incident_core::OPERATE_KEYS,
                suggestion
            },
            "{given}"
        );
    }
    let report = key(Value::string("confirn"));
    assert_eq!(
        report.errors[0].message(),
        "Operation must be one of acceptedIncident1, commitSolution1, confirm. Did you mean \"confirm\"?"
    );
}

#[test]
fn unknown_operate_key_leaves_the_parameter_fields_unchecked() {
    let request = set(&confirm(), "operate_key", Some(Value::string("verify")));
    assert_eq!(
        errors(&check(&request)),
        vec!["unknown_operate_key@operate_key"]
    );
    let request = set(&request, "parameter", Some(Value::from(3)));
    assert_eq!(
        errors(&check(&request)),
        vec!["unknown_operate_key@operate_key", "wrong_type@parameter"]
    );
}

#[test]
fn unknown_fields_with_suggestions() {
    let request = set(&confirm(), "incident_nun", Some(Value::string("x")));
    let report = check(&request);
    assert_eq!(errors(&report), vec!["unknown_field@incident_nun"]);
    assert_eq!(
        report.errors[0].problem,
        Problem::UnknownField {
            suggestion: Some("incident_num")
        }
    );
    assert_eq!(
        report.errors[0].message(),
        "\"incident_nun\" is not a known field. Did you mean \"incident_num\"?"
    );

    let request = set_param(
        &confirm(),
        "virtual_confirm_coment",
        Some(Value::string("x")),
    );
    let report = check(&request);
    assert_eq!(
        errors(&report),
        vec!["unknown_field@parameter.virtual_confirm_coment"]
    );
    assert_eq!(
        report.errors[0].problem,
        Problem::UnknownField {
            suggestion: Some("virtual_confirm_comment")
        }
    );

    let request = set_param(&accept(), "comment", Some(Value::string("x")));
    let report = check(&request);
    assert_eq!(errors(&report), vec!["unknown_field@parameter.comment"]);
    assert_eq!(
        report.errors[0].problem,
        Problem::UnknownField { suggestion: None }
    );
}

#[test]
fn unknown_fields_can_be_allowed_as_warnings() {
    let request = set_param(
        &confirm(),
        "attachments",
        Some(Value::Array(vec![Value::string("a.png")])),
    );
    let report = check_with(&request, true);
    assert!(report.is_valid());
    assert_eq!(
        warnings(&report),
        vec!["unknown_field@parameter.attachments"]
    );
    // Even allowed, a value JSON cannot carry faithfully is an error at its own path.
    let nested = object! { "ok" => 1, "bad" => f64::NAN };
    let request = set(&confirm(), "extra", Some(Value::Object(nested)));
    let report = check_with(&request, true);
    assert_eq!(errors(&report), vec!["wrong_type@extra.bad"]);
    assert_eq!(warnings(&report), vec!["unknown_field@extra"]);
    let request = set(
        &confirm(),
        "deep",
        Some(Value::Foreign(coc_incident_core::Foreign::TooDeep)),
    );
    let report = check_with(&request, true);
    assert_eq!(
        report.errors[0].problem,
        Problem::WrongType {
            expected: "json",
            actual: "too_deep"
        }
    );
    // An undefined value is no key at all.
    let request = set(&confirm(), "nothing", Some(Value::Undefined));
    assert!(check(&request).is_valid());
}

#[test]
fn texts_with_unpaired_surrogates_or_control_characters_are_refused() {
    let comment = |value: Value| {
        check(&set_param(
            &confirm(),
            "virtual_confirm_comment",
            Some(value),
        ))
    };
    let report = comment(Value::String(Text::from_utf16(&[0x4F60, 0xD83D, 0x41])));
    assert_eq!(
        errors(&report),
        vec!["invalid_text@parameter.virtual_confirm_comment"]
    );
    assert_eq!(
        report.errors[0].problem,
        Problem::InvalidText {
            reason: TextReason::UnpairedSurrogate,
            index: 1,
            code_point: None
        }
    );
    for (text, index, code_point) in [
        ("a\u{0}b", 1, 0),
        ("😀\u{7F}", 2, 0x7F),
        ("\u{1B}[31m", 0, 0x1B),
        ("x\u{85}", 1, 0x85),
    ] {
        let report = comment(Value::string(text));
        assert_eq!(
            report.errors[0].problem,
            Problem::InvalidText {
                reason: TextReason::ControlCharacter,
                index,
                code_point: Some(code_point)
            },
            "{text:?}"
        );
    }
    assert!(comment(Value::string("line 1\r\nline 2\tend")).is_valid());
    let report = check(&set(
        &confirm(),
        "operator",
        Some(Value::String(Text::from_utf16(&[0xDC00]))),
    ));
    assert_eq!(errors(&report), vec!["invalid_text@operator"]);
    let report = check(&set(
        &confirm(),
        "operate_key",
        Some(Value::String(Text::from_utf16(&[0x63, 0xDC00]))),
    ));
    assert_eq!(errors(&report), vec!["invalid_text@operate_key"]);
}

#[test]
fn the_root_must_be_a_plain_object() {
    for (value, actual) in [
        (Value::Undefined, "undefined"),
        (Value::Null, "null"),
        (Value::string("{}"), "string"),
        (Value::Array(vec![]), "array"),
        (Value::from(3), "integer"),
        (
            Value::Foreign(coc_incident_core::Foreign::Instance),
            "instance",
        ),
    ] {
        let report = validate(&value, ValidateOptions::default());
        assert_eq!(errors(&report), vec!["not_object@"]);
        assert_eq!(report.errors[0].problem, Problem::NotObject { actual });
    }
}

#[test]
fn every_violation_at_once_in_document_order() {
    let parameter = object! {
        "zzz" => 1,
        "solution" => "",
        "fault_recovery_time" => 5,
        "is_service_interrupt" => "yes",
        "start_time" => 10,
        "mtm_typ" => "x",
    };
    let request = object! {
        "extra" => true,
        "parameter" => parameter,
        "operate_key" => "commitSolution1",
        "operator" => "   ",
    };
    assert_eq!(
        errors(&check(&request)),
        vec![
            "required@incident_num",
            "blank@operator",
            "required@parameter.mtm_type",
            "wrong_type@parameter.is_service_interrupt",
            "required@parameter.cause",
            "blank@parameter.solution",
            "out_of_range@parameter.fault_recovery_time",
            "unknown_field@parameter.zzz",
            "unknown_field@parameter.mtm_typ",
            "unknown_field@extra",
        ]
    );
}

#[test]
fn messages_in_both_locales() {
    let zh = ValidateOptions {
        locale: Locale::ZhCn,
        ..ValidateOptions::default()
    };
    let request = set_param(&confirm(), "virtual_confirm_comment", Some(text(301, "字")));
    let request = set_param(&request, "virtual_confirm_result", None);
    let report = validate(&Value::Object(request.clone()), zh);
    let messages: Vec<_> = report.errors.iter().map(|v| v.message()).collect();
    assert_eq!(
        messages,
        vec![
            "验证结果为必填项。",
            "验证说明最多 300 个字符，当前为 301 个。"
        ]
    );
    let report = check(&request);
    let messages: Vec<_> = report.errors.iter().map(|v| v.message()).collect();
    assert_eq!(
        messages,
        vec![
            "Verification result is required.",
            "Verification comment must be at most 300 characters, got 301."
        ]
    );
    // Every code has a message in each locale that is not the fallback.
    let all = object! { "operate_key" => "x", "incident_num" => "", "operator" => 3, "parameter" => 1, "foo" => 1 };
    for locale in [Locale::En, Locale::ZhCn] {
        let report = validate(
            &Value::Object(all.clone()),
            ValidateOptions {
                locale,
                ..ValidateOptions::default()
            },
        );
        for v in &report.errors {
            assert!(!v.message().contains("invalid ("), "{}", v.message());
            assert!(!v.message().contains("无效。"), "{}", v.message());
        }
    }
}

#[test]
fn locale_tags() {
    assert_eq!(Locale::from_tag("zh-CN"), Locale::ZhCn);
    assert_eq!(Locale::from_tag("zh-Hans-CN"), Locale::ZhCn);
    assert_eq!(Locale::from_tag("ZH"), Locale::ZhCn);
    assert_eq!(Locale::from_tag("en-GB"), Locale::En);
    assert_eq!(Locale::from_tag("fr"), Locale::En);
    assert_eq!(Locale::ZhCn.tag(), "zh-CN");
}

#[cfg(feature = "serde")]
#[test]
fn violations_serialize_as_the_javascript_api_documents() {
    let report = check(&set_param(
        &confirm(),
        "virtual_confirm_comment",
        Some(text(301, "a")),
    ));
    assert_eq!(
        serde_json::to_value(&report.errors[0]).unwrap(),
        serde_json::json!({
            "code": "too_long",
            "path": "parameter.virtual_confirm_comment",
            "message": "Verification comment must be at most 300 characters, got 301.",
            "params": { "max": 300, "actual": 301 }
        })
    );
    // A problem alone says what it is, with its figures.
    assert_eq!(
        serde_json::to_value(&report.errors[0].problem).unwrap(),
        serde_json::json!({ "code": "too_long", "params": { "max": 300, "actual": 301 } })
    );
    let report = check(&set_param(&confirm(), "virtual_confirm_comment", None));
    assert_eq!(
        serde_json::to_value(&report.errors[0].problem).unwrap(),
        serde_json::json!({ "code": "required", "params": {} })
    );
}

#[cfg(feature = "serde")]
#[test]
fn the_hand_written_report_json_matches_serde() {
    let zh = ValidateOptions {
        locale: Locale::ZhCn,
        allow_unknown_fields: true,
        ..ValidateOptions::default()
    };
    let requests = [
        Value::Object(commit_solution()),
        Value::Object(set_param(&commit_solution(), "start_time", None)),
        Value::Object(
            object! { "operate_key" => "confrm", "incident_num" => "", "operator" => 3, "parameter" => 1, "foo" => 1 },
        ),
        Value::Object(set_param(
            &confirm(),
            "virtual_confirm_comment",
            Some(Value::String(Text::from_utf16(&[0x61, 0xD800]))),
        )),
        Value::Object(set_param(
            &confirm(),
            "virtual_confirm_comment",
            Some(Value::string("a\u{7}\"\\")),
        )),
        Value::Object(set_param(
            &commit_solution(),
            "fault_recovery_time",
            Some(Value::from(1.0)),
        )),
        Value::Object(set_param(
            &commit_solution(),
            "start_time",
            Some(Value::from(-1.5e300)),
        )),
        Value::Object(set(&confirm(), "extra", Some(Value::from(f64::NAN)))),
        // Whole numbers past 2^53: written as digits by both.
        Value::Object(set_param(
            &commit_solution(),
            "start_time",
            Some(Value::from(1e16)),
        )),
        Value::Object(set_param(
            &commit_solution(),
            "start_time",
            Some(Value::from(i64::MAX)),
        )),
        Value::Array(vec![]),
    ];
    for request in &requests {
        for options in [ValidateOptions::default(), zh] {
            let report = validate(request, options);
            let ours: serde_json::Value =
                serde_json::from_str(&coc_incident_core::report_json(&report)).unwrap();
            // Exactly: a whole figure is an integer in both (a reader that asks
            // serde for an integer takes it), any other a float.
            assert_eq!(ours, serde_json::to_value(&report).unwrap());
        }
    }
}

#[test]
fn a_label_belongs_to_the_rule_not_to_a_key_name() {
    // `operator` is a root field; inside `parameter` it is just an unknown key.
    let report = check(&set_param(&confirm(), "operator", Some(Value::from("op"))));
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].path, "parameter.operator");
    assert_eq!(
        report.errors[0].message(),
        "\"parameter.operator\" is not a known field."
    );
    // `mtm_type` belongs to commitSolution1's table, not confirm's.
    let report = check(&set_param(&confirm(), "mtm_type", Some(Value::from("x"))));
    assert_eq!(
        report.errors[0].message(),
        "\"parameter.mtm_type\" is not a known field."
    );
    // A known field still reads by its label, in both languages.
    let blank = set_param(
        &confirm(),
        "virtual_confirm_comment",
        Some(Value::from(" ")),
    );
    let zh = validate(
        &blank.into(),
        ValidateOptions {
            locale: Locale::ZhCn,
            ..ValidateOptions::default()
        },
    );
    assert_eq!(zh.errors[0].message(), "验证说明不能为空。");
}

#[test]
fn messages_write_numbers_as_a_person_would() {
    let parameter = set(
        &solution_parameter(),
        "start_time",
        Some(Value::from(1e300)),
    );
    let report = check(&with_parameter("commitSolution1", parameter));
    let message = &report.errors[0].message();
    assert_eq!(
        message,
        "Fault start time must be at most 9007199254740991, got 1e+300."
    );
}

#[test]
fn paths_name_exotic_keys_exactly() {
    let mut request = accept();
    request.push("", Value::from(1));
    request.push("a.b", Value::from(1));
    request.push(Text::from_utf16(&[0xD800]), Value::from(1));
    request.push(Text::from_utf16(&[0xDC00]), Value::from(1));
    let paths: Vec<_> = check(&request).errors.into_iter().map(|v| v.path).collect();
    assert_eq!(
        paths,
        [r#"[""]"#, r#"["a.b"]"#, r#"["\ud800"]"#, r#"["\udc00"]"#]
    );
}
