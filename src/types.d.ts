// The package's types, one file for every entry (src/index.d.ts and the subpath
// entries re-export from here).
/** The operate keys the handle endpoint takes. */
export type OperateKey = "acceptedIncident1" | "commitSolution1" | "confirm";

/** Known `mtm_type` values; tenants may define more, so any string is accepted. */
export type MtmType =
  | "inc_type_p_security_issues"
  | "inc_type_p_function_issues"
  | "inc_type_p_reliability_issues"
  | "inc_type_p_config_issues"
  | "inc_type_p_change_issues"
  | (string & {});

interface HandleRequestBase {
  /** Incident ticket number, at most 255 characters; sent trimmed. */
  incident_num: string;
  /** Operator ID, at most 255 characters; sent trimmed. */
  operator: string;
}

/** Accept an incident ticket. `parameter` may be left out; `{}` is sent. */
export interface AcceptRequest extends HandleRequestBase {
  operate_key: "acceptedIncident1";
  parameter?: Record<string, never> | null;
}

/** The parameters of a solution. */
export interface SolutionParameter {
  /** Incident category, at most 255 characters. */
  mtm_type: MtmType;
  is_service_interrupt: boolean;
  /** At most 10,000 characters. */
  cause: string;
  /** At most 10,000 characters. */
  solution: string;
  /** Epoch milliseconds; recommended when the service was interrupted. `null` is taken
   * as absent (and sent as given). */
  start_time?: number | null;
  /** Epoch milliseconds, not before `start_time`; recommended when the service was
   * interrupted. `null` is taken as absent (and sent as given). */
  fault_recovery_time?: number | null;
}

/** Submit the solution of an incident ticket. */
export interface CommitSolutionRequest extends HandleRequestBase {
  operate_key: "commitSolution1";
  parameter: SolutionParameter;
}

/** The parameters of a verification. */
export interface ConfirmParameter {
  virtual_confirm_result: boolean;
  /** At most 300 characters. */
  virtual_confirm_comment: string;
}

/** Verify the handling of an incident ticket. */
export interface ConfirmRequest extends HandleRequestBase {
  operate_key: "confirm";
  parameter: ConfirmParameter;
}

/** A handle request, discriminated by `operate_key`. */
export type HandleRequest = AcceptRequest | CommitSolutionRequest | ConfirmRequest;

/** Languages of messages. Other tags fall back: `zh` or any `zh-`/`zh_` tag (`zh-TW`,
 * `zh_Hant`, any case) to `zh-CN`, the rest to `en`. */
export type Locale = "en" | "zh-CN" | (string & {});

export interface ValidateOptions {
  locale?: Locale;
  /** Unknown keys become warnings and are sent unchanged. */
  allowUnknownFields?: boolean;
}

export interface BuildOptions extends ValidateOptions {
  /** An `https:` URL, a same-origin path (`/…`), or `http:` on a loopback host. */
  endpoint: string;
  /** Sent as `X-Auth-Token`, never anywhere else. */
  token?: string;
  /** Extra headers, e.g. a proxy's CSRF header. Cannot set Content-Type or X-Auth-Token. */
  headers?: Record<string, string>;
}

/** Type names in `wrong_type` and `not_object` params: JSON's, then JavaScript's for the rest. */
export type TypeName =
  | "string" | "boolean" | "object" | "integer" | "number" | "array" | "null"
  | "undefined" | "function" | "symbol" | "bigint" | "instance"
  | "too_deep" | "too_large" | "unreadable";

export type ViolationCode =
  | "not_object" | "required" | "wrong_type" | "blank" | "too_long"
  | "unknown_operate_key" | "unknown_field" | "invalid_text" | "out_of_range" | "recommended"
  | "too_many_violations";

interface ViolationBase<C extends ViolationCode, P> {
  code: C;
  /**
   * Dotted path, e.g. `parameter.virtual_confirm_comment`; `""` for the root. A key a
   * dotted path cannot name exactly (empty, with a `.`, a bracket, a quote, a backslash,
   * a control character or an unpaired surrogate) is written `["…"]` as a JSON string.
   */
  path: string;
  /** Human text in the requested locale. */
  message: string;
  params: P;
}

/** One violation, discriminated by `code`. */
export type Violation =
  | ViolationBase<"not_object", { actual: TypeName }>
  | ViolationBase<"required", {}>
  | ViolationBase<"wrong_type", { expected: "string" | "boolean" | "object" | "integer" | "json"; actual: TypeName }>
  | ViolationBase<"blank", {}>
  | ViolationBase<"too_long", { max: number; actual: number }>
  | ViolationBase<"unknown_operate_key", { allowed: OperateKey[]; suggestion?: OperateKey }>
  | ViolationBase<"unknown_field", { suggestion?: string }>
  | ViolationBase<"invalid_text", { reason: "unpaired_surrogate" | "control_character"; index: number; code_point?: number }>
  | ViolationBase<"out_of_range", { min?: number; max?: number; actual: number; after?: string }>
  | ViolationBase<"recommended", { when: string }>
  /** Closes a list that had more than 100 violations: how many more were counted, not listed. */
  | ViolationBase<"too_many_violations", { omitted: number }>;

export interface ValidationReport {
  /** True when there are no errors; warnings do not count. */
  valid: boolean;
  errors: Violation[];
  warnings: Violation[];
}

/** What `fetch(url, { method, headers, body })` needs. */
export interface BuiltRequest {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  /** The JSON text to send. */
  body: string;
  warnings: Violation[];
}

/** Invalid input; nothing was sent. */
export interface ValidationError extends Error {
  name: "ValidationError";
  violations: Violation[];
  warnings: Violation[];
}

/** Invalid options: endpoint, token, headers, timeout, … */
export interface ConfigError extends Error {
  name: "ConfigError";
  option: string;
}

/** The server answered with an `error_code` other than `GOM.00000000`. */
export interface ApiError extends Error {
  name: "ApiError";
  /** The HTTP status. */
  status: number;
  errorCode: string;
  /** `error_msg`: cut at about 64 Ki UTF-16 units, then `…` (no real message is longer). */
  errorMsg: string | null;
  /** `provider_code`, as a string. */
  providerCode: string;
}

/** A status or body that is not the API's JSON (a gateway's HTML page, say). */
export interface HttpError extends Error {
  name: "HttpError";
  status: number;
  /** The start of the body: at most 1 KiB of UTF-8, cut on a character boundary. */
  bodySnippet: string;
}

/** fetch itself failed: network, CORS refusal, a refused redirect. */
export interface NetworkError extends Error {
  name: "NetworkError";
}

/** No answer within `timeoutMs`, counted from the call (a token function's wait included). */
export interface TimeoutError extends Error {
  name: "TimeoutError";
}

/** The caller's signal aborted; `cause` is its reason. */
export interface AbortError extends Error {
  name: "AbortError";
  cause: unknown;
}

/** The package was used wrongly: a call before `init()` finished, a freed client or
 * binding handle, `bindForm` on a form already bound. */
export interface UsageError extends Error {
  name: "UsageError";
}

/** Every error this library throws or rejects with, discriminated by `name`. */
export type CocError = ValidationError | ConfigError | ApiError | HttpError | NetworkError | TimeoutError | AbortError | UsageError;

/** A successful answer of the handle endpoint. */
export interface HandleResponse {
  /** Service ID, always a string (the server may send `"049"` or `4`: `"4"`); `""` when
   * it is absent, `null`, or neither a string nor a whole number up to 2^53 - 1. */
  provider_code: string;
  /** `GOM.00000000`. */
  error_code: string;
  /** Cut at about 64 Ki UTF-16 units, then `…` (as each text field of an answer). */
  error_msg: string | null;
  /** The answer's `data` as `JSON.parse` reads it (`null` when absent, and in the
   * documented answers). */
  data: unknown;
}

export interface ClientOptions extends ValidateOptions {
  /** An `https:` URL, a same-origin path (`/…`), or `http:` on a loopback host. */
  endpoint: string;
  /**
   * Sent as `X-Auth-Token`. A function is called for every request, after validation
   * (tokens expire); it may return a Promise. Its own errors are passed on unchanged.
   */
  token?: string | (() => string | null | undefined | Promise<string | null | undefined>);
  /** Extra headers, e.g. a proxy's CSRF header. Cannot set Content-Type or X-Auth-Token. */
  headers?: Record<string, string>;
  /** Time-out of each request in milliseconds; 30,000 when left out. */
  timeoutMs?: number;
  /** Aborts every request of this client; an aborted signal sends nothing. */
  signal?: AbortSignal;
}

/**
 * Sends handle requests. Each method validates first: invalid input rejects with a
 * `ValidationError` and sends nothing. Requests are never retried (they change a
 * ticket's state).
 */
export class IncidentClient {
  /** @throws {ConfigError} when an option is wrong. */
  constructor(options: ClientOptions);
  /** What a form holds (`readForm`), validated first. */
  handle(input: FormRequest): Promise<HandleResponse>;
  // Last, as the overload that `Parameters<IncidentClient["handle"]>` names.
  handle(input: HandleRequest): Promise<HandleResponse>;
  acceptIncident(incidentNum: string, operator: string): Promise<HandleResponse>;
  submitSolution(incidentNum: string, operator: string, parameter: SolutionParameter): Promise<HandleResponse>;
  verifyResolution(incidentNum: string, operator: string, parameter: ConfirmParameter): Promise<HandleResponse>;
  /** Releases the client's memory in the wasm instance. */
  free(): void;
  // Where the engine has Symbol.dispose, the class also has [Symbol.dispose]() (= free()).
  // It is not declared here: the declaration needs a lib with Symbol.dispose (esnext), so it
  // would fail a consumer's default lib (TS2550) and every setup of TS 5.0/5.1 (TS1165).
  // A project whose lib has it declares it (README, TypeScript; tests/types/disposable.ts).
}

/**
 * Checks a handle request and reports every violation, in document order.
 * Never throws, whatever `input` is; throws a `ConfigError` only for malformed `options`.
 */
export function validateHandleRequest(input: unknown, options?: ValidateOptions): ValidationReport;

/**
 * Validates `input` and builds the exact request to send.
 * @throws {ValidationError} when the input is invalid.
 * @throws {ConfigError} when an option is (endpoint, token, headers, …).
 */
export function buildHandleRequest(input: FormRequest, options: BuildOptions): BuiltRequest;
// Last, as the overload that `Parameters<typeof buildHandleRequest>` names.
export function buildHandleRequest(input: HandleRequest, options: BuildOptions): BuiltRequest;

/**
 * The request a `<form>` holds. Controls are named as the wire keys: `incident_num`,
 * `operator`, `operate_key` at the root; the chosen operation's parameter keys (or
 * `parameter.<key>`) in `parameter`; other controls are not part of the request.
 * Checkboxes become booleans, `true` / `false` choices of a boolean field too,
 * `datetime-local`, `date` and digits of an epoch field become epoch milliseconds; text
 * is kept exactly as typed. Disabled controls are left out, as in a form submission.
 * With `submitter` (a submit button of the form, as `new FormData(form, submitter)`
 * takes one; `event.submitter` of a submit), that button's name and value are read
 * too: a "Resolved" / "Not resolved" pair of buttons named `virtual_confirm_result`.
 * @throws {TypeError} when `form` is not a `<form>`, or `submitter` no submit button of it.
 */
export function readForm(form: HTMLFormElement, submitter?: HTMLElement | null): FormRequest;

declare const formRequest: unique symbol;
/**
 * What `readForm` returns: the request a form holds, not yet validated. `handle` and
 * `buildHandleRequest` take it as it is (they validate first: an invalid one is a
 * `ValidationError`), where a request written in code must be a `HandleRequest`.
 */
export type FormRequest = Record<string, unknown> & { readonly [formRequest]: true };

export interface BindOptions extends ValidateOptions {
  /** Sends valid submissions (`handle(request)`); without it, a valid submit fires
   * `coc:submit`. A stand-in (a test's, a portal's own sender) is typed as
   * `BindOptions["client"]`: what bindForm sends it has been validated. */
  client?: { handle(input: HandleRequest): Promise<HandleResponse> };
}

/**
 * What `bindForm` returns (an instance of this class, which only `bindForm` makes). The
 * binding lives until `destroy()` is called or its form leaves the document (a garbage
 * collection of this handle never ends it).
 */
export declare class FormBinding {
  private constructor();
  /** Validates now, shows every message and returns the report. */
  validate(): ValidationReport;
  /** Removes every listener, element and attribute the binding added. Idempotent. */
  destroy(): void;
  /**
   * Releases this handle only: the binding goes on, and only removing the form ends it;
   * `validate()` and `destroy()` are then a `UsageError`. (Where the engine has
   * `Symbol.dispose`, a `using` block ends the binding.)
   */
  free(): void;
}

/** The `detail` of the events a bound form fires (they bubble). */
export interface FormEventMap {
  /** A submit was blocked: the form is invalid. */
  "coc:invalid": CustomEvent<ValidationReport>;
  /** Valid, and no client: the portal sends `request` itself. */
  "coc:submit": CustomEvent<{ request: HandleRequest }>;
  /** The client's request succeeded. */
  "coc:success": CustomEvent<{ request: HandleRequest; response: HandleResponse }>;
  /** The client's request failed. `error` is what `handle` rejected with, as a catch
   * block gets it: a `CocError` (told apart by its `name`), or what a `token` function
   * (or a stand-in client) threw, passed through unchanged: any value, even none. */
  "coc:error": CustomEvent<{ request: HandleRequest; error: unknown }>;
}

declare global {
  // A bound form's events typed where they are listened to: `form.addEventListener(
  // "coc:success", (e) => e.detail.response…)`. Overloads of the form's own listener
  // methods, not entries of every element's HTMLElementEventMap (where a page's own
  // "coc:*" events, or <coc-incident-form>'s, would have to agree with them).
  interface HTMLFormElement {
    addEventListener<K extends keyof FormEventMap>(
      type: K,
      listener: (this: HTMLFormElement, event: FormEventMap[K]) => unknown,
      options?: boolean | AddEventListenerOptions,
    ): void;
    removeEventListener<K extends keyof FormEventMap>(
      type: K,
      listener: (this: HTMLFormElement, event: FormEventMap[K]) => unknown,
      options?: boolean | EventListenerOptions,
    ): void;
  }
}

/**
 * Live validation of a portal's form: as the user types, each field gets its
 * localized message (through `setCustomValidity`, `aria-invalid`, `aria-describedby`
 * and a message element after it, or the form's own `[data-coc-message-for=name]`),
 * every limited text field a counter such as `120 / 300` (or `[data-coc-counter-for=name]`),
 * and messages with no field go to a `[data-coc-summary]` list. Submit is blocked
 * while invalid; a valid one is sent through `options.client`. Outcomes are the events
 * of `FormEventMap`.
 * @throws {TypeError} when `form` is not a `<form>`; {ConfigError} for bad options;
 * {UsageError} when the form is already bound (destroy() that binding first).
 */
export function bindForm(form: HTMLFormElement, options?: BindOptions): FormBinding;

/** The length of `text` as the rules count it (UTF-16 code units), for a character counter. */
export function textLength(text: string): number;

/** What `init` takes: a URL to fetch, a Response, the bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
