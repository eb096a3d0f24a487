// The incident desk demo: the emulator's tickets, and the form each ticket's state
// allows, bound with coc-incident's bindForm and sent through its IncidentClient.
// Everything from the server is shown with textContent, never as HTML.
import init, { IncidentClient } from "/src/client.js";
import { bindForm } from "/src/forms.js"; // the same module as the client: one init

const TEXT = {
  en: {
    skip: "Skip to tickets", title: "Incident desk", language: "Language",
    note: "A demo of coc-incident against a local emulator of the Huawei Cloud COC incident API. Every mistake is shown next to its field before anything is sent.",
    tickets: "Tickets", number: "Number", ticketTitle: "Title", state: "State", action: "Action", open: "Open",
    openLabel: (num) => `Open ticket ${num}`, loading: "Loading tickets…", loadFailed: "Could not load the tickets.",
    acceptHeading: "Accept the ticket", operator: "Operator ID", acceptButton: "Accept",
    solutionHeading: "Submit the solution", mtmType: "Incident category", interrupt: "The service was interrupted",
    startTime: "Fault start time", recoveryTime: "Fault recovery time", cause: "Cause", solution: "Solution",
    solutionButton: "Submit solution", verifyHeading: "Verify the fix", verifyResult: "Is the incident resolved?",
    yes: "Yes, close it", no: "No, back to handling", comment: "Verification comment", verifyButton: "Send verification",
    closedNote: "This ticket is closed: no action is left.",
    states: { to_be_accepted: "To be accepted", handling: "Handling", to_be_verified: "To be verified", closed: "Closed" },
    done: (state) => `Sent. The ticket is now: ${state}.`,
    invalid: "Nothing was sent: fix the marked fields.",
    failed: "The server refused it",
    sending: "Sending…",
  },
  "zh-CN": {
    skip: "跳到事件单列表", title: "事件工作台", language: "语言",
    note: "coc-incident 的演示，连接本地模拟的华为云 COC 事件接口。发送之前，每个错误都会显示在对应字段旁。",
    tickets: "事件单", number: "单号", ticketTitle: "标题", state: "状态", action: "操作", open: "打开",
    openLabel: (num) => `打开事件单 ${num}`, loading: "正在加载事件单…", loadFailed: "无法加载事件单。",
    acceptHeading: "受理事件单", operator: "操作人 ID", acceptButton: "受理",
    solutionHeading: "提交解决方案", mtmType: "问题类别", interrupt: "业务已中断",
    startTime: "故障开始时间", recoveryTime: "故障恢复时间", cause: "故障原因", solution: "解决方案",
    solutionButton: "提交解决方案", verifyHeading: "验证处理结果", verifyResult: "事件是否已解决？",
    yes: "是，关闭事件单", no: "否，退回处理", comment: "验证说明", verifyButton: "提交验证",
    closedNote: "事件单已关闭，没有可执行的操作。",
    states: { to_be_accepted: "待受理", handling: "处理中", to_be_verified: "待验证", closed: "已关闭" },
    done: (state) => `已发送。事件单当前状态：${state}。`,
    invalid: "未发送：请修改标出的字段。",
    failed: "服务器拒绝了请求",
    sending: "正在发送…",
  },
};

const $ = (id) => document.getElementById(id);
const forms = [...document.querySelectorAll("form.action")];
let locale = "en";
let tickets = [];
let current = null;
let bindings = [];

const t = (key, ...args) => {
  const value = TEXT[locale][key];
  return typeof value === "function" ? value(...args) : value;
};

function translate() {
  document.documentElement.lang = locale;
  document.title = `${t("title")}: coc-incident`;
  for (const element of document.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
}

function say(text, tone = "") {
  $("outcome").className = tone;
  $("outcome").textContent = text;
}

function stateBadge(state) {
  const badge = document.createElement("span");
  badge.className = `state state-${state}`;
  badge.textContent = TEXT[locale].states[state] ?? state;
  return badge;
}

function renderTickets() {
  const rows = tickets.map((ticket) => {
    const row = document.createElement("tr");
    if (ticket.incident_num === current) row.setAttribute("aria-current", "true");
    const num = document.createElement("td");
    num.className = "num";
    num.textContent = ticket.incident_num;
    const title = document.createElement("td");
    title.textContent = ticket.title;
    const state = document.createElement("td");
    state.append(stateBadge(ticket.status));
    const action = document.createElement("td");
    const open = document.createElement("button");
    open.type = "button";
    open.className = "link";
    open.textContent = t("open");
    open.setAttribute("aria-label", t("openLabel", ticket.incident_num));
    open.addEventListener("click", () => openTicket(ticket.incident_num, true));
    action.append(open);
    row.append(num, title, state, action);
    return row;
  });
  $("tickets").replaceChildren(...rows);
}

async function loadTickets() {
  try {
    const response = await fetch("/__emulator/tickets");
    tickets = await response.json();
    $("tickets-status").textContent = "";
  } catch {
    $("tickets-status").textContent = t("loadFailed");
  }
  renderTickets();
}

function openTicket(num, focus) {
  current = num;
  const ticket = tickets.find((x) => x.incident_num === num);
  if (!ticket) return;
  $("detail").hidden = false;
  $("detail-heading").textContent = `${ticket.incident_num}: ${ticket.title}`;
  $("detail-state").replaceChildren(stateBadge(ticket.status));
  for (const form of forms) {
    form.hidden = form.dataset.state !== ticket.status;
    // A hidden form's controls stay out of the request and of validation.
    for (const control of form.elements) control.disabled = form.hidden;
    form.elements.incident_num.value = ticket.incident_num;
  }
  $("closed-note").hidden = ticket.status !== "closed";
  renderTickets();
  if (focus) $("detail-heading").focus();
}

function describe(error) {
  switch (error.name) {
    case "ApiError":
      return `${t("failed")}: ${error.errorCode} (HTTP ${error.status})${error.errorMsg ? `\n${error.errorMsg}` : ""}`;
    case "HttpError":
      return `${t("failed")}: HTTP ${error.status}\n${error.bodySnippet}`;
    default:
      return `${error.name}: ${error.message}`;
  }
}

function bindAll() {
  for (const binding of bindings) binding.destroy();
  // `npm start -- --token T` makes the emulator demand a token; the address it prints
  // carries it as ?token=T, and the client sends it as X-Auth-Token.
  const token = new URLSearchParams(location.search).get("token") ?? undefined;
  const client = new IncidentClient({ endpoint: "/", locale, timeoutMs: 15000, token });
  bindings = forms.map((form) => bindForm(form, { client, locale }));
}

for (const form of forms) {
  form.addEventListener("submit", () => say(""));
  form.addEventListener("coc:invalid", () => say(t("invalid"), "bad"));
  form.addEventListener("coc:success", async () => {
    await loadTickets();
    openTicket(current, false);
    const state = tickets.find((x) => x.incident_num === current)?.status;
    say(t("done", TEXT[locale].states[state] ?? state), "good");
    form.reset();
  });
  form.addEventListener("coc:error", (event) => say(describe(event.detail.error), "bad"));
}

$("locale").addEventListener("change", (event) => {
  locale = event.target.value;
  translate();
  bindAll();
  renderTickets();
  if (current) openTicket(current, false);
  say("");
});

await init();
// The signed-in operator: a default value, so that a form reset keeps it.
for (const id of ["accept-operator", "solution-operator", "verify-operator"]) $(id).defaultValue = "7da46971b7e24eed90cf777cc2ff8b91";
translate();
bindAll();
$("tickets-status").textContent = t("loading");
await loadTickets();
document.body.dataset.ready = "yes";
