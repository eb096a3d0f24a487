// The benchmark's agreement check, without timing: every rule set in bench/rules/
// gives the verdict coc-incident gives on the shared cases (bench/cases.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";

import Ajv from "ajv";
import init, * as coc from "../../src/node.js";
import { AGREEMENT } from "../../bench/cases.mjs";
import { AJV_OPTIONS, schema } from "../../bench/rules/ajv-schema.mjs";
import { validate as zod } from "../../bench/rules/zod.mjs";
import { validate as valibot } from "../../bench/rules/valibot.mjs";
import { contenders, disagreements } from "../../bench/suite.mjs";

await init();

test("coc-incident, ajv, zod and valibot agree on every shared case", () => {
  const list = contenders({ coc, ajv: new Ajv(AJV_OPTIONS).compile(schema), zod, valibot });
  assert.deepEqual(disagreements(list), []);
  assert.ok(AGREEMENT.length >= 30);
});

test("coc-incident's verdicts are the expected ones, through validate and build alike", () => {
  for (const [name, input, valid] of AGREEMENT) {
    assert.equal(coc.validateHandleRequest(input).valid, valid, name);
    let built = true;
    try {
      coc.buildHandleRequest(input, { endpoint: "/api" });
    } catch (error) {
      assert.equal(error.name, "ValidationError", name);
      built = false;
    }
    assert.equal(built, valid, name);
  }
});
