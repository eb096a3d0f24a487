// What `init` is given, checked before it is used: bytes that are no WebAssembly (an
// HTML page a server answers for the .wasm file's URL) are said to be so, and the full
// module is compiled and its exports looked at before wasm-bindgen's glue takes it.
// The glue keeps the first instance it makes even when its start then fails (another
// package's wasm, coc_incident_validate.wasm given to the main entry), so that a wrong
// module given once would leave the page's every later call broken.

const MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"

/** Whether `value` is an options object of `init` or `initSync`: one that has the
 * option's `key` (`module_or_path`, `module`), of any realm (an iframe's, a vm
 * context's: no prototype test); anything else (a thenable too) is what it is. */
export function isOptions(value, key) {
  return value !== null && typeof value === "object" && key in value;
}

/** Whether `value` is a compiled WebAssembly.Module, of this realm or another (an
 * iframe's, a vm context's), which `instanceof` would not say. */
export function isModule(value) {
  return Object.prototype.toString.call(value) === "[object WebAssembly.Module]";
}

/** An Error saying that `bytes` (an ArrayBuffer or a view of one) are no WebAssembly,
 * or null when they start as WebAssembly does (or are of another kind: WebAssembly
 * then says what it makes of them). */
export function notWasm(bytes, what) {
  const view = ArrayBuffer.isView(bytes) ? asBytes(bytes) : isArrayBuffer(bytes) ? new Uint8Array(bytes) : null;
  if (view === null || MAGIC.every((byte, i) => view[i] === byte)) return null;
  const start = new TextDecoder().decode(view.subarray(0, 32));
  const page = /^\s*</.test(start) ? " (a page: does the server answer the .wasm file's URL with HTML?)" : "";
  return new Error(`coc-incident: ${what} is not WebAssembly: it starts ${JSON.stringify(start)}${page}`);
}

/** `source` (what `init` takes: a URL, a Request, a Response, bytes, a compiled Module,
 * or a promise of one) as a compiled Module. `what` names it in an error; a fetch that
 * failed is said after `fetchFailed`. */
export async function compile(source, what, fetchFailed) {
  source = await source;
  if (isModule(source)) return source;
  if (typeof source === "string" || source instanceof URL || (typeof Request === "function" && source instanceof Request)) {
    source = await fetch(source);
  }
  if (typeof Response === "function" && source instanceof Response) {
    // A 404 page is no wasm: said as what it is, not as a compile error of its bytes.
    if (!source.ok) throw new Error(`${fetchFailed}: ${source.status} ${source.statusText} ${source.url}`.trimEnd());
    if (typeof WebAssembly.compileStreaming === "function" && source.headers.get("Content-Type") === "application/wasm") {
      return WebAssembly.compileStreaming(source);
    }
    source = await source.arrayBuffer();
  }
  const problem = notWasm(source, what);
  if (problem !== null) throw problem;
  return WebAssembly.compile(asBytes(source));
}

/** Bytes as WebAssembly takes them: a view of any kind (a DataView, which V8 refuses as
 * "not a buffer source" though the types allow it) as a Uint8Array of the same bytes. */
function asBytes(source) {
  return ArrayBuffer.isView(source) ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength) : source;
}

/** `compile`, for `initSync`: bytes or a compiled Module. Anything else (nothing, a
 * URL, a Response: what only `init` can take) is a TypeError that says what it was,
 * rather than WebAssembly's "Argument 0 must be a buffer source". */
export function compileSync(source, what) {
  if (isModule(source)) return source;
  if (!isBytes(source)) {
    throw new TypeError(
      `coc-incident: ${what} is ${kind(source)}: initSync() takes the wasm's bytes (an ArrayBuffer or a typed array) or a compiled WebAssembly.Module; init() takes a URL or a Response too, or nothing (it then loads the package's own)`,
    );
  }
  const problem = notWasm(source, what);
  if (problem !== null) throw problem;
  return new WebAssembly.Module(asBytes(source));
}

/** `source` compiled (`compile`), once its exports are found to include every one of
 * `expected.exports`: what the main entry hands wasm-bindgen's glue. */
export async function compiled(source, expected) {
  const what = `what init() was given for ${expected.file}`;
  return checked(await compile(source, what, `coc-incident: fetching ${expected.file} failed`), expected, "init()");
}

/** Whether `value` is an ArrayBuffer, of this realm or another. */
function isArrayBuffer(value) {
  return Object.prototype.toString.call(value) === "[object ArrayBuffer]";
}

/** Whether `value` is bytes WebAssembly compiles: an ArrayBuffer (of any realm) or a
 * view of one (a SharedArrayBuffer itself it refuses; a view of one it takes). */
function isBytes(value) {
  return ArrayBuffer.isView(value) || isArrayBuffer(value);
}

/** What `value` is, in a few words, for an error. */
function kind(value) {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "string") return "a string";
  if (typeof value !== "object" && typeof value !== "function") return `a ${typeof value}`;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return `${/^[AEIO]/.test(tag) ? "an" : "a"} ${tag === "Object" ? "object" : tag}`;
}

/** `compiled`, for `initSync`. */
export function compiledSync(source, expected) {
  return checked(compileSync(source, `what initSync() was given for ${expected.file}`), expected, "initSync()");
}

/** The first of `names` that `module` does not export, or undefined. */
export function missingExport(module, names) {
  const exports = new Set(WebAssembly.Module.exports(module).map((entry) => entry.name));
  return names.find((name) => !exports.has(name));
}

function checked(module, expected, call) {
  const missing = missingExport(module, expected.exports);
  if (missing !== undefined) {
    throw new Error(
      `coc-incident: the wasm given to ${call} is not ${expected.file} of this version of the package (it has no export ${JSON.stringify(missing)}); ${expected.hint}`,
    );
  }
  return module;
}
