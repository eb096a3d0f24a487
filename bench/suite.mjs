// The contenders and what is timed, shared by the Node and the browser runs.
import { AGREEMENT, accept, accepts, confirm, confirms, invalid, keystrokes, solution, solutions } from "./cases.mjs";
import { measure, median } from "./timer.mjs";

/** The options every build of the benchmark is given. */
export const BUILD = { endpoint: "/api/coc" };
/** …and with a token, as a portal that holds one sends it: 3.6 KB of base64 beginning
 * `MII`, standing for an IAM token (the seed's example is one, elided: `MI…`), whose
 * length this benchmark takes, not knows. */
export const BUILD_WITH_TOKEN = { ...BUILD, token: `MII${"aB3+/xYz9".repeat(400)}` };
/** Options that differ from one build to the next (two endpoints in turn): what a build
 * costs when the small module cannot answer its options as it did the last time (it
 * keeps the last options' envelope; crates/validate-wasm/src/memo.rs). A function:
 * each call takes the next. */
export const CHANGING_BUILD = (() => {
  const both = [BUILD, { ...BUILD, endpoint: `${BUILD.endpoint}/` }];
  let next = 0;
  return () => both[next++ & 1];
})();

/**
 * A tape writer of its own for the small module's `exports`, with the limits and the
 * names table read as the entry reads them at start (keys that are names go on the
 * tape by index). It writes into a buffer of its own, or, with `inScratch`, into the
 * module's scratch area as the entry does (`writer.scratch.at` is then the tape's
 * address for `validate` and `build`).
 */
export function smallWriter(exports, TapeWriter, { inScratch = false } = {}) {
  exports.names();
  const [numbersAt, numbersLength, textAt, textLength] = new Uint32Array(exports.memory.buffer, exports.answer(), 4);
  const numbers = new Float64Array(exports.memory.buffer, numbersAt, numbersLength);
  const [maxDepth, maxNodes, scratchAt, scratchBytes, nameCount] = numbers;
  // A module built before the tape's layout last changed cannot read this writer's tapes.
  if (numbers[10] !== TapeWriter.layout) throw new Error(`this wasm reads tape layout ${numbers[10] ?? 1}, the writer writes ${TapeWriter.layout}`);
  // The text is the names table, then the message templates, labels and phrases.
  const lines = new TextDecoder().decode(new Uint8Array(exports.memory.buffer, textAt, textLength)).split("\n");
  const names = lines.slice(0, nameCount);
  const scratch = inScratch ? { memory: exports.memory, at: scratchAt, bytes: scratchBytes } : undefined;
  return new TapeWriter(maxDepth, maxNodes, scratch, names);
}

/**
 * The small module called directly, as the entry calls it but with each input's tape
 * written once beforehand: `input` (which rewinds the module's arena) + copying the
 * tape in + `validate` or `build`, nothing else. What the wasm itself costs.
 */
export function rawSmall(exports, TapeWriter) {
  const writer = smallWriter(exports, TapeWriter);
  const tapes = new Map();
  const tape = (input, options) => {
    // The options object itself as the key: the benchmark passes the same one each
    // call, and a key made of its text (JSON.stringify, then hashing that string) took
    // 9 µs a call with a token of 3.6 KB, more than the wasm.
    const key = options ?? "";
    let byInput = tapes.get(input);
    if (!byInput) tapes.set(input, (byInput = new Map()));
    let bytes = byInput.get(key);
    if (!bytes) {
      const length = writer.write(input, options); // may grow writer.bytes: read it after
      byInput.set(key, (bytes = writer.bytes.slice(0, length)));
    }
    return bytes;
  };
  const call = (method, bytes) => {
    const at = exports.input(bytes.length);
    new Uint8Array(exports.memory.buffer, at, bytes.length).set(bytes);
    return method(at, bytes.length);
  };
  const validity = () => {
    const [numbersAt] = new Uint32Array(exports.memory.buffer, exports.answer(), 1);
    return new Float64Array(exports.memory.buffer, numbersAt, 1)[0] === 1;
  };
  return {
    validateHandleRequest: (input) => {
      const status = call(exports.validate, tape(input));
      return { valid: status === 0 || (status === 1 && validity()) };
    },
    buildHandleRequest: (input, options) => {
      const status = call(exports.build, tape(input, options));
      if (status !== 4) throw new Error("not built");
      return { body: status };
    },
  };
}

/** Each contender as `validate(input) -> boolean` and `build(input) -> body | undefined`. */
export function contenders({ coc, main, raw, ajv, ajvStandalone, zod, valibot }) {
  const js = (validate) => ({ validate, build: (x) => (validate(x) ? JSON.stringify(x) : undefined) });
  const ours = (api) => ({
    validate: (x) => api.validateHandleRequest(x).valid,
    build: (x, options = BUILD) => {
      try {
        return api.buildHandleRequest(x, options).body;
      } catch {
        return undefined;
      }
    },
  });
  // What users get (`coc-incident/validate`, the small module, as imported), what the
  // wasm itself does (the small module's exports, tapes written beforehand), and the
  // main entry (the full module: wasm-bindgen, the Rust reader of JavaScript values).
  const list = { "coc-incident": ours(coc) };
  if (raw) list["raw wasm (small module)"] = ours(raw);
  if (main) list["main entry (full module)"] = ours(main);
  if (ajv) list["ajv (compiled)"] = js(ajv);
  if (ajvStandalone) list["ajv (standalone)"] = js(ajvStandalone);
  if (zod) list.zod = js(zod);
  if (valibot) list.valibot = js(valibot);
  return list;
}

/** Cases where a contender's verdict differs from the expected one. */
export function disagreements(list) {
  const out = [];
  for (const [name, input, valid] of AGREEMENT) {
    for (const [who, c] of Object.entries(list)) {
      const verdict = c.validate(input);
      if (verdict !== valid) out.push(`${who} says ${verdict ? "valid" : "invalid"} for "${name}"`);
    }
  }
  return out;
}

export const SCENARIOS = [
  ["valid acceptedIncident1", accept, "validate"],
  ["valid commitSolution1", solution, "validate"],
  ["valid confirm", confirm, "validate"],
  ["valid acceptedIncident1, a different request each call", accepts, "validate"],
  ["valid commitSolution1, a different request each call", solutions, "validate"],
  ["valid confirm, a different request each call", confirms, "validate"],
  ["invalid (4 violations)", invalid, "validate"],
  ["validate + build body (commitSolution1)", solution, "build"],
  ["keystroke: confirm whose 300-character comment is new each call", keystrokes, "validate"],
  // The others build with no token (BUILD): this row is what a token adds.
  ["validate + build body with a 3.6 KB token (commitSolution1)", solution, "build", BUILD_WITH_TOKEN],
  ["validate + build body, other options each call (commitSolution1)", solution, "build", CHANGING_BUILD],
];

/** A build's options for a call: the scenario's, or the next of a cycle (a function). */
const optionsOf = (options) => (typeof options === "function" ? options() : options);

/** `fn` of a scenario's input, as a call to time: the input is a value, or a function
 * that gives each call its own (the next of a cycle). */
export const calling = (fn, input) => (typeof input === "function" ? () => fn(input()) : () => fn(input));

/** { scenario: { contender: ns per call } } */
export function time(list, options) {
  const out = {};
  for (const [scenario, input, what, buildOptions] of SCENARIOS) {
    out[scenario] = {};
    for (const [who, c] of Object.entries(list)) {
      const fn = c[what];
      const call = buildOptions === undefined ? fn : (x) => fn(x, optionsOf(buildOptions));
      out[scenario][who] = measure(calling(call, input), options);
    }
  }
  return out;
}

/** Rounds of `compareEntries`: even, so each entry is timed first as often as the other. */
export const AB_ROUNDS = 6;

/** Two entries of `coc-incident/validate` timed on the scenarios in alternated rounds
 * (bench/ab-entry.mjs): `{ scenario: [ns of the first, ns of the second] }`, medians. */
export function compareEntries(entries) {
  const times = SCENARIOS.map(() => entries.map(() => []));
  for (let round = 0; round < AB_ROUNDS; round++) {
    SCENARIOS.forEach(([, input, what, options = BUILD], s) => {
      for (const e of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const entry = entries[e];
        const fn = what === "build" ? (x) => entry.buildHandleRequest(x, optionsOf(options)) : entry.validateHandleRequest;
        times[s][e].push(measure(calling(fn, input), { samples: 3, sampleMs: 60 }));
      }
    });
  }
  return Object.fromEntries(SCENARIOS.map(([name], s) => [name, times[s].map(median)]));
}

/** A page after a long, mixed history (bench/history.mjs): `entry` validates the
 * agreement cases `passes` times, then every scenario is timed for coc-incident alone,
 * with shorter samples than bench/run.mjs's. `{ scenario: ns per call }`. */
export function afterHistory(entry, passes) {
  let sink = 0;
  for (let pass = 0; pass < passes; pass++) for (const [, input] of AGREEMENT) sink += entry.validateHandleRequest(input).valid ? 1 : 0;
  globalThis.__benchSink = sink;
  const timings = time(contenders({ coc: entry }), { samples: 5, sampleMs: 60 });
  return Object.fromEntries(Object.entries(timings).map(([scenario, by]) => [scenario, by["coc-incident"]]));
}
