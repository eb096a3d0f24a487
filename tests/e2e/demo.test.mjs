// The demo page as a support engineer uses it, in headless Chromium: each operation,
// mistakes fixed where the page points them out, the counter, the locale switch,
// server text shown as text, the CSP honoured. Screenshots go to test-output/.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";

import { createEmulator } from "../../scripts/emulator.mjs";
import { listen, siteHandler } from "../../scripts/serve.mjs";
import { launch } from "../support/chromium.mjs";

const SHOTS = new URL("../../test-output/screenshots/", import.meta.url);
const emulator = createEmulator();
let server;
let browser;
let base;
let page;
let problems;

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await listen(siteHandler(emulator), 0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

beforeEach(async () => {
  emulator.reset();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => (window.__csp ??= []).push(e.violatedDirective));
  });
  const response = await page.goto(`${base}/`);
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
  await page.waitForSelector("body[data-ready=yes]", { state: "attached" });
});

/** Checks that the page broke no CSP rule and logged no error; `expected` lists errors the test caused on purpose. */
async function finish(t, expected = []) {
  const violations = await page.evaluate(() => window.__csp ?? []);
  await page.close();
  assert.deepEqual(violations, [], `CSP violations in ${t.name}`);
  assert.deepEqual(problems, expected, `console errors in ${t.name}`);
}

const shot = (name) => page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true });
const open = (num) => page.getByRole("button", { name: `Open ticket ${num}` }).click();
// The element's outcome regions: a success's note and a failure's alert.
const status = () => page.locator("coc-incident-form [part~=status]");
const alert = () => page.locator("coc-incident-form [part~=error]");
const element = () => page.locator("coc-incident-form");
const stateOf = (num) => emulator.tickets.get(num).status;
const NUM = "IM202403221515060171753781";

test("a ticket from acceptance to closed, fixing what the page points out", async (t) => {
  await shot("01-tickets");
  await open(NUM);
  await assert.doesNotReject(page.waitForFunction(() => document.activeElement?.id === "detail-heading"));
  await page.getByRole("button", { name: "Accept" }).click();
  await status().filter({ hasText: "Accepted" }).waitFor();
  assert.equal(await status().textContent(), "Accepted: the incident is now being handled.");
  assert.equal(stateOf(NUM), "handling");
  await page.locator("#detail-state").getByText("Handling").waitFor();

  // The solution form: a mistake shown next to its field, before anything is sent.
  const form = element();
  await form.getByLabel("Incident category").fill("inc_type_p_config_issues");
  await form.getByLabel("Service interrupted").check();
  await form.getByLabel("Solution", { exact: true }).fill("Rotated the logs and added an alert.");
  await form.getByRole("button", { name: "Submit solution" }).click();
  const cause = form.getByLabel("Cause");
  await form.locator("[aria-invalid=true]").first().waitFor();
  assert.equal(await cause.getAttribute("aria-invalid"), "true");
  assert.equal(await form.locator("[id$=message-cause]").textContent(), "Cause must not be blank.");
  assert.match(await form.locator("[id$=message-start_time]").textContent(), /Fault start time is recommended/);
  assert.equal(emulator.log.length, 1, "the invalid submission sent nothing");
  await shot("02-solution-mistakes");
  await cause.fill("Disk full on the log volume.");
  assert.equal(await cause.getAttribute("aria-invalid"), null);
  await form.getByLabel("Fault start time").fill("2024-03-22T15:00");
  await form.getByLabel("Fault recovery time").fill("2024-03-22T14:00");
  assert.match(await form.locator("[id$=message-fault_recovery_time]").textContent(), /must not be before Fault start time/);
  await form.getByLabel("Fault recovery time").fill("2024-03-22T16:30");
  await form.getByRole("button", { name: "Submit solution" }).click();
  await status().filter({ hasText: "Solution submitted" }).waitFor();
  assert.equal(stateOf(NUM), "to_be_verified");
  const sent = JSON.parse(emulator.log.at(-1).body).parameter;
  assert.equal(sent.fault_recovery_time - sent.start_time, 90 * 60 * 1000);

  // Verification refused once (back to handling), then accepted.
  const verify = element();
  await verify.getByLabel("No, it is not fixed").check();
  await verify.getByLabel("Verification comment").fill("Alert still firing.");
  await verify.getByRole("button", { name: "Send verification" }).click();
  await status().filter({ hasText: "Verification sent." }).waitFor();
  assert.equal(stateOf(NUM), "handling");
  await form.getByLabel("Incident category").fill("inc_type_p_config_issues");
  await form.getByLabel("Cause").fill("Disk full.");
  await form.getByLabel("Solution", { exact: true }).fill("Bigger volume.");
  await form.getByRole("button", { name: "Submit solution" }).click();
  await status().filter({ hasText: "Solution submitted" }).waitFor();
  await verify.getByLabel("Yes, it is fixed").check();
  await verify.getByLabel("Verification comment").fill("Quiet for a day.");
  await verify.getByRole("button", { name: "Send verification" }).click();
  await element().getByText("This incident is closed").waitFor();
  assert.equal(stateOf(NUM), "closed");
  await page.locator("#detail-state").getByText("Closed").waitFor();
  await shot("03-closed");
  await finish(t);
});

test("the comment counter at 300 and 301", async (t) => {
  await open("IM202403221648300171753784");
  const comment = element().getByLabel("Verification comment");
  const counter = element().locator(".coc-counter[id$=virtual_confirm_comment]");
  await comment.fill("字".repeat(300));
  assert.equal(await counter.textContent(), "300 / 300");
  assert.equal(await comment.getAttribute("aria-invalid"), null);
  await comment.fill("字".repeat(301));
  assert.equal(await counter.textContent(), "301 / 300");
  assert.match(await counter.getAttribute("class"), /coc-over/);
  assert.equal(await comment.getAttribute("aria-invalid"), "true");
  assert.equal(
    await element().locator("[id$=message-virtual_confirm_comment]").textContent(),
    "Verification comment must be at most 300 characters, got 301.",
  );
  // The counter agrees with the rules' count, not with bytes or code points.
  await comment.fill("😀".repeat(150));
  assert.equal(await counter.textContent(), "300 / 300");
  await comment.fill("字".repeat(301));
  await shot("04-counter-over");
  await finish(t);
});

test("the locale switch changes the page and the messages", async (t) => {
  await page.getByLabel("Language").selectOption("zh-CN");
  assert.equal(await page.locator("h1").textContent(), "事件工作台");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  await page.getByRole("button", { name: "打开事件单 IM202403221648300171753784" }).click();
  await element().getByRole("button", { name: "提交验证" }).click();
  await element().locator("[aria-invalid=true]").first().waitFor();
  assert.equal(await element().getByLabel("验证说明").count(), 1, "the form's own words are in Chinese too");
  assert.equal(await page.locator("[data-coc-message-for=virtual_confirm_result]").textContent(), "验证结果为必填项。");
  assert.equal(await element().locator("[id$=message-virtual_confirm_comment]").textContent(), "验证说明不能为空。");
  await shot("05-zh-CN");
  // The language chosen is the next visit's.
  await page.reload();
  await page.waitForSelector("body[data-ready=yes]", { state: "attached" });
  assert.equal(await page.locator("h1").textContent(), "事件工作台");
  assert.equal(await page.getByLabel("语言").inputValue(), "zh-CN");
  await page.getByRole("button", { name: "打开事件单 IM202403221648300171753784" }).click();
  await element().getByRole("button", { name: "提交验证" }).waitFor();
  await page.getByLabel("语言").selectOption("en");
  await element().getByRole("button", { name: "Send verification" }).click();
  await element().locator("[aria-invalid=true]").first().waitFor();
  assert.equal(await element().locator("[id$=message-virtual_confirm_comment]").textContent(), "Verification comment must not be blank.");
  await finish(t);
});

test("an error message carrying HTML is shown as text", async (t) => {
  await open(NUM);
  const attack = 'IM<img src=x onerror="window.__pwned = 1">';
  await page.evaluate((value) => document.querySelector("coc-incident-form").setAttribute("incident-num", value), attack);
  await page.getByRole("button", { name: "Accept" }).click();
  await alert().filter({ hasText: "Refused" }).waitFor();
  const text = await alert().textContent();
  assert.match(text, /EMU\.00000404/);
  assert.ok(text.includes(`No incident ticket ${attack}`), text);
  assert.equal(await element().locator("img").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await shot("06-html-as-text");
  // Chromium logs every 4xx answer; this one is the point of the test.
  await finish(t, ["console: Failed to load resource: the server responded with a status of 404 (Not Found)"]);
});

test("a ticket that moved on elsewhere: the refusal is said, then the page shows the ticket as the server has it", async (t) => {
  await open(NUM);
  // Another desk accepts the ticket while this page still shows it to be accepted.
  const other = await fetch(`${base}/v1/external/incident/handle`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ incident_num: NUM, operator: "another desk", operate_key: "acceptedIncident1", parameter: {} }),
  });
  assert.equal(other.status, 200);
  await page.getByRole("button", { name: "Accept" }).click();
  // The list is read again: the open ticket is handling, and its form is the solution's;
  // the page says why the form changed, and the element still says why the send failed.
  await page.locator("#detail-state").getByText("Handling").waitFor();
  await element().getByRole("button", { name: "Submit solution" }).waitFor();
  assert.equal(
    await page.locator("#detail-note").textContent(),
    "The ticket is now Handling on the server: its form is shown, and below it why the last send failed.",
  );
  assert.match(await element().locator("[part~=error]").textContent(), /^Refused: COC answered EMU\.00000409 \(HTTP 409\)/);
  assert.deepEqual(emulator.log.map((entry) => entry.status), [200, 409]);
  await finish(t, ["console: Failed to load resource: the server responded with a status of 409 (Conflict)"]);
});

test("a dropped connection is said as no answer, sent once, and the ticket is as it was", async (t) => {
  await open(NUM);
  const misbehave = await fetch(`${base}/__emulator/misbehave`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ mode: "drop", count: 5 }),
  });
  assert.equal(misbehave.status, 200);
  await page.getByRole("button", { name: "Accept" }).click();
  await alert().filter({ hasText: "Outcome unknown" }).waitFor();
  assert.match(await alert().textContent(), /^Outcome unknown: The request failed with no answer \(network failure, CORS refusal or a redirect\)/);
  // The browser did not send it again through another connection.
  assert.equal(emulator.log.length, 1);
  assert.equal(stateOf(NUM), "to_be_accepted");
  await finish(t, problems.filter((problem) => /ERR_INVALID_HTTP_RESPONSE|Failed to load resource/.test(problem)));
});

test("by keyboard alone", async (t) => {
  // Tab to the first ticket's Open button, open it, accept it.
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    if (label === `Open ticket ${NUM}`) break;
  }
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "detail-heading");
  await page.keyboard.press("Tab");
  // Focus is inside the element's shadow root: its operator field.
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.name), "operator");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await status().filter({ hasText: "Accepted" }).waitFor();
  assert.equal(stateOf(NUM), "handling");
  await finish(t);
});

test("tidy on a phone-sized screen", async (t) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open("IM202403221602450171753783");
  await element().getByRole("button", { name: "Submit solution" }).click();
  await element().locator("[aria-invalid=true]").first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  await shot("07-phone");
  await finish(t);
});

test("with a token the emulator demands, the page sends the one in its address", async (t) => {
  await page.close();
  const guarded = createEmulator({ token: "demo-token" });
  const other = await listen(siteHandler(guarded), 0);
  const url = `http://127.0.0.1:${other.address().port}/`;
  try {
    const cases = [
      [`${url}#token=demo-token`, "IM202403221530120171753782", "good"],
      [url, NUM, "bad"],
    ];
    for (const [address, ticket, expected] of cases) {
      page = await browser.newPage();
      await page.goto(address);
      await page.waitForSelector("body[data-ready=yes]", { state: "attached" });
      // Read once, then out of the address bar (and so of the history and any Referer).
      assert.equal(page.url(), url);
      await open(ticket);
      await page.getByRole("button", { name: "Accept" }).click();
      if (expected === "good") await status().filter({ hasText: "Accepted" }).waitFor();
      else {
        await alert().filter({ hasText: "Refused" }).waitFor();
        assert.match(await alert().textContent(), /EMU\.00000401 \(HTTP 401\)/);
      }
      await page.close();
    }
    // Nor does the page give its address away to a server it loads from.
    const headers = (await fetch(url)).headers;
    assert.equal(headers.get("referrer-policy"), "same-origin");
    assert.equal(headers.get("x-content-type-options"), "nosniff");
  } finally {
    other.close();
  }
  assert.deepEqual(guarded.log.map((e) => [e.has_token, e.status]), [[true, 200], [false, 401]]);
  page = await browser.newPage();
  await finish(t);
});
