// A short run of the fuzzer (scripts/fuzz.mjs; `npm run fuzz -- --count 1000000` runs
// more, `npm run differential` compares against the baseline package): generated valid,
// near-valid and hostile inputs, each validated with four option sets and built with two,
// the small module (`coc-incident/validate`) against the full one (the main entry) on
// whole answers, build against validate; the small module's memory over the run; and
// the full module's externref table and memory over calls that used to leak, with
// forced GCs.
import { test } from "node:test";
import assert from "node:assert/strict";

import init, * as coc from "coc-incident";
import initSmall, * as small from "coc-incident/validate";
import { editing, fuzz, hammer, renewed, RENEWALS } from "../../scripts/fuzz.mjs";

const exports = await init();
const smallExports = await initSmall();
// The small module has no externref table (no wasm-bindgen): its memory is what can grow.
const sizes = () => ({ memory: smallExports.memory.buffer.byteLength });

test("100,000 generated inputs: the small module and the full one answer alike, whole; build agrees; memory flat", () => {
  const subject = { validateHandleRequest: small.validateHandleRequest, buildHandleRequest: small.buildHandleRequest, probe: sizes };
  const found = fuzz({ subject, reference: coc, seed: 20261123, count: 100000 });
  assert.deepEqual(found.differences, []);
  assert.equal(found.failed, 0);
  // The generator reaches every kind of outcome: valid, with warnings, invalid, refused options.
  const { validate, "validate, odd options": odd, build } = found.outcomes;
  assert.ok(found.valid > 20000 && found.warned > 5000 && found.valid < 90000, JSON.stringify(found.outcomes));
  assert.ok(validate.valid > 0 && validate.warned > 0 && validate.invalid > 0 && odd["threw-config"] > 0, JSON.stringify(found.outcomes));
  assert.ok(build.built > 0 && build["built-warned"] > 0 && build["threw-validation"] > 0 && build["threw-config"] > 0, JSON.stringify(found.outcomes));
  assert.equal(found.flatness.subject.tableGrowth, undefined, "no table, so no table growth to report");
  assert.equal(found.flatness.subject.memoryGrowth, 0);
});

test("a form edited 30,000 times, a step at a time: the small module, which keeps its last tape's strings in place, answers as the full one", () => {
  const subject = { validateHandleRequest: small.validateHandleRequest, buildHandleRequest: small.buildHandleRequest };
  assert.deepEqual(editing({ subject, reference: coc, seed: 20261124, count: 30000 }), []);
});

test("a key given as text where the last tape had a string of that text is written again, not skipped", () => {
  // Laid out so that the key "k" of the second input starts at the word where the
  // first input's string "k" started, as the tape's second string-or-key record: what
  // the writer keeps of the last tape must tell a key's record from a string's.
  const first = { zz: true, operator: "k" };
  const second = { zz: () => {}, k: true };
  for (const options of [undefined, { allowUnknownFields: true }]) {
    small.validateHandleRequest(first, options);
    assert.deepEqual(small.validateHandleRequest(second, options), coc.validateHandleRequest(second, options));
    // And a key that is there again, unchanged, is answered as written.
    assert.deepEqual(small.validateHandleRequest(second, options), coc.validateHandleRequest(second, options));
  }
});

test("200,000 calls with throwing getters, traps and options: table and memory stay flat", () => {
  const { before, after, stillWorks } = hammer({ coc, exports, count: 200000 });
  assert.ok(after.table <= before.table + 64, `table ${before.table} -> ${after.table}`);
  assert.equal(after.memory, before.memory);
  assert.ok(stillWorks);
});

test("the differential's baseline is renewed by the listed message changes only, each key where it was", () => {
  const [from, to] = RENEWALS[0];
  const violation = { code: "wrong_type", path: "p", message: `P must be an integer, got ${from}.`, params: { actual: "number" } };
  const other = { code: "blank", path: "q", message: "Q must not be blank.", params: {} };
  const report = { valid: false, errors: [violation, other], warnings: [] };
  const renewedReport = renewed({ returned: report }).returned;
  assert.equal(JSON.stringify(renewedReport), JSON.stringify({ ...report, errors: [{ ...violation, message: `P must be an integer, got ${to}.` }, other] }));
  const thrown = { name: "ValidationError", isError: true, violations: [violation], warnings: [] };
  assert.equal(renewed({ threw: thrown }).threw.violations[0].message, `P must be an integer, got ${to}.`);
  // Anything else is as it was.
  for (const found of [{ threw: { name: "ConfigError", option: "endpoint", message: from } }, { returned: undefined }, { returned: { method: "POST", body: from, warnings: [] } }]) {
    assert.equal(JSON.stringify(renewed(found)), JSON.stringify(found));
  }
});
