// A quick look while working on speed, not the benchmark (that is bench/run.mjs):
// `coc-incident/validate` through its entry and its raw wasm call, Node only, medians
// of 9 samples, about 10 s. Build first (`npm run build`). Usage: node bench/quick.mjs
import { readFileSync } from "node:fs";
import init, { buildHandleRequest, validateHandleRequest } from "../src/validate/index.js";
import { TapeWriter } from "../src/validate/tape.js";
import { accept, confirm, invalid, solution, solutions } from "./cases.mjs";
import { calling, rawSmall } from "./suite.mjs";
import { measure } from "./timer.mjs";

const bytes = readFileSync(new URL("../pkg/coc_incident_validate.wasm", import.meta.url));
await init(bytes);
const raw = rawSmall((await WebAssembly.instantiate(bytes, {})).instance.exports, TapeWriter);

/** The median per call, as the benchmark measures it (bench/timer.mjs), right-aligned. */
const median = (call, input) => measure(calling(call, input), { samples: 9, sampleMs: 100 }).toFixed(0).padStart(5);

const options = { endpoint: "https://coc.example.com" };
for (const [name, input] of [["accept", accept], ["solution", solution], ["confirm", confirm], ["invalid", invalid], ["new each", solutions]]) {
  console.log(`${name.padEnd(9)} entry ${median(validateHandleRequest, input)} ns   raw ${median(raw.validateHandleRequest, input)} ns`);
}
const build = (call) => (input) => call(input, options);
console.log(`build     entry ${median(build(buildHandleRequest), solution)} ns   raw ${median(build(raw.buildHandleRequest), solution)} ns`);
