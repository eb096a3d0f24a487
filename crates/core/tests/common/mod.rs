//! Requests and helpers shared by the native test files.
#![allow(dead_code)]

use coc_incident_core::{object, Object, Report, Value, Violation};

pub fn accept() -> Object {
    object! {
        "incident_num" => "IM202403221515060171753781",
        "operator" => "7da46971b7e24eed90cf777cc2ff8b91",
        "operate_key" => "acceptedIncident1",
        "parameter" => object! {},
    }
}

pub fn solution_parameter() -> Object {
    object! {
        "mtm_type" => "inc_type_p_config_issues",
        "is_service_interrupt" => true,
        "cause" => "100001",
        "solution" => "20001",
        "start_time" => 1_711_000_000_000_i64,
        "fault_recovery_time" => 1_711_000_600_000_i64,
    }
}

pub fn commit_solution() -> Object {
    with_parameter("commitSolution1", solution_parameter())
}

pub fn confirm_parameter() -> Object {
    object! { "virtual_confirm_result" => false, "virtual_confirm_comment" => "13" }
}

pub fn confirm() -> Object {
    with_parameter("confirm", confirm_parameter())
}

pub fn with_parameter(operate_key: &str, parameter: Object) -> Object {
    object! {
        "incident_num" => "IM202403221515060171753781",
        "operator" => "7da46971b7e24eed90cf777cc2ff8b91",
        "operate_key" => operate_key,
        "parameter" => parameter,
    }
}

/// A copy of `object` with `key` set to `value` (replaced in place, or added last),
/// or removed when `value` is `None`.
pub fn set(object: &Object, key: &str, value: Option<Value>) -> Object {
    let mut out = Object::new();
    let mut done = false;
    for (k, v) in object.entries() {
        if k.as_str() == key {
            done = true;
            if let Some(value) = &value {
                out.push(k.clone(), value.clone());
            }
        } else {
            out.push(k.clone(), v.clone());
        }
    }
    if let (false, Some(value)) = (done, value) {
        out.push(key, value);
    }
    out
}

/// `request` with `parameter.key` set or removed.
pub fn set_param(request: &Object, key: &str, value: Option<Value>) -> Object {
    let Value::Object(parameter) = request.get("parameter") else {
        panic!("no parameter")
    };
    set(
        request,
        "parameter",
        Some(Value::Object(set(parameter, key, value))),
    )
}

/// `request` with the field at a dotted `path` (`operator`, `parameter.cause`) set or removed.
pub fn set_path(request: &Object, path: &str, value: Option<Value>) -> Object {
    match path.strip_prefix("parameter.") {
        Some(key) => set_param(request, key, value),
        None => set(request, path, value),
    }
}

/// Each violation as `"code@path"`.
pub fn codes(violations: &[Violation]) -> Vec<String> {
    violations
        .iter()
        .map(|v| format!("{}@{}", v.code(), v.path))
        .collect()
}

pub fn errors(report: &Report) -> Vec<String> {
    codes(&report.errors)
}

pub fn warnings(report: &Report) -> Vec<String> {
    codes(&report.warnings)
}
