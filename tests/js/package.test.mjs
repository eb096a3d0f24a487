// The packed npm package, imported by name as a user does, in Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { createRequire } from "node:module";

import init, { buildHandleRequest, textLength, validateHandleRequest } from "coc-incident";

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
    "README.md",
    "package.json",
    "pkg/coc_incident.d.ts",
    "pkg/coc_incident.js",
    "pkg/coc_incident_bg.wasm",
    "pkg/coc_incident_bg.wasm.d.ts",
    "pkg/snippets/*/inline*.js",
    "src/index.js",
    "src/js/fast_path.js",
    "src/node.js",
  ]);
});
