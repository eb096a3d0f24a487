// The small module's boundary (`coc-incident/validate`: src/validate/tape.js into
// crates/validate-wasm) against the full module's Rust reader (src/js/read.rs, the main
// entry), in Chromium: over a thousand inputs around the valid requests, disguises
// included, the whole reports and built requests must be the same.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";

import { startHarness } from "../support/harness.mjs";

let harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness?.close());

const VARIATIONS = `
  const bases = [
    { incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1", parameter: {} },
    { incident_num: " IM1 ", operator: "op", operate_key: "commitSolution1",
      parameter: { mtm_type: "t", is_service_interrupt: false, cause: "c", solution: "s", start_time: 5, fault_recovery_time: 9 } },
    { incident_num: "IM1", operator: "op", operate_key: "confirm",
      parameter: { virtual_confirm_result: true, virtual_confirm_comment: "ok" } },
    // Warnings: interrupted with no times (recommended), and with one of them.
    { incident_num: "IM1", operator: "op", operate_key: "commitSolution1",
      parameter: { mtm_type: "t", is_service_interrupt: true, cause: "c", solution: "s" } },
    { incident_num: "IM1", operator: "op", operate_key: "commitSolution1",
      parameter: { mtm_type: "t", is_service_interrupt: true, cause: "c", solution: "s", start_time: 5 } },
  ];
  const values = [undefined, null, true, false, "true", "", " ", "\\u3000", "x", " x ", "x".repeat(255), " " + "x".repeat(255),
    "x".repeat(256), "x".repeat(300), "x".repeat(301), "事".repeat(300), " 事 ", "😀".repeat(150), "😀".repeat(151),
    "a\\tb\\r\\nc", "a\\u0000b", "a\\u007fb", "\\u0085", "x\\u0085", "a\\uD800b", "\\uDC00", "\\uFEFF", "\\uFEFFx", "\\u2028",
    0, -0, 1, -1, 1.5, 4, 12, 2 ** 53 - 1, 2 ** 53, NaN, Infinity, [], {}, { a: 1 }, new Date(0), () => 1,
    "acceptedIncident1", "commitSolution1", "confirm", "confirm "];
  const inputs = [];
  for (const base of bases) {
    inputs.push(base);
    for (const key of [...Object.keys(base), "extra"]) for (const v of values) inputs.push({ ...base, [key]: v });
    for (const key of [...Object.keys(base.parameter), "extra"]) {
      for (const v of values) inputs.push({ ...base, parameter: { ...base.parameter, [key]: v } });
    }
    // Keys no rule knows, of every shape a path writes differently (a key the answer
    // names by its place among the tape's text keys, or a path sent as text): each
    // at the root and in parameter, and twice in one input.
    for (const key of ["extra", "a.b", "", "[x]", 'q"uote', "back\\slash", "é", "事", "😀", "\uD800", "\u2028", "\uFEFF",
      "operator ", "Operator", "x".repeat(300), "0"]) {
      inputs.push({ ...base, [key]: 1 }, { ...base, parameter: { ...base.parameter, [key]: "v" } });
      inputs.push({ ...base, [key]: 1, parameter: { ...base.parameter, [key]: { [key]: [key] } } });
    }
    const { parameter, ...noParameter } = base;
    inputs.push(noParameter, Object.assign(Object.create(null), base), Object.assign(Object.create({ extra: 1 }), base));
    // Disguises: a non-enumerable own key beside an unknown one (the two must not cancel),
    // a descriptor claiming a key ownKeys omits, an inherited toJSON.
    inputs.push(Object.defineProperty({ ...base, junk: 1 }, "parameter", {}));
    inputs.push(Object.defineProperty({ ...base, junk: 1 }, "operator", { value: "op", enumerable: false }));
    inputs.push(new Proxy({ ...base }, {
      getOwnPropertyDescriptor: (t, k) => (k === "junk" ? { value: 1, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, k)),
    }));
    const withToJSON = Object.create(null);
    withToJSON.toJSON = () => ({ incident_num: "OTHER", operator: "x", operate_key: "acceptedIncident1" });
    inputs.push(Object.assign(Object.create(withToJSON), base));
    inputs.push(Object.defineProperty({ ...base }, "toJSON", { value: withToJSON.toJSON }));
    if (base.parameter) inputs.push({ ...base, parameter: Object.defineProperty({ ...base.parameter }, "toJSON", { value: () => ({}) }) });
  }
`;

test("the tape and the Rust reader give the same reports and requests, whole", async () => {
  const result = await harness.inPage(`
    ${VARIATIONS}
    const mismatches = [];
    let clean = 0;
    let warned = 0;
    const outcome = (f) => {
      try { return f(); } catch (e) { return { name: e.name, message: e.message, option: e.option, violations: e.violations, warnings: e.warnings }; }
    };
    const optionSets = [undefined, { locale: "zh-CN", allowUnknownFields: true }];
    inputs.forEach((input, i) => {
      for (const options of optionSets) {
        const report = coc.validateHandleRequest(input, options);
        const entry = window.small.validateHandleRequest(input, options);
        if (JSON.stringify(entry) !== JSON.stringify(report)) mismatches.push(i + ": reports differ: " + JSON.stringify(entry).slice(0, 300));
        const buildOptions = { endpoint: "https://coc.example", ...options };
        const built = JSON.stringify(outcome(() => window.small.buildHandleRequest(input, buildOptions)));
        if (built !== JSON.stringify(outcome(() => coc.buildHandleRequest(input, buildOptions)))) mismatches.push(i + ": builds differ");
        if (options) continue;
        if (report.valid && report.warnings.length === 0) clean += 1;
        if (report.warnings.length > 0) warned += 1;
      }
    });
    return { count: inputs.length, clean, warned, mismatches };
  `);
  assert.deepEqual(result.ok.mismatches, []);
  assert.ok(result.ok.count > 1100, String(result.ok.count));
  assert.ok(result.ok.warned > 100, String(result.ok.warned));
  assert.ok(result.ok.clean > 60, String(result.ok.clean));
});

test("hostile inputs are named as the Rust reader names them; bad options are a ConfigError", async () => {
  const result = await harness.inPage(`
    const valid = { incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1" };
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const hostile = [
      new Proxy(valid, {}),
      revocable.proxy,
      { ...valid, get parameter() { throw new Error("getter"); } },
      Object.defineProperty({ ...valid }, "operator", { value: "op", enumerable: false }),
    ];
    const same = hostile.map((x) => JSON.stringify(window.small.validateHandleRequest(x)) === JSON.stringify(coc.validateHandleRequest(x)));
    const valids = hostile.map((x) => window.small.validateHandleRequest(x).valid);
    const errors = [];
    const throwing = new Proxy({}, { ownKeys() { throw new Error("trap"); } });
    for (const options of [{ locale: 1 }, { lokale: "en" }, "en", { get locale() { throw new Error("getter"); } }, throwing, { locale: "\uD800" }]) {
      for (const api of [coc, window.small]) {
        try { api.validateHandleRequest(valid, options); errors.push("no error"); } catch (e) { errors.push(e.name + ":" + e.option); }
      }
    }
    return { same, valids, errors, zh: coc.validateHandleRequest(valid, { locale: "zh-CN" }).valid };
  `);
  // A proxy of a clean object is clean data; the rest are not (a non-enumerable
  // operator is no operator).
  assert.deepEqual(result.ok.same, [true, true, true, true]);
  assert.deepEqual(result.ok.valids, [true, false, false, false]);
  // Whatever the request, a bad option is a ConfigError (never a raw Error, never a clean report).
  assert.deepEqual(result.ok.errors, [
    "ConfigError:locale", "ConfigError:options", "ConfigError:options",
    "ConfigError:locale", "ConfigError:options", "ConfigError:locale",
  ].flatMap((e) => [e, e]));
  assert.equal(result.ok.zh, true);
});

test("a getter is read once by either entry, which then give the same report and the same body", async () => {
  const result = await harness.inPage(`
    // Answers a clean operator the first time it is read, a blank one after.
    const once = () => {
      let reads = 0;
      const input = { incident_num: "IM1", operate_key: "acceptedIncident1", parameter: {} };
      Object.defineProperty(input, "operator", { enumerable: true, get: () => (reads++ === 0 ? "op" : " ") });
      return { input, reads: () => reads };
    };
    const outcomes = {};
    for (const [name, api] of [["main", coc], ["validate", window.small]]) {
      const checked = once();
      const valid = api.validateHandleRequest(checked.input).valid;
      const built = once();
      const body = api.buildHandleRequest(built.input, { endpoint: "https://coc.example" }).body;
      // Beside a value no JSON holds (the full module's fast path gives up there, after
      // the getter): still read once.
      const odd = once();
      odd.input.extra = [undefined, NaN];
      const report = api.validateHandleRequest(odd.input, { allowUnknownFields: true });
      outcomes[name] = {
        valid, reads: checked.reads(), body, buildReads: built.reads(),
        odd: report.errors.map((v) => v.code + " " + v.path), oddReads: odd.reads(),
      };
    }
    return outcomes;
  `);
  const expected = {
    valid: true, reads: 1, buildReads: 1,
    body: '{"incident_num":"IM1","operator":"op","operate_key":"acceptedIncident1","parameter":{}}',
    odd: ["wrong_type extra.0", "wrong_type extra.1"], oddReads: 1,
  };
  assert.deepEqual(result.ok, { main: expected, validate: expected });
});
