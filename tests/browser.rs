//! The JavaScript boundary in a real browser (`wasm-pack test --headless --chrome`):
//! the exports called with real JavaScript values, hostile ones included.
#![cfg(target_arch = "wasm32")]

use coc_incident::js::{build_handle_request, text_length, validate_handle_request};
use js_sys::{Array, Function, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Evaluates a JavaScript expression (test code only: pages using the library need no eval).
fn js(expression: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn validate(input: &JsValue) -> JsValue {
    validate_handle_request(input.clone(), None).expect("validate never throws")
}

/// `["code@path", …]` of a report's errors.
fn errors(report: &JsValue) -> Vec<String> {
    Array::from(&get(report, "errors"))
        .iter()
        .map(|v| {
            format!(
                "{}@{}",
                get(&v, "code").as_string().unwrap(),
                get(&v, "path").as_string().unwrap()
            )
        })
        .collect()
}

const CONFIRM: &str = r#"{"incident_num":"IM202403221515060171753781","operator":"7da46971b7e24eed90cf777cc2ff8b91","operate_key":"confirm","parameter":{"virtual_confirm_result":false,"virtual_confirm_comment":"13"}}"#;

fn confirm_with(comment_expression: &str) -> JsValue {
    js(&format!(
        "{{ incident_num: 'IM1', operator: 'op', operate_key: 'confirm', parameter: {{ virtual_confirm_result: true, virtual_confirm_comment: {comment_expression} }} }}"
    ))
}

#[wasm_bindgen_test]
fn a_valid_request_is_valid() {
    let report = validate(&JSON::parse(CONFIRM).unwrap());
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    assert_eq!(Array::from(&get(&report, "errors")).length(), 0);
    assert_eq!(Array::from(&get(&report, "warnings")).length(), 0);
}

#[wasm_bindgen_test]
fn reports_are_plain_objects_with_the_documented_shape() {
    let report = validate(&confirm_with("'x'.repeat(301)"));
    let violation = Array::from(&get(&report, "errors")).get(0);
    assert_eq!(
        JSON::stringify(&violation).unwrap().as_string().unwrap(),
        r#"{"code":"too_long","path":"parameter.virtual_confirm_comment","message":"Verification comment must be at most 300 characters, got 301.","params":{"max":300,"actual":301}}"#
    );
}

#[wasm_bindgen_test]
fn lengths_are_counted_as_javascript_counts_them() {
    assert_eq!(
        errors(&validate(&confirm_with("'事'.repeat(300)"))),
        Vec::<String>::new()
    );
    assert_eq!(
        errors(&validate(&confirm_with("'😀'.repeat(150)"))),
        Vec::<String>::new()
    );
    assert_eq!(
        errors(&validate(&confirm_with("'😀'.repeat(151)"))),
        vec!["too_long@parameter.virtual_confirm_comment"]
    );
    assert_eq!(text_length(JsValue::from_str("😀事a")).unwrap(), 4);
    let error = text_length(JsValue::from(5)).unwrap_err();
    assert!(error.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn unpaired_surrogates_are_found_not_replaced() {
    let report = validate(&confirm_with("'ab\\uD800cd'"));
    assert_eq!(
        errors(&report),
        vec!["invalid_text@parameter.virtual_confirm_comment"]
    );
    let params = get(&Array::from(&get(&report, "errors")).get(0), "params");
    assert_eq!(
        JSON::stringify(&params).unwrap().as_string().unwrap(),
        r#"{"reason":"unpaired_surrogate","index":2}"#
    );
    let report = validate(&confirm_with("'\\uDC00'"));
    assert_eq!(
        errors(&report),
        vec!["invalid_text@parameter.virtual_confirm_comment"]
    );
    // A paired surrogate (an emoji) is fine, a reversed pair is not.
    assert_eq!(
        errors(&validate(&confirm_with("'\\uD83D\\uDE00'"))),
        Vec::<String>::new()
    );
    let report = validate(&confirm_with("'x\\uDE00\\uD83D'"));
    let params = get(&Array::from(&get(&report, "errors")).get(0), "params");
    assert_eq!(get(&params, "index"), JsValue::from(1));
    // In a key too: reported as unknown, and refused even when unknown keys are allowed.
    let input = js("{ incident_num: 'IM1', operator: 'op', operate_key: 'acceptedIncident1', ['k\\uD800']: 1 }");
    let options = js("{ allowUnknownFields: true }");
    let report = validate_handle_request(input, Some(options)).unwrap();
    assert_eq!(errors(&report), vec![r#"invalid_text@["k\ud800"]"#]);
}

/// Each hostile value, the first error it must produce (`None`: valid).
fn hostile_values() -> Vec<(&'static str, Option<&'static str>)> {
    vec![
        ("undefined", Some("not_object@")),
        ("null", Some("not_object@")),
        ("42", Some("not_object@")),
        ("NaN", Some("not_object@")),
        ("'a string'", Some("not_object@")),
        ("[1, 2, 3]", Some("not_object@")),
        ("() => 1", Some("not_object@")),
        ("Symbol('s')", Some("not_object@")),
        ("10n", Some("not_object@")),
        ("new Date()", Some("not_object@")),
        ("new Map([['incident_num', 'IM1']])", Some("not_object@")),
        ("new (class Request { constructor() { this.incident_num = 'IM1'; } })()", Some("not_object@")),
        ("new Proxy({}, { ownKeys() { throw new Error('no keys'); } })", Some("not_object@")),
        ("(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()", Some("not_object@")),
        (
            "{ get incident_num() { throw new Error('getter'); }, operator: 'op', operate_key: 'acceptedIncident1' }",
            Some("wrong_type@incident_num"),
        ),
        (
            "(() => { const p = { virtual_confirm_result: true, virtual_confirm_comment: 'ok' }; p.self = p; return { incident_num: 'IM1', operator: 'op', operate_key: 'confirm', parameter: p }; })()",
            Some("unknown_field@parameter.self"),
        ),
        (
            "(() => { let deep = {}; for (let i = 0; i < 100000; i++) deep = { deep }; return { incident_num: 'IM1', operator: 'op', operate_key: 'acceptedIncident1', extra: deep }; })()",
            Some("unknown_field@extra"),
        ),
        (
            "JSON.parse('{\"__proto__\": {\"polluted\": true}, \"incident_num\": \"IM1\", \"operator\": \"op\", \"operate_key\": \"acceptedIncident1\"}')",
            Some("unknown_field@__proto__"),
        ),
        (
            "Object.assign(Object.create(null), { incident_num: 'IM1', operator: 'op', operate_key: 'acceptedIncident1' })",
            None,
        ),
        (
            "{ incident_num: 'IM1', operator: 'op', operate_key: 'commitSolution1', parameter: { mtm_type: 'x', is_service_interrupt: false, cause: 'c'.repeat(4 * 1024 * 1024), solution: 's' } }",
            Some("too_long@parameter.cause"),
        ),
        (
            "{ incident_num: 'IM1', operator: 'op', operate_key: 'acceptedIncident1', extra: new Array(1e6).fill(0) }",
            Some("unknown_field@extra"),
        ),
        (
            "{ incident_num: Symbol('x'), operator: () => 1, operate_key: 10n, parameter: new Date() }",
            Some("wrong_type@incident_num"),
        ),
        (
            "{ incident_num: 'IM1', operator: 'op', operate_key: { toString() { return 'confirm'; } } }",
            Some("wrong_type@operate_key"),
        ),
        (
            "{ incident_num: 'IM1', operator: 'op', operate_key: 'confirm', parameter: new Proxy({}, { get() { throw new Error('x'); }, ownKeys() { return ['virtual_confirm_result']; }, getOwnPropertyDescriptor() { return { value: 1, enumerable: true, configurable: true }; } }) }",
            Some("wrong_type@parameter.virtual_confirm_result"),
        ),
    ]
}

#[wasm_bindgen_test]
fn hostile_values_are_reported_never_thrown() {
    for (expression, first) in hostile_values() {
        let report = validate(&js(expression));
        let errors = errors(&report);
        assert_eq!(
            errors.first().map(String::as_str),
            first,
            "{expression}: {errors:?}"
        );
        assert_eq!(
            get(&report, "valid"),
            JsValue::from_bool(first.is_none()),
            "{expression}"
        );
    }
    // Building refuses them with a ValidationError, never a trap or a string.
    for (expression, first) in hostile_values() {
        let options = js("{ endpoint: '/api' }");
        let result = build_handle_request(js(expression), options);
        match first {
            None => assert!(result.is_ok(), "{expression}"),
            Some(_) => {
                let error = result.unwrap_err();
                assert!(error.is_instance_of::<js_sys::Error>(), "{expression}");
                assert_eq!(get(&error, "name"), "ValidationError", "{expression}");
                assert!(Array::is_array(&get(&error, "violations")), "{expression}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn the_instance_still_works_after_ten_thousand_hostile_values() {
    let values: Vec<JsValue> = hostile_values()
        .iter()
        .filter(|(expression, _)| {
            !expression.contains("1e6") && !expression.contains("1024 * 1024")
        })
        .map(|(expression, _)| js(expression))
        .collect();
    for i in 0..10_000 {
        let value = &values[i % values.len()];
        let _ = validate(value);
        let _ = build_handle_request(value.clone(), js("{ endpoint: '/api' }"));
        let _ = validate_handle_request(JsValue::NULL, Some(value.clone()));
    }
    let report = validate(&JSON::parse(CONFIRM).unwrap());
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    assert_eq!(
        errors(&validate(&confirm_with("''"))),
        vec!["blank@parameter.virtual_confirm_comment"]
    );
    let built =
        build_handle_request(JSON::parse(CONFIRM).unwrap(), js("{ endpoint: '/api' }")).unwrap();
    assert_eq!(get(&built, "body").as_string().unwrap(), CONFIRM);
}

#[wasm_bindgen_test]
fn build_returns_what_fetch_needs() {
    let options = js("{ endpoint: 'https://coc.myhuaweicloud.com', token: 'MIItoken', headers: { 'X-CSRF-Token': 'abc' } }");
    let built = build_handle_request(JSON::parse(CONFIRM).unwrap(), options).unwrap();
    assert_eq!(get(&built, "method"), "POST");
    assert_eq!(
        get(&built, "url"),
        "https://coc.myhuaweicloud.com/v1/external/incident/handle"
    );
    assert_eq!(get(&built, "body").as_string().unwrap(), CONFIRM);
    assert_eq!(
        JSON::stringify(&get(&built, "headers"))
            .unwrap()
            .as_string()
            .unwrap(),
        r#"{"Content-Type":"application/json;charset=UTF-8","X-CSRF-Token":"abc","X-Auth-Token":"MIItoken"}"#
    );
}

#[wasm_bindgen_test]
fn errors_are_named_error_objects() {
    let error = build_handle_request(
        confirm_with("''"),
        js("{ endpoint: '/api', locale: 'zh-CN' }"),
    )
    .unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&error, "name"), "ValidationError");
    assert_eq!(get(&error, "message"), "请求无效：验证说明不能为空。");
    let violations = Array::from(&get(&error, "violations"));
    assert_eq!(get(&violations.get(0), "code"), "blank");

    for (options, option) in [
        ("{ endpoint: 'http://coc.myhuaweicloud.com' }", "endpoint"),
        ("{ endpoint: '//evil.example.com' }", "endpoint"),
        ("{}", "endpoint"),
        ("{ endpoint: '/api', token: 'secret\\r\\nX: 1' }", "token"),
        ("{ endpoint: '/api', token: 42 }", "token"),
        (
            "{ endpoint: '/api', headers: { 'X-Auth-Token': 'secret' } }",
            "headers",
        ),
        ("{ endpoint: '/api', headers: { 'X-A': 1 } }", "headers"),
        ("{ endpoint: '/api', locale: 1 }", "locale"),
        (
            "{ endpoint: '/api', allowUnknownFields: 'yes' }",
            "allowUnknownFields",
        ),
        ("{ endpoint: '/api', endpiont: '/x' }", "options"),
        ("'https://coc.myhuaweicloud.com'", "options"),
    ] {
        let error = build_handle_request(JSON::parse(CONFIRM).unwrap(), js(options)).unwrap_err();
        assert!(error.is_instance_of::<js_sys::Error>(), "{options}");
        assert_eq!(get(&error, "name"), "ConfigError", "{options}");
        assert_eq!(get(&error, "option"), option, "{options}");
        let message = get(&error, "message").as_string().unwrap();
        assert!(!message.contains("secret"), "{message}");
    }
    let error = validate_handle_request(JsValue::NULL, Some(js("{ locale: ['en'] }"))).unwrap_err();
    assert_eq!(get(&error, "name"), "ConfigError");
}

#[wasm_bindgen_test]
fn messages_follow_the_locale() {
    let options = js("{ locale: 'zh-CN' }");
    let report = validate_handle_request(confirm_with("'x'.repeat(301)"), Some(options)).unwrap();
    let message = get(&Array::from(&get(&report, "errors")).get(0), "message");
    assert_eq!(message, "验证说明最多 300 个字符，当前为 301 个。");
}
