//! `IncidentClient`: validates, builds with the core's one request builder, sends
//! with gloo-net and turns every answer into a typed result. The only module that
//! touches the network.

use std::rc::Rc;

use gloo_net::http::{Method, RequestBuilder};
use js_sys::{Function, JsString, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{AbortSignal, RequestCache, RequestRedirect};

use coc_incident_core::response::{
    interpret, redact, redact_cut, redacted_snippet, snippet, Answer, ApiFields, FieldValue,
};
use coc_incident_core::Value;
use coc_incident_core::{check, ValidateOptions};
use coc_incident_core::{BuiltRequest, ConfigError, Envelope, Target};

use super::deadline::{Deadline, Stop};
use super::errors::{config_error, named_error, validation_error};
use super::options::{Options, CLIENT_KEYS};
use super::read::{parse_json_string as parse_json, read, read_text};
use super::set;

/// The time-out when `timeoutMs` is not given: 30 s.
const DEFAULT_TIMEOUT_MS: u32 = 30_000;
/// The longest time-out `setTimeout` honours (2^31 - 1 ms).
const MAX_TIMEOUT_MS: f64 = 2_147_483_647.0;

// The token provider, called so that a throw becomes a rejection: a `catch` import
// (Function::call0) would leak a table slot each time it threw (see read.js). The
// promise also settles, with undefined, once `signal` aborts: the wait for a token is
// the request's, which its deadline ends. In JavaScript, where a race is a few words.
#[wasm_bindgen(inline_js = "export function call_provider(provider, signal) {
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => resolve(undefined), { once: true });
    try { Promise.resolve(provider()).then(resolve, reject); } catch (error) { reject(error); }
  });
}")]
extern "C" {
    fn call_provider(provider: &Function, signal: &AbortSignal) -> Promise;
}

/// Where the token comes from.
enum Token {
    None,
    Fixed(String),
    /// Called for every request, after validation: tokens expire.
    Provider(Function),
}

/// A checked configuration, shared by the requests in flight.
struct Config {
    endpoint: String,
    token: Token,
    headers: Vec<(String, String)>,
    timeout_ms: u32,
    signal: Option<AbortSignal>,
    validate: ValidateOptions,
}

/// Sends handle requests to one endpoint.
#[wasm_bindgen(skip_typescript)]
pub struct IncidentClient {
    config: Rc<Config>,
}

#[wasm_bindgen]
impl IncidentClient {
    /// Checks the options; throws `ConfigError` when one is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<IncidentClient, JsValue> {
        Config::read(&options)
            .map(|config| IncidentClient {
                config: Rc::new(config),
            })
            .map_err(|e| config_error(&e))
    }

    /// Validates and sends a handle request; resolves with the API's answer.
    pub fn handle(&self, input: JsValue) -> Promise {
        // Read now, as `fetch` takes its body: what the caller changes in the object
        // after this call is not what is sent (the future runs a microtask later).
        let value = read(&input);
        future_to_promise(send(self.config.clone(), value))
    }

    /// Accepts an incident ticket.
    #[wasm_bindgen(js_name = acceptIncident)]
    pub fn accept_incident(&self, incident_num: JsValue, operator: JsValue) -> Promise {
        self.handle(request(
            incident_num,
            operator,
            "acceptedIncident1",
            JsValue::UNDEFINED,
        ))
    }

    /// Submits the solution of an incident ticket.
    #[wasm_bindgen(js_name = submitSolution)]
    pub fn submit_solution(
        &self,
        incident_num: JsValue,
        operator: JsValue,
        parameter: JsValue,
    ) -> Promise {
        self.handle(request(
            incident_num,
            operator,
            "commitSolution1",
            parameter,
        ))
    }

    /// Verifies the handling of an incident ticket.
    #[wasm_bindgen(js_name = verifyResolution)]
    pub fn verify_resolution(
        &self,
        incident_num: JsValue,
        operator: JsValue,
        parameter: JsValue,
    ) -> Promise {
        self.handle(request(incident_num, operator, "confirm", parameter))
    }
}

/// The request object a shortcut stands for; `parameter` left out when undefined.
fn request(
    incident_num: JsValue,
    operator: JsValue,
    operate_key: &str,
    parameter: JsValue,
) -> JsValue {
    let object = Object::new();
    set(&object, "incident_num", &incident_num);
    set(&object, "operator", &operator);
    set(&object, "operate_key", &JsValue::from_str(operate_key));
    if !parameter.is_undefined() {
        set(&object, "parameter", &parameter);
    }
    object.into()
}

impl Config {
    fn read(options: &JsValue) -> Result<Config, ConfigError> {
        let options = Options::read(options, CLIENT_KEYS)?;
        let token = match options.get("token") {
            Value::Undefined | Value::Null => Token::None,
            Value::Foreign(coc_incident_core::Foreign::Function) => {
                Token::Provider(options.raw("token").unchecked_into())
            }
            _ => Token::Fixed(options.string("token")?.unwrap_or_default().to_owned()),
        };
        let timeout_ms = match options.get("timeoutMs") {
            Value::Undefined | Value::Null => DEFAULT_TIMEOUT_MS,
            Value::Number(ms)
                if ms.value().fract() == 0.0 && (1.0..=MAX_TIMEOUT_MS).contains(&ms.value()) =>
            {
                ms.value() as u32
            }
            other => {
                // A finite number is said as itself (0, -1, 1.5: its type says nothing
                // wrong); anything else by its type, as before.
                let actual = match other {
                    Value::Number(ms) if ms.value().is_finite() => ms.to_text(),
                    other => other.type_name().to_owned(),
                };
                let why =
                    format!("timeoutMs must be whole milliseconds, 1 to 2^31 - 1, got {actual}");
                return Err(ConfigError::new("timeoutMs", why));
            }
        };
        let signal = match options.raw("signal") {
            raw if raw.is_undefined() || raw.is_null() => None,
            raw => Some(
                raw.dyn_into::<AbortSignal>()
                    .map_err(|_| ConfigError::new("signal", "signal must be an AbortSignal"))?,
            ),
        };
        let config = Config {
            endpoint: options.endpoint()?.to_owned(),
            headers: options
                .headers()?
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
            token,
            timeout_ms,
            signal,
            validate: options.validate_options()?,
        };
        // Endpoint, headers and a fixed token are checked now, not at the first request.
        let fixed = match &config.token {
            Token::Fixed(token) => Some(token.as_str()),
            _ => None,
        };
        config.envelope(fixed)?;
        Ok(config)
    }

    fn envelope(&self, token: Option<&str>) -> Result<Envelope, ConfigError> {
        let headers = self
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        Envelope::new(&Target {
            endpoint: &self.endpoint,
            token,
            headers,
        })
    }

    fn aborted(&self) -> bool {
        self.signal.as_ref().is_some_and(AbortSignal::aborted)
    }

    /// The token for one request: a provider is called now and may answer a Promise.
    /// Its own error is passed on unchanged. Its wait ends when `deadline` stops (what
    /// it answered then is not looked at: the caller asks `deadline` first).
    async fn token(&self, deadline: &Deadline) -> Result<Option<String>, JsValue> {
        let provider = match &self.token {
            Token::None => return Ok(None),
            Token::Fixed(token) => return Ok(Some(token.clone())),
            Token::Provider(provider) => provider,
        };
        // Settled with undefined when the deadline stopped: no token, which send() then
        // never uses, as it asks the deadline first.
        let token = JsFuture::from(call_provider(provider, &deadline.signal())).await?;
        if token.is_undefined() || token.is_null() {
            return Ok(None);
        }
        let why = match read_text(&token) {
            Some(text) if text.unpaired_surrogate_at().is_none() => {
                return Ok(Some(text.as_str().to_owned()))
            }
            // As a fixed token's is said (the core's words).
            Some(_) => "the token provider returned a token that holds an unpaired surrogate (a broken character)",
            None => "the token provider must return a string (or a Promise of one)",
        };
        Err(config_error(&ConfigError::new("token", why)))
    }
}

/// One handle call, start to end.
async fn send(config: Rc<Config>, value: Value) -> Result<JsValue, JsValue> {
    let checked = match check(&value, config.validate) {
        Ok(checked) => checked,
        Err(report) => return Err(validation_error(&report)),
    };
    if config.aborted() {
        return Err(abort_error(config.signal.as_ref()));
    }
    // The clock and the caller's signal cover the token provider's wait too: a provider
    // that never answers must not hold the call (and a bound form) for good.
    let deadline = Deadline::start(config.timeout_ms, config.signal.as_ref())?;
    let token = config.token(&deadline).await;
    match deadline.stopped() {
        Some(Stop::Timeout) => {
            return Err(named_error(
                "TimeoutError",
                &format!(
                    "The token function gave no token within {} ms",
                    config.timeout_ms
                ),
                &[],
            ))
        }
        Some(Stop::Aborted) => return Err(abort_error(config.signal.as_ref())),
        None => {}
    }
    let token = token?;
    let request = config
        .envelope(token.as_deref())
        .map_err(|e| config_error(&e))?
        .request(&checked);
    let url = own_origin(&request.url).ok_or_else(|| {
        config_error(&ConfigError::new(
            "endpoint",
            "an endpoint given as a path is sent to the page's own origin, and there is no page of an http(s) origin here (Node, an opaque origin): give a full https:// URL",
        ))
    })?;
    let exchanged = exchange(&url, &request, &deadline.signal()).await;
    match (exchanged, deadline.stopped()) {
        (Ok((status, body)), _) => answer(status, &body, token.as_deref()),
        (Err(_), Some(Stop::Timeout)) => Err(named_error(
            "TimeoutError",
            &format!("No answer from the COC endpoint within {} ms", config.timeout_ms),
            &[],
        )),
        (Err(_), Some(Stop::Aborted)) => Err(abort_error(config.signal.as_ref())),
        (Err(error), None) => Err(named_error(
            "NetworkError",
            &format!("The request failed with no answer (network failure, CORS refusal or a redirect): {error}"),
            &[],
        )),
    }
}

/// Sends the request to `url` (its own, made absolute: [`own_origin`]) and reads the
/// whole answer, as a JavaScript string: it is not copied into wasm memory, which never
/// shrinks (a 300 MB answer grew it by 300 MB to 900 MB for good), only the parts an
/// answer is made of ([`answer`]). Redirects are refused: the token must not follow one
/// to another host.
async fn exchange(
    url: &str,
    request: &BuiltRequest,
    signal: &AbortSignal,
) -> Result<(u16, JsString), gloo_net::Error> {
    let mut builder = RequestBuilder::new(url)
        .method(Method::POST)
        .redirect(RequestRedirect::Error)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(signal));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let response = builder.body(request.body.as_str())?.send().await?;
    let status = response.status();
    let unread = |error: JsValue| {
        let what = error
            .dyn_into::<js_sys::Error>()
            .map(|e| String::from(e.to_string()));
        gloo_net::Error::GlooError(what.unwrap_or_else(|_| "its body could not be read".into()))
    };
    let raw = web_sys::Response::from(response);
    let text = JsFuture::from(raw.text().map_err(unread)?)
        .await
        .map_err(unread)?;
    Ok((status, text.unchecked_into()))
}

/// The most UTF-16 units of a server's text read into Rust: of a text field of an
/// answer (`error_msg`, say), then "…", since no real message is as long and wasm
/// memory would hold it for good; and of a body, whose `bodySnippet` is its first KiB
/// (once the tokens it quotes are taken out).
const HEAD_UNITS: u32 = 64 * 1024;

/// The start of `text`, at most `units` UTF-16 units, never half a surrogate pair;
/// whether it is all of it.
fn head(text: &JsString, units: u32) -> (String, bool) {
    if text.length() <= units {
        return (String::from(text), true);
    }
    let high = (0xD800..0xDC00).contains(&(text.char_code_at(units - 1) as u32));
    let end = units - u32::from(high);
    (String::from(text.slice(0, end)), false)
}

/// An endpoint given as a path (`/api/coc/…`) made the page's own origin's: `fetch`
/// would resolve it against the document's base URL, and a `<base href>` put in the
/// page (HTML injected with no script) would send the token to its host. The origin is
/// the global's (`self.origin`: a `srcdoc` or `about:blank` frame's is its parent's,
/// where its `location.origin` is "null"), else its location's (a sandboxed frame
/// loaded from a URL). Where neither is an HTTP one (an opaque origin, Node), a path is
/// no URL to send to: `None`. Any other URL as it is.
fn own_origin(url: &str) -> Option<String> {
    if !url.starts_with('/') {
        return Some(url.to_owned());
    }
    // Nothing that throws (a `catch` import that throws leaks a table slot, read.js):
    // `origin` is read only from an object.
    let origin_of = |holder: &JsValue| {
        Some(holder)
            .filter(|holder| holder.is_object())
            .and_then(|holder| Reflect::get(holder, &JsValue::from_str("origin")).ok())
            .and_then(|origin| origin.as_string())
            // Not `contains("://")`: the str searcher it links is 5 KB gzipped.
            .filter(|origin| origin.starts_with("https://") || origin.starts_with("http://"))
    };
    let global = js_sys::global();
    let origin = origin_of(&global).or_else(|| {
        let location = Reflect::get(&global, &JsValue::from_str("location")).ok()?;
        origin_of(&location)
    })?;
    Some(origin + url)
}

/// Turns an answer into the resolved `HandleResponse` or the rejected error.
/// The body is parsed once; only the API's fields are read from it by name, so
/// `data` of any size passes through untouched. An error never quotes `token` (the
/// one sent), which a server may echo back: see `redact`.
fn answer(status: u16, body: &JsString, token: Option<&str>) -> Result<JsValue, JsValue> {
    // Not js_sys::JSON::parse: a throwing `catch` import leaks a table slot (read.js).
    let parsed = Some(parse_json(body)).filter(|p| !p.is_undefined());
    let fields = parsed.as_ref().and_then(|p| api_fields(p, token));
    // The body's start, which is all a snippet is made of, and only for an answer that
    // is not the API's JSON: `interpret` reads the body for no other (a success's
    // `data` of any size is not copied).
    let body = match fields {
        None => head(body, HEAD_UNITS).0,
        Some(_) => String::new(),
    };
    let body = body.as_str();
    match interpret(status, body, fields) {
        Answer::Success(fields) => {
            let response = Object::new();
            set_fields(&response, &fields);
            let data = parsed
                .as_ref()
                .and_then(|p| Reflect::get(p, &JsValue::from_str("data")).ok());
            set(
                &response,
                "data",
                &data.filter(|d| !d.is_undefined()).unwrap_or(JsValue::NULL),
            );
            Ok(response.into())
        }
        Answer::Api { status, fields } => {
            let error_code = redact(&fields.error_code, token);
            let error_msg = fields.error_msg.as_deref().map(|m| redact(m, token));
            // A message is read and logged: at most 1 KiB of the server's text (all of
            // it is `errorMsg`), as `bodySnippet` keeps of a body.
            let message = format!(
                "COC answered {error_code} (HTTP {status}){}",
                error_msg.as_deref().map_or(String::new(), |m| {
                    let cut = snippet(m);
                    format!(": {cut}{}", if cut.len() < m.len() { "…" } else { "" })
                })
            );
            Err(named_error(
                "ApiError",
                &message,
                &[
                    ("status", JsValue::from(status)),
                    ("errorCode", JsValue::from_str(&error_code)),
                    (
                        "errorMsg",
                        error_msg
                            .as_deref()
                            .map_or(JsValue::NULL, JsValue::from_str),
                    ),
                    (
                        "providerCode",
                        JsValue::from_str(&redact(&fields.provider_code, token)),
                    ),
                ],
            ))
        }
        Answer::Http { status, .. } => Err(named_error(
            "HttpError",
            &format!("HTTP {status} with a body that is not the COC API's JSON"),
            &[
                ("status", JsValue::from(status)),
                (
                    "bodySnippet",
                    JsValue::from_str(&redacted_snippet(body, token)),
                ),
            ],
        )),
    }
}

/// The API's fields of a parsed answer (the core says what their values mean). Read
/// by name with js-sys rather than serde-wasm-bindgen: its deserializer names a wrong
/// type through serde's `Unexpected`, whose formatting links float formatting and the
/// `Debug` of strings and chars; with its own code, 19.4 KB of the main entry's 85.3 KB
/// gzipped wasm, for three fields. A parsed answer is plain JSON: no read throws.
fn api_fields(parsed: &JsValue, token: Option<&str>) -> Option<ApiFields> {
    if !parsed.is_object() {
        return None;
    }
    let field = |name: &str| {
        let value = Reflect::get(parsed, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        if let Some(text) = value.dyn_ref::<JsString>() {
            let (text, whole) = head(text, HEAD_UNITS);
            if whole {
                return FieldValue::Text(text);
            }
            // A token cut off here goes with the bytes it could take (redact_cut).
            let mut text = redact_cut(&text, token);
            text.push('…');
            FieldValue::Text(text)
        } else if let Some(n) = value.as_f64() {
            FieldValue::Number(n)
        } else {
            FieldValue::Other
        }
    };
    ApiFields::from_values(
        field("provider_code"),
        field("error_code"),
        field("error_msg"),
    )
}

fn set_fields(object: &Object, fields: &ApiFields) {
    set(
        object,
        "provider_code",
        &JsValue::from_str(&fields.provider_code),
    );
    set(object, "error_code", &JsValue::from_str(&fields.error_code));
    set(
        object,
        "error_msg",
        &fields
            .error_msg
            .as_deref()
            .map_or(JsValue::NULL, JsValue::from_str),
    );
}

/// `AbortError`, carrying the caller's abort reason as `cause`.
fn abort_error(signal: Option<&AbortSignal>) -> JsValue {
    let reason = signal.map_or(JsValue::UNDEFINED, AbortSignal::reason);
    named_error(
        "AbortError",
        "The request was aborted",
        &[("cause", reason)],
    )
}
