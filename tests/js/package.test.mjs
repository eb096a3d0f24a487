// The packed npm package, imported by name as a user does, in Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { createRequire } from "node:module";
import vm from "node:vm";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import init, * as coc from "coc-incident";
import { buildHandleRequest, IncidentClient, textLength, validateHandleRequest } from "coc-incident";

// Before init(): every export says what to do.
const beforeInit = [
  () => validateHandleRequest({}),
  () => buildHandleRequest({}, { endpoint: "/api" }),
  () => textLength("x"),
  () => new IncidentClient({ endpoint: "/api" }),
].map((call) => {
  try {
    call();
    return "no error";
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
});

await init();

const confirm = {
  incident_num: "IM202403221515060171753781",
  operator: "7da46971b7e24eed90cf777cc2ff8b91",
  operate_key: "confirm",
  parameter: { virtual_confirm_result: false, virtual_confirm_comment: "13" },
};

test("a valid request is valid", () => {
  assert.deepEqual(validateHandleRequest(confirm), { valid: true, errors: [], warnings: [] });
});

test("every violation at once, with messages that name the field and the limit", () => {
  const report = validateHandleRequest({
    incident_num: " ",
    operator: "op",
    operate_key: "confirm",
    parameter: { virtual_confirm_result: "false", virtual_confirm_comment: "x".repeat(301) },
  });
  assert.equal(report.valid, false);
  assert.deepEqual(
    report.errors.map((v) => [v.code, v.path]),
    [
      ["blank", "incident_num"],
      ["wrong_type", "parameter.virtual_confirm_result"],
      ["too_long", "parameter.virtual_confirm_comment"],
    ],
  );
  assert.deepEqual(report.errors[1].params, { expected: "boolean", actual: "string" });
  assert.equal(report.errors[2].message, "Verification comment must be at most 300 characters, got 301.");
});

test("messages in Chinese", () => {
  const report = validateHandleRequest({ ...confirm, operate_key: "confirn" }, { locale: "zh-CN" });
  assert.equal(report.errors[0].code, "unknown_operate_key");
  assert.deepEqual(report.errors[0].params, {
    allowed: ["acceptedIncident1", "commitSolution1", "confirm"],
    suggestion: "confirm",
  });
  assert.match(report.errors[0].message, /您是否想输入“confirm”/);
});

test("validate never throws, whatever the input", () => {
  const cyclic = { ...confirm };
  cyclic.self = cyclic;
  for (const input of [undefined, null, 0, "", [], () => {}, Symbol("s"), 1n, new Date(), cyclic]) {
    const report = validateHandleRequest(input);
    assert.equal(report.valid, false);
  }
});

test("build gives what fetch needs, token only in its header", () => {
  const built = buildHandleRequest(
    { ...confirm, incident_num: "  IM1  " },
    { endpoint: "https://coc.myhuaweicloud.com/", token: "MIItoken" },
  );
  assert.equal(built.method, "POST");
  assert.equal(built.url, "https://coc.myhuaweicloud.com/v1/external/incident/handle");
  assert.deepEqual(built.headers, {
    "Content-Type": "application/json;charset=UTF-8",
    "X-Auth-Token": "MIItoken",
  });
  assert.deepEqual(JSON.parse(built.body), { ...confirm, incident_num: "IM1" });
  assert.ok(!built.url.includes("MIItoken") && !built.body.includes("MIItoken"));
});

test("accept always sends an empty parameter", () => {
  const { parameter, ...accept } = { ...confirm, operate_key: "acceptedIncident1" };
  void parameter;
  const built = buildHandleRequest(accept, { endpoint: "/api" });
  assert.deepEqual(JSON.parse(built.body).parameter, {});
});

test("invalid input throws a ValidationError, bad options a ConfigError", () => {
  assert.throws(
    () => buildHandleRequest({ ...confirm, operator: "" }, { endpoint: "/api" }),
    (error) =>
      error instanceof Error &&
      error.name === "ValidationError" &&
      error.violations.length === 1 &&
      error.violations[0].path === "operator",
  );
  assert.throws(
    () => buildHandleRequest(confirm, { endpoint: "http://coc.example.com" }),
    (error) => error instanceof Error && error.name === "ConfigError" && error.option === "endpoint",
  );
});

test("textLength counts as the rules do", () => {
  assert.equal(textLength("事件😀"), 4);
  assert.throws(() => textLength(3), TypeError);
});

test("the package ships the build and nothing else", () => {
  const require = createRequire(import.meta.url);
  const manifest = JSON.parse(readFileSync(require.resolve("coc-incident/package.json"), "utf8"));
  assert.equal(manifest.name, "coc-incident");
  const wasm = readFileSync(new URL(import.meta.resolve("coc-incident/coc_incident_bg.wasm")));
  assert.ok(WebAssembly.validate(wasm));
  const root = dirname(require.resolve("coc-incident/package.json"));
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, `${entry.parentPath}/${entry.name}`).replace(/snippets\/[^/]+\//, "snippets/*/").replace(/inline\d+\.js$/, "inline*.js"))
    .filter((file, i, all) => all.indexOf(file) === i)
    .sort();
  assert.deepEqual(files, [
    "LICENSE",
    "README.md",
    "package.json",
    "pkg/coc_incident.js",
    "pkg/coc_incident_bg.wasm",
    "pkg/coc_incident_validate.wasm",
    "pkg/snippets/*/inline*.js",
    "pkg/snippets/*/src/js/read.js",
    "src/client.d.ts",
    "src/client.js",
    "src/client.node.js",
    "src/element.d.ts",
    "src/element.js",
    "src/forms.d.ts",
    "src/forms.js",
    "src/forms.node.js",
    "src/full.d.ts",
    "src/full.js",
    "src/index.d.ts",
    "src/index.js",
    "src/js/read.js",
    "src/node-file.js",
    "src/node.js",
    "src/types.d.ts",
    "src/usage.js",
    "src/validate/index.d.ts",
    "src/validate/index.js",
    "src/validate/node.js",
    "src/validate/tape.js",
    "src/wasm-source.js",
  ]);
});

test("require() works where package.json's engines say it does (require of ESM, Node 20.19+)", async () => {
  const require = createRequire(import.meta.url);
  const { engines } = require("coc-incident/package.json");
  assert.equal(engines.node, "^20.19.0 || >=22.12.0");
  const required = require("coc-incident/validate");
  await required.default();
  assert.equal(required.validateHandleRequest({}).valid, false);
  assert.equal(typeof require("coc-incident").IncidentClient, "function");
});

test("a call before init() is a UsageError that names init()", () => {
  assert.equal(beforeInit.length, 4);
  for (const outcome of beforeInit) assert.match(outcome, /^UsageError: .*`await init\(\)`/);
});

test("each entry exports its documented API and nothing else", async () => {
  const entries = {
    "coc-incident/validate": ["buildHandleRequest", "default", "initSync", "textLength", "validateHandleRequest"],
    "coc-incident/client": ["IncidentClient", "default", "initSync"],
    "coc-incident/forms": ["FormBinding", "bindForm", "default", "initSync", "readForm"],
  };
  for (const [entry, names] of Object.entries(entries)) {
    assert.deepEqual(Object.keys(await import(entry)).sort(), names, entry);
  }
  const small = readFileSync(new URL(import.meta.resolve("coc-incident/coc_incident_validate.wasm")));
  assert.ok(WebAssembly.validate(small));
});

test("only the documented API is exported (no internal tables)", () => {
  assert.deepEqual(Object.keys(coc).sort(), [
    "FormBinding", "IncidentClient", "bindForm", "buildHandleRequest", "default", "initSync",
    "readForm", "textLength", "validateHandleRequest",
  ]);
});

test("options are read by the validator alone: a bad option is a ConfigError whatever the request", () => {
  const invalid = { ...confirm, operator: " " };
  const badOptions = [
    { get locale() { throw new Error("getter"); } },
    new Proxy({}, { ownKeys() { throw new Error("trap"); } }),
    { locale: "\uD800" },
    { allowUnknownFields: "yes" },
  ];
  for (const options of badOptions) {
    for (const input of [confirm, invalid]) {
      assert.throws(() => validateHandleRequest(input, options), { name: "ConfigError" });
    }
  }
});

test("numbers are sent as JSON.stringify writes them, and shown as a person writes them", () => {
  const { body } = buildHandleRequest(
    { ...confirm, extra: 0.1, big: 1e21, list: [1.5, -2e-7] },
    { endpoint: "/api", allowUnknownFields: true },
  );
  assert.equal(body, JSON.stringify({ ...confirm, extra: 0.1, big: 1e21, list: [1.5, -2e-7] }));
  const report = validateHandleRequest({
    ...confirm,
    operate_key: "commitSolution1",
    parameter: { mtm_type: "t", is_service_interrupt: false, cause: "c", solution: "s", start_time: 1e300 },
  });
  assert.equal(report.errors[0].message, "Fault start time must be at most 9007199254740991, got 1e+300.");
  assert.equal(report.errors[0].params.actual, 1e300);
});

test("a label belongs to a path: an unknown parameter.operator is not the Operator", () => {
  const report = validateHandleRequest({ ...confirm, parameter: { ...confirm.parameter, operator: "x" } });
  assert.equal(report.errors[0].message, '"parameter.operator" is not a known field.');
});

test("paths name every key exactly", () => {
  const report = validateHandleRequest({ ...confirm, "": 1, "a.b": 2, "\uD800": 3, "\uDC00": 4, "\uFFFD": 5 });
  assert.deepEqual(
    report.errors.map((v) => v.path),
    ['[""]', '["a.b"]', '["\\ud800"]', '["\\udc00"]', "\uFFFD"],
  );
});

test("coc-incident/validate: a text that starts with U+FEFF keeps it, and every text after it is whole", async () => {
  // The small module's answer is one text that JavaScript decodes once and slices: a
  // decoder that swallowed a leading byte-order mark shifted every slice after it.
  const small = await import("coc-incident/validate");
  await small.default();
  for (const [key, locale] of [["\uFEFFx", "en"], ["\uFEFF事", "zh-CN"]]) {
    const report = small.validateHandleRequest({ [key]: 1, ...confirm }, { locale });
    assert.deepEqual(report.errors.map((v) => v.path), [key]);
    assert.ok(report.errors[0].message.includes(key), report.errors[0].message);
    assert.deepEqual(report, validateHandleRequest({ [key]: 1, ...confirm }, { locale }));
  }
});

test("coc-incident/validate: objects of changing shapes, one after another, as the full module reports them", async () => {
  // The tape writer keeps the name found at each key position; every shape change
  // must still be seen: keys reordered, a known key where an unknown one was and the
  // reverse, fewer and more keys, the same keys one level deeper.
  const small = await import("coc-incident/validate");
  await small.default();
  const { operator, operate_key, parameter, incident_num } = confirm;
  const shapes = [
    confirm,
    { operator, incident_num, parameter, operate_key },
    { incident_num, operatr: operator, operate_key, parameter },
    { incident_num, operator, operate_key, parameter: { virtual_confirm_comment: "x", virtual_confirm_result: true } },
    { incident_num, operator, operate_key, parameter: { incident_num, virtual_confirm_result: true } },
    { incident_num, operator },
    { incident_num, operator, operate_key, parameter, extra: 1, more: 2 },
    { parameter: confirm, incident_num, operator, operate_key },
    confirm,
  ];
  for (const round of [1, 2]) {
    for (const [i, input] of shapes.entries()) {
      assert.deepEqual(small.validateHandleRequest(input), validateHandleRequest(input), `round ${round}, shape ${i}`);
    }
  }
});

test("coc-incident/validate: plain objects read by for…in are read as Object.keys lists them", async () => {
  // The tape writer reads a plain object of this realm (or of none) by `for…in`, which
  // also lists inherited enumerable keys and asks a proxy other traps: each case where
  // that could differ is read as the full module reads it.
  const small = await import("coc-incident/validate");
  await small.default();
  const { incident_num, operator, operate_key, parameter } = confirm;
  // `make` gives each call an input of its own (a getter may change the one it is on).
  const same = (make, what) => {
    const calls = [
      (x) => x.validateHandleRequest(make()),
      (x) => x.validateHandleRequest(make(), { allowUnknownFields: true }),
      (x) => {
        try {
          return x.buildHandleRequest(make(), { endpoint: "/api", allowUnknownFields: true });
        } catch (error) {
          return { name: error.name, message: error.message, violations: error.violations };
        }
      },
    ];
    for (const call of calls) assert.deepEqual(call(small), call(coc), what);
  };
  const nullPrototype = (o) => Object.assign(Object.create(null), o);
  same(() => nullPrototype({ ...confirm, parameter: nullPrototype(parameter) }), "no prototype");
  same(() => vm.runInNewContext("({ incident_num: 'IM1', operator: 'op', operate_key: 'confirm', parameter: { virtual_confirm_result: true, virtual_confirm_comment: 'x' }, extra: 1 })"), "another realm");
  // Object.prototype with an enumerable key: before the call, and added by a getter while
  // the input is read (the tape is then written again, by Object.keys).
  try {
    Object.prototype.polluted = "inherited";
    same(() => ({ ...confirm, parameter: { ...parameter } }), "Object.prototype polluted");
  } finally {
    delete Object.prototype.polluted;
  }
  const polluting = () => ({ incident_num, get operator() { Object.prototype.polluted = 1; return operator; }, operate_key, parameter: { ...parameter } });
  for (const call of [(x) => x.validateHandleRequest(polluting()), (x) => x.buildHandleRequest(polluting(), { endpoint: "/api" })]) {
    try {
      const fromSmall = call(small);
      delete Object.prototype.polluted;
      assert.deepEqual(fromSmall, call(coc), "polluted while read");
    } finally {
      delete Object.prototype.polluted;
    }
  }
  assert.equal(small.validateHandleRequest(confirm).valid, true);
  // A getter that deletes a key not read yet.
  same(() => ({ incident_num, get operator() { delete this.parameter; return operator; }, operate_key, parameter }), "a key deleted while read");
  // (A key added by a getter is not compared: the full module reads plain data twice,
  // through JSON, and so sees it on its second reading.)
  // Proxies whose traps throw, or lie about what they hold.
  const traps = [
    { has() { throw new Error("has"); } },
    { has() { return false; } },
    { getOwnPropertyDescriptor() { throw new Error("descriptor"); } },
    { ownKeys: () => ["incident_num", "operator"] },
  ];
  for (const [i, handler] of traps.entries()) {
    same(() => new Proxy({ ...confirm }, handler), `proxy ${i}`);
    same(() => ({ ...confirm, parameter: new Proxy({ ...parameter }, handler) }), `parameter proxy ${i}`);
  }
  // Around the node budget (10,000 values): a key fewer, as many as it, a key more.
  for (const extra of [9_991, 9_992, 9_993, 9_994]) {
    const big = { incident_num, operator, operate_key, parameter: { ...parameter } };
    for (let k = 0; k < extra; k++) big.parameter[`k${k}`] = undefined;
    same(() => big, `${extra} undefined keys`);
  }
});

test("a getter that calls the main entry back without end: the engine's stack runs out deep down, each call answers, the instance lives on", () => {
  const valid = { incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1" };
  let calls = 0;
  const endless = { ...valid };
  Object.defineProperty(endless, "operator", {
    enumerable: true,
    get() {
      calls += 1;
      validateHandleRequest(endless);
      return "op";
    },
  });
  // The deepest call finds its getter unreadable (the stack ran out in it); each call
  // above gets an answer from the one below, so its getter answers "op".
  const report = validateHandleRequest(endless);
  assert.ok(calls > 100, String(calls));
  assert.deepEqual(report, { valid: true, errors: [], warnings: [] });
  assert.equal(validateHandleRequest(valid).valid, true);
  assert.equal(buildHandleRequest(valid, { endpoint: "/api" }).method, "POST");
});

test("coc-incident/validate: at the node limit, an object whose descriptor trap throws is what the full module's reader says (too large, not unreadable)", async () => {
  const small = await import("coc-incident/validate");
  await small.default();
  const proxy = new Proxy({ a: 1 }, { getOwnPropertyDescriptor() { throw new Error("descriptor"); } });
  const differ = [];
  // Items enough to bring the proxy to each place around the limit (10,000 nodes).
  for (let items = 9985; items <= 9996; items++) {
    const input = {
      incident_num: "IM1", operator: "op", operate_key: "confirm",
      parameter: { virtual_confirm_result: true, virtual_confirm_comment: "ok", junk: Array.from({ length: items }, (_, i) => i), x: { "": proxy } },
    };
    const ours = JSON.stringify(small.validateHandleRequest(input, { allowUnknownFields: true }));
    const full = JSON.stringify(validateHandleRequest(input, { allowUnknownFields: true }));
    if (ours !== full) differ.push(`${items}: ${ours.slice(0, 200)} / ${full.slice(0, 200)}`);
  }
  assert.deepEqual(differ, []);
});

test("a getter that takes a later key away: no entry reads that key (as for…in skips it), over the node limit too", async () => {
  const small = await import("coc-incident/validate");
  await small.default();
  const make = () => {
    const input = { incident_num: "", operator: "op", operate_key: "acceptedIncident1", junk: Object.fromEntries(Array.from({ length: 12000 }, (_, i) => [`k${i}`, i])), parameter: true };
    Object.defineProperty(input, "incident_num", { enumerable: true, get() { delete this.parameter; return "IM1"; } });
    return input;
  };
  const ours = small.validateHandleRequest(make());
  assert.deepEqual(validateHandleRequest(make()), ours);
  assert.deepEqual(ours.errors.map((v) => v.code + " " + v.path), ["unknown_field junk"]);
});

test("proxies that answer what no array or object would: both entries read them alike, neither throws", async () => {
  const small = await import("coc-incident/validate");
  await small.default();
  const valid = { incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1" };
  const odd = [2.5, -1, NaN, "3", 2 ** 40].map((length) => new Proxy([1, 2, 3], { get: (t, k) => (k === "length" ? length : t[k]) }));
  let armed = false;
  const asking = new Proxy({ a: undefined }, {
    getOwnPropertyDescriptor(t, k) {
      if (armed) throw new Error("trap");
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
  });
  const inputs = [...odd.map((extra) => ({ ...valid, extra })), { ...valid, get arm() { armed = true; return 1; }, extra: asking }];
  for (const input of inputs) {
    armed = false;
    const ours = small.validateHandleRequest(input, { allowUnknownFields: true });
    armed = false;
    assert.deepEqual(validateHandleRequest(input, { allowUnknownFields: true }), ours);
  }
});

test("what is validated is what is sent: an inherited toJSON makes an instance", () => {
  const proto = Object.create(null);
  proto.toJSON = () => ({ incident_num: "OTHER", operator: "x", operate_key: "acceptedIncident1" });
  const disguised = Object.assign(Object.create(proto), { incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1" });
  const report = validateHandleRequest(disguised);
  assert.deepEqual(report.errors.map((v) => [v.code, v.params.actual]), [["not_object", "instance"]]);
  assert.throws(() => buildHandleRequest(disguised, { endpoint: "/api" }), { name: "ValidationError" });
  // An own toJSON, even one Object.keys does not see: JSON.stringify would call it.
  const hidden = Object.defineProperty({ incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1" }, "toJSON", {
    value: () => ({ incident_num: "OTHER", operator: "x", operate_key: "acceptedIncident1" }),
  });
  assert.deepEqual(validateHandleRequest(hidden).errors.map((v) => [v.code, v.params.actual]), [["not_object", "instance"]]);
  assert.throws(() => buildHandleRequest(hidden, { endpoint: "/api" }), { name: "ValidationError" });
  // Disguised keys: a non-enumerable own key does not cancel an unknown one.
  const o = { incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1", junk: 1 };
  Object.defineProperty(o, "parameter", {});
  assert.deepEqual(validateHandleRequest(o).errors.map((v) => v.path), ["junk"]);
});

test("reports list at most 100 violations and count the rest; huge inputs are bounded", () => {
  const many = { ...confirm };
  for (let i = 0; i < 5000; i++) many[`k${i}`] = i;
  const report = validateHandleRequest(many);
  assert.equal(report.errors.length, 101);
  assert.deepEqual(report.errors[100].params, { omitted: 4900 });
  assert.equal(report.errors[100].code, "too_many_violations");
  // A ValidationError's message counts every error after the first, listed or not.
  assert.throws(() => buildHandleRequest(many, { endpoint: "/api" }), {
    name: "ValidationError",
    message: /\(and 4999 more\)$/,
  });
  // Past 10,000 keys, the rest are counted, not read (nor claimed absent).
  const huge = { k: 0 };
  for (let i = 0; i < 200000; i++) huge[`k${i}`] = i;
  Object.assign(huge, confirm);
  const hugeReport = validateHandleRequest(huge);
  assert.equal(hugeReport.errors.length, 101);
  assert.deepEqual(hugeReport.errors.slice(0, 2).map((v) => v.path), ["k", "k0"]);
  assert.equal(hugeReport.errors[100].params.omitted, 200005 - 100);
  const claims = new Proxy({}, {
    ownKeys: () => Array.from({ length: 1000000 }, (_, i) => `k${i}`),
    getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }),
    get: () => 1,
  });
  const claimed = validateHandleRequest(claims).errors;
  assert.equal(claimed.length, 101);
  assert.equal(claimed[100].code, "too_many_violations");
  assert.equal(claimed[100].params.omitted, 1000000 - 100);
});

test("a freed IncidentClient rejects with a UsageError, not a null pointer", async () => {
  const client = new IncidentClient({ endpoint: "/api" });
  client.free();
  client.free();
  await assert.rejects(client.handle(confirm), { name: "UsageError" });
  await assert.rejects(client.acceptIncident("IM1", "op"), { name: "UsageError" });
});

test("coc-incident/validate: init() refuses a wasm of another version of the package rather than misread it", async () => {
  // A module whose names() answers as an older small module did: four numbers (the
  // limits and the scratch area) and one name. Its text format:
  // (memory (export "memory") 1) (data (i32.const 64) f64 20, 100, 0, 0) (data (i32.const 128) "x")
  // (data (i32.const 16) u32 64, 4, 128, 1) (func (export "names") (result i32) 0)
  // (func (export "answer") (result i32) 16)
  const stale = new Uint8Array([
    0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 3, 2, 0, 0, 5, 3, 1, 0, 1, 7, 27, 3, 6, 109, 101, 109,
    111, 114, 121, 2, 0, 5, 110, 97, 109, 101, 115, 0, 0, 6, 97, 110, 115, 119, 101, 114, 0, 1, 10, 11, 2, 4, 0, 65,
    0, 11, 4, 0, 65, 16, 11, 11, 67, 3, 0, 65, 192, 0, 11, 32, 0, 0, 0, 0, 0, 0, 52, 64, 0, 0, 0, 0, 0, 0, 89, 64, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 65, 128, 1, 11, 1, 120, 0, 65, 16, 11, 16, 64, 0, 0, 0, 4, 0, 0,
    0, 128, 0, 0, 0, 1, 0, 0, 0,
  ]);
  // An instance of the entry of its own (its module, not Node's wrapper of it, which
  // would share the initialised one), not yet initialised.
  const index = new URL("./index.js", import.meta.resolve("coc-incident/validate"));
  const entry = await import(`${index}?stale`);
  await assert.rejects(entry.default(stale), /this wasm is not the one this version of the package was built with/);
  assert.throws(() => entry.validateHandleRequest(confirm), { name: "UsageError" });
  // The same entry takes the package's own wasm afterwards.
  await entry.default(readFileSync(new URL("../../pkg/coc_incident_validate.wasm", index)));
  assert.equal(entry.validateHandleRequest(confirm).valid, true);
});

test("init() given what is no wasm of its entry says what it was given, and takes the right module afterwards", () => {
  // Each entry in a process of its own: the main entry's glue is one per process, and the
  // mistake is that it kept the first instance it made, broken, for every later call.
  const page = 'new Response("<!doctype html><title>portal</title>", { headers: { "Content-Type": "text/html" } })';
  const runs = {
    "coc-incident": `import init, { initSync, validateHandleRequest } from "coc-incident";
      const small = readFileSync(new URL(import.meta.resolve("coc-incident/coc_incident_validate.wasm")));
      for (const given of [small, ${page}]) await init(given).then(() => out("resolved"), (e) => out(e.message));
      try { initSync(small); } catch (e) { out(e.message); }
      await init(); out(validateHandleRequest({}).valid);
      // Once loaded, init() takes nothing more, whatever it is given: no fetch, no compile, no error.
      out((await init(small)) === (await init()) && initSync() === (await init("https://example.invalid/x.wasm")));`,
    "coc-incident/validate": `import init, { initSync, validateHandleRequest } from "coc-incident/validate";
      const full = readFileSync(new URL(import.meta.resolve("coc-incident/coc_incident_bg.wasm")));
      for (const given of [full, ${page}]) await init(given).then(() => out("resolved"), (e) => out(e.message));
      try { initSync(new TextEncoder().encode("<!doctype html>")); } catch (e) { out(e.message); }
      // A module with no imports that is not the small module (an empty one) keeps nothing.
      await init(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => out("resolved"), (e) => out(e.message));
      // A module compiled in another realm (an iframe's, a vm context's) is a module all the same.
      const { runInNewContext } = await import("node:vm");
      const own = readFileSync(new URL(import.meta.resolve("coc-incident/coc_incident_validate.wasm")));
      initSync(runInNewContext("new WebAssembly.Module(own)", { own })); out(validateHandleRequest({}).valid);`,
  };
  const outcomes = Object.fromEntries(Object.entries(runs).map(([name, body]) => {
    const script = `import { readFileSync } from "node:fs";\nconst out = (value) => console.log(JSON.stringify(value));\n${body}`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dirname(fileURLToPath(import.meta.url)), encoding: "utf8" });
    return [name, { said: run.stdout.trim().split("\n").map((line) => JSON.parse(line)), stderr: run.stderr.trim(), status: run.status }];
  }));
  const notFull =
    'coc-incident: the wasm given to init() is not coc_incident_bg.wasm of this version of the package (it has no export "__wbindgen_start"); ' +
    "coc_incident_validate.wasm is coc-incident/validate's, and the main entry, coc-incident/client and coc-incident/forms take coc_incident_bg.wasm";
  const aPage = (call, file, start) =>
    `coc-incident: what ${call} was given for ${file} is not WebAssembly: it starts ${JSON.stringify(start.slice(0, 32))} (a page: does the server answer the .wasm file's URL with HTML?)`;
  assert.deepEqual(outcomes, {
    "coc-incident": {
      said: [
        notFull,
        aPage("init()", "coc_incident_bg.wasm", "<!doctype html><title>portal</title>"),
        notFull.replace("init()", "initSync()"),
        false,
        true,
      ],
      stderr: "",
      status: 0,
    },
    "coc-incident/validate": {
      said: [
        "coc-incident: the wasm given to coc-incident/validate is not its coc_incident_validate.wasm (it asks for imports; coc_incident_bg.wasm, say, is the main entry's)",
        aPage("init()", "coc_incident_validate.wasm", "<!doctype html><title>portal</title>"),
        aPage("initSync()", "coc_incident_validate.wasm", "<!doctype html>"),
        "coc-incident: the wasm given to coc-incident/validate is not its coc_incident_validate.wasm (it lacks the small module's exports)",
        false,
      ],
      stderr: "",
      status: 0,
    },
  });
});

test("initSync() given what it cannot compile at once (nothing, a URL, a Response) says what it was and what it takes, in each entry", () => {
  const body = (entry, file) => `import { initSync } from "${entry}";
    const out = (value) => console.log(JSON.stringify(value));
    for (const given of [undefined, "./coc_incident_bg.wasm", new URL("https://example.invalid/x.wasm"), new Response("x"), { module: null }, new SharedArrayBuffer(8)]) {
      try { initSync(given); out("returned"); } catch (e) { out(\`\${e.name}: \${e.message}\`); }
    }
    // Another realm's bytes, of a page a server answered for the .wasm URL, are said to be one.
    const { runInNewContext } = await import("node:vm");
    const page = [..."<!doctype html>"].map((c) => c.charCodeAt(0));
    try { initSync(runInNewContext("new Uint8Array(page).buffer", { page })); } catch (e) { out(e.message); }
    // And another realm's { module }, with the package's own bytes, is taken.
    const { readFileSync } = await import("node:fs");
    const own = readFileSync(new URL(import.meta.resolve("coc-incident/${file}")));
    out(typeof initSync(runInNewContext("({ module: own })", { own })));`;
  const takes =
    "initSync() takes the wasm's bytes (an ArrayBuffer or a typed array) or a compiled WebAssembly.Module; init() takes a URL or a Response too, or nothing (it then loads the package's own)";
  for (const [entry, file] of [["coc-incident", "coc_incident_bg.wasm"], ["coc-incident/validate", "coc_incident_validate.wasm"]]) {
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", body(entry, file)], { cwd: dirname(fileURLToPath(import.meta.url)), encoding: "utf8" });
    assert.equal(run.stderr, "");
    assert.deepEqual(
      run.stdout.trim().split("\n").map((line) => JSON.parse(line)),
      [
        ...["undefined", "a string", "a URL", "a Response", "null", "a SharedArrayBuffer"].map((what) => `TypeError: coc-incident: what initSync() was given for ${file} is ${what}: ${takes}`),
        `coc-incident: what initSync() was given for ${file} is not WebAssembly: it starts "<!doctype html>" (a page: does the server answer the .wasm file's URL with HTML?)`,
        "object",
      ],
      entry,
    );
  }
});

test("coc-incident/validate: calls to init() made meanwhile share one start; a failed fetch is said and may be tried again", async () => {
  const index = new URL("./index.js", import.meta.resolve("coc-incident/validate"));
  const bytes = readFileSync(new URL("../../pkg/coc_incident_validate.wasm", index));
  const shared = await import(`${index}?shared`);
  const [first, second] = await Promise.all([shared.default(bytes), shared.default(bytes)]);
  assert.equal(first, second);
  const missing = await import(`${index}?missing`);
  const notFound = new Response("<h1>Not Found</h1>", { status: 404, statusText: "Not Found" });
  await assert.rejects(missing.default(notFound), /^Error: coc-incident\/validate: fetching the wasm failed: 404 Not Found$/);
  assert.throws(() => missing.validateHandleRequest(confirm), { name: "UsageError" });
  await missing.default(bytes);
  assert.equal(missing.validateHandleRequest(confirm).valid, true);
});

test("in Node, each entry in a process of its own: init() given nothing, a file: URL (a promise or a Request of one), bytes (a DataView too) or initSync(bytes), and the element imported; never a warning", () => {
  const runs = {
    "coc-incident/forms, nothing": `import init, { readForm } from "coc-incident/forms"; await init(); out(typeof readForm);`,
    "coc-incident/validate, a file: URL string": `import init, { validateHandleRequest } from "coc-incident/validate";
      await init(import.meta.resolve("coc-incident/coc_incident_validate.wasm")); out(validateHandleRequest({}).valid);`,
    "coc-incident, a file: URL": `import init, { validateHandleRequest } from "coc-incident";
      await init(new URL(import.meta.resolve("coc-incident/coc_incident_bg.wasm"))); out(validateHandleRequest({}).valid);`,
    "coc-incident/client, bytes": `import init, { IncidentClient } from "coc-incident/client"; import { readFileSync } from "node:fs";
      await init(readFileSync(new URL(import.meta.resolve("coc-incident/coc_incident_bg.wasm")))); out(typeof IncidentClient);`,
    "coc-incident, initSync(bytes)": `import { initSync, textLength } from "coc-incident"; import { readFileSync } from "node:fs";
      initSync(readFileSync(new URL(import.meta.resolve("coc-incident/coc_incident_bg.wasm")))); out(textLength("😀"));`,
    // What init() takes, a promise of it too; and bytes as any view, a DataView among them
    // (which WebAssembly itself refuses).
    "coc-incident/validate, a promise of a file: URL": `import init, { validateHandleRequest } from "coc-incident/validate";
      await init(Promise.resolve(new URL(import.meta.resolve("coc-incident/coc_incident_validate.wasm")))); out(validateHandleRequest({}).valid);`,
    "coc-incident, a Request of a file: URL": `import init, { textLength } from "coc-incident";
      await init(new Request(import.meta.resolve("coc-incident/coc_incident_bg.wasm"))); out(textLength("ab"));`,
    "coc-incident/validate, a DataView; initSync too": `import init, { initSync, validateHandleRequest } from "coc-incident/validate";
      import { readFileSync } from "node:fs";
      const bytes = readFileSync(new URL(import.meta.resolve("coc-incident/coc_incident_validate.wasm")));
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const exports = await init(view); out([initSync(view) === exports, validateHandleRequest({}).valid]);`,
    "coc-incident, initSync(a DataView)": `import { initSync, textLength } from "coc-incident"; import { readFileSync } from "node:fs";
      const bytes = readFileSync(new URL(import.meta.resolve("coc-incident/coc_incident_bg.wasm")));
      initSync(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)); out(textLength("abc"));`,
    // Calls in flight sharing the caller's signal, past Node's ten listeners: no warning.
    "coc-incident/client, 40 calls sharing a signal": `import init, { IncidentClient } from "coc-incident/client";
      import { createServer } from "node:http"; await init();
      const server = createServer((req, res) => { res.setHeader("Content-Type", "application/json"); setTimeout(() => res.end('{"error_code":"GOM.00000000","provider_code":"049","error_msg":null,"data":null}'), 20); });
      await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
      const signal = new AbortController().signal;
      const client = new IncidentClient({ endpoint: "http://127.0.0.1:" + server.address().port, signal });
      const answers = await Promise.all(Array.from({ length: 40 }, () => client.acceptIncident("IM1", "op")));
      server.close(); out(answers.filter((a) => a.error_code === "GOM.00000000").length);`,
    // The signal's listener limit is only ever raised: a page's own higher one stays.
    "coc-incident/client, a signal's higher limit kept": `import init, { IncidentClient } from "coc-incident/client";
      import events from "node:events"; await init();
      const signal = new AbortController().signal, other = new AbortController().signal;
      events.setMaxListeners(5000, signal);
      new IncidentClient({ endpoint: "/api", signal }); new IncidentClient({ endpoint: "/api", signal: other });
      out([events.getMaxListeners(signal), events.getMaxListeners(other)]);`,
    // A server render imports what its pages import: with no DOM, nothing is defined.
    "coc-incident/element, with no DOM": `const { IncidentFormElement } = await import("coc-incident/element"); out(typeof IncidentFormElement);`,
  };
  const outcomes = Object.fromEntries(Object.entries(runs).map(([name, body]) => {
    const script = `const out = (value) => console.log(JSON.stringify(value));\n${body}`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dirname(fileURLToPath(import.meta.url)), encoding: "utf8" });
    return [name, { stdout: run.stdout.trim(), stderr: run.stderr.trim(), status: run.status }];
  }));
  assert.deepEqual(outcomes, {
    "coc-incident/forms, nothing": { stdout: '"function"', stderr: "", status: 0 },
    "coc-incident/validate, a file: URL string": { stdout: "false", stderr: "", status: 0 },
    "coc-incident, a file: URL": { stdout: "false", stderr: "", status: 0 },
    "coc-incident/client, bytes": { stdout: '"function"', stderr: "", status: 0 },
    "coc-incident, initSync(bytes)": { stdout: "2", stderr: "", status: 0 },
    "coc-incident/validate, a promise of a file: URL": { stdout: "false", stderr: "", status: 0 },
    "coc-incident, a Request of a file: URL": { stdout: "2", stderr: "", status: 0 },
    "coc-incident/validate, a DataView; initSync too": { stdout: "[true,false]", stderr: "", status: 0 },
    "coc-incident, initSync(a DataView)": { stdout: "3", stderr: "", status: 0 },
    "coc-incident/client, 40 calls sharing a signal": { stdout: "40", stderr: "", status: 0 },
    "coc-incident/client, a signal's higher limit kept": { stdout: "[5000,1500]", stderr: "", status: 0 },
    "coc-incident/element, with no DOM": { stdout: '"function"', stderr: "", status: 0 },
  });
});

test("coc-incident/validate: tapes larger than the scratch area, between ordinary ones, and memory that grows", async () => {
  const small = await import("coc-incident/validate");
  await small.default();
  const huge = (n) => ({ ...confirm, parameter: { ...confirm.parameter, virtual_confirm_comment: "x".repeat(n) } });
  for (const n of [10, 40_000, 10, 3_000_000, 10, 32_000, 10]) {
    const report = small.validateHandleRequest(huge(n));
    if (n <= 300) assert.deepEqual(report, { valid: true, errors: [], warnings: [] }, `${n}`);
    else assert.deepEqual(report.errors.map((v) => [v.code, v.params.actual]), [["too_long", n]], `${n}`);
    // The same answers as the full module, whatever the tape's size.
    assert.deepEqual(report, validateHandleRequest(huge(n)));
  }
  const { body } = small.buildHandleRequest(huge(10), { endpoint: "/api" });
  assert.equal(body, JSON.stringify(huge(10)));
  // Long strings that are not ASCII, or not well formed (UTF-16 then), around the
  // scratch area's 64 KiB: the same reports as the full module.
  const comment = (text) => ({ ...confirm, parameter: { ...confirm.parameter, virtual_confirm_comment: text } });
  for (const text of ["字".repeat(300), "字".repeat(21_800), "😀".repeat(16_000), `${"a".repeat(60)}\uD800`, `${"b".repeat(32_700)}\uDC00x`]) {
    assert.deepEqual(small.validateHandleRequest(comment(text)), validateHandleRequest(comment(text)), `${text.length}`);
  }
});

test("coc-incident/validate: a block from input() is read by the one call that follows it, never after", async () => {
  // The raw exports are reachable (init() answers them): a block reserved for a long
  // tape is freed when the next call starts, and an address of it given later is no tape.
  const small = await import("coc-incident/validate");
  const wasm = await small.default();
  const MALFORMED = 5, REPORT = 1;
  const block = wasm.input(64);
  new Uint32Array(wasm.memory.buffer, block, 2).set([1, 1]); // input null, options null
  assert.equal(wasm.validate(block, 8), REPORT);
  assert.equal(wasm.validate(block, 8), MALFORMED);
  const again = wasm.input(64);
  new Uint32Array(wasm.memory.buffer, again, 2).set([1, 1]);
  assert.deepEqual(small.validateHandleRequest(confirm), { valid: true, errors: [], warnings: [] });
  assert.equal(wasm.validate(again, 8), MALFORMED);
  assert.deepEqual(small.validateHandleRequest(confirm), { valid: true, errors: [], warnings: [] });
});

test("coc-incident/validate: a getter that calls the validator back while its input is read", async () => {
  const small = await import("coc-incident/validate");
  await small.default();
  let inner;
  const calling = (during) => ({
    ...confirm,
    get operator() {
      inner = small.validateHandleRequest(during);
      return " ";
    },
  });
  for (const during of [confirm, { ...confirm, operator: "x".repeat(3_000_000) }, calling(confirm)]) {
    const outer = small.validateHandleRequest(calling(during));
    assert.deepEqual(outer.errors.map((v) => [v.code, v.path]), [["blank", "operator"]]);
    assert.equal(typeof inner.valid, "boolean");
    assert.deepEqual(small.buildHandleRequest(confirm, { endpoint: "/api" }).body, JSON.stringify(confirm));
  }
  // The nested call grows memory, and the rest of the outer input is longer than the
  // scratch area: the outer tape, cut off, is written again aside, and nothing throws.
  const long = calling({ ...confirm, operator: "x".repeat(8_000_000) });
  long.parameter = { virtual_confirm_result: true, virtual_confirm_comment: "y".repeat(70_000) };
  const outer = small.validateHandleRequest(long);
  assert.deepEqual(outer.errors.map((v) => [v.code, v.path]), [["blank", "operator"], ["too_long", "parameter.virtual_confirm_comment"]]);
});

test("coc-incident/validate: strings unchanged since the last call, under other fields, between builds, long tapes and nested calls", async () => {
  // The small module takes the verdict it found last time for a string the writer left
  // unchanged in place (crates/validate-wasm/src/verdicts.rs). A few string objects,
  // shared by many inputs, in a seeded random order of calls: each answer must be the
  // full module's (which keeps nothing).
  const small = await import("coc-incident/validate");
  await small.default();
  const texts = ["IM1", " ", "alice", "x".repeat(255), "x".repeat(256), "x".repeat(300), "x".repeat(301), "字".repeat(300), "a\u0007b", "ok", "confirm", "confirn"];
  const pick = (n) => texts[n % texts.length];
  const inputs = [];
  for (let i = 0; i < texts.length; i++) {
    const [a, b, c] = [pick(i), pick(i + 3), pick(i + 5)];
    inputs.push(
      { incident_num: a, operator: b, operate_key: "acceptedIncident1" },
      { incident_num: b, operator: a, operate_key: "confirm", parameter: { virtual_confirm_result: true, virtual_confirm_comment: c } },
      { incident_num: a, operator: b, operate_key: "confirm", parameter: { virtual_confirm_result: false, virtual_confirm_comment: a } },
      { incident_num: a, operator: b, operate_key: "commitSolution1", parameter: { mtm_type: c, is_service_interrupt: false, cause: a, solution: b } },
      { incident_num: a, operator: b, operate_key: "commitSolution1", parameter: { is_service_interrupt: false, cause: c, solution: a } },
      { incident_num: a, operate_key: "confirm", parameter: { virtual_confirm_result: true, virtual_confirm_comment: b } },
      // The operate key one of the texts: an operation, or none.
      { incident_num: b, operator: c, operate_key: a, parameter: { virtual_confirm_result: true, virtual_confirm_comment: b } },
    );
  }
  const huge = { ...confirm, parameter: { virtual_confirm_result: true, virtual_confirm_comment: "z".repeat(70_000) } };
  const answer = (fn, input, options) => {
    try {
      return fn(input, options);
    } catch (error) {
      return { ...error, name: error.name, message: error.message };
    }
  };
  let state = 0x2545f491;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  for (let i = 0; i < 20_000; i++) {
    const choice = next() % 40;
    let input = inputs[next() % inputs.length];
    if (choice === 0) input = huge;
    if (choice === 1) {
      const during = inputs[next() % inputs.length];
      const base = input;
      input = { ...base, get operator() { small.validateHandleRequest(during); return base.operator; } };
    }
    if (choice === 2) {
      assert.deepEqual(answer(small.buildHandleRequest, input, { endpoint: "/api" }), answer(buildHandleRequest, input, { endpoint: "/api" }), `call ${i}`);
    } else {
      assert.deepEqual(small.validateHandleRequest(input), validateHandleRequest(input), `call ${i}`);
    }
  }
  // A string at a place where the call before the last had another, whose verdict
  // differs: the last call (a build; a tape too long for the scratch area, cut off
  // after that string) found none, or found it elsewhere.
  const withComment = (comment) => ({ ...confirm, parameter: { virtual_confirm_result: true, virtual_confirm_comment: comment } });
  const fine = withComment("x".repeat(300)), tooLong = withComment("x".repeat(301));
  assert.equal(small.validateHandleRequest(fine).valid, true);
  assert.throws(() => small.buildHandleRequest(tooLong, { endpoint: "/api" }), { name: "ValidationError" });
  assert.equal(small.validateHandleRequest(tooLong).valid, false);
  const withNumber = (incident_num, comment = "ok") => ({ ...withComment(comment), incident_num });
  assert.equal(small.validateHandleRequest(withNumber("x".repeat(255))).valid, true);
  assert.equal(small.validateHandleRequest(withNumber("x".repeat(256), "z".repeat(70_000))).valid, false);
  assert.deepEqual(small.validateHandleRequest(withNumber("x".repeat(256))).errors.map((v) => v.code), ["too_long"]);
});

test("coc-incident/validate: a request validated again unchanged is clean again; a change anywhere in it or its options is seen", async () => {
  // The small module keeps the last tape it answered clean whose strings were all
  // unchanged, and answers the same bytes again without reading them
  // (crates/validate-wasm/src/verdicts.rs). Each change below leaves every string as
  // it was but one word of the tape (a tag, a number, a key, the options), or changes
  // one string for another of the same length: each is read, as the full module reads it.
  const small = await import("coc-incident/validate");
  await small.default();
  const solution = {
    incident_num: "IM202403221515060171753781",
    operator: "7da46971b7e24eed90cf777cc2ff8b91",
    operate_key: "commitSolution1",
    parameter: { mtm_type: "inc_type_p_config_issues", is_service_interrupt: true, cause: "disk", solution: "rotated", start_time: 1711000000000, fault_recovery_time: 1711000600000 },
  };
  const changes = [
    [confirm, { ...confirm, parameter: { ...confirm.parameter, virtual_confirm_result: "false" } }],
    [confirm, { ...confirm, parameter: { ...confirm.parameter, virtual_confirm_result: 0 } }],
    [confirm, { ...confirm, parameter: { ...confirm.parameter, x: 1 } }],
    [confirm, { ...confirm, operate_key: "acceptedIncident1" }],
    [confirm, { ...confirm, operator: " ".repeat(confirm.operator.length) }],
    [solution, { ...solution, parameter: { ...solution.parameter, fault_recovery_time: 1710999999999 } }],
    [solution, { ...solution, parameter: { ...solution.parameter, start_time: 1711000000000.5 } }],
  ];
  for (const [same, changed] of changes) {
    for (let i = 0; i < 4; i++) assert.deepEqual(small.validateHandleRequest(same), { valid: true, errors: [], warnings: [] });
    const found = small.validateHandleRequest(changed);
    assert.equal(found.valid, false, JSON.stringify(changed));
    assert.deepEqual(found, validateHandleRequest(changed));
    assert.equal(small.validateHandleRequest(same).valid, true);
  }
  // A request kept after a read that gave up part way (keys out of the rules' order:
  // clean through the walk), repeated after another was read: what the repeat leaves
  // must be its own, or the last call takes the other request's operate key for its own.
  const fine = { virtual_confirm_result: true, virtual_confirm_comment: "ok" };
  const kept = { operator: "alice", operate_key: "confirm", incident_num: "zzzzzzz", parameter: fine };
  const calls = [
    { operator: "alice", operate_key: "confirm", incident_num: "yyyyyyy", parameter: fine },
    kept,
    { incident_num: "alice", operator: "confirm", operate_key: "confirm", parameter: { virtual_confirm_result: null, virtual_confirm_comment: "ok" } },
    kept,
    { incident_num: "alice", operator: "confirm", operate_key: "zzzzzzz", parameter: fine },
  ];
  for (const input of calls) assert.deepEqual(small.validateHandleRequest(input), validateHandleRequest(input));
  // The options are part of what is kept: other options with the same request are read.
  for (const options of [{ locale: 5 }, { allowUnknownFields: "yes" }, { locale: "zh-CN", allowUnknownFields: 1 }]) {
    for (let i = 0; i < 4; i++) assert.equal(small.validateHandleRequest(confirm, { locale: "zh-CN" }).valid, true);
    assert.throws(() => small.validateHandleRequest(confirm, options), { name: "ConfigError" }, JSON.stringify(options));
  }
});

test("coc-incident/validate: a string is never taken as unchanged after the writer gave up what it wrote", async () => {
  // Each case: a fine request, then one whose operator (blank, or too long) is written
  // at the same place by a pass the writer gives up or cannot finish, then that operator
  // plainly. Each must be reported, never taken for the fine string left in the scratch
  // area (nor given its verdict), and nothing may throw.
  const small = await import("coc-incident/validate");
  await small.default();
  const plain = (operator) => ({ incident_num: "IM1", operator, operate_key: "acceptedIncident1" });
  const codes = (report) => report.errors.map((v) => [v.code, v.path]);
  let size = 1 << 22;
  const cases = {
    // A getter calls the validator back with an input that grows memory (each time
    // larger), detaching the views the outer tape is being written through; a string
    // of 128 ASCII characters or more after it goes through encodeInto in Node.
    "memory grown by a nested call": (operator) => ({
      get incident_num() {
        small.validateHandleRequest({ ...plain("good"), operator: "z".repeat((size *= 2)) });
        return "IM1";
      },
      operator,
      operate_key: "acceptedIncident1",
    }),
    // A getter makes Object.prototype list a key: the tape is written again by Object.keys.
    "Object.prototype gaining a key": (operator) => ({
      get incident_num() {
        Object.prototype.polluted = 1;
        return "IM1";
      },
      operator,
      operate_key: "acceptedIncident1",
    }),
    // A proxy whose trap throws once, at the third key: the for…in pass is given up.
    "a for…in pass given up": (operator) => {
      let thrown = false;
      return new Proxy(plain(operator), {
        getOwnPropertyDescriptor(target, key) {
          if (key === "operate_key" && !thrown) {
            thrown = true;
            throw new Error("once");
          }
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
      });
    },
  };
  for (const [label, make] of Object.entries(cases)) {
    for (const operator of ["    ", "x".repeat(256)]) {
      const expected = [[operator === "    " ? "blank" : "too_long", "operator"]];
      try {
        assert.equal(small.validateHandleRequest(plain("good")).valid, true, label);
        assert.deepEqual(codes(small.validateHandleRequest(make(operator))), expected, label);
      } finally {
        delete Object.prototype.polluted;
      }
      assert.deepEqual(codes(small.validateHandleRequest(plain(operator))), expected, label);
    }
  }
});

test("coc-incident/validate: builds whose options change from call to call, a token of kilobytes among them", async () => {
  // The small module keeps what a build answered for its options, known by their bytes:
  // each build must answer what the full module (which keeps nothing) answers.
  const small = await import("coc-incident/validate");
  await small.default();
  const token = `MII${"aB3+/xYz9".repeat(400)}`;
  const answer = (build, options, input = confirm) => {
    try {
      return build(input, options);
    } catch (error) {
      return { ...error, name: error.name, message: error.message };
    }
  };
  const a = { endpoint: "/api" }, b = { endpoint: "https://coc.example.com/", token, headers: { "X-CSRF-Token": "c" } };
  const zh = { ...b, locale: "zh-CN" }, wrong = { ...b, token: `${token}\n` };
  for (const options of [a, b, b, a, zh, wrong, wrong, b, { ...b, token: `${token}x` }, b, a]) {
    assert.deepEqual(answer(small.buildHandleRequest, options), answer(buildHandleRequest, options));
  }
  // Known options with an input that is refused, or built with warnings; a path with a
  // part that only a key of the options (the header "1") spells.
  const extras = { endpoint: "/api", allowUnknownFields: true, headers: { 1: "v" } };
  for (const input of [confirm, { ...confirm, x: [1, Infinity] }, { ...confirm, x: "kept", 1: 2 }, { ...confirm, operator: "" }, confirm]) {
    assert.deepEqual(answer(small.buildHandleRequest, extras, input), answer(buildHandleRequest, extras, input));
  }
  // A getter of the options that builds with other options while they are read.
  let inner;
  const calling = { ...a, get token() { inner = small.buildHandleRequest(confirm, b); return "t"; } };
  assert.equal(small.buildHandleRequest(confirm, calling).headers["X-Auth-Token"], "t");
  assert.equal(inner.headers["X-Auth-Token"], token);
  assert.equal(small.buildHandleRequest(confirm, b).headers["X-Auth-Token"], token);
  assert.deepEqual(small.buildHandleRequest(confirm, a).headers, { "Content-Type": "application/json;charset=UTF-8" });
});

test("in Node, a client given a path endpoint says it needs a full URL: there is no page whose origin a path is of", async () => {
  const client = new IncidentClient({ endpoint: "/api" });
  await assert.rejects(client.acceptIncident("IM202403221515060171753781", "op"), { name: "ConfigError", option: "endpoint" });
  client.free();
});
