// How a portal developer uses the package from TypeScript. Type-checked with
// `tsc --noEmit` against the generated .d.ts; never run.
import init, {
  IncidentClient,
  bindForm,
  buildHandleRequest,
  readForm,
  textLength,
  validateHandleRequest,
  type CocError,
  type FormEventMap,
  type FormRequest,
  type HandleResponse,
  type HandleRequest,
  type SolutionParameter,
  type ValidationReport,
  type Violation,
} from "coc-incident";
// @ts-expect-error the wasm's own exports are internal: not exported, not typed
import { __wbindgen_start } from "coc-incident";
void __wbindgen_start;

await init();

const verify: HandleRequest = {
  incident_num: "IM202403221515060171753781",
  operator: "7da46971b7e24eed90cf777cc2ff8b91",
  operate_key: "confirm",
  parameter: { virtual_confirm_result: false, virtual_confirm_comment: "13" },
};

const solution: SolutionParameter = {
  mtm_type: "a_tenant_category", // an open set: any string
  is_service_interrupt: true,
  cause: "disk full",
  solution: "rotated logs",
  start_time: Date.now() - 60_000,
};
const submit: HandleRequest = { incident_num: "IM1", operator: "op", operate_key: "commitSolution1", parameter: solution };
const accept: HandleRequest = { incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1" };

// @ts-expect-error: a verification needs its parameter
const missing: HandleRequest = { incident_num: "IM1", operator: "op", operate_key: "confirm" };
// @ts-expect-error: a solution's parameter under the verify key
const wrongParameter: HandleRequest = { incident_num: "IM1", operator: "op", operate_key: "confirm", parameter: solution };
// @ts-expect-error: not an operate key
const unknownKey: HandleRequest = { incident_num: "IM1", operator: "op", operate_key: "close" };

// Anything may be validated: form output, parsed JSON, unknown input.
const report: ValidationReport = validateHandleRequest(JSON.parse("{}") as unknown, { locale: "zh-CN" });
validateHandleRequest(undefined);
for (const violation of report.errors) {
  describe(violation);
}

function describe(violation: Violation): string {
  switch (violation.code) {
    case "too_long":
      return `${violation.path}: ${violation.params.actual} / ${violation.params.max}`;
    case "unknown_operate_key":
      return violation.params.suggestion ?? violation.params.allowed.join(", ");
    case "wrong_type":
      return `${violation.params.expected} != ${violation.params.actual}`;
    case "out_of_range":
      return String(violation.params.min ?? violation.params.max);
    default:
      return violation.message;
  }
}

try {
  const request = buildHandleRequest(verify, { endpoint: "/api/coc", token: "t", headers: { "X-CSRF-Token": "c" } });
  const init: RequestInit = { method: request.method, headers: request.headers, body: request.body };
  void fetch(request.url, init);
} catch (e) {
  const error = e as CocError;
  if (error.name === "UsageError") {
    // A call before init() finished, or a freed client: a bug in the portal's code.
    const message: string = error.message;
    void message;
  } else if (error.name === "ValidationError") {
    error.violations.map(describe);
  } else if (error.name === "ConfigError") {
    const option: string = error.option;
    void option;
  }
}

// @ts-expect-error: the endpoint is required
buildHandleRequest(submit, {});
// @ts-expect-error: headers are strings
buildHandleRequest(accept, { endpoint: "/api", headers: { "X-Count": 1 } });

const client = new IncidentClient({
  endpoint: "https://coc.myhuaweicloud.com",
  token: async () => "refreshed-token",
  timeoutMs: 10_000,
  signal: new AbortController().signal,
});
async function send(): Promise<string> {
  try {
    const answer: HandleResponse = await client.verifyResolution("IM1", "op", { virtual_confirm_result: true, virtual_confirm_comment: "ok" });
    return answer.provider_code;
  } catch (e) {
    const error = e as CocError;
    switch (error.name) {
      case "ApiError":
        return `${error.status} ${error.errorCode} ${error.errorMsg ?? ""} ${error.providerCode}`;
      case "HttpError":
        return error.bodySnippet;
      case "ValidationError":
        return error.violations.map(describe).join("\n");
      default:
        return error.message;
    }
  }
}
void send();
// @ts-expect-error: a solution's parameter is not a verification's
void client.verifyResolution("IM1", "op", solution);
// @ts-expect-error: the endpoint is required
new IncidentClient({ token: "t" });

const formElement = document.createElement("form");
const fromForm: Record<string, unknown> = readForm(formElement);
// What a form holds goes to the client as it is: the client validates it first.
void client.handle(readForm(formElement));
void buildHandleRequest(readForm(formElement), { endpoint: "/api" });
// With the button that submitted it, as FormData takes one.
formElement.addEventListener("submit", (event) => void readForm(formElement, event.submitter));
// @ts-expect-error: a request written in code is a HandleRequest (a misspelt key is caught)
void client.handle({ incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1", paramter: {} });
// @ts-expect-error: only readForm makes a FormRequest
const forged: FormRequest = { incident_num: "IM1" };
const binding = bindForm(formElement, { client, locale: "zh-CN" });
const shown: ValidationReport = binding.validate();
// The bound form's events are typed on the form and on what holds it.
formElement.addEventListener("coc:success", (event) => {
  void event.detail.response.provider_code;
});
formElement.addEventListener("coc:error", function (event) {
  // What handle rejected with, as a catch block gets it: a CocError, or a token function's own.
  const error = event.detail.error as CocError;
  void [error.name, this.elements];
  // @ts-expect-error: unknown until the listener says what it takes it for
  void event.detail.error.name;
});
// What a wrapper of the client names as its input is a request written in code.
const sendLater = (request: Parameters<IncidentClient["handle"]>[0]) => client.handle(request);
void sendLater({ incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1" });
// A page's own "coc:*" events on other elements are its own to type.
declare global {
  interface HTMLElementEventMap {
    "coc:success": CustomEvent<{ mine: true }>;
  }
}
document.body.addEventListener("coc:success", (event) => void event.detail.mine);
formElement.addEventListener("coc:invalid", (event: FormEventMap["coc:invalid"]) => void event.detail.errors);
binding.destroy();
// @ts-expect-error: a client must have handle()
bindForm(formElement, { client: {} });
// A stand-in client (a test's, a portal's own sender): what bindForm sends it is valid.
const stub = { handle: async (request: HandleRequest): Promise<HandleResponse> => ({ provider_code: "", error_code: request.operate_key, error_msg: "", data: null }) };
bindForm(formElement, { client: stub }).destroy();
void [fromForm, shown, forged];

const count: number = textLength("😀");
void [missing, wrongParameter, unknownKey, count];

// The subpath entries: a page that only validates loads the small module alone.
import initValidate, * as small from "coc-incident/validate";
import initClient, { IncidentClient as Client } from "coc-incident/client";
import initForms, { bindForm as bind, type FormBinding } from "coc-incident/forms";
await initValidate();
const smallReport: ValidationReport = small.validateHandleRequest(verify, { locale: "zh-CN" });
void smallReport;
const smallLength: number = small.textLength("事件");
void smallLength;
// @ts-expect-error the small entry has no client
void small.IncidentClient;
await Promise.all([initClient(), initForms()]);
const viaSubpath = new Client({ endpoint: "https://coc.example" });
declare const someForm: HTMLFormElement;
const subpathBinding: FormBinding = bind(someForm, { client: viaSubpath });
subpathBinding.destroy();
// FormBinding is the class of what bindForm returns, as at run time.
import { FormBinding as BindingClass } from "coc-incident/forms";
const isBinding: boolean = subpathBinding instanceof BindingClass;
void isBinding;
// @ts-expect-error only bindForm makes one
void new BindingClass();

// <coc-incident-form>: the tag is typed, and so are its events and properties.
import { IncidentFormElement, type IncidentState } from "coc-incident/element";
const element = document.querySelector("coc-incident-form");
if (element) {
  const typed: IncidentFormElement = element;
  typed.getState = async (num: string): Promise<IncidentState> => (num ? "handling" : "closed");
  typed.token = () => "t";
  typed.addEventListener("coc:success", (event) => {
    const next: IncidentState = event.detail.state;
    void next;
  });
  typed.addEventListener("coc:error", (event) => {
    // What the send rejected with, as a catch block gets it (a token function's own too).
    void (event.detail.error as CocError).name;
    // @ts-expect-error: unknown until the listener says what it takes it for
    void event.detail.error.name;
  });
  // Maybe async, with no annotation; and any text a portal's API answers, which the
  // element says it does not know when it is no state of COC's.
  typed.getState = async () => "handling";
  typed.getState = async (num) => String(await Promise.resolve(num));
  // @ts-expect-error a state is a text
  typed.getState = () => 3;
  // Listeners taken off as they were put on (a framework's cleanup).
  const onSuccess = (event: CustomEvent<{ state: IncidentState }>) => void event.detail.state;
  typed.addEventListener("coc:success", onSuccess);
  typed.removeEventListener("coc:success", onSuccess);
}
