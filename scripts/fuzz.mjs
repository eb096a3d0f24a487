// Generated inputs by the million, seeded and reproducible: valid, near-valid and
// hostile handle requests (throwing getters and proxies, revoked proxies, disguised
// objects, inherited toJSON, lone surrogates, odd numbers, texts at their limits, typos,
// floods of unknown keys, deep and large values). Two implementations of the public API
// (`validateHandleRequest`, `buildHandleRequest`), a subject and a reference, get each
// input, each its own copy made from the same seed:
// - validate with no options, `{ locale: "zh-CN" }`, `{ allowUnknownFields: true }` and
//   one odd or hostile options object; build with one valid option set (endpoint, token,
//   headers) and one of any kind, valid or not;
// - the two must answer alike, whole: the report ({ valid, errors, warnings }, messages
//   included), the built request ({ method, url, headers, body, warnings }), or the error
//   thrown (its name; a ValidationError's violations and warnings; a ConfigError's option
//   and message; any other error's message);
// - the subject must agree with itself: `valid` is "no errors", validate throws only a
//   ConfigError and only for a malformed option, a valid input builds (the body is JSON
//   of what was validated), an invalid one throws a ValidationError with the report's
//   violations;
// - across the run, the wasm memory and the externref table of each implementation that
//   has a `probe()` stay flat.
//
//   node scripts/fuzz.mjs --reference target/reference/src/src/index.js [--subject coc-incident]
//                         [--seed N] [--count N] [--index I] [--show N]
//     (`npm run differential -- --seed 7`; `--index I` replays input I of the seed alone,
//     shown whole). Without --reference: the package entry against its own raw
//     wasm-bindgen glue, then the leak hammer (`npm run fuzz -- --count 1000000`).
// It ends with `N failed, N passed`, counting inputs.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs, inspect, isDeepStrictEqual } from "node:util";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";

// Messages tell times in the user's time zone; the baseline (908fa2d) told them in UTC
// (RENEWALS' `iso`). The run is in UTC, so that both tell the same times wherever it
// runs (tests/js/time-zone.test.mjs tests other zones). Set after the imports (which
// run first whatever their place), before any call tells a time: Node applies it then.
process.env.TZ = "UTC";

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

/** The PRNG of input `index` of a run seeded `seed`: any input can be made again alone. */
export function inputRng(seed, index) {
  let h = (seed >>> 0) ^ Math.imul(index >>> 0, 0x9e3779b9);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return rng((h ^ (h >>> 16)) ^ Math.floor(seed / 4294967296));
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
  switch (r.int(16)) {
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
    case 9: {
      // Every operation on a revoked proxy throws a TypeError.
      const { proxy, revoke } = Proxy.revocable(target, {});
      revoke();
      return proxy;
    }
    // Traps `for…in` asks and Object.keys does not (the small module reads plain
    // objects by `for…in`), and a getter that deletes a key not read yet.
    case 10: return new Proxy(target, { has() { throw new Error("has"); } });
    case 11: return new Proxy(target, { has: () => false });
    case 12: return new Proxy(target, { getOwnPropertyDescriptor() { throw new Error("descriptor"); } });
    case 13: {
      // Every call sees the key gone before it is read (the first call deletes it).
      const copy = { ...target };
      if (keys.length < 2) return copy;
      const later = keys[keys.length - 1];
      return Object.defineProperty(copy, keys[0], { enumerable: true, configurable: true, get() { delete this[later]; return target[keys[0]]; } });
    }
    case 14: {
      // The same data made in another realm (an iframe's objects).
      try {
        const json = JSON.stringify(target);
        return json === undefined ? target : vm.runInNewContext(`(${json})`);
      } catch {
        return target;
      }
    }
    default: return Object.defineProperty({ ...target }, key, { enumerable: false, value: target[key] });
  }
}


// Near-valid edits: one step off a valid request, where the rules have their edges.
const LIMITS = { incident_num: 255, operator: 255, mtm_type: 255, cause: 10000, solution: 10000, virtual_confirm_comment: 300 };
const ROOT_TEXTS = ["incident_num", "operator"];
const NEAR_OPERATE_KEYS = ["confirn", "Confirm", "confirm ", " confirm", "CONFIRM", "acceptedIncident", "acceptedIncident2",
  "AcceptedIncident1", "accepted_incident1", "commitsolution1", "commitSolution", "commitSolution1\u0000", "", "\uD800",
  "acceptedIncident1", "commitSolution1", "confirm"];
const TYPO_KEYS = {
  root: ["incident_number", "incidentNum", "opertor", "operater", "operateKey", "operate_keys", "parameters", "Incident_num", "operator "],
  parameter: ["casue", "solutoin", "mtm_typ", "mtmType", "is_service_interupt", "start_tim", "fault_recovery_times",
    "virtual_confirm_reslt", "virtual_confirm_commnet", "Start_time", "cause ", "CAUSE", "comment"],
};
const BLANK_OR_BAD = [" ", "\t\n", "\r\n", "\u3000", "\uFEFF", "\u00A0", "\u2028", "\u180E", " \u0085 ", "\u200B",
  "a\u0007", "x\uDBFF", "\uDFFFx", "\uD83D", "a\u001Fb", "ok\u007F", "ok\u0085", "\uD83D\uDE00\uD83D"];
// start_time, fault_recovery_time; `undefined` is set as a value, a key present without one.
const TIMES = [[1711000600000, 1711000000000], [1711000000000, 1711000000000], [0, 0], [1.5, 2], [-1, 5], [5, -1],
  [2 ** 53, 2 ** 53], [2 ** 53 - 1, 2 ** 53 - 1], [-0, 0], ["1711000000000", 1711000600000], [NaN, Infinity],
  [null, null], [undefined, 1711000600000], [1711000000000, undefined], [1e21, 1e21], [1711000000000.5, 1711000600000],
  [1711000000000, 1710999999999], [-1e-7, 0]];
const WRONG_TYPES = ["true", "false", 1, 0, null, ["x"], {}, "", 7.5, true, false, [], "1711000000000", -0];
/** One of WRONG_TYPES, an object or array made anew: later edits of an input (keys
 * added to its parameter) must not change the list, or every input after would
 * depend on those before it, and `--index` would not replay what a run saw. */
const wrongType = (r) => {
  const value = r.pick(WRONG_TYPES);
  return typeof value === "object" && value !== null ? structuredClone(value) : value;
};
const PARAMETERS = [
  () => ({}),
  () => ({ mtm_type: "inc_type_p_config_issues", is_service_interrupt: true, cause: "c", solution: "s" }),
  () => ({ virtual_confirm_result: true, virtual_confirm_comment: "ok" }),
  () => ({ mtm_type: "m", is_service_interrupt: false, cause: "c", solution: "s", virtual_confirm_result: true, virtual_confirm_comment: "ok" }),
];

const isObject = (x) => typeof x === "object" && x !== null;

/** Sets a known field where it belongs: the root's on the root, the others in `parameter`. */
function setField(input, field, value) {
  if (KEYS.includes(field)) input[field] = value;
  else if (isObject(input.parameter) && !Array.isArray(input.parameter)) input.parameter[field] = value;
  else input.parameter = { [field]: value };
}

/** `length` UTF-16 units of `unit` (an emoji cut at the end leaves a lone surrogate). */
function repeatTo(unit, length) {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function nested(depth, leaf) {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { v: value };
  return value;
}

function nearEdit(r, input) {
  switch (r.int(8)) {
    case 0: {
      // A text at its limit, one under, one or two over; in CJK, emoji, padded with blanks.
      const field = r.pick(Object.keys(LIMITS));
      let value = repeatTo(r.pick(["x", "x", "事", "😀", "a😀", " "]), LIMITS[field] + r.pick([-1, 0, 0, 1, 2]));
      if (r.chance(0.2)) value = r.pick([" ", "\u3000", "\n"]) + value + " ";
      setField(input, field, value);
      break;
    }
    case 1:
      input.operate_key = r.pick(NEAR_OPERATE_KEYS);
      break;
    case 2: {
      const [start, end] = r.pick(TIMES);
      setField(input, "start_time", start);
      setField(input, "fault_recovery_time", end);
      if (r.chance(0.5)) setField(input, "is_service_interrupt", r.chance(0.5));
      if (r.chance(0.3)) delete input.parameter[r.pick(["start_time", "fault_recovery_time"])];
      break;
    }
    case 3:
      setField(input, r.pick([...KEYS, ...PARAMETER_KEYS]), wrongType(r));
      break;
    case 4: {
      // A typo of a key: "did you mean".
      const inRoot = r.chance(0.4);
      const key = r.pick(inRoot ? TYPO_KEYS.root : TYPO_KEYS.parameter);
      const value = r.pick(["x", true, 1711000000000, "ok"]);
      if (inRoot) input[key] = value;
      else setField(input, key, value);
      break;
    }
    case 5: {
      const field = r.pick([...ROOT_TEXTS, ...Object.keys(LIMITS), "operate_key"]);
      const bad = r.pick(BLANK_OR_BAD);
      setField(input, field, r.pick([bad, "ok" + bad, bad + "ok", bad + bad]));
      break;
    }
    case 6:
      // Another operation's key or parameter.
      if (r.chance(0.5)) input.operate_key = r.pick(["acceptedIncident1", "commitSolution1", "confirm"]);
      else input.parameter = r.pick(PARAMETERS)();
      break;
    default: {
      const target = isObject(input.parameter) && r.chance(0.5) ? input.parameter : input;
      const what = r.int(20);
      if (what < 10) {
        // A few unknown keys.
        for (let n = 1 + r.int(3); n > 0; n--) target[r.pick([...ODD_KEYS, ...TYPO_KEYS.parameter])] = anyValue(r);
      } else if (what < 14) {
        // A flood: past 100 violations, the rest are counted.
        const n = 95 + r.int(40);
        for (let k = 0; k < n; k++) target[`junk${k}`] = k % 3 ? k : "x";
      } else if (what < 17) {
        // Deep, about the 32-level limit.
        target[r.pick(["junk", "parameter", "cause"])] = nested(28 + r.int(8), r.pick([1, "x", null, {}]));
      } else if (what < 19) {
        // Cyclic.
        const cycle = { a: 1 };
        cycle.self = r.chance(0.5) ? cycle : [cycle];
        target[r.pick(["junk", "parameter", "mtm_type"])] = cycle;
      } else if (r.chance(0.1)) {
        // Large, about the 10,000-value limit (rare: it is slow).
        const n = r.pick([9990, 9999, 10000, 10001, 12000]);
        target.junk = r.chance(0.5) ? Array.from({ length: n }, (_, k) => k) : Object.fromEntries(Array.from({ length: n }, (_, k) => [`k${k}`, k]));
      } else {
        target[r.pick(["junk", "parameter"])] = r.pick([[], [1, [2, [3]]], { "": { "a.b": [null] } }]);
      }
    }
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
    const inParameter = isObject(input.parameter) && r.chance(0.6);
    const object = inParameter ? input.parameter : input;
    const keys = inParameter ? PARAMETER_KEYS : KEYS;
    try {
      switch (r.int(8)) {
        case 0: delete object[r.pick(keys)]; break;
        case 1: object[r.pick(keys)] = anyValue(r); break;
        case 2: object[r.pick(ODD_KEYS)] = anyValue(r); break;
        case 3: object[r.pick(keys)] = r.chance(0.5) ? text(r) : r.pick(NUMBERS); break;
        default: nearEdit(r, input);
      }
    } catch {
      // A hostile value (a proxy, a frozen key) refused the edit: it stays as it was.
    }
  }
  if (kind === 9) {
    if (r.chance(0.5) && isObject(ours) && input.parameter === ours) {
      input.parameter = hostile(r, input.parameter);
      return input;
    }
    return hostile(r, input);
  }
  return r.chance(0.05) ? r.pick([null, "x", [], 7, () => 1]) : input;
}

// What each input is called with. Every options object is made afresh for each call.
const fails = (what) => () => { throw new Error(what); };
const VALIDATE_OPTIONS = [
  ["no options", () => undefined],
  ['{ locale: "zh-CN" }', () => ({ locale: "zh-CN" })],
  ["{ allowUnknownFields: true }", () => ({ allowUnknownFields: true })],
];
/** Odd and hostile options for validateHandleRequest: one of them per input. */
const ODD_OPTIONS = [
  ['{ locale: "en", allowUnknownFields: false }', () => ({ locale: "en", allowUnknownFields: false })],
  ['{ locale: "zh-CN", allowUnknownFields: true }', () => ({ locale: "zh-CN", allowUnknownFields: true })],
  ["null", () => null],
  ["{}", () => ({})],
  ["{ locale: undefined, allowUnknownFields: undefined }", () => ({ locale: undefined, allowUnknownFields: undefined })],
  ["{ get locale() { throw } }", () => ({ get locale() { throw new Error("locale getter"); } })],
  ["{ get allowUnknownFields() { throw } }", () => ({ get allowUnknownFields() { throw new Error("allowUnknownFields getter"); } })],
  ["{ bogus: 1 }", () => ({ bogus: 1 })],
  ['{ locale: "zh-CN", Locale: "en" }', () => ({ locale: "zh-CN", Locale: "en" })],
  ["{ allowUnknownFields: true, endpoint: \"https://coc.example\" }", () => ({ allowUnknownFields: true, endpoint: "https://coc.example" })],
  ['{ allowUnknownFields: "true" }', () => ({ allowUnknownFields: "true" })],
  ["{ allowUnknownFields: 1 }", () => ({ allowUnknownFields: 1 })],
  ["{ allowUnknownFields: null }", () => ({ allowUnknownFields: null })],
  ['{ locale: "fr" }', () => ({ locale: "fr" })],
  ['{ locale: "zh-cn" }', () => ({ locale: "zh-cn" })],
  ['{ locale: "zh" }', () => ({ locale: "zh" })],
  ['{ locale: "" }', () => ({ locale: "" })],
  ["{ locale: 5 }", () => ({ locale: 5 })],
  ['{ locale: "zh-CN\\u0000" }', () => ({ locale: "zh-CN\u0000" })],
  ['{ locale: "\\uD800" }', () => ({ locale: "\uD800" })],
  ['{ locale: new String("zh-CN") }', () => ({ locale: new String("zh-CN") })],
  ['"zh-CN"', () => "zh-CN"],
  ["42", () => 42],
  ["true", () => true],
  ["[]", () => []],
  ["() => {}", () => () => {}],
  ["new Proxy({}, { ownKeys() { throw } })", () => new Proxy({}, { ownKeys: fails("ownKeys") })],
  ['new Proxy({ locale: "zh-CN" }, { get() { throw } })', () => new Proxy({ locale: "zh-CN" }, { get: fails("get") })],
  ["a revoked proxy", () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; }],
  ['Object.create({ locale: "zh-CN" })', () => Object.create({ locale: "zh-CN" })],
  ['Object.assign(Object.create(null), { locale: "zh-CN" })', () => Object.assign(Object.create(null), { locale: "zh-CN" })],
  ['Object.defineProperty({}, "allowUnknownFields", { value: true }) (not enumerable)', () => Object.defineProperty({}, "allowUnknownFields", { value: true })],
  ["new Date(0)", () => new Date(0)],
];

const ENDPOINT = "https://coc.example";
const E = `endpoint: "${ENDPOINT}"`;
/** Valid additions to a build's options: endpoint, token, headers. */
const GOOD_BUILD = [
  ["", () => ({})],
  ['token: "t0k"', () => ({ token: "t0k" })],
  ['headers: { "X-Trace": "1" }', () => ({ headers: { "X-Trace": "1" } })],
  ['endpoint: "/api/coc", token: "t"', () => ({ endpoint: "/api/coc", token: "t" })],
  ['endpoint: "http://127.0.0.1:9000/"', () => ({ endpoint: "http://127.0.0.1:9000/" })],
  ['endpoint: "https://coc.example/base/", token: "T", headers: { Accept: "application/json" }', () => ({ endpoint: "https://coc.example/base/", token: "T", headers: { Accept: "application/json" } })],
  ['endpoint: "http://[::1]:8080"', () => ({ endpoint: "http://[::1]:8080" })],
  ['endpoint: "http://localhost", headers: {}', () => ({ endpoint: "http://localhost", headers: {} })],
];
/** Build options of any kind, valid or not: one of them per input. */
const ANY_BUILD = [
  ...GOOD_BUILD.map(([label, extra]) => [`{ ${label.startsWith("endpoint:") ? label : [E, label].filter(Boolean).join(", ")} }`, () => ({ endpoint: ENDPOINT, ...extra() })]),
  [`{ ${E}, locale: "zh-CN", allowUnknownFields: true }`, () => ({ endpoint: ENDPOINT, locale: "zh-CN", allowUnknownFields: true })],
  ["no options", () => undefined],
  ["{}", () => ({})],
  ['{ token: "t" }', () => ({ token: "t" })],
  ...["http://coc.example", "//coc.example", "ftp://coc.example", "", " https://coc.example", "https://user:pw@coc.example",
    "https://coc.example?x=1", "https://coc.example#f", "javascript:alert(1)", "http://127.0.0.1.evil.example", "api/coc",
    "https://coc.example\n", "https://", "http://localhost.evil.example", "\\\\host\\share", 5, null]
    .map((endpoint) => [`{ endpoint: ${JSON.stringify(endpoint)} }`, () => ({ endpoint })]),
  ...[["token", "a\nb"], ["token", "a\u0000"], ["token", 5], ["token", ""], ["token", () => "t"], ["token", null],
    ["headers", { "Content-Type": "text/plain" }], ["headers", { "x-auth-token": "x" }], ["headers", { "X-Trace": "a\r\nb" }],
    ["headers", "X-Trace: 1"], ["headers", [["X-Trace", "1"]]], ["headers", { "bad name": "1" }], ["headers", { "X-Trace": 1 }],
    ["headers", { "": "1" }], ["headers", null], ["headers", { "X-Trace": "\u4e8b" }],
    ["locale", "fr"], ["allowUnknownFields", "yes"], ["bogus", 1], ["timeoutMs", 5]]
    .map(([key, value]) => [`{ ${E}, ${key}: ${typeof value === "function" ? "() => \"t\"" : JSON.stringify(value)} }`, () => ({ endpoint: ENDPOINT, [key]: value })]),
  [`{ ${E}, get token() { throw } }`, () => ({ endpoint: ENDPOINT, get token() { throw new Error("token getter"); } })],
  ["{ get endpoint() { throw } }", () => ({ get endpoint() { throw new Error("endpoint getter"); } })],
  [`{ ${E}, headers: new Proxy({}, { ownKeys() { throw } }) }`, () => ({ endpoint: ENDPOINT, headers: new Proxy({}, { ownKeys: fails("ownKeys") }) })],
  [`new Proxy({ ${E} }, { get() { throw } })`, () => new Proxy({ endpoint: ENDPOINT }, { get: fails("get") })],
];

/**
 * What each input is called with, chosen by its PRNG: validate with the three plain
 * option sets and one odd one; build with valid options made of one of those three
 * (`variant`: the report it must agree with) and with options of any kind.
 */
function plan(r) {
  const variant = r.int(VALIDATE_OPTIONS.length);
  const [goodLabel, good] = r.pick(GOOD_BUILD);
  const [variantLabel, variantOptions] = VALIDATE_OPTIONS[variant];
  return [
    ...VALIDATE_OPTIONS.map(([label, options]) => ({ kind: "validate", label, options })),
    { kind: "validate", ...named(r.pick(ODD_OPTIONS)) },
    {
      kind: "build",
      variant,
      label: `{ ${[
        goodLabel.startsWith("endpoint:") ? "" : `endpoint: "${ENDPOINT}"`, variant ? variantLabel.slice(2, -2) : "", goodLabel,
      ].filter(Boolean).join(", ")} }`,
      options: () => ({ endpoint: ENDPOINT, ...variantOptions(), ...good() }),
    },
    { kind: "build", ...named(r.pick(ANY_BUILD)) },
  ];
}

function named([label, options]) {
  return { label, options };
}

const callName = (call) => `${call.kind === "validate" ? "validateHandleRequest" : "buildHandleRequest"}(input, ${call.label === "no options" ? "undefined" : call.label})`;

/** Whether two outcomes (deeply equal) hold their keys in the same order, as a user's
 * `JSON.stringify` of a report or a snapshot of it sees them: isDeepStrictEqual does
 * not compare the order. */
function sameOrder(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What a call ended with, as plain data to compare: what it returned, or what it threw. */
function outcome(impl, call, input) {
  try {
    const options = call.options();
    return { returned: call.kind === "validate" ? impl.validateHandleRequest(input, options) : impl.buildHandleRequest(input, options) };
  } catch (error) {
    return { threw: thrown(error) };
  }
}

function thrown(error) {
  try {
    const out = { name: error?.name, isError: error instanceof Error };
    if (out.name === "ValidationError") Object.assign(out, { violations: error.violations, warnings: error.warnings });
    else if (out.name === "ConfigError") Object.assign(out, { option: error.option, message: error.message });
    else out.message = String(error?.message ?? error);
    return out;
  } catch {
    return { name: "(an unreadable error)" };
  }
}

/** The body a valid input must build: its own enumerable data as JSON reads it, the
 * root's texts trimmed, root keys in the documented order, then the extras. */
function expectedBody(input) {
  const { incident_num, operator, operate_key, parameter, ...extra } = JSON.parse(JSON.stringify(input));
  return JSON.stringify({ incident_num: incident_num.trim(), operator: operator.trim(), operate_key, parameter: parameter ?? {}, ...extra });
}

/** The subject's answers against themselves; what is wrong, as sentences. */
function selfCheck(calls, answers, freshInput) {
  const problems = [];
  calls.forEach((call, k) => {
    const { returned, threw } = answers[k];
    if (call.kind === "validate") {
      if (threw) {
        if (threw.name !== "ConfigError" || k < VALIDATE_OPTIONS.length) problems.push(`${callName(call)} threw ${threw.name}: ${threw.message ?? ""}`);
      } else if (!isObject(returned) || typeof returned.valid !== "boolean" || !Array.isArray(returned.errors) || !Array.isArray(returned.warnings)) {
        problems.push(`${callName(call)} returned no report`);
      } else if (returned.valid !== (returned.errors.length === 0)) {
        problems.push(`${callName(call)}: valid disagrees with errors`);
      }
    } else if (threw && threw.name !== "ValidationError" && threw.name !== "ConfigError") {
      problems.push(`${callName(call)} threw ${threw.name}: ${threw.message}`);
    }
  });
  const k = calls.findIndex((call) => call.variant !== undefined);
  const report = answers[calls[k].variant].returned;
  const { returned: built, threw } = answers[k];
  const build = callName(calls[k]);
  if (!isObject(report) || !Array.isArray(report.errors)) return problems;
  if (threw?.name === "ValidationError") {
    if (report.valid) problems.push(`${build} refused a valid input`);
    else if (!isDeepStrictEqual(threw.violations, report.errors) || !isDeepStrictEqual(threw.warnings, report.warnings)) problems.push(`${build}: the ValidationError's violations or warnings differ from the report`);
  } else if (threw) {
    problems.push(`${build} threw ${threw.name} for valid options`);
  } else if (!report.valid) {
    problems.push(`${build} built an invalid input`);
  } else {
    if (!isDeepStrictEqual(built?.warnings, report.warnings)) problems.push(`${build}: its warnings differ from the report`);
    let expected;
    try {
      expected = expectedBody(freshInput());
    } catch {
      // JSON.stringify itself throws on it (a proxy's get trap for toJSON): the reader's
      // view, which the report is of, is the only one there is.
    }
    if (expected !== undefined && built?.body !== expected) problems.push(`${build}: the body is not what was validated: ${String(built?.body).slice(0, 200)}`);
  }
  return problems;
}

/** The input as code shows it, without calling a getter or a trap. */
export function show(input) {
  try {
    return inspect(input, { showProxy: true, getters: false, depth: 6, breakLength: Infinity, maxArrayLength: 20, maxStringLength: 400 });
  } catch (error) {
    return `(not inspectable: ${error?.message})`;
  }
}

/** The largest inputs the generator makes, run before the sizes are taken: the first
 * of them grows the wasm memory to what they need, once, which is no leak. */
function warmUpInputs() {
  const inputs = [];
  for (const n of [10001, 12000]) {
    const big = [Array.from({ length: n }, (_, k) => k), Object.fromEntries(Array.from({ length: n }, (_, k) => [`k${k}`, k]))];
    for (const junk of big) {
      for (const r of [rng(1), rng(2), rng(3)]) {
        const input = valid(r);
        if (isObject(input.parameter)) input.parameter.junk = junk;
        input.junk = junk;
        inputs.push(input);
      }
    }
  }
  inputs.push({ incident_num: "x".repeat(10001), operator: "😀".repeat(5001), operate_key: "commitSolution1",
    parameter: { mtm_type: "m", is_service_interrupt: true, cause: "事".repeat(10002), solution: "\uD800".repeat(10001) } });
  return inputs;
}

function warmUp(impl) {
  for (const input of warmUpInputs()) {
    for (const call of plan(rng(0))) outcome(impl, call, input);
    for (const [, options] of [...VALIDATE_OPTIONS, ...ANY_BUILD.slice(0, GOOD_BUILD.length)]) {
      outcome(impl, { kind: "validate", options }, input);
      outcome(impl, { kind: "build", options: () => ({ endpoint: ENDPOINT, ...options() }) }, input);
    }
  }
}

/** A module's externref table size (undefined when it has none: the small module)
 * and memory size, from its wasm exports. */
function sizesOf(exports) {
  return { table: exports.__wbindgen_externrefs?.length, memory: exports.memory.buffer.byteLength };
}

/** Table and memory sizes of an implementation that can tell them. */
function probe(impl) {
  return typeof impl?.probe === "function" ? impl.probe() : undefined;
}

/**
 * What the baseline package (scripts/reference.sh) answers, as it would with the changes
 * made to reports on purpose since, each a commit of its own: the differential holds
 * everything else to the baseline, unchanged. Each is a text of messages replaced
 * whole (no generated input holds one of these texts), or a pattern and what
 * `replaceAll` makes of each match.
 */
export const RENEWALS = [
  // A number that is not an integer is NaN or an infinity too, not only a fraction.
  ["a number with a fraction", "a fraction, NaN or Infinity"],
  ["带小数的数字", "非整数数值（小数、NaN 或 Infinity）"],
  // `parameter` is one object: "Parameter is required.", not "Parameters is required.".
  ["Parameters is required.", "Parameter is required."],
  ["Parameters must be an object", "Parameter must be an object"],
  // A time that must not be before another is said as a time, not epoch milliseconds.
  [/( must not be before .*? \()(\d+)(\), got )(\d+)\./g, (_, a, min, b, actual) => `${a}${iso(min)}${b}${iso(actual)}.`],
  [/(不能早于.*?（)(\d+)(），当前为 )(\d+)。/g, (_, a, min, b, actual) => `${a}${iso(min)}${b}${iso(actual)}。`],
  // Chinese as a native writer reviewed it: COC's terms, the enumeration comma, a type
  // named in Chinese before its JavaScript name, a count with its noun.
  ["是否业务中断", "业务是否中断"],
  ["问题类别", "事件类别"],
  ["”为是时", "”为“是”时"],
  ["实际为null", "实际为空值（null）"],
  ["实际为undefined", "实际为未定义（undefined）"],
  ["实际为Symbol", "实际为符号（Symbol）"],
  ["实际为BigInt", "实际为大整数（BigInt）"],
  ["必须是JSON 值", "必须是合法的 JSON 值"],
  ["处未列出。", "处问题未列出。"],
  [/(必须是 )(.*?)( 之一)/g, (_, a, list, b) => `${a}${list.replaceAll(", ", "、")}${b}`],
  // Anchored at the message's ends: a quoted key holds any text.
  [/^(“.*”)不是已知字段。/g, "无法识别的字段$1。"],
  [/在第 (\d+) 个位置包含控制字符 (U\+[0-9A-F]+)。$/g, "的第 $1 个字符是控制字符 $2。"],
  [/在第 (\d+) 个位置包含未配对的代理项（损坏的字符）。$/g, "的第 $1 个字符已损坏（未配对的 UTF-16 代理项）。"],
];

/** Digits of epoch milliseconds as the renewed message writes them. */
function iso(digits) {
  const ms = Number(digits);
  return ms <= 8.64e15 ? new Date(ms).toISOString() : digits;
}

/** `found` (an `outcome`) with `RENEWALS` made to every violation's message (a spread
 * and an overwrite keep each key where it was: the order is compared too). */
export function renewed(found) {
  const message = (text) => RENEWALS.reduce((out, [from, to]) => out.replaceAll(from, to), text);
  const list = (violations) =>
    Array.isArray(violations) ? violations.map((v) => (typeof v?.message === "string" ? { ...v, message: message(v.message) } : v)) : violations;
  const { returned, threw } = found;
  if (returned !== null && typeof returned === "object") {
    const out = { ...returned };
    for (const key of ["errors", "warnings"]) if (key in out) out[key] = list(out[key]);
    return { returned: out };
  }
  if (threw?.name === "ValidationError") return { threw: { ...threw, violations: list(threw.violations), warnings: list(threw.warnings) } };
  return found;
}

/**
 * Runs inputs `start` to `start + count - 1` of `seed` through `subject` and `reference`
 * (each `{ validateHandleRequest, buildHandleRequest, probe? }`, `probe()` giving
 * `{ table, memory }`); returns what was found. Today's form `{ coc, raw, exports }`
 * still works: the package entry as subject, the raw glue as reference.
 */
export function fuzz({ subject, reference, coc, raw, exports, seed = 1, count = 10000, start = 0, show: shown = 20, showAll = false, onProgress, renew = (found) => found }) {
  if (coc) {
    const sizes = exports ? () => sizesOf(exports) : undefined;
    subject = { validateHandleRequest: coc.validateHandleRequest, buildHandleRequest: coc.buildHandleRequest, probe: sizes };
    reference = { validateHandleRequest: raw.validateHandleRequest, buildHandleRequest: raw.buildHandleRequest };
  }
  const probed = { subject, reference };
  const sizesAfterWarmUp = {};
  const outcomes = {
    validate: { valid: 0, warned: 0, invalid: 0, "threw-config": 0, "threw-other": 0 },
    "validate, odd options": { valid: 0, warned: 0, invalid: 0, "threw-config": 0, "threw-other": 0 },
    build: { built: 0, "built-warned": 0, "threw-validation": 0, "threw-config": 0, "threw-other": 0 },
  };
  // Sizes are taken after a warm-up and 1,000 inputs, and compared at the end: a run of
  // 1,000 inputs or fewer checks none.
  for (const name in probed) if (probed[name]?.probe && count > 1000) warmUp(probed[name]);
  const differences = [];
  let failed = 0;
  let valid = 0;
  let warned = 0;
  for (let n = 0; n < count; n++) {
    const index = start + n;
    if (n === 1000) for (const name in probed) sizesAfterWarmUp[name] = probe(probed[name]);
    const r = inputRng(seed, index);
    const forSubject = generate(r);
    const calls = plan(r);
    const forReference = generate(inputRng(seed, index));
    const theirs = calls.map((call) => outcome(subject, call, forSubject));
    const ours = calls.map((call) => renew(outcome(reference, call, forReference)));
    const fresh = () => generate(inputRng(seed, index));
    const differing = [];
    calls.forEach((call, k) => {
      if (!isDeepStrictEqual(theirs[k], ours[k]) || !sameOrder(theirs[k], ours[k])) differing.push({ call: callName(call), subject: theirs[k], reference: ours[k] });
    });
    const problems = selfCheck(calls, theirs, fresh);
    ours.forEach(({ returned, threw }, k) => {
      const kind = calls[k].kind === "build" ? "build" : k < VALIDATE_OPTIONS.length ? "validate" : "validate, odd options";
      const counts = outcomes[kind];
      if (threw) counts[threw.name === "ConfigError" ? "threw-config" : threw.name === "ValidationError" && kind === "build" ? "threw-validation" : "threw-other"]++;
      else if (kind === "build") counts[returned?.warnings?.length ? "built-warned" : "built"]++;
      else counts[!returned?.valid ? "invalid" : returned.warnings?.length ? "warned" : "valid"]++;
    });
    const report = ours[0].returned;
    if (report?.valid) valid++;
    if (report?.warnings?.length) warned++;
    const wrong = differing.length > 0 || problems.length > 0;
    if (wrong) failed++;
    if ((wrong && differences.length < shown) || showAll) {
      differences.push({
        seed, index, input: show(fresh()),
        ...(showAll ? { calls: calls.map((call, k) => ({ call: callName(call), subject: theirs[k], reference: ours[k] })) } : {}),
        differences: differing, problems,
      });
    }
    if (onProgress && (n + 1) % 100000 === 0) onProgress(n + 1, failed);
  }
  const flatness = {};
  for (const name in probed) {
    const before = sizesAfterWarmUp[name];
    const after = probe(probed[name]);
    if (!before || !after) continue;
    // The small module has no externref table: its growth is then undefined, not 0.
    const tableGrowth = before.table === undefined ? undefined : after.table - before.table;
    flatness[name] = { tableGrowth, memoryGrowth: after.memory - before.memory };
  }
  // Judged on the subject: the reference is the baseline, shown for comparison.
  const flat = [flatness.subject].every((f) => !f || ((f.tableGrowth ?? 0) <= 64 && f.memoryGrowth <= 0));
  return {
    count, failed, passed: count - failed, valid, warned, outcomes, differences, flatness, flat,
    tableGrowth: flatness.subject?.tableGrowth ?? 0, memoryGrowth: flatness.subject?.memoryGrowth ?? 0,
  };
}

/**
 * A form edited and validated again and again, as a portal does on every keystroke:
 * each step copies the last input (as reading a form makes a new object) and changes
 * one thing: a string for another or for the same text as a new string, a string for
 * a number, a key added in front (which moves every string after it), a key removed,
 * the operation, a string too long for the small module's scratch area, a getter that
 * calls the validator back, a new options object. Both implementations get each step
 * with validate and build options; what differs, whole, is returned (at most `show`).
 * What it tests: the small module's tape writer skips a string that is the one its
 * last tape had at the same place (tape.js `string`), and must never skip one that
 * is not there any more.
 */
export function editing({ subject, reference, seed = 1, count = 10000, show: shown = 10 }) {
  const r = rng(seed);
  const templates = [
    { incident_num: "IM202403221515060171753781", operator: "7da46971b7e24eed90cf777cc2ff8b91", operate_key: "acceptedIncident1", parameter: {} },
    {
      incident_num: "IM1", operator: "op", operate_key: "commitSolution1",
      parameter: { mtm_type: "inc_type_p_config_issues", is_service_interrupt: true, cause: "disk full", solution: "rotated logs", start_time: 1711000000000 },
    },
    { incident_num: "IM1", operator: "运维", operate_key: "confirm", parameter: { virtual_confirm_result: false, virtual_confirm_comment: "still firing" } },
  ];
  const fresh = (s) => (" " + s).slice(1); // the same text, another string
  const strings = (o, at = []) => {
    for (const key of Object.keys(o)) {
      if (typeof o[key] === "string") at.push([o, key]);
      else if (o[key] !== null && typeof o[key] === "object") strings(o[key], at);
    }
    return at;
  };
  const long = "L".repeat(70000) + "字".repeat(100); // past the 64 KiB scratch area
  const optionSets = [undefined, { locale: "zh-CN" }, { allowUnknownFields: true }];
  const differences = [];
  let input = structuredClone(templates[0]);
  for (let step = 0; step < count; step++) {
    input = { ...input, parameter: input.parameter && typeof input.parameter === "object" ? { ...input.parameter } : input.parameter };
    const found = strings(input);
    const [object, key] = found.length > 0 ? r.pick(found) : [input, "operator"];
    switch (r.int(10)) {
      case 0: object[key] = fresh(object[key] ?? ""); break;
      case 1: object[key] = text(r); break;
      case 2: object[key] = (object[key] ?? "") + r.pick(["x", "字", "😀", " ", "\uD800"]); break;
      case 3: object[key] = r.pick(NUMBERS); break;
      case 4: input = { [r.pick(ODD_KEYS)]: text(r), ...input }; break;
      case 5: { const keys = Object.keys(input); delete input[r.pick(keys)]; break; }
      case 6: input = structuredClone(r.pick(templates)); break;
      case 7: if (r.chance(0.1)) object[key] = long; else object[key] = text(r).repeat(1 + r.int(40)); break;
      case 8: if (r.chance(0.02)) {
        // Past the node budget unless read as JSON (which drops the undefined values and
        // makes the date a string): the small module's writer writes the tape again.
        const junk = { first: text(r), when: new Date(0) };
        for (let i = 0; i < 10001; i++) junk[`u${i}`] = undefined;
        input = { incident_num: text(r), junk, ...input };
      } else if (r.chance(0.2)) {
        const value = object[key];
        // A setter too: an object that is not copied from step to step (`junk`) may
        // have this key set again later, which a getter alone would refuse.
        const set = (next) => Object.defineProperty(object, key, { value: next, enumerable: true, configurable: true, writable: true });
        Object.defineProperty(object, key, { enumerable: true, configurable: true, get() { subject.validateHandleRequest({ again: value }); return value; }, set });
      } break;
      default: input.parameter = input.parameter && typeof input.parameter === "object" ? { [r.pick(PARAMETER_KEYS)]: text(r), ...input.parameter } : {}; break;
    }
    const options = r.pick(optionSets);
    const calls = [
      { kind: "validate", label: JSON.stringify(options) ?? "no options", options: () => (options ? { ...options } : undefined) },
      { kind: "build", label: "endpoint", options: () => ({ endpoint: ENDPOINT, ...options }) },
    ];
    for (const call of calls) {
      const theirs = outcome(subject, call, input);
      const ours = outcome(reference, call, input);
      if (!isDeepStrictEqual(theirs, ours) && differences.length < shown) {
        differences.push({ step, call: callName(call), input: show(input), subject: theirs, reference: ours });
      }
    }
  }
  return differences;
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

/** A module path (or a bare name such as the package's own) as an import URL. */
function moduleUrl(spec) {
  if (spec.startsWith("file:")) return spec;
  if (/^\.{0,2}\//.test(spec) || existsSync(spec)) return pathToFileURL(resolve(spec)).href;
  return import.meta.resolve(spec);
}

/**
 * Imports an implementation and initialises it: a wasm-bindgen entry (a default `init`)
 * gets the bytes of the `../pkg/coc_incident_bg.wasm` beside it when there is one
 * (the web entry cannot fetch a file: URL in Node), else is called bare.
 */
export async function load(spec) {
  const url = moduleUrl(spec);
  const module = await import(url);
  let exports;
  if (typeof module.default === "function") {
    const wasm = new URL("../pkg/coc_incident_bg.wasm", url);
    exports = url.startsWith("file:") && existsSync(wasm) ? await module.default({ module_or_path: readFileSync(wasm) }) : await module.default();
  }
  const impl = {
    url, module, exports,
    validateHandleRequest: (input, options) => module.validateHandleRequest(input, options),
    buildHandleRequest: (input, options) => module.buildHandleRequest(input, options),
  };
  if (exports?.memory) impl.probe = () => sizesOf(exports);
  return impl;
}

async function main() {
  // Errors by the million (every ValidationError and ConfigError, every hostile getter):
  // their stacks are never compared, and capturing them was a fifth of the time.
  Error.stackTraceLimit = 0;
  const { values } = parseArgs({
    options: {
      reference: { type: "string" }, subject: { type: "string", default: "coc-incident" },
      seed: { type: "string" }, count: { type: "string" }, index: { type: "string" }, show: { type: "string", default: "10" },
    },
  });
  const number = (text, name) => {
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, got ${text}`);
    return n;
  };
  const seed = values.seed === undefined ? Date.now() % 100000 : number(values.seed, "seed");
  const single = values.index !== undefined;
  const start = single ? number(values.index, "index") : 0;
  const count = single ? 1 : values.count === undefined ? (values.reference ? 1000000 : 100000) : number(values.count, "count");
  const subject = await load(values.subject);
  let reference;
  if (values.reference) {
    reference = await load(values.reference);
  } else {
    // The package entry against its own wasm-bindgen glue (one wasm instance: no probe).
    const glue = await import(new URL("../pkg/coc_incident.js", subject.url));
    reference = { url: glue.url ?? new URL("../pkg/coc_incident.js", subject.url).href, validateHandleRequest: glue.validateHandleRequest, buildHandleRequest: glue.buildHandleRequest };
  }
  const same = subject.url === reference.url ? " (the same module: a self-check)" : "";
  console.log(`fuzz: subject ${subject.url}\n      reference ${reference.url}${same}\n      seed ${seed}, ${single ? `input ${start}` : `${count} inputs`}, 6 calls each`);
  const started = performance.now();
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
  const found = fuzz({
    subject, reference, seed, count, start, show: number(values.show, "show"), showAll: single,
    // The baseline as renewed by the changes to reports made on purpose (RENEWALS).
    ...(values.reference && { renew: renewed }),
    onProgress: (done, failed) => console.error(`fuzz: ${done} / ${count} inputs, ${failed} failed, ${elapsed()} s`),
  });
  console.log(`fuzz: ${count} inputs in ${elapsed()} s; by the no-options report ${found.valid} valid, ${found.warned} with warnings`);
  console.log("outcomes (reference):");
  for (const [kind, counts] of Object.entries(found.outcomes)) {
    console.log(`  ${kind}: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  }
  for (const [name, f] of Object.entries(found.flatness)) {
    const table = f.tableGrowth === undefined ? "no externref table" : `table +${f.tableGrowth} slots`;
    console.log(`flatness (${name}): ${table}, memory +${f.memoryGrowth} bytes`);
  }
  const modules = `${values.reference ? ` --reference ${values.reference}` : ""} --subject ${values.subject}`;
  for (const difference of found.differences) {
    const replay = `node scripts/fuzz.mjs${modules} --seed ${difference.seed} --index ${difference.index}`;
    console.log(JSON.stringify({ ...difference, replay }, null, 2));
  }
  if (found.failed > found.differences.length && !single) console.log(`(the first ${found.differences.length} of ${found.failed} shown; --index I replays one)`);
  let failedChecks = found.flat ? 0 : 1;
  if (!found.flat) console.log("FAILED: the externref table or the memory grew (counted as one more failure)");
  if (!values.reference && !single) {
    const hammered = hammer({ coc: subject.module, exports: subject.exports, count: Math.min(count, 1000000) });
    console.log(`leak check: ${Math.min(count, 1000000)} throwing inputs: table ${hammered.before.table} -> ${hammered.after.table} slots, memory ${hammered.before.memory} -> ${hammered.after.memory} bytes`);
    if (hammered.after.table > hammered.before.table + 64 || hammered.after.memory > hammered.before.memory || !hammered.stillWorks) {
      console.log("FAILED: the leak check (counted as one more failure)");
      failedChecks++;
    }
  }
  console.log(`${found.failed + failedChecks} failed, ${found.passed} passed`);
  process.exitCode = found.failed + failedChecks > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
