// How long a bindForm binding lives, in headless Chromium: until destroy() or until its
// form leaves the document, never until a garbage collection; a bound form never falls
// back to a native submit; page code that calls back into a binding while it works on
// the DOM finds it usable.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";

import { formRunner } from "../support/forms.mjs";
import { startHarness } from "../support/harness.mjs";
import { watchErrors } from "../support/chromium.mjs";

let harness;
let errors;
let home;
before(async () => {
  harness = await startHarness();
  errors = watchErrors(harness.page);
  home = harness.page.url();
});
after(() => harness?.close());
beforeEach(() => {
  harness.emulator.reset();
  errors.length = 0;
});

const NUM = "IM202403221515060171753781";

// A confirm form: valid once the operator is filled in.
const CONFIRM = `
  <input type="hidden" name="incident_num" value="${NUM}">
  <input name="operator">
  <input type="hidden" name="operate_key" value="confirm">
  <input type="checkbox" name="virtual_confirm_result" checked>
  <textarea name="virtual_confirm_comment">ok</textarea>
  <button type="submit">Send</button>`;

const withForm = (html, body, args) => formRunner(harness)(html, body, args);

/**
 * Runs `script` and reports whether the page navigated (a native form submission)
 * within a moment after; brings the harness page back if it did.
 */
async function navigationAfter(script) {
  const outcome = await script().catch((error) => ({ error: error.message }));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const url = harness.page.url();
  if (url !== home) {
    await harness.page.goto(home);
    await harness.page.waitForSelector("body[data-ready=yes]", { state: "attached" });
  }
  return { outcome, navigatedTo: url === home ? null : url };
}

test("a garbage collection leaves a form bound whose binding JavaScript no longer holds", async () => {
  const { outcome, navigatedTo } = await navigationAfter(() =>
    withForm(CONFIRM, `
      // The README's pattern: the binding is kept in a variable that is never used again.
      const collected = await collect(new WeakRef(coc.bindForm(form, { locale: "en" })));
      type("operator", " ");
      const blank = { message: message("operator"), validity: form.elements.operator.validationMessage };
      type("virtual_confirm_comment", "x".repeat(301));
      const long = { message: message("virtual_confirm_comment"), counter: counter("virtual_confirm_comment") };
      type("virtual_confirm_comment", "fixed");
      type("operator", "op-1");
      const submitted = [];
      form.addEventListener("coc:submit", (e) => submitted.push(e.detail.request.operator));
      form.requestSubmit();
      form.remove();
      return { collected, blank, long, submitted };
    `),
  );
  assert.equal(navigatedTo, null, "a valid submit must not be a native submission");
  assert.deepEqual(outcome.ok, {
    collected: true,
    blank: { message: "Operator must not be blank.", validity: "Operator must not be blank." },
    long: { message: "Verification comment must be at most 300 characters, got 301.", counter: "301 / 300" },
    submitted: ["op-1"],
  });
});

test("free() lets go of the handle only: the form stays bound", async () => {
  const result = await withForm(CONFIRM, `
    const binding = coc.bindForm(form, { locale: "en" });
    binding.free();
    type("operator", " ");
    const shown = message("operator");
    form.remove();
    return shown;
  `);
  assert.equal(result.ok, "Operator must not be blank.");
});

test("after free(), validate() and destroy() are a UsageError; a using block ends the binding", async () => {
  const result = await withForm(CONFIRM, `
    const binding = coc.bindForm(form, { locale: "en" });
    binding.free();
    binding.free();
    const outcomes = [];
    for (const call of [() => binding.validate(), () => binding.destroy()]) {
      try { call(); outcomes.push("no error"); } catch (e) { outcomes.push(e.name + ": " + e.message); }
    }
    form.remove();
    await tick();
    await tick();
    // Symbol.dispose (what a using block calls) destroys the binding.
    document.body.append(form);
    const disposed = coc.bindForm(form, { locale: "en" });
    disposed[Symbol.dispose]();
    type("operator", " ");
    return { outcomes, afterDispose: message("operator") ?? null, noValidate: form.noValidate };
  `);
  assert.equal(result.ok?.outcomes.length, 2, JSON.stringify(result.error));
  for (const outcome of result.ok.outcomes) assert.match(outcome, /^UsageError: this FormBinding was freed/);
  assert.equal(result.ok.afterDispose, null);
  assert.equal(result.ok.noValidate, false);
});

test("a form is bound once: a second bindForm is a UsageError until the first is destroyed", async () => {
  const result = await withForm(CONFIRM, `
    const first = coc.bindForm(form, { locale: "en" });
    let second;
    try { coc.bindForm(form, {}); second = "no error"; } catch (e) { second = e.name + ": " + e.message; }
    first.destroy();
    const again = coc.bindForm(form, {});
    const noValidate = form.noValidate;
    again.destroy();
    return { second, noValidate, restored: form.noValidate };
  `);
  assert.match(result.ok.second, /^UsageError: this form is already bound/);
  assert.equal(result.ok.noValidate, true);
  assert.equal(result.ok.restored, false);
});

test("a form that leaves the document is unbound; one moved within a task stays bound", async () => {
  const result = await withForm(CONFIRM, `
    const before = form.outerHTML;
    coc.bindForm(form, { locale: "en" });
    const bound = form.outerHTML !== before;
    form.remove();
    await tick();
    await tick();
    const left = { same: form.outerHTML === before, noValidate: form.noValidate };
    // Back in the document later: no longer bound.
    document.body.append(form);
    type("operator", " ");
    const afterReturn = { message: message("operator"), validity: form.elements.operator.validationMessage };
    form.remove();

    // Moved as a framework moves a node: out and back in before the task ends.
    const moved = document.createElement("form");
    moved.innerHTML = args.html;
    document.body.append(moved);
    const binding = coc.bindForm(moved, { locale: "en" });
    const box = document.createElement("div");
    document.body.append(box);
    box.append(moved);
    moved.remove();
    await Promise.resolve();
    document.body.append(moved);
    await tick();
    await tick();
    moved.elements.operator.value = " ";
    moved.elements.operator.dispatchEvent(new Event("input", { bubbles: true }));
    const stillBound = moved.querySelector("[id$=message-operator]")?.textContent;
    binding.destroy();
    binding.destroy();
    const after = binding.validate().errors.map((v) => v.path);
    const destroyed = moved.querySelector(".coc-message") === null && !moved.noValidate;
    moved.remove();
    box.remove();
    return { bound, left, afterReturn, stillBound, after, destroyed };
  `);
  assert.deepEqual(result.ok, {
    bound: true,
    left: { same: true, noValidate: false },
    afterReturn: { message: undefined, validity: "" },
    stillBound: "Operator must not be blank.",
    // validate() on an ended binding reports and shows nothing.
    after: ["operator"],
    destroyed: true,
  });
});

test("a form taken out of a shadow root is unbound too", async () => {
  const result = await withForm("", `
    form.remove();
    const host = document.createElement("div");
    document.body.append(host);
    const shadow = host.attachShadow({ mode: "open" });
    const inner = document.createElement("form");
    inner.innerHTML = args.confirm;
    shadow.append(inner);
    const before = inner.outerHTML;
    coc.bindForm(inner, { locale: "en" });
    const bound = inner.outerHTML !== before;
    inner.remove();
    await tick();
    await tick();
    host.remove();
    return { bound, same: inner.outerHTML === before, noValidate: inner.noValidate };
  `, { confirm: CONFIRM });
  assert.deepEqual(result.ok, { bound: true, same: true, noValidate: false });
});

test("a form moved into a shadow root after it was bound, then taken out of it, is unbound too", async () => {
  const result = await withForm("", `
    form.remove();
    const outer = document.createElement("form");
    outer.innerHTML = args.confirm;
    document.body.append(outer);
    const before = outer.outerHTML;
    coc.bindForm(outer, { locale: "en" });
    // A component takes the bound form into its shadow root (a later task), then out.
    await tick();
    const host = document.createElement("div");
    document.body.append(host);
    host.attachShadow({ mode: "open" }).append(outer);
    await tick();
    await tick();
    outer.remove();
    await tick();
    await tick();
    host.remove();
    let again;
    try {
      coc.bindForm(outer, { locale: "en" }).destroy();
      again = "bound again";
    } catch (error) {
      again = error.name + ": " + error.message;
    }
    return { same: outer.outerHTML === before, noValidate: outer.noValidate, again };
  `, { confirm: CONFIRM });
  assert.deepEqual(result.ok, { same: true, noValidate: false, again: "bound again" });
});

test("a bound form never submits natively, even when its wasm listener fails", async () => {
  const { outcome, navigatedTo } = await navigationAfter(() =>
    withForm(CONFIRM, `
      // Stands in for a trapped instance: every submit listener that calls into wasm
      // (wasm-bindgen marks them with _wbg_cb_unref) throws before doing anything.
      const add = EventTarget.prototype.addEventListener;
      let replaced = 0;
      EventTarget.prototype.addEventListener = function (kind, listener, options) {
        if (kind === "submit" && typeof listener?._wbg_cb_unref === "function") {
          replaced++;
          listener = () => { throw new WebAssembly.RuntimeError("unreachable"); };
        }
        return add.call(this, kind, listener, options);
      };
      try {
        coc.bindForm(form, { locale: "en" });
      } finally {
        EventTarget.prototype.addEventListener = add;
      }
      type("operator", "op-1");
      form.requestSubmit();
      return { replaced };
    `),
  );
  // Else the stand-in did not take (wasm-bindgen marks its closures differently): the test would prove nothing.
  assert.deepEqual(outcome.ok, { replaced: 1 });
  assert.equal(navigatedTo, null, "the form must not fall back to a native submission");
  assert.deepEqual(errors, ["unreachable"]);
});

test("destroy() in the task of a reset cancels the refresh the reset scheduled", async () => {
  const result = await withForm(CONFIRM, `
    const binding = coc.bindForm(form, { locale: "en" });
    type("operator", " ");
    form.reset();
    binding.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const destroyed = form.querySelector(".coc-message") === null;
    binding.destroy();
    return destroyed;
  `);
  assert.equal(result.ok, true);
  assert.deepEqual(errors, []);
});

// Page code that runs inside the DOM calls a refresh makes: a counter element that
// reacts to its class, an input that reacts to aria-invalid (a customized built-in).
const DEFINE_REACTIVE_ELEMENTS = `
  window.reactions ??= [];
  if (!customElements.get("x-counter")) {
    customElements.define("x-counter", class extends HTMLElement {
      static observedAttributes = ["class"];
      attributeChangedCallback() { window.react?.("counter"); }
    });
    customElements.define("x-field", class extends HTMLInputElement {
      static observedAttributes = ["aria-invalid"];
      attributeChangedCallback() { window.react?.("field"); }
    }, { extends: "input" });
  }
`;

const REACTIVE_FORM = `
  <input type="hidden" name="incident_num" value="${NUM}">
  <input is="x-field" name="operator">
  <input type="hidden" name="operate_key" value="confirm">
  <input type="checkbox" name="virtual_confirm_result" checked>
  <textarea name="virtual_confirm_comment"></textarea>
  <x-counter data-coc-counter-for="virtual_confirm_comment"></x-counter>
  <ul data-coc-summary></ul>`;

test("page code run by a refresh's DOM calls may validate the binding again", async () => {
  const result = await withForm(REACTIVE_FORM, `
    ${DEFINE_REACTIVE_ELEMENTS}
    const binding = coc.bindForm(form, { locale: "en" });
    const nested = [];
    window.react = (who) => nested.push([who, binding.validate().errors.map((v) => v.path)]);
    type("virtual_confirm_comment", "x".repeat(301));
    type("operator", " ");
    window.react = undefined;
    const shown = {
      operator: message("operator"),
      invalid: form.elements.operator.getAttribute("aria-invalid"),
      counter: form.querySelector("x-counter").textContent,
      over: form.querySelector("x-counter").classList.contains("coc-over"),
      messages: form.querySelectorAll(".coc-message").length,
    };
    type("virtual_confirm_comment", "fine");
    type("operator", "op-1");
    const fixed = { counter: form.querySelector("x-counter").textContent, invalid: form.elements.operator.getAttribute("aria-invalid") };
    binding.destroy();
    return { nested, shown, fixed };
  `);
  assert.deepEqual(errors, []);
  const r = result.ok;
  assert.deepEqual(r.nested[0], ["counter", ["operator", "parameter.virtual_confirm_comment"]]);
  assert.ok(r.nested.some(([who]) => who === "field"), JSON.stringify(r.nested));
  assert.deepEqual(r.shown, {
    operator: "Operator must not be blank.",
    invalid: "true",
    counter: "301 / 300",
    over: true,
    messages: 3, // one per control that is not hidden, made once
  });
  assert.deepEqual(r.fixed, { counter: "4 / 300", invalid: null });
});

test("page code run by a refresh's DOM calls may destroy the binding", async () => {
  const result = await withForm(REACTIVE_FORM, `
    ${DEFINE_REACTIVE_ELEMENTS}
    const before = form.outerHTML;
    const binding = coc.bindForm(form, { locale: "en" });
    window.react = () => binding.destroy();
    type("virtual_confirm_comment", "x".repeat(301));
    window.react = undefined;
    const same = form.outerHTML === before;
    type("operator", " ");
    return { same, quiet: form.outerHTML === before, report: binding.validate().errors.length };
  `);
  assert.deepEqual(errors, []);
  assert.deepEqual(result.ok, { same: true, quiet: true, report: 2 });
});

test("destroy() during a send takes its aria-busy away; that send's late answer leaves a new binding's alone", async () => {
  const result = await withForm(CONFIRM, `
    // Clients whose sends end when the test says.
    const ends = [];
    const slow = () => ({ handle: () => new Promise((resolve) => ends.push(() => resolve({ error_code: "GOM.00000000" }))) });
    const first = coc.bindForm(form, { client: slow() });
    type("operator", "op");
    form.requestSubmit();
    await tick(); // the send is under way: its client has been asked
    const busyWhileSending = form.getAttribute("aria-busy");
    first.destroy();
    const busyAfterDestroy = form.getAttribute("aria-busy");
    const second = coc.bindForm(form, { client: slow() });
    form.requestSubmit();
    await tick();
    const busyAgain = form.getAttribute("aria-busy");
    ends[0]();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const busyAfterOldAnswer = form.getAttribute("aria-busy");
    ends[1]();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const busyAtTheEnd = form.getAttribute("aria-busy");
    second.destroy();
    return { busyWhileSending, busyAfterDestroy, busyAgain, busyAfterOldAnswer, busyAtTheEnd };
  `);
  assert.deepEqual(result.ok, {
    busyWhileSending: "true", busyAfterDestroy: null, busyAgain: "true", busyAfterOldAnswer: "true", busyAtTheEnd: null,
  });
  assert.deepEqual(errors, []);
});

test("a patched setTimeout that calls the binding back, on a reset and on a removal, finds it usable", async () => {
  const result = await withForm(CONFIRM, `
    const binding = coc.bindForm(form, { locale: "en" });
    const original = window.setTimeout;
    let calledBack = 0;
    window.setTimeout = function (...args) {
      if (typeof args[0] === "function" && calledBack < 5) { calledBack += 1; binding.validate(); }
      return original.apply(this, args);
    };
    try {
      form.reset();
      await new Promise((resolve) => original(resolve, 20));
      const parent = form.parentNode;
      form.remove();
      await new Promise((resolve) => original(resolve, 20));
      parent.append(form);
    } finally {
      window.setTimeout = original;
    }
    // Still a working instance: a new binding validates.
    const again = coc.bindForm(form, { locale: "en" });
    const valid = again.validate().valid;
    again.destroy();
    return { calledBack: calledBack > 0, valid };
  `);
  assert.deepEqual(result.ok, { calledBack: true, valid: false });
  assert.deepEqual(errors, []);
});
