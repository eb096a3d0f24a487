// The incident desk demo: the emulator's tickets, and for the one opened,
// <coc-incident-form>, which renders the form its state allows, checks it with
// coc-incident's rules and sends it. Everything from the server is shown with
// textContent, never as HTML.
import "/src/element.js"; // defines <coc-incident-form>, which inits the wasm itself

const TEXT = {
  en: {
    skip: "Skip to tickets", title: "Incident desk", language: "Language",
    note: "A demo of coc-incident against a local emulator of the Huawei Cloud COC incident API. Every mistake is shown next to its field before anything is sent.",
    tickets: "Tickets", number: "Number", ticketTitle: "Title", state: "State", stateLabel: "State: ", action: "Action", open: "Open",
    openLabel: (num) => `Open ticket ${num}`, loading: "Loading tickets…", loadFailed: "Could not load the tickets.",
    changed: (state) => `The ticket is now ${state} on the server: its form is shown, and below it why the last send failed.`,
    states: { to_be_accepted: "To be accepted", handling: "Handling", to_be_verified: "To be verified", closed: "Closed" },
  },
  "zh-CN": {
    skip: "跳转到事件单列表", title: "事件工作台", language: "语言",
    note: "coc-incident 的演示，连接本地模拟的华为云 COC 事件接口。发送之前，每个错误都会显示在对应字段旁。",
    tickets: "事件单", number: "单号", ticketTitle: "标题", state: "状态", stateLabel: "状态：", action: "操作", open: "打开",
    openLabel: (num) => `打开事件单 ${num}`, loading: "正在加载事件单…", loadFailed: "无法加载事件单。",
    changed: (state) => `此事件单在服务器上的状态已变为“${state}”，已显示对应表单；上次发送失败的原因见表单下方。`,
    states: { to_be_accepted: "待受理", handling: "处理中", to_be_verified: "待验证", closed: "已关闭" },
  },
};

const $ = (id) => document.getElementById(id);
const LOCALE_KEY = "coc-incident-demo.locale"; // the language chosen, kept for the next visit
const element = $("incident");
let locale = "en";
let tickets = [];
let current = null;

const t = (key, ...args) => {
  const value = TEXT[locale][key];
  return typeof value === "function" ? value(...args) : value;
};

function translate() {
  document.documentElement.lang = locale;
  document.title = `${t("title")} - coc-incident`;
  for (const element of document.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
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

function openTicket(num, focus, note = "") {
  current = num;
  const ticket = tickets.find((x) => x.incident_num === num);
  if (!ticket) return;
  $("detail-note").textContent = note;
  $("detail").hidden = false;
  $("detail-heading").textContent = `${ticket.incident_num}: ${ticket.title}`;
  $("detail-state").replaceChildren(stateBadge(ticket.status));
  element.setAttribute("incident-num", ticket.incident_num);
  element.setAttribute("state", ticket.status);
  renderTickets();
  if (focus) $("detail-heading").focus();
}

// The element has moved on to the next state's form; the list follows. The state shown
// is the ticket's that was sent only while that ticket is the one open (another may have
// been opened during the send).
element.addEventListener("coc:success", async (event) => {
  await loadTickets();
  if (event.detail.request.incident_num === current) $("detail-state").replaceChildren(stateBadge(event.detail.state));
});

// A failed send may still have been done (no answer in time), or been refused because
// the ticket moved on elsewhere: the list is read again, and the open ticket shown in the
// state the server has it in. Its form then follows, and the element still says why the
// send failed (it keeps that for the incident until the next send); the page says beside
// the state why the form changed.
element.addEventListener("coc:error", async (event) => {
  const num = event.detail.request.incident_num;
  await loadTickets();
  const now = tickets.find((x) => x.incident_num === num)?.status;
  if (num === current && now !== undefined && now !== element.getAttribute("state")) {
    openTicket(num, false, t("changed", TEXT[locale].states[now] ?? now));
  }
});

/** Shows the page in `chosen`, and remembers it for the next visit. */
function setLocale(chosen) {
  locale = chosen;
  $("locale").value = chosen;
  translate();
  element.setAttribute("locale", locale);
  renderTickets();
  if (current) openTicket(current, false);
}

$("locale").addEventListener("change", (event) => {
  setLocale(event.target.value);
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {} // storage refused (a private window's quota, a policy): not remembered
});

// `npm start -- --token T` makes the emulator demand a token; the address it prints
// carries it as #token=T (a fragment: never sent to a server, never in a Referer), and
// the element's client sends it as X-Auth-Token. Read once, then taken out of the
// address bar and the history (a ?token=T query too).
const address = new URL(location.href);
const token = new URLSearchParams(address.hash.slice(1)).get("token") ?? address.searchParams.get("token");
if (token !== null) {
  element.token = token;
  address.searchParams.delete("token");
  address.hash = "";
  history.replaceState(history.state, "", address);
}
let remembered = null;
try {
  remembered = localStorage.getItem(LOCALE_KEY);
} catch {}
if (Object.hasOwn(TEXT, remembered ?? "")) setLocale(remembered);
else translate();
$("tickets-status").textContent = t("loading");
await loadTickets();
document.body.dataset.ready = "yes";
