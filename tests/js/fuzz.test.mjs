// A short run of the fuzzer (scripts/fuzz.mjs; `npm run fuzz -- --count 1000000` runs
// more): generated valid, near-valid and hostile inputs, the package entry (and so the
// JavaScript fast path) against the raw wasm on whole reports, build against validate,
// and the externref table and memory over calls that used to leak, with forced GCs.
import { test } from "node:test";
import assert from "node:assert/strict";

import init, * as coc from "coc-incident";
import * as raw from "../../pkg/coc_incident.js";
import { fuzz, hammer } from "../../scripts/fuzz.mjs";

const exports = await init();

test("100,000 generated inputs: the entry and the wasm agree on whole reports, build agrees, nothing leaks", () => {
  const found = fuzz({ coc, raw, exports, seed: 20261123, count: 100000 });
  assert.deepEqual(found.differences, []);
  // The generator reaches every kind of outcome: valid, with warnings, invalid.
  assert.ok(found.valid > 20000 && found.warned > 10000 && found.valid < 90000, JSON.stringify(found));
  assert.ok(found.tableGrowth <= 64, `table grew by ${found.tableGrowth} slots`);
  assert.equal(found.memoryGrowth, 0);
});

test("200,000 calls with throwing getters, traps and options: table and memory stay flat", () => {
  const { before, after, stillWorks } = hammer({ coc, exports, count: 200000 });
  assert.ok(after.table <= before.table + 64, `table ${before.table} -> ${after.table}`);
  assert.equal(after.memory, before.memory);
  assert.ok(stillWorks);
});
