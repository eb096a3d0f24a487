// coc-incident/validate: validateHandleRequest, buildHandleRequest and textLength on
// the small wasm (crates/validate-wasm), with no wasm-bindgen glue. A call writes the
// input and options as a tape (tape.js), makes one call into wasm, and turns the
// answer (numbers and one text, see crates/validate-wasm/src/answer.rs) into the
// objects the API documents. Every decision is the Rust core's.
import { TapeWriter } from "./tape.js";
import { notInitialised } from "../usage.js";

const CLEAN = 0, REPORT = 1, CONFIG = 2, INVALID = 3, BUILT = 4;
const NUMBER = 0, NAME = 1, NAMES = 2;

let wasm = null;
let writer = null;
let names = null;
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
  if (heap === null || heap.bytes.length === 0) {
    const buffer = wasm.memory.buffer;
    heap = { words: new Uint32Array(buffer), numbers: new Float64Array(buffer), bytes: new Uint8Array(buffer) };
  }
  return heap;
}

/** The answer of the last call: its numbers (`numbers` from `at`) and its text. */
function answer() {
  const { words, numbers, bytes } = heapViews();
  const at = wasm.answer() >>> 2;
  const textAt = words[at + 2];
  const textLength = words[at + 3];
  return {
    numbers,
    text: textLength === 0 ? "" : utf8.decode(bytes.subarray(textAt, textAt + textLength)),
    at: words[at] >>> 3,
  };
}

function started(instance) {
  wasm = instance.exports;
  wasm.names();
  const { numbers: heapNumbers, at, text } = answer();
  names = text.split("\n");
  const [maxDepth, maxNodes, scratchAt, scratchBytes] = heapNumbers.subarray(at, at + 4);
  const scratch = scratchBytes > 0 ? { memory: wasm.memory, at: scratchAt, bytes: scratchBytes } : undefined;
  writer = new TapeWriter(maxDepth, maxNodes, scratch, names);
  return wasm;
}

async function instantiate(source) {
  source = await source;
  if (source instanceof WebAssembly.Module) return new WebAssembly.Instance(source, {});
  if (typeof Response === "function" && source instanceof Response) {
    if (typeof WebAssembly.instantiateStreaming === "function" && source.headers.get("Content-Type") === "application/wasm") {
      return (await WebAssembly.instantiateStreaming(source, {})).instance;
    }
    source = await source.arrayBuffer();
  } else if (typeof source === "string" || source instanceof URL || (typeof Request === "function" && source instanceof Request)) {
    return instantiate(fetch(source));
  }
  return (await WebAssembly.instantiate(source, {})).instance;
}

/** The module's own wasm, beside the package's other files. */
const wasmUrl = new URL("../../pkg/coc_incident_validate.wasm", import.meta.url);

/**
 * Loads the WebAssembly module: `await` it once before any other call. Takes what
 * `WebAssembly.instantiate` or `fetch` takes (a URL, a Response, bytes, a compiled
 * Module), or `{ module_or_path }`; with nothing, fetches the package's own wasm.
 */
export default async function init(moduleOrPath) {
  if (wasm !== null) return wasm;
  if (moduleOrPath !== null && typeof moduleOrPath === "object" && "module_or_path" in moduleOrPath) {
    moduleOrPath = moduleOrPath.module_or_path;
  }
  return started(await instantiate(moduleOrPath ?? wasmUrl));
}

/** Synchronous `init`, for a module already compiled (or its bytes). */
export function initSync(module) {
  if (wasm !== null) return wasm;
  if (module !== null && typeof module === "object" && "module" in module) module = module.module;
  if (!(module instanceof WebAssembly.Module)) module = new WebAssembly.Module(module);
  return started(new WebAssembly.Instance(module, {}));
}

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
  let length = write(tape, input, options);
  if (reentered !== before) {
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

function name(a) {
  const index = a.numbers[a.at++];
  return index === -1 ? text(a) : names[index];
}

/** `count` violations from the answer's numbers at `a.at`. One loop with the place
 * in a local rather than calls to `name` and `text`, which move `a.at`: in Node,
 * reading a report of four went from about 263 to 240 ns. */
function violations(a, count) {
  const list = [];
  const { numbers, text: all } = a;
  let at = a.at;
  for (let i = 0; i < count; i++) {
    let code = numbers[at++];
    if (code === -1) {
      code = textAt(all, numbers, at);
      at += 2;
    } else code = names[code];
    const path = textAt(all, numbers, at);
    const message = textAt(all, numbers, at + 2);
    at += 4;
    const params = {};
    for (let n = numbers[at++]; n > 0; n--) {
      let key = numbers[at++];
      if (key === -1) {
        key = textAt(all, numbers, at);
        at += 2;
      } else key = names[key];
      const kind = numbers[at];
      const first = numbers[at + 1];
      const second = numbers[at + 2];
      at += 3;
      if (kind === NUMBER) params[key] = first;
      else if (kind === NAME) params[key] = names[first];
      else if (kind === NAMES) params[key] = names.slice(first, first + second);
      else if (first === -1) {
        const texts = [];
        for (let t = 0; t < second; t++, at += 2) texts.push(textAt(all, numbers, at));
        params[key] = texts;
      } else params[key] = all.slice(first, first + second);
    }
    list.push({ code, path, message, params });
  }
  a.at = at;
  return list;
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
    const summary = text(a);
    const errorCount = a.numbers[a.at++];
    const warningCount = a.numbers[a.at++];
    const violationList = violations(a, errorCount);
    throw namedError("ValidationError", summary, { violations: violationList, warnings: violations(a, warningCount) });
  }
  if (status !== BUILT) throw malformed();
  const url = text(a);
  const headers = {};
  for (let n = a.numbers[a.at++]; n > 0; n--) {
    const header = text(a);
    headers[header] = text(a);
  }
  const body = text(a);
  const warnings = violations(a, a.numbers[a.at++]);
  return { method: "POST", url, headers, body, warnings };
}

/** The length of `text` as the rules count it (UTF-16 code units, which is what
 * `String.length` counts), for a counter. */
export function textLength(text) {
  ensureReady("textLength()");
  if (typeof text !== "string") throw new TypeError("textLength expects a string");
  return text.length;
}
