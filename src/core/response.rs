//! What an answer from the handle endpoint means: success, the API's own error, or
//! something that is not the API talking (a gateway's HTML page, say).

use super::value::Value;

/// The code of success.
pub const SUCCESS_CODE: &str = "GOM.00000000";
/// The most of a non-API body kept for an error: 1 KiB of UTF-8.
pub const SNIPPET_BYTES: usize = 1024;

/// The API's fields of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiFields {
    /// Service ID, as a string whether the server sent `"049"` or `4`; `""` when absent.
    pub provider_code: String,
    /// `GOM.00000000` on success; any other code is opaque.
    pub error_code: String,
    /// The server's description, when there is one.
    pub error_msg: Option<String>,
}

/// An answer, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// 2xx with `GOM.00000000`.
    Success(ApiFields),
    /// The API answered with another code (or a failing status).
    Api {
        /// The HTTP status.
        status: u16,
        /// What the API said.
        fields: ApiFields,
    },
    /// Not the API's JSON.
    Http {
        /// The HTTP status.
        status: u16,
        /// The start of the body, at most [`SNIPPET_BYTES`], cut on a character boundary.
        body_snippet: String,
    },
}

/// Classifies an answer from its status, its body text and that body parsed as JSON
/// (`None` when it is not JSON).
pub fn interpret(status: u16, body: &str, parsed: Option<&Value>) -> Answer {
    let fields = match parsed {
        Some(Value::Object(object)) => match object.get("error_code") {
            Value::String(code) if code.unpaired_surrogate_at().is_none() => Some(ApiFields {
                provider_code: provider_code(object.get("provider_code")),
                error_code: code.as_str().to_owned(),
                error_msg: match object.get("error_msg") {
                    Value::String(msg) => Some(msg.as_str().to_owned()),
                    _ => None,
                },
            }),
            _ => None,
        },
        _ => None,
    };
    match fields {
        Some(fields) if (200..300).contains(&status) && fields.error_code == SUCCESS_CODE => {
            Answer::Success(fields)
        }
        Some(fields) => Answer::Api { status, fields },
        None => Answer::Http {
            status,
            body_snippet: snippet(body).to_owned(),
        },
    }
}

/// `provider_code` as a string: the docs show both `"049"` and `4`.
fn provider_code(value: &Value) -> String {
    match value {
        Value::String(text) => text.as_str().to_owned(),
        Value::Number(n) => n.to_text(),
        _ => String::new(),
    }
}

/// The start of `body`, at most [`SNIPPET_BYTES`] bytes of UTF-8, never cutting a character.
pub fn snippet(body: &str) -> &str {
    if body.len() <= SNIPPET_BYTES {
        return body;
    }
    let mut end = SNIPPET_BYTES;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    &body[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object;

    fn answer(status: u16, parsed: Value) -> Answer {
        interpret(status, "", Some(&parsed))
    }

    #[test]
    fn success_normalises_provider_code() {
        let fields = |provider_code: &str| ApiFields {
            provider_code: provider_code.to_owned(),
            error_code: SUCCESS_CODE.to_owned(),
            error_msg: None,
        };
        let ok = |code: Value| object! { "error_code" => SUCCESS_CODE, "error_msg" => Value::Null, "provider_code" => code, "data" => Value::Null };
        assert_eq!(
            answer(200, ok(Value::string("049")).into()),
            Answer::Success(fields("049"))
        );
        assert_eq!(
            answer(200, ok(Value::from(4)).into()),
            Answer::Success(fields("4"))
        );
        assert_eq!(
            answer(200, ok(Value::Undefined).into()),
            Answer::Success(fields(""))
        );
    }

    #[test]
    fn other_codes_are_api_errors() {
        let invalid = object! { "error_code" => "GOM.00007256", "error_msg" => "Invalid parameters", "provider_code" => 4 };
        assert_eq!(
            answer(400, invalid.into()),
            Answer::Api {
                status: 400,
                fields: ApiFields {
                    provider_code: "4".to_owned(),
                    error_code: "GOM.00007256".to_owned(),
                    error_msg: Some("Invalid parameters".to_owned()),
                },
            }
        );
        // Success's code with a failing status is not success.
        let odd = object! { "error_code" => SUCCESS_CODE };
        assert!(matches!(
            answer(500, odd.into()),
            Answer::Api { status: 500, .. }
        ));
    }

    #[test]
    fn anything_else_is_an_http_error_with_a_snippet() {
        let html = format!("<html>{}</html>", "事".repeat(400));
        match interpret(502, &html, None) {
            Answer::Http {
                status,
                body_snippet,
            } => {
                assert_eq!(status, 502);
                assert!(
                    body_snippet.len() <= SNIPPET_BYTES && body_snippet.len() > SNIPPET_BYTES - 4
                );
                assert!(html.starts_with(&body_snippet));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            interpret(200, "[]", Some(&Value::Array(vec![]))),
            Answer::Http { .. }
        ));
        assert!(matches!(
            answer(200, object! { "error_code" => 0 }.into()),
            Answer::Http { .. }
        ));
        assert_eq!(snippet("short"), "short");
    }
}
