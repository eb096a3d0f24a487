// Two (or more) builds of the small module side by side, in Node, on their raw
// exports: each input's tape written once into the module's scratch area, then only
// the `validate` or `build` call is timed, builds alternated round after round, the
// median of the rounds printed. For a change to the Rust side, whose effect is often
// below what one run of the benchmark can tell from noise. Not the benchmark of record
// (bench/run.mjs). Every build must read the tape layout this tree's tape.js writes
// (crates/validate-wasm/src/tape.rs `LAYOUT`): across a change of layout, compare
// snapshots through the entry instead (bench/ab-entry.mjs). A tape written once has no
// string marked unchanged, so the verdicts a module keeps (verdicts.rs) are not timed.
// Usage: cp pkg/coc_incident_validate.wasm /tmp/before.wasm; (change, npm run build);
//        node bench/ab.mjs /tmp/before.wasm pkg/coc_incident_validate.wasm   (about 30 s)
import { readFileSync } from "node:fs";
import { TapeWriter } from "../src/validate/tape.js";
import { BUILD, SCENARIOS, smallWriter } from "./suite.mjs";
import { median } from "./timer.mjs";

const ROUNDS = 8; // even: each build is timed first as often as the others
const CALLS = 200_000;
// The benchmark's scenarios but those that take a different request or options each
// call (a function): a tape is written once here, and timed again and again.
const CASES = SCENARIOS.filter(([, input, , options]) => typeof input !== "function" && typeof options !== "function");

const paths = process.argv.slice(2);
if (paths.length < 2) {
  console.error("usage: node bench/ab.mjs a.wasm b.wasm [more.wasm…]");
  process.exit(2);
}
const builds = await Promise.all(
  paths.map(async (path) => {
    const exports = (await WebAssembly.instantiate(readFileSync(path), {})).instance.exports;
    return { exports, writer: smallWriter(exports, TapeWriter, { inScratch: true }) };
  }),
);

const times = CASES.map(() => builds.map(() => []));
const statuses = [];
// A first round to warm up, not kept; then the builds' order turns round by round, so
// that none is always timed first (which measured a few percent slower).
for (let round = -1; round < ROUNDS; round++) {
  CASES.forEach(([, input, method, options = BUILD], c) => {
    const order = builds.map((_, b) => (b + Math.max(round, 0)) % builds.length);
    order.forEach((b) => {
      const { exports, writer } = builds[b];
      const length = writer.write(input, method === "build" ? options : undefined);
      const call = exports[method];
      const at = writer.scratch.at;
      if (round < 0) {
        // What is timed is the call that answers: a tape in the scratch area, which the
        // build reads (a build older than the tape's format answers Malformed, 5), with
        // the status every build gives.
        const status = call(at, length);
        const expected = statuses[c] ?? (statuses[c] = status);
        if (!writer.inScratch || status === 5 || status !== expected) {
          throw new Error(`${paths[b]}: ${CASES[c][0]} answers ${status} (expected ${expected}, in scratch: ${writer.inScratch})`);
        }
      }
      let sink = 0;
      const start = performance.now();
      for (let i = 0; i < CALLS; i++) sink += call(at, length);
      if (round >= 0) times[c][b].push(((performance.now() - start) * 1e6) / CALLS);
      globalThis.__abSink = sink;
    });
  });
}

console.log(`ns per call, median of ${ROUNDS} alternated rounds of ${CALLS} calls (Node ${process.versions.node})`);
console.log(`| call | ${paths.join(" | ")} |\n|---|${paths.map(() => "---:").join("|")}|`);
CASES.forEach(([name], c) => {
  const [first, ...rest] = times[c].map(median);
  const cells = [first.toFixed(0), ...rest.map((ns) => `${ns.toFixed(0)} (${(ns / first).toFixed(2)}×)`)];
  console.log(`| ${name} | ${cells.join(" | ")} |`);
});
