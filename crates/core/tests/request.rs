//! Building the exact request: body, URL, headers, and the options that are refused.

mod common;

use coc_incident_core::{build, object, BuildError, Object, Target, Text, ValidateOptions, Value};
use common::*;

fn target(endpoint: &str) -> Target<'_> {
    Target {
        endpoint,
        token: None,
        headers: Vec::new(),
    }
}

fn body_of(request: &Object) -> String {
    body_with(request, false)
}

fn body_with(request: &Object, allow_unknown_fields: bool) -> String {
    let options = ValidateOptions {
        allow_unknown_fields,
        ..ValidateOptions::default()
    };
    match build(
        &Value::Object(request.clone()),
        &target("https://coc.myhuaweicloud.com"),
        options,
    ) {
        Ok(built) => built.request.body,
        Err(e) => panic!("{e:?}"),
    }
}

#[test]
fn bodies_match_the_documented_examples() {
    assert_eq!(
        body_of(&accept()),
        r#"{"incident_num":"IM202403221515060171753781","operator":"7da46971b7e24eed90cf777cc2ff8b91","operate_key":"acceptedIncident1","parameter":{}}"#
    );
    assert_eq!(
        body_of(&confirm()),
        r#"{"incident_num":"IM202403221515060171753781","operator":"7da46971b7e24eed90cf777cc2ff8b91","operate_key":"confirm","parameter":{"virtual_confirm_result":false,"virtual_confirm_comment":"13"}}"#
    );
    let solution = set_param(
        &set_param(&commit_solution(), "start_time", None),
        "fault_recovery_time",
        None,
    );
    assert_eq!(
        body_of(&solution),
        r#"{"incident_num":"IM202403221515060171753781","operator":"7da46971b7e24eed90cf777cc2ff8b91","operate_key":"commitSolution1","parameter":{"mtm_type":"inc_type_p_config_issues","is_service_interrupt":true,"cause":"100001","solution":"20001"}}"#
    );
    assert!(body_of(&commit_solution())
        .ends_with(r#""start_time":1711000000000,"fault_recovery_time":1711000600000}}"#));
}

#[test]
fn accept_always_sends_an_empty_parameter() {
    for parameter in [None, Some(Value::Null)] {
        assert!(body_of(&set(&accept(), "parameter", parameter)).ends_with(r#""parameter":{}}"#));
    }
}

#[test]
fn the_root_is_written_in_documented_order_and_trimmed() {
    let request = object! {
        "parameter" => confirm_parameter(),
        "operate_key" => "confirm",
        "operator" => "\u{3000} op ",
        "incident_num" => "\tIM1\n",
    };
    assert!(body_of(&request).starts_with(
        r#"{"incident_num":"IM1","operator":"op","operate_key":"confirm","parameter":{"#
    ));
}

#[test]
fn other_texts_are_sent_exactly_as_given() {
    let comment = " <b>fixed</b> \"quoted\" \\ back\r\nline 2\t事😀 ";
    let request = set_param(
        &confirm(),
        "virtual_confirm_comment",
        Some(Value::string(comment)),
    );
    let body = body_of(&request);
    let sent: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(sent["parameter"]["virtual_confirm_comment"], comment);
}

#[test]
fn allowed_unknown_fields_are_sent_unchanged() {
    let extra = object! { "list" => Value::Array(vec![Value::from(1.5), Value::Null, Value::string("x")]), "__proto__" => true };
    let request = set(
        &set_param(&accept(), "note", Some(Value::string("n"))),
        "extra",
        Some(Value::Object(extra)),
    );
    let body = body_with(&request, true);
    assert!(
        body.ends_with(
            r#""parameter":{"note":"n"},"extra":{"list":[1.5,null,"x"],"__proto__":true}}"#
        ),
        "{body}"
    );
}

#[test]
fn invalid_input_is_refused_with_every_violation() {
    let request = set_param(
        &set(&confirm(), "operator", None),
        "virtual_confirm_comment",
        Some(Value::string("")),
    );
    match build(
        &Value::Object(request),
        &target("/api/coc"),
        ValidateOptions::default(),
    ) {
        Err(BuildError::Invalid(report)) => {
            assert_eq!(
                errors(&report),
                vec![
                    "required@operator",
                    "blank@parameter.virtual_confirm_comment"
                ]
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn warnings_travel_with_the_built_request() {
    let request = set_param(&commit_solution(), "start_time", None);
    let built = build(
        &Value::Object(request),
        &target("/api"),
        ValidateOptions::default(),
    )
    .unwrap();
    assert_eq!(
        codes(&built.warnings),
        vec!["recommended@parameter.start_time"]
    );
}

#[test]
fn endpoints() {
    let accepted = [
        (
            "https://coc.myhuaweicloud.com",
            "https://coc.myhuaweicloud.com/v1/external/incident/handle",
        ),
        (
            "https://coc-intl.myhuaweicloud.com/",
            "https://coc-intl.myhuaweicloud.com/v1/external/incident/handle",
        ),
        (
            "HTTPS://proxy.example.com:8443/coc",
            "HTTPS://proxy.example.com:8443/coc/v1/external/incident/handle",
        ),
        ("/api/coc/", "/api/coc/v1/external/incident/handle"),
        ("/", "/v1/external/incident/handle"),
        (
            "http://localhost:8080",
            "http://localhost:8080/v1/external/incident/handle",
        ),
        (
            "http://127.0.0.1:3000/x",
            "http://127.0.0.1:3000/x/v1/external/incident/handle",
        ),
        (
            "http://127.9.8.7",
            "http://127.9.8.7/v1/external/incident/handle",
        ),
        (
            "http://[::1]:9000",
            "http://[::1]:9000/v1/external/incident/handle",
        ),
    ];
    for (endpoint, url) in accepted {
        assert_eq!(
            coc_incident_core::handle_url(endpoint).as_deref(),
            Ok(url),
            "{endpoint}"
        );
    }
    let refused = [
        "",
        "//evil.example.com",
        "http://coc.myhuaweicloud.com",
        "http://localhost.evil.com",
        "http://127.0.0.1.evil.com",
        "http://128.0.0.1",
        "http://[::2]",
        "ftp://localhost",
        "javascript:alert(1)",
        "coc.myhuaweicloud.com",
        "api/coc",
        "https://user:pass@coc.myhuaweicloud.com",
        "https://coc.myhuaweicloud.com?x=1",
        "https://coc.myhuaweicloud.com#x",
        "https://coc.myhuaweicloud.com\r\nX: y",
        " https://coc.myhuaweicloud.com",
        "https:\\\\evil.example.com",
        "https://:443",
        "https://host:99999",
        "https://host:",
    ];
    for endpoint in refused {
        let error = coc_incident_core::handle_url(endpoint).unwrap_err();
        assert_eq!(error.option, "endpoint", "{endpoint}");
    }
    // The API's whole URL, pasted as the endpoint: the path would be sent twice.
    for endpoint in [
        "https://coc.myhuaweicloud.com/v1/external/incident/handle",
        "https://proxy.example.com/coc/v1/external/incident/handle/",
        "/v1/external/incident/handle",
    ] {
        let error = coc_incident_core::handle_url(endpoint).unwrap_err();
        assert_eq!(
            error.message,
            "endpoint already ends in /v1/external/incident/handle, which is added to it: give the base URL, without that path",
            "{endpoint}"
        );
    }
    // A path that only looks like it stays a base.
    assert_eq!(
        coc_incident_core::handle_url("https://h/v1/external/incident/handler").as_deref(),
        Ok("https://h/v1/external/incident/handler/v1/external/incident/handle")
    );
}

#[test]
fn headers_and_token() {
    let t = Target {
        endpoint: "/api",
        token: Some("MIItoken"),
        headers: vec![("X-CSRF-Token", "abc"), ("X-Request-Id", "")],
    };
    let built = build(&Value::Object(accept()), &t, ValidateOptions::default()).unwrap();
    let names: Vec<_> = built
        .request
        .headers
        .iter()
        .map(|(n, v)| format!("{n}: {v}"))
        .collect();
    assert_eq!(
        names,
        vec![
            "Content-Type: application/json;charset=UTF-8",
            "X-CSRF-Token: abc",
            "X-Request-Id: ",
            "X-Auth-Token: MIItoken",
        ]
    );
    assert_eq!(built.request.method, "POST");
    assert!(!built.request.url.contains("MIItoken"));

    let refuse = |token: Option<&str>, headers: Vec<(&str, &str)>| {
        let t = Target {
            endpoint: "/api",
            token,
            headers,
        };
        match build(&Value::Object(accept()), &t, ValidateOptions::default()) {
            Err(BuildError::Config(e)) => {
                assert!(!e.message.contains("secret"), "{}", e.message);
                e.option
            }
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(refuse(Some(""), vec![]), "token");
    assert_eq!(refuse(Some("secret\r\nX-Evil: 1"), vec![]), "token");
    assert_eq!(refuse(Some("secret\u{0}"), vec![]), "token");
    assert_eq!(refuse(Some(" secret"), vec![]), "token");
    assert_eq!(refuse(Some("secret "), vec![]), "token");
    // A no-break space is no whitespace fetch strips: sent as it is (Latin-1 0xA0).
    let nbsp = Target {
        endpoint: "/api",
        token: Some("secret\u{A0}"),
        headers: vec![("X-Org", "\u{A0}Acme\u{A0}")],
    };
    let built = build(&Value::Object(accept()), &nbsp, ValidateOptions::default()).unwrap();
    assert!(built
        .request
        .headers
        .iter()
        .any(|(n, v)| n == "X-Org" && v == "\u{A0}Acme\u{A0}"));
    assert_eq!(refuse(Some("secret事"), vec![]), "token");
    assert_eq!(
        refuse(None, vec![("content-type", "text/plain")]),
        "headers"
    );
    assert_eq!(refuse(None, vec![("X-AUTH-TOKEN", "secret")]), "headers");
    assert_eq!(refuse(None, vec![("X-A", "secret\nx")]), "headers");
    assert_eq!(refuse(None, vec![("Bad Name", "v")]), "headers");
    assert_eq!(refuse(None, vec![("", "v")]), "headers");
    assert_eq!(refuse(None, vec![("Cookie", "a=b")]), "headers");
    assert_eq!(refuse(None, vec![("Sec-Fetch-Mode", "cors")]), "headers");
    assert_eq!(refuse(None, vec![("X-A", "1"), ("x-a", "2")]), "headers");
}

#[test]
fn an_invalid_config_is_reported_before_the_input() {
    let t = target("http://example.com");
    match build(&Value::Null, &t, ValidateOptions::default()) {
        Err(BuildError::Config(e)) => assert_eq!(e.option, "endpoint"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_text_with_an_unpaired_surrogate_is_never_built() {
    let request = set(
        &accept(),
        "operator",
        Some(Value::String(Text::from_utf16(&[0x61, 0xD800]))),
    );
    assert!(matches!(
        build(
            &Value::Object(request),
            &target("/api"),
            ValidateOptions::default()
        ),
        Err(BuildError::Invalid(_))
    ));
}

#[test]
fn numbers_are_sent_as_javascript_writes_them() {
    let mut request = accept();
    request.push("extra", Value::from(0.1));
    request.push("big", Value::from(1e300));
    request.push(
        "neg",
        Value::Number(coc_incident_core::Number::with_text(-2.5e-8, "-2.5e-8").unwrap()),
    );
    let body = body_with(&request, true);
    assert!(
        body.ends_with(r#""parameter":{},"extra":0.1,"big":1e+300,"neg":-2.5e-8}"#),
        "{body}"
    );
}

/// A `Value` made in Rust may hold a key twice (JavaScript's cannot): the rules check
/// the first entry, and only that one is sent.
#[test]
fn a_key_given_twice_sends_only_the_entry_checked() {
    let mut parameter = Object::new();
    parameter.push("virtual_confirm_result", Value::from(true));
    parameter.push("virtual_confirm_comment", Value::from("fine"));
    parameter.push("virtual_confirm_comment", Value::from(""));
    parameter.push("virtual_confirm_result", Value::from("yes"));
    let request = object! {
        "incident_num" => "IM1", "operator" => "op", "operate_key" => "confirm",
        "parameter" => parameter,
    };
    assert!(body_of(&request).ends_with(
        r#""parameter":{"virtual_confirm_result":true,"virtual_confirm_comment":"fine"}}"#
    ));
    let parsed = coc_incident_core::parse_json(
        r#"{"incident_num":"IM1","operator":"op","operate_key":"confirm","parameter":{"virtual_confirm_result":true,"virtual_confirm_comment":"ok","virtual_confirm_comment":"\u0000"}}"#,
    )
    .unwrap();
    let Value::Object(parsed) = parsed else {
        unreachable!()
    };
    assert!(body_of(&parsed).ends_with(r#""virtual_confirm_comment":"ok"}}"#));
}

/// A `Value` made in Rust may nest deeper than any read from JavaScript: an extra that
/// does is `too_deep` where the reader would make it so, and the walk's stack stays
/// bounded (30,000 levels overflowed it).
#[test]
fn an_extra_deeper_than_javascript_reads_is_too_deep() {
    let mut deep = Value::Null;
    for _ in 0..30_000 {
        deep = Value::Array(vec![deep]);
    }
    let mut request = accept();
    request.push("x", deep);
    let options = ValidateOptions {
        allow_unknown_fields: true,
        ..ValidateOptions::default()
    };
    let request = Value::Object(request);
    let report = coc_incident_core::validate(&request, options);
    // Dropping it recurses as deep as it is nests (the test thread's stack would not
    // hold that in a debug build): left to the end of the process instead.
    core::mem::forget(request);
    let path = format!("x{}", ".0".repeat(coc_incident_core::MAX_DEPTH - 1));
    let too_deep: Vec<_> = report
        .errors
        .iter()
        .map(|v| (v.code(), v.path.to_text(), v.to_string()))
        .collect();
    assert_eq!(too_deep.len(), 1, "{too_deep:?}");
    assert_eq!(too_deep[0].0, "wrong_type");
    assert_eq!(too_deep[0].1, path);
    assert!(
        too_deep[0].2.contains("nested too deeply"),
        "{}",
        too_deep[0].2
    );
}

/// An error chain prints each violation once: `Display` says what, `source()` why.
#[test]
fn a_build_error_says_what_and_its_source_why() {
    let refused = |request: Object, endpoint: &str| {
        build(
            &Value::Object(request),
            &target(endpoint),
            ValidateOptions::default(),
        )
        .unwrap_err()
    };
    let request = object! { "incident_num" => " ", "operator" => "", "operate_key" => "confirm" };
    let error = refused(request, "https://coc.myhuaweicloud.com");
    assert_eq!(error.to_string(), "invalid request (3 errors)");
    // A report too long to list counts what it only counts.
    let mut many = accept();
    for i in 0..150 {
        many.push(format!("unknown_{i}"), Value::from(1.0));
    }
    let long = refused(many, "https://coc.myhuaweicloud.com");
    assert_eq!(long.to_string(), "invalid request (150 errors)");
    let source = core::error::Error::source(&error).unwrap().to_string();
    assert!(source.contains("incident_num"), "{source}");
    let config = refused(accept(), "ftp://x");
    assert_eq!(config.to_string(), "invalid option endpoint");
    assert!(matches!(config, BuildError::Config(_)));
    assert!(core::error::Error::source(&config)
        .unwrap()
        .to_string()
        .contains("endpoint"));
}
