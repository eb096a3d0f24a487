// readForm and bindForm on real forms in headless Chromium, through the built package.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";

import { formRunner } from "../support/forms.mjs";
import { startHarness } from "../support/harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness?.close());
beforeEach(() => harness.emulator.reset());

const NUM = "IM202403221515060171753781";

const withForm = (html, body, args) => formRunner(harness)(html, body, args);

const SOLUTION = `
  <input type="hidden" name="incident_num" value="  IM1 ">
  <input name="operator" value="op">
  <input type="hidden" name="operate_key" value="commitSolution1">
  <input name="q" value="a search box">
  <select name="mtm_type"><option value="">Choose</option><option>inc_type_p_config_issues</option></select>
  <input type="checkbox" name="is_service_interrupt" checked>
  <input type="datetime-local" name="start_time" value="2024-03-22T15:15">
  <input type="number" name="fault_recovery_time">
  <textarea name="cause">  disk full\r\n</textarea>
  <textarea name="solution">rotated</textarea>
  <textarea name="virtual_confirm_comment" disabled>another action's field</textarea>
  <button type="submit">Send</button>`;

test("readForm coerces to the wire types and keeps text as typed", async () => {
  const result = await withForm(SOLUTION, `
    form.elements.mtm_type.value = "inc_type_p_config_issues";
    return { request: coc.readForm(form), startTime: new Date("2024-03-22T15:15").getTime() };
  `);
  assert.deepEqual(result.ok.request, {
    incident_num: "  IM1 ",
    operator: "op",
    operate_key: "commitSolution1",
    parameter: {
      mtm_type: "inc_type_p_config_issues",
      is_service_interrupt: true,
      start_time: result.ok.startTime,
      cause: "  disk full\n",
      solution: "rotated",
    },
  });
});

test("readForm: radio groups, placeholders, unreadable numbers, bad arguments", async () => {
  const result = await withForm(
    `<input name="operate_key" value="confirm">
     <input type="radio" name="virtual_confirm_result" value="true">
     <input type="radio" name="virtual_confirm_result" value="false">
     <textarea name="virtual_confirm_comment"></textarea>`,
    `const none = coc.readForm(form);
     form.querySelector('[value=false]').checked = true;
     const chosen = coc.readForm(form);
     let thrown;
     try { coc.readForm(document.body); } catch (e) { thrown = e.name; }
     return { none, chosen, thrown };`,
  );
  assert.deepEqual(result.ok.none, { operate_key: "confirm", parameter: { virtual_confirm_comment: "" } });
  assert.deepEqual(result.ok.chosen.parameter, { virtual_confirm_result: false, virtual_confirm_comment: "" });
  assert.equal(result.ok.thrown, "TypeError");
});

test("bindForm validates as the user types, with messages, aria and counters", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator" id="op" aria-describedby="op-hint"><span id="op-hint">hint</span>
     <input type="hidden" name="operate_key" value="confirm">
     <input type="checkbox" name="virtual_confirm_result" checked>
     <textarea name="virtual_confirm_comment" id="c"></textarea>`,
    `const binding = coc.bindForm(form, { locale: "en" });
     const op = form.elements.operator, c = form.elements.virtual_confirm_comment;
     const untouched = { message: op.validationMessage, shown: op.getAttribute("aria-invalid") };
     type("operator", " ");
     const blank = {
       validity: op.validationMessage,
       invalid: op.getAttribute("aria-invalid"),
       describedby: op.getAttribute("aria-describedby"),
       text: document.getElementById(op.getAttribute("aria-describedby").split(" ")[1]).textContent,
     };
     type("operator", "op-1");
     const fixed = { validity: op.validationMessage, invalid: op.getAttribute("aria-invalid") };
     const counter = () => document.querySelector(".coc-counter[id*=virtual_confirm_comment]");
     type("virtual_confirm_comment", "事".repeat(300));
     const at300 = { counter: counter().textContent, over: counter().classList.contains("coc-over"), validity: c.validationMessage };
     type("virtual_confirm_comment", "😀".repeat(151));
     const at302 = { counter: counter().textContent, over: counter().classList.contains("coc-over"), validity: c.validationMessage };
     binding.destroy();
     return { untouched, blank, fixed, at300, at302 };`,
  );
  const r = result.ok;
  // Not yet touched: the browser knows, the user is not shouted at.
  assert.equal(r.untouched.shown, null);
  assert.equal(r.untouched.message, "Operator must not be blank.");
  assert.equal(r.blank.validity, "Operator must not be blank.");
  assert.equal(r.blank.invalid, "true");
  assert.match(r.blank.describedby, /^op-hint coc-\d+-message-operator coc-\d+-counter-operator$/);
  assert.equal(r.blank.text, "Operator must not be blank.");
  assert.deepEqual(r.fixed, { validity: "", invalid: null });
  assert.deepEqual(r.at300, { counter: "300 / 300", over: false, validity: "" });
  assert.deepEqual(r.at302, {
    counter: "302 / 300",
    over: true,
    validity: "Verification comment must be at most 300 characters, got 302.",
  });
});

test("while an input method composes (Chinese by pinyin), nothing is said or counted until the text is committed", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator" value="op-1">
     <input type="hidden" name="operate_key" value="confirm">
     <input type="checkbox" name="virtual_confirm_result" checked>
     <textarea name="virtual_confirm_comment"></textarea>`,
    `const binding = coc.bindForm(form, { locale: "zh-CN" });
     const c = form.elements.virtual_confirm_comment;
     const now = () => ({ counter: counter("virtual_confirm_comment"), validity: c.validationMessage, invalid: c.getAttribute("aria-invalid") });
     type("virtual_confirm_comment", "事".repeat(298));
     const before = now();
     // The input method's text while composing: the pinyin typed so far, past the limit.
     c.value = "事".repeat(298) + "shiqing";
     c.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, data: "shiqing" }));
     const composing = now();
     // Committed: 事情.
     c.value = "事".repeat(298) + "事情";
     c.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "事情" }));
     const committed = now();
     c.value = "事".repeat(298) + "事情多";
     c.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: false, data: "多" }));
     const over = now();
     binding.destroy();
     return { before, composing, committed, over };`,
  );
  const r = result.ok;
  assert.deepEqual(r.before, { counter: "298 / 300", validity: "", invalid: null });
  assert.deepEqual(r.composing, r.before);
  assert.deepEqual(r.committed, { counter: "300 / 300", validity: "", invalid: null });
  assert.deepEqual(r.over, { counter: "301 / 300", validity: "验证说明最多 300 个字符，当前为 301 个。", invalid: "true" });
});

test("a radio group's invalid state and message are on each of its radios, and destroy() gives each its own attributes back", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input type="hidden" name="operator" value="op">
     <input type="hidden" name="operate_key" value="confirm">
     <fieldset><legend>Fixed?</legend>
       <input type="radio" name="virtual_confirm_result" value="true" id="yes">
       <input type="radio" name="virtual_confirm_result" value="false" id="no" aria-describedby="no-hint"><span id="no-hint">hint</span>
     </fieldset>
     <textarea name="virtual_confirm_comment">ok</textarea>`,
    `const binding = coc.bindForm(form, { locale: "en" });
     const radios = () => ["yes", "no"].map((id) => {
       const radio = document.getElementById(id);
       return [radio.getAttribute("aria-invalid"), radio.getAttribute("aria-describedby")?.replace(/coc-[0-9]+-/, "")];
     });
     binding.validate();
     form.requestSubmit(); // shows every message: the group is unanswered
     const unanswered = radios();
     const text = message("virtual_confirm_result");
     document.getElementById("no").click();
     const answered = radios();
     // A radio added to the group while bound (its options loaded late) is described too,
     // and given back as it was, its own aria-invalid with it.
     document.getElementById("no").checked = false;
     const late = document.createElement("input");
     Object.assign(late, { type: "radio", name: "virtual_confirm_result", value: "false", id: "late" });
     late.setAttribute("aria-invalid", "false");
     form.querySelector("fieldset").append(late);
     binding.validate();
     const all = () => [...radios(), [late.getAttribute("aria-invalid"), late.getAttribute("aria-describedby")?.replace(/coc-[0-9]+-/, "")]];
     const withLate = all();
     binding.destroy();
     return { unanswered, text, answered, withLate, destroyed: all() };`,
  );
  assert.deepEqual(result.ok, {
    unanswered: [["true", "message-virtual_confirm_result"], ["true", "no-hint message-virtual_confirm_result"]],
    text: "Verification result is required.",
    answered: [[null, "message-virtual_confirm_result"], [null, "no-hint message-virtual_confirm_result"]],
    withLate: [
      ["true", "message-virtual_confirm_result"],
      ["true", "no-hint message-virtual_confirm_result"],
      ["true", "message-virtual_confirm_result"],
    ],
    destroyed: [[null, undefined], [null, "no-hint"], ["false", undefined]],
  });
});

test("submit is blocked while invalid, then goes through the client", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator">
     <input type="hidden" name="operate_key" value="acceptedIncident1">
     <ul data-coc-summary></ul>
     <button type="submit">Accept</button>`,
    `const events = [];
     for (const kind of ["coc:invalid", "coc:success", "coc:error", "coc:submit"]) {
       document.addEventListener(kind, (e) => events.push([kind, e.detail]));
     }
     const client = new coc.IncidentClient({ endpoint: args.endpoint });
     const binding = coc.bindForm(form, { client, locale: "zh-CN" });
     form.querySelector("button").click();
     const blocked = { focused: document.activeElement === form.elements.operator, message: form.elements.operator.validationMessage };
     type("operator", "op-1");
     const done = new Promise((resolve) => form.addEventListener("coc:success", resolve, { once: true }));
     form.requestSubmit();
     await done;
     binding.destroy();
     return { blocked, events: events.map(([kind, detail]) => [kind, kind === "coc:invalid" ? detail.errors.map((v) => v.path) : detail]) };`,
  );
  const r = result.ok;
  assert.deepEqual(r.blocked, { focused: true, message: "操作人不能为空。" });
  assert.deepEqual(r.events[0], ["coc:invalid", ["operator"]]);
  assert.equal(r.events[1][0], "coc:success");
  assert.deepEqual(r.events[1][1].response, { provider_code: "049", error_code: "GOM.00000000", error_msg: null, data: null });
  assert.equal(r.events[1][1].request.operator, "op-1");
  // Only the valid submission was sent.
  assert.equal(harness.emulator.log.length, 1);
  assert.equal(harness.emulator.tickets.get(NUM).status, "handling");
});

test("without a client a valid submit fires coc:submit; server errors arrive as coc:error", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="IM-does-not-exist">
     <input name="operator" value="op">
     <input type="hidden" name="operate_key" value="acceptedIncident1">`,
    `const seen = [];
     const plain = coc.bindForm(form);
     form.addEventListener("coc:submit", (e) => seen.push(e.detail.request), { once: true });
     form.requestSubmit();
     plain.destroy();
     const sent = coc.bindForm(form, { client: new coc.IncidentClient({ endpoint: args.endpoint }) });
     const failed = new Promise((resolve) => form.addEventListener("coc:error", (e) => resolve(window.describeError(e.detail.error)), { once: true }));
     form.requestSubmit();
     const error = await failed;
     sent.destroy();
     return { seen, error };`,
  );
  assert.deepEqual(result.ok.seen, [{ incident_num: "IM-does-not-exist", operator: "op", operate_key: "acceptedIncident1" }]);
  assert.equal(result.ok.error.name, "ApiError");
  assert.equal(result.ok.error.errorCode, "EMU.00000404");
});

test("destroy() leaves the form as it was; several forms bind independently", async () => {
  const result = await withForm(SOLUTION, `
    const before = form.outerHTML;
    const other = document.createElement("form");
    other.innerHTML = '<input name="operate_key" value="confirm"><textarea name="virtual_confirm_comment"></textarea>';
    document.body.append(other);
    const one = coc.bindForm(form, { locale: "en" });
    const two = coc.bindForm(other, { locale: "zh-CN" });
    type("cause", "");
    const report = one.validate();
    const bound = form.outerHTML !== before;
    const otherReport = two.validate();
    one.destroy();
    const after = form.outerHTML;
    type("cause", "");
    const quiet = form.outerHTML === after && form.elements.cause.validationMessage === "";
    const otherStillBound = other.querySelector("[id$=message-virtual_confirm_comment]").textContent;
    two.destroy();
    other.remove();
    return { bound, same: after === before, quiet, noValidate: form.noValidate, report: report.errors.map((v) => v.path), otherStillBound, otherReport: otherReport.errors.length };
  `);
  assert.deepEqual(result.ok, {
    bound: true,
    same: true,
    quiet: true,
    noValidate: false,
    report: ["parameter.mtm_type", "parameter.cause"],
    otherStillBound: "验证说明不能为空。",
    otherReport: 4,
  });
});

test("destroy() gives the portal's own message and counter elements back as they were", async () => {
  const result = await withForm(
    `<input name="operator">
     <span data-coc-message-for="operator"></span>
     <input name="operate_key" value="confirm">
     <textarea name="virtual_confirm_comment"></textarea>
     <span data-coc-counter-for="virtual_confirm_comment" class="hint" id="comment-count"></span>`,
    `const before = form.outerHTML;
     const binding = coc.bindForm(form, { locale: "en" });
     type("operator", " ");
     type("virtual_confirm_comment", "x".repeat(301));
     const shown = [form.querySelector("[data-coc-message-for]").textContent, form.querySelector("#comment-count").className];
     binding.destroy();
     return { shown, same: form.outerHTML === before, after: form.outerHTML };`,
  );
  assert.deepEqual(result.ok.shown, ["Operator must not be blank.", "hint coc-over"]);
  assert.equal(result.ok.same, true, result.ok.after);
});

test("a form reset clears the messages and the counters", async () => {
  const result = await withForm(
    `<input name="operate_key" value="confirm"><textarea name="virtual_confirm_comment"></textarea>`,
    `const binding = coc.bindForm(form);
     type("virtual_confirm_comment", "x".repeat(301));
     const message = () => document.querySelector("[id$=message-virtual_confirm_comment]").textContent;
     const counter = () => document.querySelector("[id$=counter-virtual_confirm_comment]").textContent;
     const before = [message(), counter()];
     form.reset();
     await new Promise((resolve) => setTimeout(resolve, 20));
     const after = [message(), counter()];
     binding.destroy();
     return { before, after };`,
  );
  assert.deepEqual(result.ok, {
    before: ["Verification comment must be at most 300 characters, got 301.", "301 / 300"],
    after: ["", "0 / 300"],
  });
});

test("bindForm refuses what is not a form or a client", async () => {
  const result = await withForm("", `
    const names = [];
    for (const [target, options] of [[document.body, undefined], [form, { client: {} }], [form, { lokale: "en" }]]) {
      try { coc.bindForm(target, options); names.push("no error"); } catch (e) { names.push(e.name + ":" + (e.option ?? "")); }
    }
    return names;
  `);
  assert.deepEqual(result.ok, ["TypeError:", "ConfigError:client", "ConfigError:options"]);
});

test("a counter counts as the rule does (operator trimmed); a field's name with spaces still gets ids aria-describedby lists", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator">
     <input type="hidden" name="operate_key" value="confirm">
     <input type="checkbox" name="virtual_confirm_result" checked>
     <textarea name="virtual_confirm_comment">ok</textarea>
     <input name="parameter.my note" value="x">
     <input name="parameter.my%20note" value="y">`,
    `const binding = coc.bindForm(form, { locale: "en", allowUnknownFields: true });
     const counter = document.querySelector("[id$=counter-operator]");
     type("operator", " ".repeat(10) + "a".repeat(250));
     const padded = { counter: counter.textContent, over: counter.classList.contains("coc-over"), valid: binding.validate().valid };
     type("operator", "a".repeat(256));
     const over = { counter: counter.textContent, over: counter.classList.contains("coc-over") };
     const described = (name) => form.elements[name].getAttribute("aria-describedby").split(" ").map((id) => document.getElementById(id)?.classList.contains("coc-message") ?? null);
     const ids = { spaced: described("parameter.my note"), escaped: described("parameter.my%20note") };
     binding.destroy();
     return { padded, over, ids };`,
  );
  assert.deepEqual(result.ok.padded, { counter: "250 / 255", over: false, valid: true });
  assert.deepEqual(result.ok.over, { counter: "256 / 255", over: true });
  assert.deepEqual(result.ok.ids, { spaced: [true], escaped: [true] });
});

test("a control named elements does not empty the form; a key __proto__ is kept as the key it is", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator" value="op">
     <input type="hidden" name="operate_key" value="confirm">
     <input type="checkbox" name="virtual_confirm_result" checked>
     <textarea name="virtual_confirm_comment">ok</textarea>
     <input name="elements" value="hides the form's own">
     <input name="parameter.__proto__" value="pp">`,
    `const read = coc.readForm(form);
     const report = coc.validateHandleRequest(read);
     const binding = coc.bindForm(form);
     const bound = binding.validate().errors.map((v) => v.code + " " + v.path);
     binding.destroy();
     const built = coc.buildHandleRequest(
       { incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1" },
       { endpoint: "https://coc.example", headers: JSON.parse('{"__proto__":"x"}') },
     );
     const builtSmall = window.small.buildHandleRequest(
       { incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1" },
       { endpoint: "https://coc.example", headers: JSON.parse('{"__proto__":"x"}') },
     );
     return {
       keys: Object.keys(read), parameterKeys: Object.keys(read.parameter), polluted: Object.prototype.hasOwnProperty("pp") || ({}).pp !== undefined,
       errors: report.errors.map((v) => v.code + " " + v.path), bound,
       header: Object.getOwnPropertyDescriptor(built.headers, "__proto__")?.value ?? null,
       headerSmall: Object.getOwnPropertyDescriptor(builtSmall.headers, "__proto__")?.value ?? null,
     };`,
  );
  // The form reads whole (before, `form.elements` was the control, and every field
  // was "required"); a control no rule places (`elements`) is no part of the request.
  assert.deepEqual(result.ok, {
    keys: ["incident_num", "operator", "operate_key", "parameter"],
    parameterKeys: ["virtual_confirm_result", "virtual_confirm_comment", "__proto__"],
    polluted: false,
    errors: ["unknown_field parameter.__proto__"],
    bound: ["unknown_field parameter.__proto__"],
    header: "x",
    headerSmall: "x",
  });
});

test("readForm: a checkbox beside its hidden false, on either side (Rails, ASP.NET MVC), reads as ticked or not", async () => {
  const result = await withForm(
    // No operate_key: every operation's keys are read, these two among them.
    `<input type="checkbox" name="virtual_confirm_result" value="true" id="mvc">
     <input type="hidden" name="virtual_confirm_result" value="false">
     <input type="hidden" name="is_service_interrupt" value="false">
     <input type="checkbox" name="is_service_interrupt" value="true" id="rails">`,
    `const read = () => { const p = coc.readForm(form).parameter; return [p.virtual_confirm_result, p.is_service_interrupt]; };
     const unticked = read();
     form.querySelector("#mvc").checked = true;
     form.querySelector("#rails").checked = true;
     return { unticked, ticked: read() };`,
  );
  assert.deepEqual(result.ok, { unticked: [false, false], ticked: [true, true] });
});

test("readForm: a disabled placeholder chosen in a select is no choice; a date is its start in the user's time zone", async () => {
  const result = await withForm(
    `<input name="operate_key" value="commitSolution1">
     <select name="mtm_type"><option disabled selected>Choose a category…</option><option value="inc_type_p_config_issues">Config</option></select>
     <input type="date" name="start_time" value="2024-03-22">
     <input type="date" name="fault_recovery_time">`,
    `const placeholder = coc.readForm(form).parameter;
     form.elements.mtm_type.value = "inc_type_p_config_issues";
     const chosen = coc.readForm(form).parameter;
     return { placeholder, chosen, midnight: new Date(2024, 2, 22).getTime(), report: coc.validateHandleRequest({ incident_num: "IM1", operator: "op", ...coc.readForm(form) }).errors.map((v) => v.path) };`,
  );
  const { placeholder, chosen, midnight, report } = result.ok;
  assert.deepEqual(placeholder, { start_time: midnight });
  assert.deepEqual(chosen, { mtm_type: "inc_type_p_config_issues", start_time: midnight });
  assert.deepEqual(report, ["parameter.is_service_interrupt", "parameter.cause", "parameter.solution"]);
});

test("bindForm: a message is put after the label that holds its control, not inside it; a chosen text has no counter", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <label id="op-label">Operator <input name="operator"></label>
     <select name="operate_key"><option>confirm</option><option>commitSolution1</option></select>
     <label id="yes"><input type="radio" name="virtual_confirm_result" value="true"> Yes</label>
     <label id="no"><input type="radio" name="virtual_confirm_result" value="false"> No</label>
     <textarea name="virtual_confirm_comment"></textarea>`,
    `const binding = coc.bindForm(form, { locale: "en" });
     binding.validate();
     const after = (id) => document.getElementById(id).nextElementSibling?.id ?? "";
     const labels = ["op-label", "yes", "no"].map((id) => document.getElementById(id).textContent.replace(/\\s+/g, " ").trim());
     return { labels, afterOperator: after("op-label"), afterYes: after("yes"), afterNo: after("no"), operatorMessage: message("operator"), operateKeyCounter: counter("operate_key") ?? null };`,
  );
  assert.deepEqual(result.ok.labels, ["Operator", "Yes", "No"]);
  assert.match(result.ok.afterOperator, /message-operator$/);
  // A group's message after its last radio's label, not between two choices.
  assert.equal(result.ok.afterYes, "no");
  assert.match(result.ok.afterNo, /message-virtual_confirm_result$/);
  assert.equal(result.ok.operatorMessage, "Operator must not be blank.");
  assert.equal(result.ok.operateKeyCounter, null);
});

test("bindForm keeps the form's own constraints: a required consent box the portal added blocks the submit, at its control", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator" value="op">
     <input type="hidden" name="operate_key" value="acceptedIncident1">
     <label><input type="checkbox" name="agree" required> I have read the policy</label>
     <button>Send</button>`,
    `const sent = [];
     form.addEventListener("coc:submit", (e) => sent.push(e.detail.request.operate_key));
     const binding = coc.bindForm(form);
     form.querySelector("button").click();
     await tick();
     const blocked = { sent: sent.length, invalid: form.elements.agree.matches(":invalid"), focused: document.activeElement?.name ?? null };
     form.elements.agree.checked = true;
     form.querySelector("button").click();
     await tick();
     binding.destroy();
     return { blocked, sent };`,
  );
  assert.deepEqual(result.ok, { blocked: { sent: 0, invalid: true, focused: "agree" }, sent: ["acceptedIncident1"] });
});

test("bindForm checks the form's own constraints only where a native submit would: not with novalidate, nor for a formnovalidate button", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator" value="op">
     <input type="hidden" name="operate_key" value="acceptedIncident1">
     <textarea name="cause" required hidden></textarea>
     <button id="send">Send</button>
     <button id="draft" formnovalidate>Send anyway</button>`,
    `const sent = [];
     form.addEventListener("coc:submit", (e) => sent.push(e.detail.request.operate_key));
     let binding = coc.bindForm(form);
     document.getElementById("send").click();
     await tick();
     const checked = sent.length;
     document.getElementById("draft").click();
     await tick();
     const skipped = sent.length;
     binding.destroy();
     // A form that had novalidate before it was bound: nothing of the browser's.
     form.noValidate = true;
     binding = coc.bindForm(form);
     document.getElementById("send").click();
     await tick();
     binding.destroy();
     return { checked, skipped, novalidate: sent.length };`,
  );
  // A required field the portal hid for this operation (not disabled) blocks a
  // native submit too; a formnovalidate button or a novalidate form goes through.
  assert.deepEqual(result.ok, { checked: 0, skipped: 1, novalidate: 2 });
});

test("bindForm: what was said of a field that left the request goes (another operation, disabled), and destroy() takes away every custom validity it set, and only those", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator" value="op">
     <select name="operate_key"><option>confirm</option><option>commitSolution1</option></select>
     <fieldset id="verify"><textarea name="virtual_confirm_comment"></textarea></fieldset>
     <input name="ticket_ref">`,
    `// The portal's own check on a control of its own, which the binding leaves alone.
     form.elements.ticket_ref.setCustomValidity("Give the ticket's reference.");
     const binding = coc.bindForm(form, { locale: "en" });
     const comment = form.elements.virtual_confirm_comment;
     type("virtual_confirm_comment", "x".repeat(301));
     const state = () => ({ invalid: comment.getAttribute("aria-invalid"), validity: comment.validationMessage, message: message("virtual_confirm_comment"), counter: counter("virtual_confirm_comment") });
     const shown = state();
     form.elements.operate_key.value = "commitSolution1";
     form.elements.operate_key.dispatchEvent(new Event("change", { bubbles: true }));
     const otherOperation = state();
     // Back, then disabled while shown invalid, then the binding destroyed.
     form.elements.operate_key.value = "confirm";
     form.elements.operate_key.dispatchEvent(new Event("change", { bubbles: true }));
     const again = state();
     document.getElementById("verify").disabled = true;
     binding.destroy();
     document.getElementById("verify").disabled = false;
     const portals = form.elements.ticket_ref.validationMessage;
     form.elements.ticket_ref.setCustomValidity("");
     return { shown, otherOperation, again, afterDestroy: { validity: comment.validationMessage, formValid: form.checkValidity(), portals } };`,
  );
  const { shown, otherOperation, again, afterDestroy } = result.ok;
  assert.deepEqual(shown, { invalid: "true", validity: "Verification comment must be at most 300 characters, got 301.", message: "Verification comment must be at most 300 characters, got 301.", counter: "301 / 300" });
  assert.deepEqual(otherOperation, { invalid: null, validity: "", message: "", counter: "" });
  assert.equal(again.invalid, "true");
  assert.deepEqual(afterDestroy, { validity: "", formValid: true, portals: "Give the ticket's reference." });
});

test("a field a framework renders again (its wrapper and the binding's message with it) is decorated anew, its ids all in the document", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input type="hidden" name="operate_key" value="confirm">
     <input name="operator" value="op">
     <input type="checkbox" name="virtual_confirm_result">
     <div id="slot"></div>`,
    `const slot = document.getElementById("slot");
     const render = () => {
       const div = document.createElement("div");
       div.innerHTML = '<label>Comment <textarea name="virtual_confirm_comment"></textarea></label>';
       slot.replaceChildren(div);
       return form.elements.virtual_confirm_comment;
     };
     const binding = coc.bindForm(form, { locale: "en" });
     const said = (comment) => ({
       ids: (comment.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? "(no such element)"),
       invalid: comment.getAttribute("aria-invalid"),
     });
     let comment = render();
     type("virtual_confirm_comment", " ");
     const first = said(comment);
     comment = render(); // the old one, its message and counter gone with their wrapper
     type("virtual_confirm_comment", " ");
     const again = said(comment);
     binding.destroy();
     return { first, again, afterDestroy: [comment.getAttribute("aria-describedby"), comment.getAttribute("aria-invalid"), comment.validationMessage] };`,
  );
  const expected = { ids: ["Verification comment must not be blank.", "1 / 300"], invalid: "true" };
  assert.deepEqual(result.ok.first, expected);
  assert.deepEqual(result.ok.again, expected);
  assert.deepEqual(result.ok.afterDestroy, [null, null, ""]);
});

test("a control of the form outside it (form=\"…\") is validated as the user types, and a submit focuses it", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input type="hidden" name="operate_key" value="confirm">
     <input name="operator" value="op">
     <input type="checkbox" name="virtual_confirm_result" checked>
     <button>Send</button>`,
    `const outside = document.createElement("textarea");
     outside.name = "virtual_confirm_comment";
     outside.setAttribute("form", "f");
     document.body.append(outside);
     try {
       const binding = coc.bindForm(form, { locale: "en" });
       outside.value = "x".repeat(301);
       outside.dispatchEvent(new Event("input", { bubbles: true }));
       // Its message and counter are put after it, outside the form too.
       const shown = (kind) => document.querySelector("[id$=" + kind + "-virtual_confirm_comment]")?.textContent;
       const typed = [shown("counter"), shown("message"), outside.getAttribute("aria-invalid")];
       form.requestSubmit();
       const focused = document.activeElement === outside;
       binding.destroy();
       outside.value = "";
       outside.dispatchEvent(new Event("input", { bubbles: true }));
       return { typed, focused, afterDestroy: [outside.getAttribute("aria-invalid"), document.querySelectorAll(".coc-message, .coc-counter").length] };
     } finally {
       outside.remove();
     }`,
  );
  assert.deepEqual(result.ok, {
    typed: ["301 / 300", "Verification comment must be at most 300 characters, got 301.", "true"],
    focused: true,
    afterDestroy: [null, 0],
  });
});

test("a field the portal enables or disables itself (after the binding's listener, or from its own code) is followed", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator" value="op">
     <input type="hidden" name="operate_key" value="commitSolution1">
     <input name="mtm_type" value="inc_type_p_config_issues">
     <input type="checkbox" name="is_service_interrupt">
     <textarea name="cause">disk</textarea><textarea name="solution">rotated</textarea>
     <fieldset id="times" disabled>
       <input type="datetime-local" name="start_time">
       <input type="datetime-local" name="fault_recovery_time">
     </fieldset>`,
    `const binding = coc.bindForm(form, { locale: "en" });
     const box = form.elements.is_service_interrupt;
     const times = document.getElementById("times");
     // The portal's own listener on the form, added after the binding's (so run after
     // it): the times are asked for only when the service was interrupted.
     form.addEventListener("change", (event) => event.target === box && (times.disabled = !box.checked));
     const toggle = async (on) => { box.checked = on; box.dispatchEvent(new Event("change", { bubbles: true })); await tick(); };
     await toggle(true);
     const enabled = message("start_time");
     // A recovery typed before the start: said at its field, until the times are
     // disabled with the box unticked.
     type("start_time", "2024-03-22T15:15");
     type("fault_recovery_time", "2024-03-22T15:00");
     const recovery = form.elements.fault_recovery_time;
     const wrong = [Boolean(message("fault_recovery_time")), recovery.getAttribute("aria-invalid")];
     await toggle(false);
     const disabled = [message("fault_recovery_time"), recovery.getAttribute("aria-invalid")];
     binding.destroy();
     return { enabled, wrong, disabled };`,
  );
  assert.deepEqual(result.ok, {
    enabled: "Fault start time is recommended when \"Service interrupted\" is true.",
    wrong: [true, "true"],
    disabled: ["", null],
  });
});

/** Defines, once a page, the form-associated custom elements the tests below use: what
 * ElementInternals-based fields (Material Web, Shoelace…) share: a value or a checked
 * property, the form's value set through the internals, input events. */
const CUSTOM_FIELDS = `
     const define = (tag, Field) => customElements.get(tag) ?? customElements.define(tag, Field);
     define("x-text", class extends HTMLElement {
       static formAssociated = true;
       #internals = this.attachInternals();
       #value = "";
       get value() { return this.#value; }
       set value(v) { this.#value = String(v); this.#internals.setFormValue(this.#value); }
     });
     define("x-check", class extends HTMLElement {
       static formAssociated = true;
       #internals = this.attachInternals();
       #checked = false;
       get checked() { return this.#checked; }
       set checked(v) { this.#checked = !!v; this.#internals.setFormValue(this.#checked ? "on" : null); }
     });
     define("x-radio", class extends HTMLElement {
       static formAssociated = true;
       #internals = this.attachInternals();
       #checked = false;
       get value() { return this.getAttribute("value") ?? "on"; }
       get checked() { return this.#checked; }
       set checked(v) { this.#checked = !!v; this.#internals.setFormValue(this.#checked ? this.value : null); }
     });`;

test("form-associated custom elements (a design system's text field and checkbox) are read and validated as the native ones", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input type="hidden" name="operate_key" value="confirm">
     <input name="operator" value="op">
     <x-check name="virtual_confirm_result"></x-check>
     <x-text name="virtual_confirm_comment"></x-text>
     <x-text name="virtual_confirm_comment_disabled" disabled></x-text>`,
    `${CUSTOM_FIELDS}
     const comment = form.querySelector("x-text");
     const empty = coc.readForm(form).parameter;
     form.querySelector("x-check").checked = true;
     comment.value = "Certificate renewed.";
     const read = coc.readForm(form).parameter;
     const binding = coc.bindForm(form, { locale: "en" });
     comment.value = " ";
     comment.dispatchEvent(new Event("input", { bubbles: true }));
     const typed = [message("virtual_confirm_comment"), counter("virtual_confirm_comment"), comment.getAttribute("aria-invalid")];
     binding.destroy();
     return { empty, read, typed };`,
  );
  assert.deepEqual(result.ok, {
    empty: { virtual_confirm_result: false, virtual_confirm_comment: "" },
    read: { virtual_confirm_result: true, virtual_confirm_comment: "Certificate renewed." },
    typed: ["Verification comment must not be blank.", "1 / 300", "true"],
  });
});

test("a radio group's message follows its radios, not a fieldset that holds the whole form", async () => {
  const result = await withForm(
    `<fieldset id="all">
       <input type="hidden" name="incident_num" value="${NUM}">
       <input type="hidden" name="operate_key" value="confirm">
       <input name="operator" value="op">
       <label><input type="radio" name="virtual_confirm_result" value="true"> Fixed</label>
       <label><input type="radio" name="virtual_confirm_result" value="false" id="last"> Not fixed</label>
       <textarea name="virtual_confirm_comment">ok</textarea>
     </fieldset>`,
    `const binding = coc.bindForm(form, { locale: "en" });
     binding.validate();
     const shown = form.querySelector("[id$=message-virtual_confirm_result]");
     const place = [shown.previousElementSibling === document.getElementById("last").closest("label"), shown.parentElement.id, shown.textContent];
     binding.destroy();
     return place;`,
  );
  assert.deepEqual(result.ok, [true, "all", "Verification result is required."]);
});

test("a field rendered after bindForm (a framework's conditional field) is decorated at once, and told what is recommended", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator" value="op">
     <input type="hidden" name="operate_key" value="commitSolution1">
     <input name="mtm_type" value="inc_type_p_config_issues">
     <input type="checkbox" name="is_service_interrupt">
     <textarea name="cause">disk</textarea>
     <div id="slot"></div>`,
    `const binding = coc.bindForm(form, { locale: "en" });
     const slot = document.getElementById("slot");
     // The solution field comes with the next render; the times once the box is ticked.
     slot.innerHTML = '<label>Solution <textarea name="solution"></textarea></label>';
     await tick();
     const solution = [counter("solution"), form.elements.solution.getAttribute("aria-describedby")?.split(" ").length ?? 0];
     const box = form.elements.is_service_interrupt;
     form.addEventListener("change", () => {
       if (box.checked) slot.insertAdjacentHTML("beforeend", '<input type="datetime-local" name="start_time">');
     });
     box.checked = true;
     box.dispatchEvent(new Event("change", { bubbles: true }));
     await tick();
     const startTime = message("start_time");
     binding.destroy();
     return { solution, startTime };`,
  );
  assert.deepEqual(result.ok, {
    solution: ["0 / 10000", 2],
    startTime: "Fault start time is recommended when \"Service interrupted\" is true.",
  });
});

test("form-associated custom radios (md-radio, say) are read as a radio group: the verdict is the one checked", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input type="hidden" name="operate_key" value="confirm">
     <input name="operator" value="op">
     <x-radio name="virtual_confirm_result" value="true"></x-radio>
     <x-radio name="virtual_confirm_result" value="false"></x-radio>
     <textarea name="virtual_confirm_comment">Still failing.</textarea>`,
    `${CUSTOM_FIELDS}
     const [yes, no] = form.querySelectorAll("x-radio");
     const none = coc.readForm(form).parameter.virtual_confirm_result ?? "absent";
     no.checked = true;
     const notFixed = coc.readForm(form).parameter.virtual_confirm_result;
     no.checked = false;
     yes.checked = true;
     const fixed = coc.readForm(form).parameter.virtual_confirm_result;
     return { none, notFixed, fixed, formData: new FormData(form).get("virtual_confirm_result") };`,
  );
  assert.deepEqual(result.ok, { none: "absent", notFixed: false, fixed: true, formData: "true" });
});

test("a custom checkbox beside a disabled one of its name (another layout's copy) is still a checkbox", async () => {
  const result = await withForm(
    `<input type="hidden" name="operate_key" value="confirm">
     <x-check name="virtual_confirm_result"></x-check>
     <fieldset disabled><x-check name="virtual_confirm_result"></x-check></fieldset>`,
    `${CUSTOM_FIELDS}
     const unticked = coc.readForm(form).parameter.virtual_confirm_result;
     form.querySelector("x-check").checked = true;
     return { unticked, ticked: coc.readForm(form).parameter.virtual_confirm_result };`,
  );
  assert.deepEqual(result.ok, { unticked: false, ticked: true });
});

test("a portal's own observer that sets disabled at each change of the form does not make the binding redraw for ever", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input type="hidden" name="operate_key" value="confirm">
     <input name="operator" value="">
     <textarea name="virtual_confirm_comment"></textarea>
     <ul data-coc-summary></ul>
     <button id="send">Send</button>`,
    `const binding = coc.bindForm(form, { locale: "en" });
     const button = document.getElementById("send");
     let rounds = 0;
     // Keeps the button disabled while errors are listed: sets it at every change.
     const watcher = new MutationObserver(() => {
       if (++rounds > 100) return watcher.disconnect(); // a brake, for the test
       button.disabled = form.querySelector("[data-coc-summary] li") !== null;
     });
     watcher.observe(form, { childList: true, subtree: true });
     binding.validate();
     for (let i = 0; i < 5; i++) await tick();
     watcher.disconnect();
     binding.destroy();
     return { rounds };`,
  );
  assert.ok(result.ok.rounds < 5, `the portal's observer ran ${result.ok.rounds} times`);
});

test("while a send is under way, fields the portal disables are not said to be missing", async () => {
  await fetch(`${harness.endpoint}/__emulator/misbehave`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ mode: "slow", delay_ms: 800 }) });
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input type="hidden" name="operate_key" value="confirm">
     <fieldset id="all">
       <input name="operator" value="op">
       <input type="checkbox" name="virtual_confirm_result" checked>
       <textarea name="virtual_confirm_comment">ok</textarea>
     </fieldset>
     <ul data-coc-summary></ul>
     <button>Send</button>`,
    `const client = new coc.IncidentClient({ endpoint: args.endpoint });
     const binding = coc.bindForm(form, { locale: "en", client });
     const all = document.getElementById("all");
     // The portal locks the form while it sends, and opens it again after.
     form.addEventListener("submit", () => (all.disabled = true));
     // The answer does not matter here (the ticket's state may refuse a confirm).
     const done = new Promise((resolve) => ["coc:success", "coc:error"].forEach((kind) => form.addEventListener(kind, resolve)));
     form.requestSubmit();
     for (let i = 0; i < 3; i++) await tick();
     const during = [form.getAttribute("aria-busy"), form.querySelectorAll("[data-coc-summary] li").length, form.querySelectorAll("[aria-invalid=true]").length];
     await done;
     all.disabled = false;
     binding.destroy();
     client.free();
     return { during };`,
  );
  assert.deepEqual(result.ok, { during: ["true", 0, 0] });
});

test("a field rendered again while a send is under way is decorated once the send is over", async () => {
  await fetch(`${harness.endpoint}/__emulator/misbehave`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ mode: "slow", delay_ms: 600 }) });
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input type="hidden" name="operate_key" value="confirm">
     <input name="operator" value="op">
     <input type="checkbox" name="virtual_confirm_result" checked>
     <div id="slot"><textarea name="virtual_confirm_comment">ok</textarea></div>`,
    `const client = new coc.IncidentClient({ endpoint: args.endpoint });
     const binding = coc.bindForm(form, { locale: "en", client });
     const done = new Promise((resolve) => ["coc:success", "coc:error"].forEach((kind) => form.addEventListener(kind, resolve)));
     form.requestSubmit();
     await new Promise((resolve) => setTimeout(resolve, 100));
     // The framework renders the comment again meanwhile.
     document.getElementById("slot").innerHTML = '<textarea name="virtual_confirm_comment">ok</textarea>';
     await done;
     for (let i = 0; i < 3; i++) await tick();
     const comment = form.elements.virtual_confirm_comment;
     const ids = (comment.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean).map((id) => document.getElementById(id) !== null);
     const shown = counter("virtual_confirm_comment");
     binding.destroy();
     client.free();
     return { counter: shown, ids };`,
  );
  assert.deepEqual(result.ok, { counter: "2 / 300", ids: [true, true] });
});

test("controls named as the form's methods (contains, elements) hide nothing the binding needs", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input type="hidden" name="operate_key" value="confirm">
     <input name="operator" value="">
     <input type="checkbox" name="virtual_confirm_result" checked>
     <textarea name="virtual_confirm_comment">ok</textarea>
     <input name="contains"><input name="elements">
     <button>Send</button>`,
    `const errors = [];
     const onError = (event) => errors.push(event.message);
     window.addEventListener("error", onError);
     const binding = coc.bindForm(form, { locale: "en" });
     // A key typed in the page's own search box, outside the form.
     const search = document.createElement("input");
     document.body.append(search);
     search.dispatchEvent(new Event("input", { bubbles: true }));
     search.remove();
     form.querySelector("button").click();
     const focused = document.activeElement?.name ?? null;
     window.removeEventListener("error", onError);
     binding.destroy();
     return { errors, focused };`,
  );
  assert.deepEqual(result.ok, { errors: [], focused: "operator" });
});

test("the button that submits the form gives its name and value, as a submission does: two verdict buttons", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator" value="op">
     <input type="hidden" name="operate_key" value="confirm">
     <textarea name="virtual_confirm_comment"></textarea>
     <ul data-coc-summary></ul>
     <button name="virtual_confirm_result" value="true" id="yes">Resolved</button>
     <button name="virtual_confirm_result" value="false" id="no">Not resolved</button>
     <button type="button" id="other">Other</button>`,
    `const read = coc.readForm(form, document.getElementById("no")).parameter;
     let thrown = [];
     const elsewhere = document.createElement("form");
     elsewhere.innerHTML = '<button name="virtual_confirm_result" value="true">Yes</button>';
     document.body.append(elsewhere);
     for (const not of [document.getElementById("other"), form.elements.operator, {}, elsewhere.querySelector("button")]) {
       try { coc.readForm(form, not); } catch (e) { thrown.push(e.name); }
     }
     elsewhere.remove();
     const events = [];
     for (const kind of ["coc:submit", "coc:invalid"]) form.addEventListener(kind, (e) => events.push([kind, e.detail.request?.parameter ?? e.detail.errors.map((v) => v.path)]));
     const binding = coc.bindForm(form, { locale: "en" });
     document.getElementById("yes").click();
     await tick();
     // The comment typed: the verdict chosen by the button still counts, nothing is said of it.
     type("virtual_confirm_comment", "Fixed.");
     const summary = form.querySelector("[data-coc-summary]").textContent;
     document.getElementById("no").click();
     await tick();
     // A submit with no button (Ctrl+Enter's requestSubmit()): no verdict, as a submission.
     form.requestSubmit();
     await tick();
     binding.destroy();
     return { read, thrown, events, summary, describedButtons: form.querySelectorAll("button[aria-describedby]").length };`,
  );
  assert.deepEqual(result.ok.read, { virtual_confirm_result: false, virtual_confirm_comment: "" });
  assert.deepEqual(result.ok.thrown, ["TypeError", "TypeError", "TypeError", "NotFoundError"]);
  assert.deepEqual(result.ok.events, [
    ["coc:invalid", ["parameter.virtual_confirm_comment"]],
    ["coc:submit", { virtual_confirm_comment: "Fixed.", virtual_confirm_result: false }],
    ["coc:invalid", ["parameter.virtual_confirm_result"]],
  ]);
  assert.equal(result.ok.summary, "");
  assert.equal(result.ok.describedButtons, 0, "a button gets no message of its own");
});

test("readForm: the operation is the one sent (a button's over a hidden default), read in tree order; a date no Date holds is reported, not dropped", async () => {
  const result = await withForm(
    `<input type="hidden" name="operate_key" value="confirm">
     <textarea name="cause">disk</textarea>
     <input type="date" name="start_time" value="10000-01-01">
     <button name="operate_key" value="commitSolution1" id="solution">Submit solution</button>
     <input type="image" name="map" alt="map" id="image">`,
    `const bySolution = coc.readForm(form, document.getElementById("solution"));
     const byImage = coc.readForm(form, document.getElementById("image"));
     return { bySolution: [bySolution.operate_key, bySolution.parameter?.cause ?? null, Number.isNaN(bySolution.parameter?.start_time)], byImage: byImage.operate_key };`,
  );
  assert.deepEqual(result.ok, { bySolution: ["commitSolution1", "disk", true], byImage: "confirm" });
});

test("with errors only on hidden inputs, a submit focuses the summary when the portal made it able to take focus", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="">
     <input name="operator" value="op">
     <input type="hidden" name="operate_key" value="acceptedIncident1">
     <ul data-coc-summary tabindex="-1" aria-label="Problems"></ul>
     <button>Send</button>`,
    `const binding = coc.bindForm(form, { locale: "en" });
     form.querySelector("button").click();
     await tick();
     const focused = document.activeElement?.getAttribute("aria-label") ?? null;
     const listed = form.querySelector("[data-coc-summary]").textContent;
     binding.destroy();
     return { focused, listed };`,
  );
  assert.deepEqual(result.ok, { focused: "Problems", listed: "Incident number must not be blank." });
});

test("a radio disabled while its group is shown invalid is no longer said to be invalid", async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator" value="op">
     <input type="hidden" name="operate_key" value="confirm">
     <fieldset><input type="radio" name="virtual_confirm_result" value="true" id="yes">
     <input type="radio" name="virtual_confirm_result" value="false" id="no"></fieldset>
     <textarea name="virtual_confirm_comment">ok</textarea>`,
    `const binding = coc.bindForm(form, { locale: "en" });
     binding.validate();
     const flags = () => ["yes", "no"].map((id) => document.getElementById(id).getAttribute("aria-invalid"));
     const shown = flags();
     document.getElementById("no").disabled = true;
     type("virtual_confirm_comment", "still ok");
     const afterDisabling = flags();
     binding.destroy();
     return { shown, afterDisabling };`,
  );
  assert.deepEqual(result.ok, { shown: ["true", "true"], afterDisabling: ["true", null] });
});

for (const prefix of ["", "parameter."]) test(`ticking "the service was interrupted" says at once that the times are recommended, before any submit${prefix && " (controls named parameter.<key>)"}`, async () => {
  const result = await withForm(
    `<input type="hidden" name="incident_num" value="${NUM}">
     <input name="operator" value="op">
     <input type="hidden" name="operate_key" value="commitSolution1">
     <input name="${prefix}mtm_type" value="inc_type_p_config_issues">
     <input type="checkbox" name="${prefix}is_service_interrupt">
     <textarea name="${prefix}cause">disk</textarea><textarea name="${prefix}solution">rotated</textarea>
     <input type="datetime-local" name="${prefix}start_time">
     <input type="datetime-local" name="${prefix}fault_recovery_time">`,
    `const binding = coc.bindForm(form, { locale: "en" });
     const box = form.elements[args.prefix + "is_service_interrupt"];
     const tick_ = (on) => { box.checked = on; box.dispatchEvent(new Event("change", { bubbles: true })); };
     const shown = () => form.querySelector("[id$='message-" + args.prefix + "start_time']");
     const said = () => [shown()?.textContent, shown()?.classList.contains("coc-warning") ?? false];
     const before = said();
     tick_(true);
     const ticked = said();
     tick_(false);
     const unticked = said();
     binding.destroy();
     return { before, ticked, unticked };`,
    { prefix },
  );
  assert.deepEqual(result.ok.before, ["", false]);
  assert.deepEqual(result.ok.ticked, ["Fault start time is recommended when \"Service interrupted\" is true.", true]);
  assert.deepEqual(result.ok.unticked, ["", false]);
});
