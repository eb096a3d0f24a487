// <coc-incident-form> from the packed package, in headless Chromium against the COC
// emulator, used as a person uses it: each state's form through a ticket's whole life,
// both locales, a draft kept across a reload, a failed send kept and sent again only
// by the user, keyboard only, axe-core, and screenshots at phone and laptop widths.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";

import { launch } from "../support/chromium.mjs";
import { importMap, startSite } from "../support/package-site.mjs";

const SHOTS = new URL("../../test-output/screenshots/", import.meta.url);
const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const OPERATOR = "7da46971b7e24eed90cf777cc2ff8b91";
const TICKET = {
  to_be_accepted: "IM202403221515060171753781",
  handling: "IM202403221602450171753783",
  to_be_verified: "IM202403221648300171753784",
  closed: "IM202403211020000171753785",
};
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; style-src 'self'; connect-src 'self'";

let site;
let browser;
before(async () => {
  await mkdir(SHOTS, { recursive: true });
  // A strict style-src: the element styles itself with a constructed sheet, no inline style.
  site = await startSite({ headers: { "Content-Security-Policy": CSP } });
  site.script("/page.js", 'import "coc-incident/element";');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.close();
});
beforeEach(() => site.emulator.reset());

/** A plain page holding one element; resolves once its form (or closed note) is shown. */
async function open({ state, locale = "en", operator = OPERATOR, width = 1280, height = 900, attributes = "", timezoneId } = {}) {
  const num = TICKET[state];
  const stateAttribute = attributes.includes("no-state") ? "" : ` state="${state}"`;
  site.page(
    "/",
    `<!doctype html><html lang="${locale === "zh-CN" ? "zh-CN" : "en"}"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>Incident</title>${importMap}
    <script type="module" src="/page.js"></script></head>
    <body><main><h1>Portal</h1>
    <coc-incident-form incident-num="${num}"${stateAttribute} operator="${operator}" endpoint="/" locale="${locale}"></coc-incident-form>
    </main></body></html>`,
  );
  const context = await browser.newContext({ viewport: { width, height }, ...(timezoneId && { timezoneId }) });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && !/status of 502/.test(m.text()) && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.problems = problems;
  if (!attributes.includes("no-goto")) {
    await page.goto(`${site.base}/`);
    await ready(page);
  }
  return page;
}

const ready = (page) => page.locator("coc-incident-form form, coc-incident-form [part=closed]").first().waitFor();
const sent = () => site.emulator.log.map((r) => [JSON.parse(r.body).operate_key, r.status]);
/** The emulator's next answer misbehaves as `wish` says (scripts/emulator.mjs). */
const misbehave = (wish) =>
  fetch(`${site.base}/__emulator/misbehave`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(wish) });
/** Another desk accepts the ticket to be accepted, around the page; its HTTP status. */
const acceptElsewhere = async () =>
  (
    await fetch(`${site.base}/v1/external/incident/handle`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ incident_num: TICKET.to_be_accepted, operator: "other", operate_key: "acceptedIncident1", parameter: {} }),
    })
  ).status;

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const { violations } = await page.evaluate(() => globalThis.axe.run(document));
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

test("a ticket's whole life: accept, submit the solution, verify, closed; each form the state allows", async () => {
  const page = await open({ state: "to_be_accepted" });
  const events = [];
  await page.exposeFunction("record", (type, detail) => events.push([type, detail]));
  await page.evaluate(() => {
    const element = document.querySelector("coc-incident-form");
    for (const type of ["coc:success", "coc:error", "coc:invalid"]) {
      element.addEventListener(type, (e) => globalThis.record(type, { action: e.detail.action, state: e.detail.state }));
    }
  });
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByText("Accepted: the incident is now being handled.").waitFor();
  // The element moves on to the form the new state allows.
  await page.getByLabel("Incident category").fill("inc_type_p_config_issues");
  await page.getByLabel("Cause").fill("The log volume filled up after a retention change.");
  await page.getByLabel("Solution", { exact: true }).fill("Rotated the logs.");
  await page.getByRole("button", { name: "Submit solution" }).click();
  await page.getByText("Solution submitted: waiting for verification.").waitFor();
  await page.getByLabel("Yes, it is fixed").check();
  await page.getByLabel("Comment").fill("Verified on db-03.");
  await page.getByRole("button", { name: "Send verification" }).click();
  await page.getByText("This incident is closed: there is nothing to do.").waitFor();
  assert.deepEqual(sent(), [["acceptedIncident1", 200], ["commitSolution1", 200], ["confirm", 200]]);
  assert.deepEqual(events, [
    ["coc:success", { action: "acceptedIncident1", state: "handling" }],
    ["coc:success", { action: "commitSolution1", state: "to_be_verified" }],
    ["coc:success", { action: "confirm", state: "closed" }],
  ]);
  assert.equal(await page.locator("coc-incident-form").getAttribute("state"), "closed");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an invalid submit sends nothing and says why at the field, in English and in Chinese", async () => {
  for (const [locale, button, message] of [
    ["en", "Send verification", /Verification result is required/],
    ["zh-CN", "提交验证", /验证结果/],
  ]) {
    const page = await open({ state: "to_be_verified", locale });
    await page.getByRole("button", { name: button }).click();
    await page.locator("coc-incident-form [aria-invalid=true]").first().waitFor();
    assert.match(await page.locator("coc-incident-form [data-coc-message-for=virtual_confirm_result]").textContent(), message);
    // Focus goes to the first field in error.
    assert.equal(await page.evaluate(() => document.querySelector("coc-incident-form").shadowRoot.activeElement?.name), "virtual_confirm_result");
    assert.deepEqual(sent(), []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test("the incident categories offered are labelled in the locale, each code the value a choice types", async () => {
  for (const [locale, label] of [
    ["en", "Configuration issue"],
    ["zh-CN", "配置问题"],
  ]) {
    const page = await open({ state: "handling", locale });
    const options = await page.locator("coc-incident-form datalist option").evaluateAll((all) => all.map((o) => [o.value, o.label]));
    assert.equal(options.length, 5);
    assert.deepEqual(options[3], ["inc_type_p_config_issues", label]);
    assert.ok(options.every(([value, text]) => value.startsWith("inc_type_p_") && text !== "" && text !== value), JSON.stringify(options));
    await page.context().close();
  }
});

test("what the user typed survives a reload (a draft per ticket and action) and is cleared on success", async () => {
  const page = await open({ state: "handling" });
  await page.getByLabel("Incident category").fill("inc_type_p_config_issues");
  await page.getByLabel("Cause").fill("Disk full on db-03.");
  await page.getByLabel("Service interrupted").check();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Cause").inputValue(), "Disk full on db-03.");
  assert.equal(await page.getByLabel("Incident category").inputValue(), "inc_type_p_config_issues");
  assert.equal(await page.getByLabel("Service interrupted").isChecked(), true);
  await page.getByText("Restored what you typed before.").waitFor();
  await page.getByLabel("Solution", { exact: true }).fill("Cleaned up and added an alert.");
  await page.getByRole("button", { name: "Submit solution" }).click();
  await page.getByText("Solution submitted").waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a draft is the operator's: the next user of a shared tab does not see what the last one typed", async () => {
  const page = await open({ state: "handling" });
  await page.getByLabel("Cause").fill("Disk full on db-03.");
  // The portal logs another user in: the element is given their operator.
  await page.evaluate(() => document.querySelector("coc-incident-form").setAttribute("operator", "next-user-0123456789abcdef"));
  await page.waitForFunction(() => document.querySelector("coc-incident-form").shadowRoot.querySelector("[name=operator]")?.value === "next-user-0123456789abcdef");
  assert.equal(await page.getByLabel("Cause").inputValue(), "");
  // And back: the first one's draft is theirs still.
  await page.evaluate((operator) => document.querySelector("coc-incident-form").setAttribute("operator", operator), OPERATOR);
  await page.waitForFunction(() => document.querySelector("coc-incident-form").shadowRoot.querySelector("[name=cause]")?.value === "Disk full on db-03.");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("what was typed before the portal gave its operator stays, as that operator's draft", async () => {
  // A portal that learns who is logged in after the page is shown.
  const page = await open({ state: "handling", operator: "" });
  await page.getByLabel("Cause").fill("Disk full on db-03.");
  await page.evaluate((operator) => document.querySelector("coc-incident-form").setAttribute("operator", operator), OPERATOR);
  await page.waitForFunction((operator) => document.querySelector("coc-incident-form").shadowRoot.querySelector("[name=operator]")?.value === operator, OPERATOR);
  assert.equal(await page.getByLabel("Cause").inputValue(), "Disk full on db-03.");
  // Kept under that operator only: a later page that has no operator yet shows none of it.
  const keys = await page.evaluate(() => Object.keys(sessionStorage));
  assert.deepEqual(keys, [`coc-incident-form:draft:${TICKET.handling}:commitSolution1:${OPERATOR}`]);
  // Another user's form is still not given it.
  await page.evaluate(() => document.querySelector("coc-incident-form").setAttribute("operator", "next-user-0123456789abcdef"));
  await page.waitForFunction(() => document.querySelector("coc-incident-form").shadowRoot.querySelector("[name=operator]")?.value === "next-user-0123456789abcdef");
  assert.equal(await page.getByLabel("Cause").inputValue(), "");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("what was typed here wins over the operator's older draft; a draft of no operator from an earlier page is not given to the operator set", async () => {
  const page = await open({ state: "handling", operator: "" });
  const form = () => page.locator("coc-incident-form");
  const setOperator = async (operator) => {
    await form().evaluate((element, operator) => element.setAttribute("operator", operator), operator);
    await page.waitForFunction((operator) => document.querySelector("coc-incident-form").shadowRoot.querySelector("[name=operator]")?.value === operator, operator);
  };
  // The operator's draft from an earlier visit.
  await page.evaluate(([key]) => sessionStorage.setItem(key, JSON.stringify({ cause: "An old cause." })), [`coc-incident-form:draft:${TICKET.handling}:commitSolution1:${OPERATOR}`]);
  await page.getByLabel("Cause").fill("Typed just now.");
  await setOperator(OPERATOR);
  assert.equal(await page.getByLabel("Cause").inputValue(), "Typed just now.");
  // User A types on a page with no operator, and the tab is reloaded for user B, whose
  // operator the portal sets once it knows it: A's text is not saved as B's.
  await form().evaluate((element) => element.removeAttribute("operator"));
  await page.getByLabel("Operator").waitFor();
  await page.getByLabel("Cause").fill("User A's cause.");
  await page.reload();
  await ready(page);
  await form().evaluate((element) => element.removeAttribute("operator"));
  // B types their operator into the form shown (A's cause is in it, restored), before the
  // portal sets it: still not B's to keep.
  await page.getByLabel("Operator").fill("user-b-0123456789abcdef");
  await setOperator("user-b-0123456789abcdef");
  assert.equal(await page.getByLabel("Cause").inputValue(), "");
  assert.equal(await page.evaluate(() => sessionStorage.getItem(Object.keys(sessionStorage).find((k) => k.endsWith("user-b-0123456789abcdef")) ?? "none")), null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a radio that had the focus keeps it when the form is made again (another locale)", async () => {
  const page = await open({ state: "to_be_verified" });
  await page.getByLabel("No, it is not fixed").check();
  await page.locator("coc-incident-form").evaluate((element) => element.setAttribute("locale", "zh-CN"));
  await page.getByText("验证修复结果").waitFor();
  const focused = await page.locator("coc-incident-form").evaluate((element) => {
    const active = element.shadowRoot.activeElement;
    return [active?.name, active?.value];
  });
  assert.deepEqual(focused, ["virtual_confirm_result", "false"]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an element moved while its send is under way leaves no unbound form to submit itself, and shows the outcome", async () => {
  const page = await open({ state: "to_be_accepted" });
  await misbehave({ mode: "slow", delay_ms: 1500 });
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByText("Sending…").waitFor();
  // A portal that re-renders its layout: the element leaves the document, and comes back
  // in a later task.
  await page.evaluate(() => {
    const element = document.querySelector("coc-incident-form");
    element.remove();
    return new Promise((resolve) => setTimeout(() => resolve(document.querySelector("main").append(element)), 50));
  });
  // No form is left to click meanwhile (before, the old one, unbound, sent itself as a GET).
  assert.equal(await page.locator("coc-incident-form form").count(), 0);
  await page.getByText("Accepted: the incident is now being handled.").waitFor();
  await ready(page);
  assert.equal(new URL(page.url()).search, "", "nothing typed went into the page's URL");
  assert.deepEqual(sent(), [["acceptedIncident1", 200]]);
  assert.equal(await page.locator("coc-incident-form").getAttribute("state"), "handling");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a form made again while the user types (another locale) keeps the field and caret they were in", async () => {
  const page = await open({ state: "handling" });
  const cause = page.getByLabel("Cause");
  await cause.fill("Disk full on db-03.");
  await cause.evaluate((input) => input.setSelectionRange(4, 4));
  await page.locator("coc-incident-form").evaluate((element) => element.setAttribute("locale", "zh-CN"));
  await page.getByLabel("故障原因").waitFor();
  await page.keyboard.type("X");
  assert.equal(await page.getByLabel("故障原因").inputValue(), "DiskX full on db-03.");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a token the portal sets after the form is shown is the one sent", async () => {
  const page = await open({ state: "to_be_accepted" });
  const tokens = [];
  page.on("request", (request) => request.method() === "POST" && tokens.push(request.headers()["x-auth-token"]));
  await page.locator("coc-incident-form").evaluate((element) => (element.token = "token-set-late"));
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByText("Accepted: the incident is now being handled.").waitFor();
  assert.deepEqual(tokens, ["token-set-late"]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a draft that changes nothing shown (only the operator the portal sets anyway) is not announced as restored", async () => {
  const page = await open({ state: "to_be_accepted" });
  await page.getByLabel("Operator").fill("someone-else");
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Operator").inputValue(), OPERATOR);
  assert.equal(await page.locator("coc-incident-form [role=status]").textContent(), "");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a start time typed only in part (a date, no time yet) is said, and nothing is sent without it", async () => {
  const page = await open({ state: "handling" });
  await page.getByLabel("Incident category").fill("inc_type_p_config_issues");
  await page.getByLabel("Cause").fill("Disk full on db-03.");
  await page.getByLabel("Solution", { exact: true }).fill("Cleaned up and added an alert.");
  await page.getByLabel("Fault start time (optional)").focus();
  await page.keyboard.type("03222024"); // the date's parts; the time's left empty
  assert.equal(await page.getByLabel("Fault start time (optional)").evaluate((input) => [input.value, input.validity.badInput].join()), ",true");
  await page.getByRole("button", { name: "Submit solution" }).click();
  const field = page.getByLabel("Fault start time (optional)");
  await page.waitForFunction(() => document.querySelector("coc-incident-form").shadowRoot.querySelector("[name=start_time]").getAttribute("aria-invalid") === "true");
  assert.equal(await field.evaluate((input) => input === input.getRootNode().activeElement), true, "the field has the focus");
  assert.match(await field.evaluate((input) => input.validationMessage), /^Fault start time/);
  assert.deepEqual(sent(), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a failed send keeps the form as typed, is never resent on its own, and goes again when the user asks", async () => {
  const page = await open({ state: "to_be_accepted" });
  await misbehave({ mode: "html502" });
  await page.getByRole("button", { name: "Accept" }).click();
  const alert = page.locator("coc-incident-form [role=alert]");
  // A gateway's 502: no answer of COC's, so the action may have been done.
  await alert.filter({ hasText: "Outcome unknown:" }).waitFor();
  assert.equal(
    await alert.textContent(),
    "Outcome unknown: HTTP 502 with a body that is not the COC API's JSON. It may have been done: check the incident's state before sending again. What you typed is kept.",
  );
  await page.waitForTimeout(1000);
  assert.deepEqual(sent(), [["acceptedIncident1", 502]], "one attempt, no retry");
  assert.equal(await page.getByLabel("Operator").inputValue(), OPERATOR);
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByText("Accepted").first().waitFor();
  assert.deepEqual(sent(), [["acceptedIncident1", 502], ["acceptedIncident1", 200]]);
  assert.equal(await alert.textContent(), "");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a token function that rejects with no Error (nothing, a text, a DOMException, a trap) is said as it can be, and the form can send again", async () => {
  const page = await open({ state: "to_be_accepted", attributes: "no-goto" });
  await page.addInitScript(() => {
    globalThis.errors = [];
    customElements.whenDefined("coc-incident-form").then(() => {
      const element = document.querySelector("coc-incident-form");
      // What a portal's session code may do: reject with nothing, throw a text, time
      // out its own fetch (a DOMException named TimeoutError: nothing was sent), or throw
      // something that throws back when it is looked at.
      const failures = {
        text: () => "session expired",
        timeout: () => new DOMException("The operation timed out.", "TimeoutError"),
        trap: () => ({ name: "HttpError", status: Symbol("status"), get message() { throw new Error("trap"); } }),
      };
      element.token = () => Promise.reject(failures[globalThis.failure]?.());
      element.addEventListener("coc:error", (event) => globalThis.errors.push(String(event.detail.error)));
      element.remove();
      document.querySelector("main").append(element);
    });
  });
  await page.goto(`${site.base}/`);
  await ready(page);
  const alert = page.locator("coc-incident-form [role=alert]");
  /** Accept, the token failing as `failure` says, until the alert holds `shown`. */
  const sendFailing = async (failure, shown) => {
    await page.evaluate((f) => (globalThis.failure = f), failure);
    await page.getByRole("button", { name: "Accept" }).click();
    await alert.filter({ hasText: shown }).waitFor();
    return alert.textContent();
  };
  assert.equal(await sendFailing(undefined, "Not sent."), "Not sent. What you typed is kept; send again when ready.");
  assert.equal(await sendFailing("text", "session expired"), "Not sent: session expired. What you typed is kept; send again when ready.");
  assert.equal(await sendFailing("timeout", "timed out"), "Not sent: The operation timed out. What you typed is kept; send again when ready.");
  await sendFailing("trap", "Outcome unknown.");
  // The send ended: the element is not left sending, and shows what it is asked to.
  await page.locator("coc-incident-form").evaluate((e) => e.setAttribute("state", "closed"));
  await page.locator("coc-incident-form [part=closed]").waitFor();
  assert.deepEqual((await page.evaluate(() => globalThis.errors)).slice(0, 3), ["undefined", "session expired", "TimeoutError: The operation timed out."]);
  assert.deepEqual(sent(), [], "nothing is sent without a token");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("in Chinese, a reason that ends in an ASCII full stop ends in 。, with no ASCII mark mid-sentence", async () => {
  const page = await open({ state: "to_be_accepted", locale: "zh-CN", attributes: "no-goto" });
  await page.addInitScript(() => {
    customElements.whenDefined("coc-incident-form").then(() => {
      const element = document.querySelector("coc-incident-form");
      element.token = () => Promise.reject(new Error("Session expired."));
      element.remove();
      document.querySelector("main").append(element);
    });
  });
  await page.goto(`${site.base}/`);
  await ready(page);
  await page.getByRole("button", { name: "受理" }).click();
  const alert = page.locator("coc-incident-form [role=alert]");
  await alert.filter({ hasText: "未发送" }).waitFor();
  assert.equal(await alert.textContent(), "未发送：Session expired。您输入的内容已保留，准备好后请再次提交。");
  assert.deepEqual(sent(), []);
  await page.context().close();
});

test("a refusal with a page-long reason is said in a few lines, in either locale; the error keeps all of it", async () => {
  for (const [locale, button, head] of [["en", "Accept", "Refused: COC answered GOM.00009999 (HTTP 400): "], ["zh-CN", "受理", "操作未执行：COC 返回 GOM.00009999（HTTP 400）："]]) {
    const page = await open({ state: "to_be_accepted", locale });
    await page.evaluate(() => document.querySelector("coc-incident-form").addEventListener("coc:error", (e) => (globalThis.kept = e.detail.error.errorMsg.length)));
    await misbehave({ mode: "answer", status: 400, body: JSON.stringify({ error_code: "GOM.00009999", error_msg: "字".repeat(3000) }) });
    await page.getByRole("button", { name: button }).click();
    const alert = page.locator("coc-incident-form [role=alert]");
    await alert.filter({ hasText: head }).waitFor();
    const text = await alert.textContent();
    assert.ok(text.startsWith(`${head}${"字".repeat(340)}`) && text.includes("字…") && text.length < 420, text.length);
    assert.equal(await page.evaluate(() => globalThis.kept), 3000);
    await page.context().close();
  }
});

test("a send says it is under way, and a refusal is said in the element's locale as not done, with COC's own reason", async () => {
  const page = await open({ state: "to_be_accepted", locale: "zh-CN" });
  // Another desk accepts the ticket meanwhile: this one's send is refused, slowly.
  assert.equal(await acceptElsewhere(), 200);
  await misbehave({ mode: "slow", delay_ms: 1500 });
  await page.getByRole("button", { name: "受理" }).click();
  await page.locator("coc-incident-form [role=status]").filter({ hasText: "正在发送…" }).waitFor();
  const alert = page.locator("coc-incident-form [role=alert]");
  await alert.filter({ hasText: "操作未执行" }).waitFor();
  assert.match(await alert.textContent(), /^操作未执行：COC 返回 EMU\.00000409（HTTP 409）：.+。您输入的内容已保留。$/);
  assert.equal(await page.locator("coc-incident-form [role=status]").textContent(), "");
  // The browser logs the 409 it was answered; nothing else.
  assert.deepEqual(page.problems.filter((problem) => !/status of 409/.test(problem)), []);
  await page.context().close();
});

test("why a send failed is said again by each new form of that incident (the portal reads the state again, another locale), until the next send", async () => {
  const page = await open({ state: "to_be_accepted" });
  const element = page.locator("coc-incident-form");
  const alert = page.locator("coc-incident-form [role=alert]");
  // Another desk accepts the ticket meanwhile: this one's send is refused.
  assert.equal(await acceptElsewhere(), 200);
  await page.getByRole("button", { name: "Accept" }).click();
  await alert.filter({ hasText: "Refused" }).waitFor();
  const refused = await alert.textContent();
  assert.match(refused, /^Refused: COC answered EMU\.00000409 \(HTTP 409\)/);
  // The portal reads the state again, as the message asks, and shows the ticket as it is:
  // the new form keeps the reason the last one was refused.
  await element.evaluate((e) => e.setAttribute("state", "handling"));
  await page.getByRole("button", { name: "Submit solution" }).waitFor();
  assert.equal(await alert.textContent(), refused);
  // Another locale: the same reason, in it.
  await element.evaluate((e) => e.setAttribute("locale", "zh-CN"));
  await page.getByRole("button", { name: "提交方案" }).waitFor();
  assert.match(await alert.textContent(), /^操作未执行：COC 返回 EMU\.00000409（HTTP 409）：/);
  // A new send starts afresh: an invalid one says its fields, and no old reason.
  await page.getByRole("button", { name: "提交方案" }).click();
  await page.locator("coc-incident-form [aria-invalid=true]").first().waitFor();
  assert.equal(await alert.textContent(), "");
  await element.evaluate((e) => e.setAttribute("locale", "en"));
  await page.getByRole("button", { name: "Submit solution" }).waitFor();
  assert.equal(await alert.textContent(), "");
  // The other desk's acceptance, then this page's one refused send: nothing sent again.
  assert.deepEqual(sent(), [["acceptedIncident1", 200], ["acceptedIncident1", 409]]);
  assert.deepEqual(page.problems.filter((problem) => !/status of 409/.test(problem)), []);
  await page.context().close();
});

test("a refusal is not said of another incident shown next", async () => {
  const page = await open({ state: "to_be_accepted" });
  const element = page.locator("coc-incident-form");
  const alert = page.locator("coc-incident-form [role=alert]");
  await acceptElsewhere();
  await page.getByRole("button", { name: "Accept" }).click();
  await alert.filter({ hasText: "Refused" }).waitFor();
  await element.evaluate((e, num) => {
    e.setAttribute("incident-num", num);
    e.setAttribute("state", "to_be_verified");
  }, TICKET.to_be_verified);
  await page.getByRole("button", { name: "Send verification" }).waitFor();
  assert.equal(await alert.textContent(), "");
  assert.deepEqual(page.problems.filter((problem) => !/status of 409/.test(problem)), []);
  await page.context().close();
});

test("what was said of one incident is not said of the next, and a draft typed on the page is not announced as restored", async () => {
  const page = await open({ state: "to_be_accepted" });
  const element = page.locator("coc-incident-form");
  const status = page.locator("coc-incident-form [role=status]");
  await page.getByRole("button", { name: "Accept" }).click();
  await status.filter({ hasText: "Accepted" }).waitFor();
  // Another incident, closed: the note of the first one's acceptance goes.
  await element.evaluate((e, num) => {
    e.setAttribute("incident-num", num);
    e.setAttribute("state", "closed");
  }, TICKET.closed);
  await page.locator("coc-incident-form [part=closed]").waitFor();
  assert.equal(await status.textContent(), "");
  // Typed here, then the form made again in another locale: kept, and not announced.
  await element.evaluate((e, num) => {
    e.setAttribute("incident-num", num);
    e.setAttribute("state", "handling");
  }, TICKET.handling);
  await page.getByLabel("Cause").fill("Disk full.");
  await element.evaluate((e) => e.setAttribute("locale", "zh-CN"));
  await page.getByLabel("故障原因").waitFor();
  assert.equal(await page.getByLabel("故障原因").inputValue(), "Disk full.");
  assert.equal(await status.textContent(), "");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a change of attributes during a send waits for its outcome, which moves the ticket on", async () => {
  const page = await open({ state: "to_be_accepted" });
  await misbehave({ mode: "slow", delay_ms: 800 });
  await page.getByRole("button", { name: "Accept" }).click();
  await page.locator("coc-incident-form form[aria-busy=true]").waitFor();
  await page.evaluate(() => document.querySelector("coc-incident-form").setAttribute("locale", "zh-CN"));
  // Still the form that is sending, in its language, until the answer comes.
  assert.equal(await page.locator("coc-incident-form form[aria-busy=true]").count(), 1);
  await page.getByRole("button", { name: "提交方案" }).waitFor();
  assert.match(await page.locator("coc-incident-form [part~=status]").textContent(), /Accepted/);
  assert.deepEqual(sent(), [["acceptedIncident1", 200]]);
  // Focus was on the button that went: it is now on the new form's title.
  assert.equal(await page.evaluate(() => document.querySelector("coc-incident-form").shadowRoot.activeElement?.getAttribute("part")), "title");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a state that is a name on Object.prototype is no action", async () => {
  const page = await open({ state: "handling", attributes: "no-goto" });
  await page.goto(`${site.base}/`);
  await ready(page);
  await page.evaluate(() => document.querySelector("coc-incident-form").setAttribute("state", "constructor"));
  await page.getByText("This incident's state is not one this form knows: constructor.").waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("keyboard only: Tab to each control, type, Space to choose, Enter to send", async () => {
  const page = await open({ state: "to_be_verified", operator: "" });
  await page.keyboard.press("Tab"); // operator, the first control of the page
  await page.keyboard.type(OPERATOR);
  await page.keyboard.press("Tab"); // the "yes" radio
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab"); // the comment (the radio group is one tab stop)
  await page.keyboard.type("Checked from the keyboard.");
  await page.keyboard.press("Tab"); // the button
  await page.keyboard.press("Enter");
  await page.getByText("This incident is closed").waitFor();
  assert.deepEqual(sent(), [["confirm", 200]]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the state can be asked for (getState) instead of given", async () => {
  const page = await open({ state: "handling", attributes: "no-state no-goto" });
  await page.addInitScript(() => {
    customElements.whenDefined("coc-incident-form").then(() => {
      const element = document.querySelector("coc-incident-form");
      element.getState = async (num) => {
        const answer = await (await fetch(`/v1/external/incident/${num}`)).json();
        return answer.data.status;
      };
      element.remove();
      document.querySelector("main").append(element); // connected again, now with getState
    });
  });
  await page.goto(`${site.base}/`);
  await page.getByRole("button", { name: "Submit solution" }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a token and getState given before the element is defined are kept when it is (an upgrade)", async () => {
  const page = await open({ state: "to_be_accepted", attributes: "no-state no-goto" });
  // Set as the parser adds the element, before the module script defines it.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const element = document.querySelector("coc-incident-form");
      if (element === null) return;
      observer.disconnect();
      globalThis.definedEarly = customElements.get("coc-incident-form") !== undefined;
      element.getState = () => "to_be_accepted";
      element.token = () => {
        globalThis.asked = (globalThis.asked ?? 0) + 1;
        return "token-of-the-portal";
      };
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${site.base}/`);
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByText("Accepted: the incident is now being handled.").waitFor();
  assert.equal(await page.evaluate(() => globalThis.definedEarly), false, "set before the definition");
  assert.equal(await page.evaluate(() => globalThis.asked), 1, "the portal's token function was asked");
  assert.deepEqual(sent(), [["acceptedIncident1", 200]]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an endpoint given as a path goes to the page's own origin, whatever <base href> the page holds", async () => {
  const page = await open({ state: "to_be_accepted" });
  // A base put in the page (HTML injected with no script) must not take the token elsewhere.
  await page.evaluate(() => document.head.prepend(Object.assign(document.createElement("base"), { href: "http://127.0.0.2:9/" })));
  assert.equal(await page.evaluate(() => document.baseURI), "http://127.0.0.2:9/");
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByText("Accepted: the incident is now being handled.").waitFor();
  assert.deepEqual(sent(), [["acceptedIncident1", 200]]);
  await page.context().close();
});

test("in a srcdoc frame (its location.origin is \"null\"), a path endpoint goes to the page's own origin too, whatever <base href>", async () => {
  const page = await open({ state: "to_be_accepted" });
  const outcome = await page.evaluate(
    async ({ num, operator }) => {
      const entry = `${location.origin}/node_modules/coc-incident/src/index.js`;
      const frame = document.createElement("iframe");
      frame.srcdoc = `<base href="http://127.0.0.2:9/"><script type="module">
        const coc = await import(${JSON.stringify(entry)});
        await coc.default();
        const client = new coc.IncidentClient({ endpoint: "/" });
        const said = await client.acceptIncident(${JSON.stringify(num)}, ${JSON.stringify(operator)}).then(() => "accepted", (e) => e.name + ": " + e.message);
        parent.postMessage({ said, origin: location.origin, base: document.baseURI }, "*");
      </script>`;
      const message = new Promise((resolve) => addEventListener("message", (e) => resolve(e.data), { once: true }));
      document.body.append(frame);
      return message;
    },
    { num: TICKET.to_be_accepted, operator: OPERATOR },
  );
  assert.deepEqual(outcome, { said: "accepted", origin: "null", base: "http://127.0.0.2:9/" });
  assert.deepEqual(sent(), [["acceptedIncident1", 200]]);
  await page.context().close();
});

test("a recovery typed before the start is said in the times the user typed, in the page's time zone (Beijing)", async () => {
  for (const [locale, said] of [
    ["en", "Fault recovery time must not be before Fault start time (2024-03-21T14:00:00.000+08:00), got 2024-03-21T13:00:00.000+08:00."],
    ["zh-CN", "故障恢复时间不能早于故障开始时间（2024-03-21T14:00:00.000+08:00），当前为 2024-03-21T13:00:00.000+08:00。"],
  ]) {
    const page = await open({ state: "handling", locale, timezoneId: "Asia/Shanghai" });
    await page.locator("coc-incident-form [name=start_time]").fill("2024-03-21T14:00");
    await page.locator("coc-incident-form [name=fault_recovery_time]").fill("2024-03-21T13:00");
    await page.getByText(said).waitFor();
    assert.deepEqual(sent(), []);
    await page.context().close();
  }
});

test("a state that cannot be had is said, and no form is guessed", async () => {
  const page = await open({ state: "handling", attributes: "no-state no-goto" });
  await page.addInitScript(() => {
    customElements.whenDefined("coc-incident-form").then(() => {
      const element = document.querySelector("coc-incident-form");
      element.getState = async () => {
        throw new Error("ticket service down");
      };
      element.remove();
      document.querySelector("main").append(element);
    });
  });
  await page.goto(`${site.base}/`);
  await page.getByText("The incident's state could not be read. ticket service down").waitFor();
  assert.equal(await page.locator("coc-incident-form form").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an endpoint the client refuses is said, and no form is shown (an unbound one would submit itself)", async () => {
  const page = await open({ state: "handling" });
  await page.locator("coc-incident-form").evaluate((element) => element.setAttribute("endpoint", "http://example.com"));
  await page.getByText("The form could not start: its endpoint is refused.").waitFor();
  assert.equal(await page.locator("coc-incident-form form").count(), 0);
  assert.match(await page.locator("coc-incident-form [role=alert], coc-incident-form [part~=error]").first().textContent(), /uses http:/);
  assert.deepEqual(sent(), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the locale attribute is read as the library reads one: any zh tag is Chinese", async () => {
  for (const [tag, button] of [["zh", "受理"], ["zh-Hans", "受理"], ["ZH-cn", "受理"], ["zhx", "Accept"], ["fr", "Accept"]]) {
    const page = await open({ state: "to_be_accepted", locale: tag });
    await page.getByRole("button", { name: button, exact: true }).waitFor();
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test("axe-core finds no serious or critical violation in any state, in either locale, with messages shown", async () => {
  for (const locale of ["en", "zh-CN"]) {
    for (const state of Object.keys(TICKET)) {
      const page = await open({ state, locale });
      if (state !== "closed") {
        await page.locator("coc-incident-form [part~=button]").click();
        if (state !== "to_be_accepted") await page.locator("coc-incident-form [aria-invalid=true]").first().waitFor();
      }
      assert.deepEqual(await axe(page), [], `${state}, ${locale}`);
      await page.context().close();
    }
  }
});

test("screenshots at phone and laptop widths, in English and Chinese (test-output/screenshots/)", async () => {
  for (const [name, width, height] of [["phone", 390, 844], ["laptop", 1280, 800]]) {
    for (const locale of ["en", "zh-CN"]) {
      const page = await open({ state: "handling", locale, width, height });
      await page.locator("coc-incident-form [part~=button]").click();
      await page.locator("coc-incident-form [aria-invalid=true]").first().waitFor();
      const file = new URL(`element-solution-${locale}-${name}.png`, SHOTS);
      await page.screenshot({ path: file.pathname, fullPage: true });
      await page.context().close();
    }
  }
});
