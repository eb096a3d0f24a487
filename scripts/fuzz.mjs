// Generated inputs by the million, seeded and reproducible: valid, near-valid and
// hostile handle requests (throwing getters and proxies, disguised objects, inherited
// toJSON, lone surrogates, odd numbers). For each one, through the package entry as
// users import it and through the raw wasm binding:
// - nothing throws, nothing traps;
// - the two reports are the same, whole (codes, paths, params, messages, warnings);
// - buildHandleRequest agrees: a valid input builds (the body is JSON whose fields are
//   what was validated), an invalid one throws a ValidationError with the same violations;
// and across the run the wasm memory and the externref table stay flat.
//
//   node scripts/fuzz.mjs [--seed N] [--count N]      (npm run fuzz -- --count 1000000)
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";

/** A small seeded PRNG (mulberry32): the same seed, the same inputs. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  return { next, int, pick, chance: (p) => next() < p };
}

const KEYS = ["incident_num", "operator", "operate_key", "parameter"];
const PARAMETER_KEYS = [
  "mtm_type", "is_service_interrupt", "cause", "solution", "start_time", "fault_recovery_time",
  "virtual_confirm_result", "virtual_confirm_comment",
];
const TEXTS = [
  "", " ", "x", " IM1 ", "op", "\u3000", "\uFEFFx", "a\tb\r\nc", "a\u0000b", "\u0085", "x\u007f",
  "a\uD800b", "\uDC00", "\uD83D\uDE00", "事件", "😀".repeat(151), "x".repeat(255), "x".repeat(256),
  "x".repeat(300), "x".repeat(301), " " + "y".repeat(255) + " ", "acceptedIncident1", "commitSolution1",
  "confirm", "confirn", "Confirm", "inc_type_p_config_issues", "true", "0",
];
const NUMBERS = [0, -0, 1, -1, 0.1, 1.5, 1e21, 1e300, -1e300, 5e-324, 2 ** 53 - 1, 2 ** 53, NaN, Infinity,
  1711000000000, 1711000600000, 1710999999999];
const ODD_KEYS = ["", "a.b", "\uD800", "\uDC00", "x\u0000", "[0]", '"q"', "operator", "mtm_type", "junk",
  "virtual_confirm_commnet", "toJSON", "__proto__x"];

function text(r) {
  return r.chance(0.15) ? r.pick(TEXTS) + r.pick(TEXTS) : r.pick(TEXTS);
}

/** A value of any kind, hostile ones included. */
function anyValue(r, depth = 0) {
  switch (r.int(depth > 2 ? 6 : 10)) {
    case 0: return text(r);
    case 1: return r.pick(NUMBERS);
    case 2: return r.chance(0.5);
    case 3: return r.pick([null, undefined]);
    case 4: return r.int(1000);
    case 5: return text(r);
    case 6: return [anyValue(r, depth + 1), anyValue(r, depth + 1)];
    case 7: return { [r.pick(ODD_KEYS)]: anyValue(r, depth + 1) };
    case 8: return r.pick([() => 1, Symbol("s"), 1n, new Date(0), new Map(), Object.create({ a: 1 })]);
    default: return hostile(r, { a: 1 });
  }
}

/** A valid request of a random operation. */
function valid(r) {
  const base = { incident_num: r.pick(["IM1", " IM2 ", "IM202403221515060171753781"]), operator: r.pick(["op", "事件"]) };
  switch (r.int(3)) {
    case 0:
      return { ...base, operate_key: "acceptedIncident1", ...(r.chance(0.5) ? { parameter: r.pick([{}, null]) } : {}) };
    case 1: {
      const interrupted = r.chance(0.5);
      const parameter = { mtm_type: "inc_type_p_config_issues", is_service_interrupt: interrupted, cause: "c", solution: "s" };
      if (r.chance(0.6)) parameter.start_time = 1711000000000;
      if (r.chance(0.6)) parameter.fault_recovery_time = 1711000600000;
      return { ...base, operate_key: "commitSolution1", parameter };
    }
    default:
      return { ...base, operate_key: "confirm", parameter: { virtual_confirm_result: r.chance(0.5), virtual_confirm_comment: "ok" } };
  }
}

/** Wraps `target` in something hostile: a throwing getter or trap, a disguise. */
function hostile(r, target) {
  let keys = [];
  try { keys = Object.keys(target); } catch { /* already hostile */ }
  const key = r.pick(keys.length ? keys : ["x"]);
  switch (r.int(10)) {
    case 0: return Object.defineProperty({ ...target }, key, { enumerable: true, get() { throw new Error("getter"); } });
    case 1: return new Proxy(target, { get() { throw new Error("get"); } });
    case 2: return new Proxy(target, { ownKeys() { throw new Error("ownKeys"); } });
    case 3: return new Proxy(target, { getPrototypeOf() { throw new Error("proto"); } });
    case 4: {
      // A key the descriptor claims but ownKeys omits.
      return new Proxy(target, {
        getOwnPropertyDescriptor(t, k) { return k === "junk" ? { value: 1, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, k); },
      });
    }
    case 5: {
      const o = { ...target, junk: 1 };
      return Object.defineProperty(o, "parameter", {});
    }
    case 6: {
      const p = Object.create(null);
      p.toJSON = () => ({ incident_num: "OTHER", operator: "x", operate_key: "acceptedIncident1" });
      return Object.assign(Object.create(p), target);
    }
    case 7: return Object.assign(Object.create(null), target);
    case 8: {
      // An own toJSON JSON.stringify would call, hidden from Object.keys.
      const toJSON = () => ({ incident_num: "OTHER", operator: "x", operate_key: "acceptedIncident1" });
      return Object.defineProperty({ ...target }, "toJSON", { value: toJSON });
    }
    default: return Object.defineProperty({ ...target }, key, { enumerable: false, value: target[key] });
  }
}

/** One input: valid, near-valid (one or two edits) or hostile. */
export function generate(r) {
  const input = valid(r);
  const ours = input.parameter;
  const kind = r.int(10);
  if (kind < 2) return input;
  const edits = 1 + r.int(2);
  for (let i = 0; i < edits; i++) {
    const inParameter = typeof input.parameter === "object" && input.parameter !== null && r.chance(0.6);
    const object = inParameter ? input.parameter : input;
    const keys = inParameter ? PARAMETER_KEYS : KEYS;
    try {
      switch (r.int(4)) {
        case 0: delete object[r.pick(keys)]; break;
        case 1: object[r.pick(keys)] = anyValue(r); break;
        case 2: object[r.pick(ODD_KEYS)] = anyValue(r); break;
        default: object[r.pick(keys)] = r.chance(0.5) ? text(r) : r.pick(NUMBERS);
      }
    } catch {
      // A hostile value (a proxy, a frozen key) refused the edit: it stays as it was.
    }
  }
  if (kind === 9) {
    if (r.chance(0.5) && typeof ours === "object" && ours !== null && input.parameter === ours) {
      input.parameter = hostile(r, input.parameter);
      return input;
    }
    return hostile(r, input);
  }
  return r.chance(0.05) ? r.pick([null, "x", [], 7, () => 1]) : input;
}

// Half the calls have no options: only those may take the entry's JavaScript fast path.
const LOCALES = [undefined, undefined, undefined, { locale: "zh-CN" }, { allowUnknownFields: true }, { locale: "en", allowUnknownFields: false }];

/** The body a valid input must build: its own enumerable data as JSON reads it, the
 * root's texts trimmed, root keys in the documented order, then the extras. */
function expectedBody(input) {
  const { incident_num, operator, operate_key, parameter, ...extra } = JSON.parse(JSON.stringify(input));
  return JSON.stringify({ incident_num: incident_num.trim(), operator: operator.trim(), operate_key, parameter: parameter ?? {}, ...extra });
}

/** Runs `count` inputs from `seed`; returns what was found. */
export function fuzz({ coc, raw, exports, seed = 1, count = 10000 }) {
  const r = rng(seed);
  const table = exports.__wbindgen_externrefs;
  const differences = [];
  const describe = (input) => {
    try { return JSON.stringify(input)?.slice(0, 300) ?? String(input); } catch { return "(unprintable)"; }
  };
  const note = (i, what, input) => {
    if (differences.length < 20) differences.push(`#${i} (seed ${seed}): ${what}: ${describe(input)}`);
  };
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  let valid = 0;
  let warned = 0;
  let tableAfterWarmUp = 0;
  let memoryAfterWarmUp = 0;
  for (let i = 0; i < count; i++) {
    if (i === Math.min(1000, count - 1)) {
      tableAfterWarmUp = table.length;
      memoryAfterWarmUp = exports.memory.buffer.byteLength;
    }
    const input = generate(r);
    const options = r.pick(LOCALES);
    let entry, wasm;
    try {
      entry = coc.validateHandleRequest(input, options);
      wasm = raw.validateHandleRequest(input, options);
    } catch (error) {
      note(i, `validate threw ${error?.name}: ${error?.message}`, input);
      continue;
    }
    if (!same(entry, wasm)) note(i, "entry and wasm reports differ", input);
    if (entry.valid !== (entry.errors.length === 0)) note(i, "valid disagrees with errors", input);
    if (entry.valid) valid++;
    if (entry.warnings.length) warned++;
    let built;
    try {
      built = coc.buildHandleRequest(input, { endpoint: "https://coc.example", ...options });
    } catch (error) {
      if (error?.name !== "ValidationError") note(i, `build threw ${error?.name}: ${error?.message}`, input);
      else if (entry.valid) note(i, "valid, yet build refused it", input);
      else if (!same(error.violations, entry.errors) || !same(error.warnings, entry.warnings)) note(i, "build's violations differ from the report", input);
      continue;
    }
    if (!entry.valid) note(i, "invalid, yet build built it", input);
    if (!same(built.warnings, entry.warnings)) note(i, "build's warnings differ from the report", input);
    let expected;
    try {
      expected = expectedBody(input);
    } catch {
      // JSON.stringify itself throws on it (a proxy's get trap for toJSON): the reader's
      // view, which the report is of, is the only one there is.
      continue;
    }
    if (built.body !== expected) note(i, `the body is not what was validated: ${built.body.slice(0, 200)}`, input);
  }
  return {
    count, valid, warned, differences,
    tableGrowth: table.length - tableAfterWarmUp,
    memoryGrowth: exports.memory.buffer.byteLength - memoryAfterWarmUp,
  };
}

/** Calls that used to leak (a throwing getter, trap or option), `count` times, with
 * forced garbage collections: table and memory sizes before and after. */
export function hammer({ coc, exports, count }) {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc");
  const table = exports.__wbindgen_externrefs;
  const valid = { incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1" };
  const inputs = [
    () => [Object.defineProperty({ incident_num: "IM1", operate_key: "acceptedIncident1" }, "operator", { enumerable: true, get() { throw new Error(); } })],
    () => [new Proxy(valid, { ownKeys() { throw new Error(); } })],
    () => [new Proxy(valid, { getPrototypeOf() { throw new Error(); } })],
    () => [valid, { get locale() { throw new Error(); } }],
  ];
  const sizes = () => ({ table: table.length, memory: exports.memory.buffer.byteLength });
  gc();
  const before = sizes();
  for (let i = 0; i < count; i++) {
    const [input, options] = inputs[i % inputs.length]();
    try { coc.validateHandleRequest(input, options); } catch { /* a ConfigError, for the option */ }
    if (i % 100000 === 0) gc();
  }
  gc();
  const after = sizes();
  const stillWorks = coc.validateHandleRequest(valid).valid;
  return { before, after, stillWorks };
}

async function main() {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const seed = arg("seed", Date.now() % 100000);
  const count = arg("count", 100000);
  const { default: init, ...coc } = await import("coc-incident");
  const raw = await import("../pkg/coc_incident.js");
  const exports = await init();
  const started = performance.now();
  const found = fuzz({ coc, raw, exports, seed, count });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`fuzz: seed ${seed}, ${count} inputs in ${seconds} s: ${found.valid} valid, ${found.warned} with warnings; table +${found.tableGrowth} slots, memory +${found.memoryGrowth} bytes`);
  for (const line of found.differences) console.log("  " + line);
  const hammered = hammer({ coc, exports, count: Math.min(count, 1000000) });
  console.log(`leak check: ${Math.min(count, 1000000)} throwing inputs: table ${hammered.before.table} -> ${hammered.after.table} slots, memory ${hammered.before.memory} -> ${hammered.after.memory} bytes`);
  const failed =
    found.differences.length > 0 || found.tableGrowth > 64 || found.memoryGrowth > 0 ||
    hammered.after.table > hammered.before.table + 64 || hammered.after.memory > hammered.before.memory ||
    !hammered.stillWorks;
  console.log(failed ? "1 failed, 0 passed" : "0 failed, 1 passed");
  process.exitCode = failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
