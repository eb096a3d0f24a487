// `coc-incident/element`: <coc-incident-form>, the whole portal integration in one tag.
// Given a ticket, its state, an operator, an endpoint and a locale, it renders the form
// the state allows and binds it with bindForm (messages, counters, submit gating) and
// an IncidentClient. Importing this module defines the element.
//
// What the user typed is kept as a draft per ticket, action and operator (sessionStorage:
// it survives a reload, not the tab) and cleared on success. Nothing is ever resent on
// its own: after a failed send the form stays as it was, and only the user's own
// submit sends again.
import init, { IncidentClient } from "./client.js";
import { bindForm } from "./forms.js";

const ACTION = { to_be_accepted: "acceptedIncident1", handling: "commitSolution1", to_be_verified: "confirm" };
const STATES = ["to_be_accepted", "handling", "to_be_verified", "closed"];
// COC's own categories, offered as suggestions with a label in each locale (the code is
// what is sent); tenants may define others, typed as they are (any text passes).
const MTM_TYPES = [
  "inc_type_p_security_issues",
  "inc_type_p_function_issues",
  "inc_type_p_reliability_issues",
  "inc_type_p_config_issues",
  "inc_type_p_change_issues",
];

/** The state a ticket is in after an action succeeds (the COC state machine). */
function nextState(action, request) {
  if (action === "acceptedIncident1") return "handling";
  if (action === "commitSolution1") return "to_be_verified";
  return request.parameter?.virtual_confirm_result === true ? "closed" : "handling";
}

// The words of the element itself; the rules' messages come from the Rust core.
const TEXT = {
  en: {
    loading: "Loading…",
    operator: "Operator",
    acceptedIncident1: { title: "Accept the incident", submit: "Accept", done: "Accepted: the incident is now being handled." },
    commitSolution1: { title: "Submit the solution", submit: "Submit solution", done: "Solution submitted: waiting for verification." },
    confirm: { title: "Verify the fix", submit: "Send verification", done: "Verification sent." },
    closed: "This incident is closed: there is nothing to do.",
    unknownState: (state) => `This incident's state is not one this form knows: ${state}.`,
    noState: "The incident's state could not be read.",
    noStart: "The form could not start (its WebAssembly did not load).",
    noClient: "The form could not start: its endpoint is refused.",
    mtm_type: "Incident category",
    mtm_types: ["Security issue", "Function issue", "Reliability issue", "Configuration issue", "Change issue"],
    is_service_interrupt: "Service interrupted", // as the messages name it
    cause: "Cause",
    solution: "Solution",
    start_time: "Fault start time (optional)",
    fault_recovery_time: "Fault recovery time (optional)",
    virtual_confirm_result: "Is the fault fixed?",
    yes: "Yes, it is fixed",
    no: "No, it is not fixed",
    virtual_confirm_comment: "Verification comment",
    failed: (why) => `${lead("Not sent", why)} What you typed is kept; send again when ready.`,
    refused: (why) => `${lead("Refused", why)} What you typed is kept.`,
    unknown: (why) => `${lead("Outcome unknown", why)} It may have been done: check the incident's state before sending again. What you typed is kept.`,
    // The client's own messages are English: said as they are.
    why: () => undefined,
    sending: "Sending…",
    draft: "Restored what you typed before.",
    incident: (num) => `Incident ${num}`,
  },
  "zh-CN": {
    loading: "加载中…",
    operator: "操作人",
    acceptedIncident1: { title: "受理事件单", submit: "受理", done: "已受理，事件单进入“处理中”。" },
    commitSolution1: { title: "提交解决方案", submit: "提交方案", done: "解决方案已提交，事件单进入“待验证”。" },
    confirm: { title: "验证修复结果", submit: "提交验证", done: "验证结果已提交。" },
    closed: "此事件单已关闭，无需操作。",
    unknownState: (state) => `无法识别此事件单的状态：${state}。`,
    noState: "无法读取事件单状态。",
    noStart: "表单无法启动（WebAssembly 未能加载）。",
    noClient: "表单无法启动：接口地址（endpoint）无效。",
    mtm_type: "事件类别",
    mtm_types: ["安全问题", "功能问题", "可靠性问题", "配置问题", "变更问题"],
    is_service_interrupt: "业务是否中断",
    cause: "故障原因",
    solution: "解决方案",
    start_time: "故障开始时间（可选）",
    fault_recovery_time: "故障恢复时间（可选）",
    virtual_confirm_result: "故障是否已修复？",
    yes: "是，已修复",
    no: "否，未修复",
    virtual_confirm_comment: "验证说明",
    failed: (why) => `${leadZh("未发送", why)}您输入的内容已保留，准备好后请再次提交。`,
    refused: (why) => `${leadZh("操作未执行", why)}您输入的内容已保留。`,
    unknown: (why) => `${leadZh("结果未知", why)}操作可能已经完成：请先查看事件单状态，再决定是否重新提交。您输入的内容已保留。`,
    // The client's messages are English: each kind of failure said in Chinese here (the
    // server's own error_msg as it is).
    why: ({ name, status, errorCode, errorMsg }) =>
      name === "TimeoutError" ? "请求超时，未收到 COC 接口的响应"
      : name === "NetworkError" ? "请求失败，未收到响应（网络故障、跨域请求被拒绝或重定向）"
      : name === "HttpError" ? `HTTP ${status}，响应不是 COC 接口的 JSON`
      : name === "ApiError" ? `COC 返回 ${errorCode}（HTTP ${status}）${errorMsg !== "" ? `：${clip(errorMsg)}` : ""}`
      : undefined,
    sending: "正在发送…",
    draft: "已恢复之前输入的内容。",
    incident: (num) => `事件单 ${num}`,
  },
};

/** What a failure says: an Error's message (a CocError's, or what a `token` function or
 * `getState` threw, which pass through unchanged), or a text thrown as it is; else
 * nothing (a rejection with no reason, an object with no message). Never throws,
 * whatever was thrown (a proxy's trap). */
function said(failure) {
  try {
    if (typeof failure === "string") return failure;
    const message = failure?.message;
    return typeof message === "string" ? message : "";
  } catch {
    return "";
  }
}

/** What the element says of a failed send, by what failed: COC refused it (an ApiError
 * below 500, an HTTP 4xx: not done, and the same again would not do it), its outcome is
 * unknown (a timeout, a network failure, a 5xx, an ApiError of a gateway's at 5xx such
 * as APIG's backend timeout, an answer that is none: it may have been done, so the
 * incident's state is to be checked before sending again), or it was not sent (what a
 * token function threw, a DOMException among it). Only primitives are read off what was
 * thrown, each with care: a token function may throw anything. */
function failure(text, error) {
  const fields = { name: "", status: 0, errorCode: "", errorMsg: "" };
  try {
    if (error !== null && typeof error === "object" && !(typeof DOMException === "function" && error instanceof DOMException)) {
      const { name, status, errorCode, errorMsg } = error;
      if (typeof name === "string") fields.name = name;
      if (typeof status === "number") fields.status = status;
      if (typeof errorCode === "string") fields.errorCode = errorCode;
      if (typeof errorMsg === "string") fields.errorMsg = errorMsg;
    }
  } catch {}
  const { name, status } = fields;
  const why = text.why(fields) ?? said(error);
  if ((name === "ApiError" && status < 500) || (name === "HttpError" && status >= 400 && status < 500)) return text.refused(why);
  if (name === "TimeoutError" || name === "NetworkError" || name === "HttpError" || name === "ApiError") return text.unknown(why);
  return text.failed(why);
}

/** At most 340 characters of a server's text, then "…": what the library's message
 * quotes of it (1 KiB of UTF-8, 341 Chinese characters), so that an alert is not a
 * page long. The error keeps all of it. */
function clip(text) {
  const head = [...text.slice(0, 682)].slice(0, 340).join("");
  return head.length < text.length ? `${head}…` : text;
}

/** A message as a sentence: closed by a full stop unless it has one; `sentenceZh` by
 * 。, in place of an ASCII mark. */
const sentence = (text) => (/[.!?。！？]$/.test(text) ? text : `${text}.`);
const sentenceZh = (text) => (/[。！？]$/.test(text) ? text : `${text.replace(/[.!?]$/, "")}。`);

/** What a failed send's message starts with: its kind, then why when there is a why
 * ("Not sent: why." / "Not sent."); `leadZh` in Chinese. */
const lead = (kind, why) => (why === "" ? `${kind}.` : `${kind}: ${sentence(why)}`);
const leadZh = (kind, why) => (why === "" ? `${kind}。` : `${kind}：${sentenceZh(why)}`);

const STYLE = `
:host { display: block; font: var(--coc-font, inherit); color: var(--coc-color, inherit); }
[part~="form"] { display: grid; gap: var(--coc-gap, 0.75rem); max-width: 40rem; }
[part~="field"] { display: grid; gap: 0.25rem; border: 0; padding: 0; margin: 0; min-width: 0; }
[part~="input"] { font: inherit; padding: 0.5rem; border: 1px solid var(--coc-border, #767676);
  border-radius: var(--coc-radius, 4px); background: var(--coc-input-background, #fff); color: inherit; }
textarea[part~="input"] { min-height: 6rem; resize: vertical; }
[part~="choice"] { display: flex; gap: 0.5rem; align-items: center; }
[part~="times"] { display: grid; grid-template-columns: 1fr 1fr; gap: var(--coc-gap, 0.75rem); }
@media (max-width: 30rem) { [part~="times"] { grid-template-columns: 1fr; } }
[part~="button"] { font: inherit; justify-self: start; padding: 0.5rem 1rem; border: 0; cursor: pointer;
  border-radius: var(--coc-radius, 4px); background: var(--coc-accent, #0b57d0); color: var(--coc-on-accent, #fff); }
form[aria-busy="true"] [part~="button"] { cursor: progress; }
:focus-visible { outline: 3px solid var(--coc-focus, #0b57d0); outline-offset: 2px; }
[aria-invalid="true"] { border-color: var(--coc-error, #b3261e); }
.coc-message, [part~="error"] { color: var(--coc-error, #b3261e); }
.coc-message:empty { display: none; }
.coc-message.coc-warning { color: var(--coc-warning, #8a5a00); }
[part~="error"], [part~="status"] { white-space: pre-wrap; overflow-wrap: anywhere; }
.coc-counter { color: var(--coc-muted, #555); font-size: 0.875em; justify-self: end; }
.coc-counter.coc-over { color: var(--coc-error, #b3261e); }
[part~="heading"] { overflow-wrap: anywhere; }
[part~="status"]:empty, [part~="error"]:empty, [part~="summary"]:empty { display: none; }
@media (max-width: 30rem) { [part~="button"] { justify-self: stretch; } }
`;
let sheet = null;
function styles() {
  if (sheet === null) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

/** An element with attributes and children, made without parsing HTML. */
function h(name, attributes = {}, ...children) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    element.setAttribute(key, value === true ? "" : String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

let ids = 0;

// Where there is no DOM (a server render, Node), importing this module defines nothing
// and throws nothing: the class stands on a plain base, and no element is registered.
const Base = globalThis.HTMLElement ?? class {};

export class IncidentFormElement extends Base {
  static observedAttributes = ["incident-num", "state", "operator", "endpoint", "locale"];

  #root;
  #heading;
  #body;
  #status; // live regions, kept across renders so that what they are given is announced
  #error;
  #binding = null;
  #client = null;
  #render = 0; // the latest render; an older one that finishes late is dropped
  #sending = false; // a send is under way: renders wait for its outcome
  #waiting = false; // a render was asked for meanwhile
  #freed = null; // a client let go of during a send, freed once it is over
  #restored = new Set(); // drafts already said to be restored, or typed on this page
  #typed = new Set(); // drafts typed on this page
  #earlier = new Set(); // drafts of no operator this page found, from an earlier one
  #statusOf = null; // the incident the status shown speaks of
  #failed = undefined; // what the last send of that incident failed with, until the next send
  #drafted = null; // the ticket, action and operator of the last form shown, and its draft's key
  #succeeded = false; // the last send succeeded: the next form is a new one
  // Two properties of the page's, plain data properties set in the constructor, not
  // class fields: a field is defined over what the page set on the element before
  // this class was defined (an upgrade), and a token or getState set early was lost.
  // getState: `(incidentNum) => state | Promise<state>`, asked when there is no
  // `state` attribute. token: passed to the IncidentClient, a string, or a function
  // called for every request.

  constructor() {
    super();
    if (!Object.hasOwn(this, "getState")) this.getState = null;
    if (!Object.hasOwn(this, "token")) this.token = undefined;
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.adoptedStyleSheets = [styles()];
    this.#heading = h("h2", { part: "heading" });
    this.#body = h("div", { part: "body" });
    this.#status = h("p", { part: "status", role: "status", "aria-live": "polite" });
    this.#error = h("p", { part: "error", role: "alert" });
    this.#root.append(this.#heading, this.#body, this.#status, this.#error);
  }

  connectedCallback() {
    this.#schedule();
  }

  disconnectedCallback() {
    this.#render++; // a render under way stops at its next step
    // A form whose binding goes while its send is under way is not left to be used (it
    // would submit itself, natively): its outcome is still heard, and the form made once
    // the send is over, if the element is back, shows it.
    if (this.#sending) this.#body.replaceChildren();
    this.#teardown();
  }

  attributeChangedCallback(name, before, after) {
    if (before !== after && this.isConnected) this.#schedule();
  }

  #scheduled = false;
  /** One render for all the changes of a task (an upgrade reports each attribute), and
   * none while a send is under way: its outcome belongs to the form that sent it. */
  #schedule() {
    if (this.#sending) {
      this.#waiting = true;
      return;
    }
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#update();
    });
  }

  /** The send is over: what waited for it runs. */
  #settled() {
    this.#sending = false;
    this.#freed?.free();
    this.#freed = null;
    if (this.#waiting) {
      this.#waiting = false;
      this.#schedule();
    }
  }

  /** As the library reads a locale: any `zh` tag (`zh`, `zh-CN`, `zh-Hans`…) is Chinese. */
  get locale() {
    return /^zh(?:[-_]|$)/i.test(this.getAttribute("locale") ?? "") ? "zh-CN" : "en";
  }

  #teardown() {
    this.#binding?.destroy();
    this.#binding = null;
    // A client whose request is under way is freed when it is over, not under it.
    if (this.#sending) this.#freed = this.#client;
    else this.#client?.free();
    this.#client = null;
  }

  async #update() {
    const render = ++this.#render;
    const focused = this.#root.activeElement;
    const hadFocus = focused !== null;
    // The control being typed in, to be given back its focus and caret in the form made
    // again (another locale, endpoint, operator); after a success, the title has it.
    const typing = this.#succeeded || !focused?.name ? null : { name: focused.name, value: focused.value, ...caret(focused) };
    this.#succeeded = false;
    this.#teardown();
    const text = TEXT[this.locale];
    const num = this.getAttribute("incident-num") ?? "";
    const status = this.#status;
    const error = this.#error;
    this.#heading.textContent = text.incident(num);
    this.#body.replaceChildren(h("p", {}, text.loading));
    // What was said of one incident is not said of the next. A new form of the same
    // incident (its state moved on, another locale) keeps it: why the last send failed
    // is said again in the locale shown, until the user sends again. A portal that reads
    // the state again after a failure, as the message asks, so keeps the reason.
    if (num !== this.#statusOf) {
      status.textContent = "";
      this.#failed = undefined;
    }
    this.#statusOf = num;
    error.textContent = this.#failed === undefined ? "" : failure(text, this.#failed.error);

    let state = this.getAttribute("state");
    let failed = text.noState;
    try {
      if (state === null && typeof this.getState === "function") state = await this.getState(num);
      failed = text.noStart;
      await init();
    } catch (cause) {
      if (render !== this.#render) return;
      error.textContent = `${failed} ${said(cause)}`.trim();
      this.#body.replaceChildren();
      return;
    }
    if (render !== this.#render) return;
    if (state === "closed") return this.#body.replaceChildren(h("p", { part: "closed" }, text.closed));
    // Own keys only: a state such as "constructor" is no action.
    const action = typeof state === "string" && Object.hasOwn(ACTION, state) ? ACTION[state] : undefined;
    if (!action) return this.#body.replaceChildren(h("p", { part: "error" }, state ? text.unknownState(state) : text.noState));

    // The client first: an endpoint it refuses (a ConfigError) is said here (a token,
    // read at each send, is said when the user sends),
    // and no form is shown, for a form with no binding would submit itself natively (a
    // GET that puts what was typed in the page's URL).
    let client;
    try {
      client = new IncidentClient({
        endpoint: this.getAttribute("endpoint") ?? "/",
        locale: this.locale,
        // Read at each send, so that a token the portal sets or renews after the form
        // is shown is the one sent.
        token: () => (typeof this.token === "function" ? this.token() : this.token),
      });
    } catch (cause) {
      error.textContent = `${text.noClient} ${said(cause)}`.trim();
      this.#body.replaceChildren();
      return;
    }
    this.#client = client;
    const form = this.#form(action, num, text);
    this.#body.replaceChildren(form);
    // The portal's operator wins over one typed earlier, and has drafts of its own: the
    // next user of a shared tab (after a logout) is not shown what the last one typed.
    const operator = this.getAttribute("operator") ?? "";
    const draft = new Draft(num, action, operator);
    // What was typed on this page before the portal gave its operator (one it learns
    // after the page is shown) is that operator's: it stays in the form, over a draft of
    // theirs from earlier, rather than go with the form made for them. Only what was
    // typed here: a draft of no operator kept from an earlier page may be another user's.
    const last = this.#drafted;
    if (last !== null && last.operator === "" && operator !== "" && last.num === num && last.action === action && this.#typed.has(last.key) && !this.#earlier.has(last.key)) {
      draft.adopt(last);
    }
    // A draft of no operator found here that this page did not type (a user's of
    // before the reload) is never taken over, even once typed into.
    if (operator === "" && !this.#typed.has(draft.key) && draft.kept()) this.#earlier.add(draft.key);
    this.#drafted = { num, action, operator, key: draft.key };
    const skip = operator !== "" ? ["operator"] : [];
    if (draft.restore(form, skip) && !this.#restored.has(draft.key)) {
      this.#restored.add(draft.key);
      status.textContent = text.draft;
    }
    if (hadFocus) refocus(form, typing);
    // A draft typed on this page is no draft to announce when the form is made again
    // (another locale, the incident back in this state).
    const save = () => {
      draft.save(form);
      this.#restored.add(draft.key);
      this.#typed.add(draft.key);
    };
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    // A new attempt: the last one's outcome goes, before the binding (whose listener
    // comes next) sends. After it, its outcome may already be known: promises settle
    // between the listeners of a submit the browser dispatches (a click, Enter), and a
    // send that fails at once (a token function that rejects) has said so before a
    // listener added after the binding's runs.
    form.addEventListener("submit", () => {
      status.textContent = "";
      error.textContent = "";
      this.#failed = undefined;
    });
    this.#binding = bindForm(form, { client, locale: this.locale });
    // Never a native submit (a GET that puts what was typed in the page's URL), whatever
    // becomes of the binding.
    form.addEventListener("submit", (event) => event.preventDefault());
    // The binding has seen the submit by then, and is sending when it set aria-busy (it
    // ignores a submit meanwhile, so a double click sends once).
    form.addEventListener("submit", () => {
      if (form.getAttribute("aria-busy") !== "true") return;
      this.#sending = true;
      status.textContent = text.sending; // announced: a send may take up to the client's timeout
    });
    form.addEventListener("coc:invalid", (event) => this.#emit("coc:invalid", event.detail));
    form.addEventListener("coc:success", (event) => {
      draft.clear();
      this.#succeeded = true;
      const next = nextState(action, event.detail.request);
      // The ticket has moved on, even if the element was removed and put back meanwhile;
      // unless the portal has turned it to another ticket since.
      const same = this.getAttribute("incident-num") === num;
      if (same) status.textContent = text[action].done;
      this.#emit("coc:success", { ...event.detail, action, state: next });
      this.#settled();
      if (same) this.setAttribute("state", next);
    });
    form.addEventListener("coc:error", (event) => {
      // "Sending…" goes whatever render is shown (one made meanwhile, for the same
      // incident, keeps the status).
      if (status.textContent === text.sending) status.textContent = "";
      // Kept (boxed: a token function may reject with undefined) for the forms of this
      // incident made after it, said by this one when it is still shown.
      if (this.#statusOf === num) this.#failed = { error: event.detail.error };
      if (render === this.#render) error.textContent = failure(text, event.detail.error);
      this.#emit("coc:error", { ...event.detail, action });
      this.#settled();
    });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** The form an action needs, its controls named as the wire keys. */
  #form(action, num, text) {
    const id = `coc-${++ids}`;
    const field = (key, control, label = text[key]) => {
      control.id = `${id}-${key}`;
      control.setAttribute("part", `input ${key}`);
      return h("div", { part: "field" }, h("label", { for: control.id, part: "label" }, label), control);
    };
    const operator = this.getAttribute("operator");
    const fields = [
      h("input", { type: "hidden", name: "incident_num", value: num }),
      h("input", { type: "hidden", name: "operate_key", value: action }),
      field("operator", h("input", { name: "operator", value: operator ?? "", autocomplete: "username" })),
    ];
    if (action === "commitSolution1") {
      const interrupted = h("input", { type: "checkbox", name: "is_service_interrupt", id: `${id}-is_service_interrupt`, part: "checkbox" });
      fields.push(
        field("mtm_type", h("input", { name: "mtm_type", list: `${id}-mtm-types` })),
        h("datalist", { id: `${id}-mtm-types` }, ...MTM_TYPES.map((value, i) => h("option", { value, label: text.mtm_types[i] }))),
        h("div", { part: "field choice" }, interrupted, h("label", { for: interrupted.id, part: "label" }, text.is_service_interrupt)),
        field("cause", h("textarea", { name: "cause" })),
        field("solution", h("textarea", { name: "solution" })),
        h(
          "div",
          { part: "times" },
          field("start_time", h("input", { type: "datetime-local", name: "start_time" })),
          field("fault_recovery_time", h("input", { type: "datetime-local", name: "fault_recovery_time" })),
        ),
      );
    } else if (action === "confirm") {
      const choice = (value, label) => {
        const radio = h("input", { type: "radio", name: "virtual_confirm_result", value, id: `${id}-result-${value}`, part: "radio" });
        return h("div", { part: "choice" }, radio, h("label", { for: radio.id, part: "label" }, label));
      };
      fields.push(
        h(
          "fieldset",
          { part: "field" },
          h("legend", { part: "label" }, text.virtual_confirm_result),
          choice("true", text.yes),
          choice("false", text.no),
          h("span", { "data-coc-message-for": "virtual_confirm_result", class: "coc-message" }),
        ),
        field("virtual_confirm_comment", h("textarea", { name: "virtual_confirm_comment" })),
      );
    }
    return h(
      "form",
      { part: "form", novalidate: true, "aria-labelledby": `${id}-title` },
      h("h3", { part: "title", id: `${id}-title`, tabindex: -1 }, text[action].title),
      ...fields,
      h("ul", { "data-coc-summary": true, part: "summary" }),
      h("button", { part: "button" }, text[action].submit),
    );
  }
}

/** What a control shows: a box's tick, another's text. */
const shown = (control) => (control.type === "checkbox" || control.type === "radio" ? control.checked : control.value);

/** Where the caret of a text control is (none for other controls). */
function caret(control) {
  try {
    return { start: control.selectionStart, end: control.selectionEnd };
  } catch {
    return {};
  }
}

/** Focus to the control named as `typing` says, its caret where it was; to the title
 * when there is none such. */
function refocus(form, typing) {
  let control = typing && form.elements.namedItem(typing.name);
  // A radio group's list: the radio of the same value.
  if (control && typeof control.focus !== "function" && typeof control.length === "number") {
    control = [...control].find((radio) => radio.value === typing.value);
  }
  if (!control || typeof control.focus !== "function") return form.querySelector("[part~=title]").focus();
  control.focus();
  if (typeof typing.start === "number") {
    try {
      control.setSelectionRange(typing.start, typing.end);
    } catch {}
  }
}

/** What the user typed into one ticket's form for one action, kept across reloads; per
 * operator, when the portal gives one. */
class Draft {
  constructor(num, action, operator) {
    this.key = `coc-incident-form:draft:${num}:${action}${operator === "" ? "" : `:${operator}`}`;
  }

  save(form) {
    const values = {};
    for (const control of form.elements) {
      if (!control.name || control.type === "hidden") continue;
      if (control.type === "checkbox") values[control.name] = control.checked;
      else if (control.type === "radio") {
        if (control.checked) values[control.name] = control.value;
      } else values[control.name] = control.value;
    }
    try {
      sessionStorage.setItem(this.key, JSON.stringify(values));
    } catch {} // storage full or denied: the form still works, only the draft is not kept
  }

  /** Whether a draft is kept. */
  kept() {
    try {
      return sessionStorage.getItem(this.key) !== null;
    } catch {
      return false;
    }
  }

  /** Takes over the draft kept under `from.key` (over any of this one's). */
  adopt(from) {
    try {
      const kept = sessionStorage.getItem(from.key);
      if (kept === null) return;
      sessionStorage.setItem(this.key, kept);
      sessionStorage.removeItem(from.key);
    } catch {} // storage denied: there is no draft to take over
  }

  /** Puts a kept draft back (but the controls named in `skip`); true when that changed
   * what the form shows. */
  restore(form, skip = []) {
    let values;
    try {
      values = JSON.parse(sessionStorage.getItem(this.key) ?? "null");
    } catch {
      return false;
    }
    if (values === null || typeof values !== "object") return false;
    let changed = false;
    for (const control of form.elements) {
      if (!control.name || control.type === "hidden" || skip.includes(control.name) || !Object.hasOwn(values, control.name)) continue;
      const value = values[control.name];
      const before = shown(control);
      if (control.type === "checkbox") control.checked = value === true;
      else if (control.type === "radio") control.checked = control.value === value;
      else if (typeof value === "string") control.value = value;
      changed ||= before !== shown(control);
    }
    return changed;
  }

  clear() {
    try {
      sessionStorage.removeItem(this.key);
    } catch {}
  }
}

export { STATES };

if (globalThis.customElements && !customElements.get("coc-incident-form")) {
  customElements.define("coc-incident-form", IncidentFormElement);
}
