// coc-incident/validate: validateHandleRequest, buildHandleRequest and textLength on
// the small wasm (crates/validate-wasm), with no wasm-bindgen glue. A call writes the
// input and options as a tape (tape.js), makes one call into wasm, and turns the
// answer (numbers and one text, see crates/validate-wasm/src/answer.rs) into the
// objects the API documents. Every decision is the Rust core's.
import { LAYOUT, TapeWriter } from "./tape.js";
import { defineOwn } from "../js/read.js";
import { notInitialised } from "../usage.js";
import { compile, compileSync, isOptions, missingExport } from "../wasm-source.js";

const CLEAN = 0, REPORT = 1, CONFIG = 2, INVALID = 3, BUILT = 4;
const NUMBER = 0, NAME = 1, NAMES = 2;

let wasm = null;
let writer = null;
let names = null;
// What messages are made of, from the Rust core at start (crates/core/src/messages.rs):
// each template as its pieces (see `parseTemplate`), two a template (English,
// Chinese); the labels, two a label; the phrases of the type names, [English,
// Chinese] at each name's index in `names`.
let templates = null;
let labels = null;
let phrasesByName = null;
let quoted = null; // the template of a name with no label, [English, Chinese]
let separators = null; // between the words of a list, [English, Chinese]
// The paths of two names, made once each: a report names the same fields again and
// again. In an array of rows, by the first name's index then the second's, not in a
// Map by a number (a double, which the Map boxes and hashes): 20-35 ns less a call of
// `invalid`, in Node. A row is made when a path first needs it.
let twoNamePaths = [];
// The answer's text is UTF-8, which engines decode fastest; offsets into the decoded
// string count UTF-16 units. `ignoreBOM`: a text that starts with U+FEFF (a key, in a
// path) keeps it, or every offset after it would be off by one.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

function namedError(name, message, fields) {
  const error = new Error(message);
  error.name = name;
  return Object.assign(error, fields);
}

function ensureReady(name) {
  if (wasm === null) throw notInitialised(name);
}

// Views over the whole of wasm memory, made again only when memory has grown (which
// detaches the old buffer and so empties them): reading an answer then makes no view.
let heap = null;

function heapViews() {
  // A view's length, which the engine reads inline, not the buffer's `byteLength`, a
  // getter called: both are 0 once memory has grown.
  if (heap === null || heap.words.length === 0) {
    const buffer = wasm.memory.buffer;
    heap = { buffer, words: new Uint32Array(buffer), numbers: new Float64Array(buffer) };
  }
  return heap;
}

/** The answer of the last call: its numbers (`numbers` from `at`) and its text. */
function answer() {
  const { buffer, words, numbers } = heapViews();
  const at = wasm.answer() >>> 2;
  const textAt = words[at + 2];
  const textLength = words[at + 3];
  return {
    numbers,
    // A view made with `new`, not `subarray` (which looks up a species constructor
    // first): 10 ns less in Node, up to 40 in Chromium (a decode of 494 bytes).
    text: textLength === 0 ? "" : utf8.decode(new Uint8Array(buffer, textAt, textLength)),
    at: words[at] >>> 3,
  };
}

// What a template's slot writes (see TEMPLATES in crates/core/src/messages.rs).
const FIELD = 0, OTHER = 1, PLAIN = 2, TYPE = 3, POSITION = 4, HEX = 5, MESSAGE = 6, MORE = 7, TEXT = 8, DATE = 9;
const FORMATS = { "": PLAIN, type: TYPE, position: POSITION, hex: HEX, date: DATE };
const SLOTS = { field: FIELD, message: MESSAGE, more: MORE, text: TEXT };

/** The index in `names` of `name` (the first, of equal ones), or -1: from the tape
 * writer's map of them, rather than a search of `names` for each slot of a template. */
function nameAt(name) {
  return writer.nameIndex.get(name) ?? -1;
}

/** A template's text as its pieces: fixed text, then for each slot its kind, the
 * index in `names` of the param it writes (-1: none) and the fixed text after it. */
function parseTemplate(template) {
  const pieces = [];
  let rest = template;
  for (let open = rest.indexOf("{"); open !== -1; open = rest.indexOf("{")) {
    const close = rest.indexOf("}", open);
    if (close === -1) break; // no slot: the rest is fixed text
    pieces.push(rest.slice(0, open));
    const [key, format = ""] = rest.slice(open + 1, close).split(":");
    if (key === "other") pieces.push(OTHER, nameAt(format));
    else pieces.push(SLOTS[key] ?? FORMATS[format] ?? PLAIN, nameAt(key));
    rest = rest.slice(close + 1);
  }
  pieces.push(rest);
  return pieces;
}

/** Takes `instance` as the module, or (whatever went wrong) keeps nothing of it, so
 * that init() may be called again with the right one. */
function started(instance) {
  try {
    return start(instance);
  } catch (error) {
    wasm = null;
    throw error;
  }
}

function start(instance) {
  wasm = instance.exports;
  heap = null; // views of this instance's memory, not of one refused before
  wasm.names();
  const { numbers: heapNumbers, at, text } = answer();
  // Decoded whole: each line decoded alone (one-byte strings for the ASCII ones, which
  // messages are made of) made Chromium's start 0.2 to 1 ms longer, for no gain per
  // call that an alternated A/B in Node could tell from noise.
  const lines = text.split("\n");
  // Eleven numbers, the tape's layout and every line they count: a module of another
  // version of the package (a stale cached copy) answers otherwise, and is refused
  // here rather than misread.
  const [maxDepth, maxNodes, scratchAt, scratchBytes, nameCount, templateCount, labelCount, phraseCount, quotedAt, separatorAt, layout] =
    heapNumbers.subarray(at, at + 11);
  const numberCount = new Uint32Array(wasm.memory.buffer, wasm.answer(), 2)[1];
  if (numberCount !== 11 || layout !== LAYOUT || lines.length !== nameCount + 2 * templateCount + 2 * labelCount + 3 * phraseCount) {
    throw new Error("coc-incident/validate: this wasm is not the one this version of the package was built with");
  }
  let line = nameCount;
  names = lines.slice(0, line);
  const scratch = scratchBytes > 0 ? { memory: wasm.memory, at: scratchAt, bytes: scratchBytes } : undefined;
  writer = new TapeWriter(maxDepth, maxNodes, scratch, names);
  twoNamePaths = [];
  templates = lines.slice(line, (line += 2 * templateCount)).map(parseTemplate);
  labels = lines.slice(line, (line += 2 * labelCount));
  phrasesByName = [];
  for (const end = line + 3 * phraseCount; line < end; line += 3) {
    phrasesByName[nameAt(lines[line])] = [lines[line + 1], lines[line + 2]];
  }
  shapeBase = names.length + 1;
  paramShapes = new Map();
  for (const [keys, make] of PARAM_SHAPES) {
    const indexes = keys.map(nameAt);
    if (!indexes.includes(-1)) paramShapes.set(indexes.reduce(shapeOf, 0), make);
  }
  quoted = [templates[2 * quotedAt], templates[2 * quotedAt + 1]];
  separators = [templates[2 * separatorAt][0], templates[2 * separatorAt + 1][0]];
  return wasm;
}

// What the start reads a module by (crates/validate-wasm/src/exports.rs): a module of
// another version that has them is found out by what they answer.
const START_EXPORTS = ["memory", "names", "answer"];

/** `source` instantiated; `what` names it in an error (what init() was given, or the
 * package's own file). */
async function instantiate(source, what) {
  return instanceOf(await compile(source, what, "coc-incident/validate: fetching the wasm failed"));
}

/** An instance of `module`, made asynchronously (a browser's main thread may refuse to
 * make one at once: Chromium before 114 did above 4 KB). */
async function instanceOf(module) {
  smallModule(module);
  return WebAssembly.instantiate(module, {});
}

/** The small module asks for no imports: another (coc_incident_bg.wasm, the main
 * entry's) is said to be what it is, rather than failing to link; and another module
 * with no imports is no small module of this package either. */
function smallModule(module) {
  if (WebAssembly.Module.imports(module).length > 0) {
    throw new Error(
      "coc-incident: the wasm given to coc-incident/validate is not its coc_incident_validate.wasm (it asks for imports; coc_incident_bg.wasm, say, is the main entry's)",
    );
  }
  if (missingExport(module, START_EXPORTS) !== undefined) {
    throw new Error("coc-incident: the wasm given to coc-incident/validate is not its coc_incident_validate.wasm (it lacks the small module's exports)");
  }
}

// The start under way, which calls to `init` made meanwhile share.
let starting = null;

/** The module's own wasm, beside the package's other files. */
const wasmUrl = new URL("../../pkg/coc_incident_validate.wasm", import.meta.url);

/**
 * Loads the WebAssembly module: `await` it once before any other call. Takes what
 * `WebAssembly.instantiate` or `fetch` takes (a URL, a Response, bytes, a compiled
 * Module), or `{ module_or_path }`; with nothing, fetches the package's own wasm.
 */
export default async function init(moduleOrPath) {
  if (wasm !== null) return wasm;
  if (isOptions(moduleOrPath, "module_or_path")) moduleOrPath = moduleOrPath.module_or_path;
  // Calls made while one is under way share it: one fetch, one instance. One that
  // failed leaves the next free to try again.
  starting ??= instantiate(
    moduleOrPath ?? wasmUrl,
    moduleOrPath == null ? `coc_incident_validate.wasm (fetched from ${wasmUrl})` : "what init() was given for coc_incident_validate.wasm",
  )
    .then((instance) => wasm ?? started(instance))
    .catch((error) => {
      starting = null;
      throw error;
    });
  return starting;
}

/** Synchronous `init`, for a module already compiled (or its bytes). */
export function initSync(module) {
  if (wasm !== null) return wasm;
  if (isOptions(module, "module")) module = module.module;
  module = compileSync(module, "what initSync() was given for coc_incident_validate.wasm");
  smallModule(module);
  return started(new WebAssembly.Instance(module, {}));
}

// The keys the last tape run gave as texts, which its answer's paths name by place.
let textKeys = [];
let writing = 0; // calls writing a tape now: more than one when a getter calls back in
let reentered = 0; // calls made from inside another's writing, ever

/** Writes a call's tape into wasm memory and makes the call. A tape that fits the
 * scratch area is written there in place; a longer one is copied in. A call made by a
 * getter of the input, while that input's tape is written, gets a tape of its own, and
 * the outer call, whose scratch area it used, writes its tape again aside. */
function call(method, input, options) {
  if (writing > 0) {
    reentered++;
    const own = privateWriter();
    return run(own, write(own, input, options), method);
  }
  const before = reentered;
  let tape = writer;
  let length = 0;
  try {
    length = write(tape, input, options);
  } catch (error) {
    // A call a getter made meanwhile may have grown memory, detaching the views this
    // tape was written through (where encodeInto throws): the tape is written again
    // aside, below. Anything else is a bug of this package's, and is thrown.
    if (reentered === before) throw error;
  }
  if (reentered !== before) {
    // Writes through a detached view do nothing, so what this writer says is in its
    // scratch area may be false: the next tape it writes takes nothing from there.
    writer.written = false;
    tape = privateWriter();
    length = write(tape, input, options);
  }
  return run(tape, length, method);
}

function privateWriter() {
  return new TapeWriter(writer.maxDepth, writer.maxNodes, undefined, names);
}

/** `tape.write`, counted as under way while it runs (getters run inside it). */
function write(tape, input, options) {
  writing++;
  try {
    return tape.write(input, options);
  } finally {
    writing--;
  }
}

/** Hands a written tape to wasm and makes the call: one crossing for a tape in the
 * scratch area, which is nearly every one; a longer one is copied into a block that
 * `input` reserves first. */
function run(tape, length, method) {
  textKeys = tape.textKeys;
  if (tape.inScratch) return method(tape.scratch.at, length);
  const at = wasm.input(length);
  if (at === 0) throw new RangeError("coc-incident: no memory left for this input");
  new Uint8Array(wasm.memory.buffer, at, length).set(tape.bytes.subarray(0, length));
  return method(at, length);
}

/** The text whose offset and length are `numbers[at]` and `numbers[at + 1]`. */
function textAt(all, numbers, at) {
  return all.slice(numbers[at], numbers[at] + numbers[at + 1]);
}

function text(a) {
  const found = textAt(a.text, a.numbers, a.at);
  a.at += 2;
  return found;
}

// The params of the violation whose message is being rendered: each one's key (its
// index in `names`), value, and word (its index in `names`, for a name; else -1).
// Read by a slot through a scan of these few, where `params[key]` would be a lookup
// by name in objects of many shapes.
const paramKeys = [], paramValues = [], paramWords = [];
let paramCount = 0;

// `params` objects made as literals, one maker for each list of keys a problem of the
// rules has (crates/core/src/problem.rs `Problem::params`, in that order). Made key by
// key, `params[key] = value` was the costliest line of reading a report: each store
// adds a property whose name the engine knows only at run time (in Node, about a
// quarter of reading `invalid`'s four violations). Whatever list is not here (a key
// the rules add later) is made key by key still, the same object; a Rust test
// (crates/validate-wasm/src/answer.rs) holds this list to the problems' lists. Keyed
// by the keys' indexes in `names`, at start (`shapeOf`, `paramShapes`).
const PARAM_SHAPES = [
  [["actual"], (v) => ({ actual: v[0] })],
  [["expected", "actual"], (v) => ({ expected: v[0], actual: v[1] })],
  [["max", "actual"], (v) => ({ max: v[0], actual: v[1] })],
  [["allowed"], (v) => ({ allowed: v[0] })],
  [["allowed", "suggestion"], (v) => ({ allowed: v[0], suggestion: v[1] })],
  [["suggestion"], (v) => ({ suggestion: v[0] })],
  [["reason", "index"], (v) => ({ reason: v[0], index: v[1] })],
  [["reason", "index", "code_point"], (v) => ({ reason: v[0], index: v[1], code_point: v[2] })],
  [["min", "actual"], (v) => ({ min: v[0], actual: v[1] })],
  [["min", "max", "actual"], (v) => ({ min: v[0], max: v[1], actual: v[2] })],
  [["actual", "after"], (v) => ({ actual: v[0], after: v[1] })],
  [["min", "actual", "after"], (v) => ({ min: v[0], actual: v[1], after: v[2] })],
  [["max", "actual", "after"], (v) => ({ max: v[0], actual: v[1], after: v[2] })],
  [["min", "max", "actual", "after"], (v) => ({ min: v[0], max: v[1], actual: v[2], after: v[3] })],
  [["when"], (v) => ({ when: v[0] })],
  [["omitted"], (v) => ({ omitted: v[0] })],
];
let paramShapes = new Map(); // a list of keys' `shapeOf` -> its maker
let shapeBase = 1;

/** One number for a list of key indexes, `shape` the one of the list before `key`. */
function shapeOf(shape, key) {
  return shape * shapeBase + key + 1;
}

/** The `params` of the `paramCount` in `paramKeys` and `paramValues`, whose list of
 * keys has the number `shape`. */
function makeParams(shape) {
  if (paramCount === 0) return {};
  const make = paramShapes.get(shape);
  if (make !== undefined) return make(paramValues);
  const params = {};
  for (let p = 0; p < paramCount; p++) params[names[paramKeys[p]]] = paramValues[p];
  return params;
}

/** The place of the param whose key is `key` (an index in `names`), or -1. */
function paramAt(key) {
  for (let i = 0; i < paramCount; i++) if (paramKeys[i] === key) return i;
  return -1;
}

/** A param as a slot writes it: a number as JavaScript writes it, a list of words
 * with separators. */
function plain(value, zh) {
  // `"" + value`, not `String(value)`, a call of the String constructor (2% of reading
  // `invalid`'s answer, in Node); for a number or a text, the same string.
  return typeof value === "object" ? value.join(separators[zh]) : "" + value;
}

/** Renders `pieces` (a template in the locale `zh`: 0 English, 1 Chinese) for the
 * violation at `path` whose params are the `paramCount` in `paramKeys` and beside,
 * naming fields by `field` and `other` (labels, or null for none). */
function render(pieces, zh, path, field, other) {
  let out = pieces[0];
  for (let i = 1; i < pieces.length; i += 3) {
    const kind = pieces[i];
    const at = kind === FIELD ? -1 : paramAt(pieces[i + 1]);
    let value = "";
    if (kind === FIELD) value = field === null ? quote(path, zh) : field;
    else if (kind === OTHER) value = other === null ? quote(at === -1 ? "" : plain(paramValues[at], zh), zh) : other;
    else if (at === -1) value = "";
    else if (kind === TYPE) {
      const phrase = paramWords[at] === -1 ? undefined : phrasesByName[paramWords[at]];
      value = phrase === undefined ? paramValues[at] : phrase[zh];
    } else if (kind === POSITION) value = "" + (paramValues[at] + 1);
    else if (kind === HEX) value = paramValues[at].toString(16).toUpperCase().padStart(4, "0");
    else if (kind === DATE) value = date(paramValues[at], zh);
    else value = plain(paramValues[at], zh);
    out += value + pieces[i + 2];
  }
  return out;
}

// 400 years of the Gregorian calendar, which repeats after them, in milliseconds.
const FOUR_CENTURIES = 146097 * 864e5;

/** Epoch milliseconds as a time in the user's time zone, with its offset
 * (`2024-03-21T13:46:40.000+08:00`; in UTC, as `toISOString`), for what a Date holds
 * (whole, 0 to 8.64e15); anything else as the number. As the full module's Rust writes
 * it (crates/core/src/json.rs `iso_date`, src/js/options.rs `local_offset`), from the
 * same whole minutes of `getTimezoneOffset`. */
function date(ms, zh) {
  if (!(Number.isInteger(ms) && ms >= 0 && ms <= 8.64e15)) return plain(ms, zh);
  const at = new Date(ms);
  const offset = -Math.trunc(at.getTimezoneOffset());
  if (offset === 0 || !(Math.abs(offset) <= 1440)) return at.toISOString();
  // The local time as a UTC one, 400 years back when past what a Date holds.
  const local = ms + offset * 6e4;
  const back = local > 8.64e15 ? FOUR_CENTURIES : 0;
  let text = new Date(local - back).toISOString().slice(0, -1);
  if (back !== 0) text = "+" + String(+text.slice(0, 7) + 400).padStart(6, "0") + text.slice(7);
  const minutes = Math.abs(offset);
  const pad = (n) => String(n).padStart(2, "0");
  return `${text}${offset > 0 ? "+" : "-"}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function quote(name, zh) {
  const pieces = quoted[zh];
  return pieces[0] + name + pieces[3];
}

/** A part of a path: a name by its index, or (-1 less its place) a text key. */
function part(index) {
  return index >= 0 ? names[index] : textKeys[-1 - index];
}

/** The path of two names, by their indexes (see `twoNamePaths`). */
function pathOf(first, second) {
  let row = twoNamePaths[first];
  if (row === undefined) twoNamePaths[first] = row = [];
  let path = row[second];
  if (path === undefined) row[second] = path = names[first] + "." + names[second];
  return path;
}

/** `count` violations from the answer's numbers at `a.at`, each message rendered
 * from its template. One loop with the place in a local rather than calls to helpers
 * that move `a.at` (which measured about a tenth slower). */
function violations(a, count) {
  const list = [];
  const { numbers, text: all } = a;
  let at = a.at;
  for (let i = 0; i < count; i++) {
    const code = names[numbers[at++]];
    // The path: how many parts it is made of, then each one, a name by its index or
    // (below 0) one of the tape's text keys; or -1 and its text.
    let path;
    const parts = numbers[at++];
    if (parts === 1) path = part(numbers[at++]);
    else if (parts === 2) {
      const first = numbers[at], second = numbers[at + 1];
      path = first >= 0 && second >= 0 ? pathOf(first, second) : part(first) + "." + part(second);
      at += 2;
    } else if (parts === -1) {
      path = textAt(all, numbers, at);
      at += 2;
    } else {
      path = "";
      for (let p = 0; p < parts; p++) path += (p === 0 ? "" : ".") + part(numbers[at++]);
    }
    const template = numbers[at++];
    const zh = template & 1;
    // The labels: an index, -1 for none, or -2 and the label's two texts.
    let field = null, other = null;
    let label = numbers[at++];
    if (label >= 0) field = labels[2 * label + zh];
    else if (label === -2) {
      field = textAt(all, numbers, at + 2 * zh);
      at += 4;
    }
    label = numbers[at++];
    if (label >= 0) other = labels[2 * label + zh];
    else if (label === -2) {
      other = textAt(all, numbers, at + 2 * zh);
      at += 4;
    }
    paramCount = 0;
    let shape = 0;
    for (let n = numbers[at++]; n > 0; n--) {
      const keyIndex = numbers[at++];
      const kind = numbers[at];
      const first = numbers[at + 1];
      const second = numbers[at + 2];
      at += 3;
      let value;
      if (kind === NUMBER) value = first;
      else if (kind === NAME) value = names[first];
      else if (kind === NAMES) value = names.slice(first, first + second);
      else if (first === -1) {
        value = [];
        for (let t = 0; t < second; t++, at += 2) value.push(textAt(all, numbers, at));
      } else value = all.slice(first, first + second);
      shape = shapeOf(shape, keyIndex);
      paramKeys[paramCount] = keyIndex;
      paramValues[paramCount] = value;
      paramWords[paramCount++] = kind === NAME ? first : -1;
    }
    const params = makeParams(shape);
    const message = render(templates[template], zh, path, field, other);
    list.push({ code, path, message, params });
    for (let p = 0; p < paramCount; p++) paramValues[p] = undefined;
  }
  paramCount = 0;
  a.at = at;
  return list;
}

/** An invalid request's summary: its `{message}` (the first error's) and `{more}`. */
function renderSummary(pieces, message, more) {
  let out = pieces[0];
  for (let i = 1; i < pieces.length; i += 3) {
    out += (pieces[i] === MORE ? String(more) : message) + pieces[i + 2];
  }
  return out;
}

function configError(a) {
  const option = text(a);
  return namedError("ConfigError", text(a), { option });
}

function malformed() {
  return new Error("coc-incident: the wasm could not read what JavaScript wrote (a bug: please report it)");
}

/** Checks a handle request and reports every violation. Never throws on any input;
 * throws `ConfigError` only for malformed `options`. */
export function validateHandleRequest(input, options) {
  ensureReady("validateHandleRequest()");
  const status = call(wasm.validate, input, options);
  if (status === CLEAN) return { valid: true, errors: [], warnings: [] };
  const a = answer();
  if (status === CONFIG) throw configError(a);
  if (status !== REPORT) throw malformed();
  const valid = a.numbers[a.at++] === 1;
  const errorCount = a.numbers[a.at++];
  const warningCount = a.numbers[a.at++];
  const errors = violations(a, errorCount);
  return { valid, errors, warnings: violations(a, warningCount) };
}

/** Validates a handle request and builds what `fetch` needs to send it. Throws
 * `ValidationError` for invalid input, `ConfigError` for bad options. */
export function buildHandleRequest(input, options) {
  ensureReady("buildHandleRequest()");
  const status = call(wasm.build, input, options);
  const a = answer();
  if (status === CONFIG) throw configError(a);
  if (status === INVALID) {
    const summaryTemplate = a.numbers[a.at++];
    const more = a.numbers[a.at++];
    const errorCount = a.numbers[a.at++];
    const warningCount = a.numbers[a.at++];
    const violationList = violations(a, errorCount);
    const summary = renderSummary(templates[summaryTemplate], violationList[0]?.message ?? "", more);
    throw namedError("ValidationError", summary, { violations: violationList, warnings: violations(a, warningCount) });
  }
  if (status !== BUILT) throw malformed();
  const url = text(a);
  const headers = {};
  for (let n = a.numbers[a.at++]; n > 0; n--) {
    const header = text(a);
    const value = text(a);
    // A header named __proto__ is the own key it is, not the object's prototype.
    if (header === "__proto__") defineOwn(headers, header, value);
    else headers[header] = value;
  }
  const warnings = violations(a, a.numbers[a.at++]);
  // The body is the rest of the text (its length is not counted).
  const body = a.text.slice(a.numbers[a.at]);
  return { method: "POST", url, headers, body, warnings };
}

/** The length of `text` as the rules count it (UTF-16 code units, which is what
 * `String.length` counts), for a counter. */
export function textLength(text) {
  ensureReady("textLength()");
  if (typeof text !== "string") throw new TypeError("textLength expects a string");
  return text.length;
}
