// The package's entry point: wasm-bindgen's bindings, each guarded so that a call
// before `init()` says what to do, with validateHandleRequest answering a clean request
// (valid, no warning, default options) in JavaScript, from the Rust rule tables, before
// entering wasm. Any other input or any options go to the Rust validator, which reports.
import initWasm, * as wasm from "../pkg/coc_incident.js";
import { fast_path_report, install_fast_path } from "./js/fast_path.js";

let ready = false;

function started(exports) {
  install_fast_path(wasm.__fastPathTables());
  ready = true;
  return exports;
}

/** Loads the WebAssembly module (see wasm-bindgen's `init`), then the fast path's tables. */
export default async function init(moduleOrPath) {
  return started(await initWasm(moduleOrPath));
}

/** Synchronous `init`, for a module already compiled. */
export function initSync(module) {
  return started(wasm.initSync(module));
}

/** A mistake in how the package is used (not in what a user typed). */
function usageError(message) {
  const error = new Error(message);
  error.name = "UsageError";
  return error;
}

function ensureReady(name) {
  if (!ready) {
    throw usageError(`coc-incident is not initialised: \`await init()\` (once, before any other call) must finish before ${name}`);
  }
}

export function validateHandleRequest(input, options) {
  ensureReady("validateHandleRequest()");
  // Options are the validator's to read (a getter may throw, a locale may be broken):
  // the fast path answers only the call with none.
  if (options === undefined || options === null) {
    const report = fast_path_report(input);
    if (report !== undefined) return report;
  }
  return wasm.validateHandleRequest(input, options);
}

export function buildHandleRequest(input, options) {
  ensureReady("buildHandleRequest()");
  return wasm.buildHandleRequest(input, options);
}

export function textLength(text) {
  ensureReady("textLength()");
  return wasm.textLength(text);
}

export function readForm(form) {
  ensureReady("readForm()");
  return wasm.readForm(form);
}

export function bindForm(form, options) {
  ensureReady("bindForm()");
  return new FormBinding(wasm.bindForm(form, options));
}

/**
 * What bindForm returns. The binding lives until `destroy()` or until its form leaves
 * the document; `free()` releases only this handle (and then `validate()` and
 * `destroy()` are a UsageError); `using` ends the binding.
 */
export class FormBinding {
  #handle;

  constructor(handle) {
    if (!(handle instanceof wasm.FormBinding)) throw new TypeError("a FormBinding is made by bindForm()");
    this.#handle = handle;
  }

  #live(method) {
    if (this.#handle === null) {
      throw usageError(`this FormBinding was freed, so ${method}() is no longer possible (removing its form from the document ends the binding)`);
    }
    return this.#handle;
  }

  validate() {
    return this.#live("validate").validate();
  }

  destroy() {
    this.#live("destroy").destroy();
  }

  free() {
    this.#handle?.free();
    this.#handle = null;
  }

  static {
    if (typeof Symbol.dispose === "symbol") {
      Object.defineProperty(this.prototype, Symbol.dispose, {
        value() {
          this.#handle?.destroy();
          this.free();
        },
        writable: true,
        configurable: true,
      });
    }
  }
}

/** wasm-bindgen's client, with a documented error (not a null pointer) once freed. */
export class IncidentClient extends wasm.IncidentClient {
  #freed = false;

  constructor(options) {
    ensureReady("new IncidentClient()");
    super(options);
  }

  #usable() {
    return this.#freed ? Promise.reject(usageError("this IncidentClient was freed (free() or a `using` block): make a new one")) : undefined;
  }

  handle(input) {
    return this.#usable() ?? super.handle(input);
  }

  acceptIncident(incidentNum, operator) {
    return this.#usable() ?? super.acceptIncident(incidentNum, operator);
  }

  submitSolution(incidentNum, operator, parameter) {
    return this.#usable() ?? super.submitSolution(incidentNum, operator, parameter);
  }

  verifyResolution(incidentNum, operator, parameter) {
    return this.#usable() ?? super.verifyResolution(incidentNum, operator, parameter);
  }

  free() {
    if (this.#freed) return;
    this.#freed = true;
    super.free();
  }

  static {
    // wasm-bindgen binds Symbol.dispose to its own free(); `using` must take this one.
    if (typeof Symbol.dispose === "symbol") {
      Object.defineProperty(this.prototype, Symbol.dispose, {
        value() {
          this.free();
        },
        writable: true,
        configurable: true,
      });
    }
  }
}
