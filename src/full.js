// The full module (pkg/coc_incident.js, wasm-bindgen): the client (gloo-net), the form
// binding (web-sys) and the validator with its exact reader of JavaScript values
// (src/js/read.rs). Loaded by pages that import the main entry, `coc-incident/client`
// or `coc-incident/forms`; a page that only validates imports `coc-incident/validate`.
import initWasm, * as wasm from "../pkg/coc_incident.js";
import { notInitialised, usageError } from "./usage.js";
import { compiled, compiledSync, isOptions } from "./wasm-source.js";

// The loaded module's exports, and the start under way, which calls made meanwhile share.
let loaded = null;
let starting = null;

// wasm-bindgen's init functions take an object (`{ module_or_path }`, `{ module }`) and
// warn that anything else is deprecated; the package documents both forms, so a bare
// argument is wrapped here rather than warned about (`isOptions` tells them apart).

// What the full module must export, looked at before the glue takes a module given:
// its start, and calls of this version's.
const FULL = {
  file: "coc_incident_bg.wasm",
  exports: ["__wbindgen_start", "validateHandleRequest", "bindForm", "incidentclient_new"],
  hint: "coc_incident_validate.wasm is coc-incident/validate's, and the main entry, coc-incident/client and coc-incident/forms take coc_incident_bg.wasm",
};

/** Loads the full module (see wasm-bindgen's `init`): `await` it once. What it is
 * given is compiled and looked at first; given nothing, the glue fetches the package's
 * own file beside it (where bundlers look for it). */
export default function init(moduleOrPath) {
  // Once loaded, or while loading, what it is given is not looked at (nor fetched).
  if (loaded !== null) return Promise.resolve(loaded);
  starting ??= start(moduleOrPath).finally(() => {
    starting = null;
  });
  return starting;
}

async function start(moduleOrPath) {
  const given = isOptions(moduleOrPath, "module_or_path") ? moduleOrPath.module_or_path : moduleOrPath;
  if (given !== undefined) return started(await initWasm({ module_or_path: await compiled(given, FULL) }));
  try {
    return started(await initWasm());
  } catch (error) {
    // The glue fetched the package's own file: what it got did not compile.
    if (!(error instanceof WebAssembly.CompileError)) throw error;
    throw new Error(
      `coc-incident: coc_incident_bg.wasm, fetched beside the package's pkg/coc_incident.js, is not WebAssembly (${error.message}): does the server answer its URL with a page? init() may be given the wasm's URL`,
      { cause: error },
    );
  }
}

/** Synchronous `init`, for a module already compiled (or its bytes). */
export function initSync(module) {
  if (loaded !== null) return loaded;
  const given = isOptions(module, "module") ? module.module : module;
  return started(wasm.initSync({ module: compiledSync(given, FULL) }));
}

function started(exports) {
  loaded = exports;
  return exports;
}

function ensureReady(name) {
  if (loaded === null) throw notInitialised(name);
}

export function validateHandleRequest(input, options) {
  ensureReady("validateHandleRequest()");
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

export function readForm(form, submitter) {
  ensureReady("readForm()");
  return wasm.readForm(form, submitter);
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

/** In Node, lets more than ten calls in flight share the caller's signal without a
 * "possible memory leak" warning: each adds a listener to it, and takes it off when it
 * ends. Raised to 1500 as undici's fetch raises it for its own; never lowered (a limit
 * above that, or none, 0, is left as it is). It stays raised: it is the signal's. */
function quietSignal(options) {
  try {
    const events = globalThis.process?.getBuiltinModule?.("node:events");
    const signal = options.signal;
    if (!events || !signal) return;
    const limit = events.getMaxListeners(signal);
    if (limit > 0 && limit < 1500) events.setMaxListeners(1500, signal);
  } catch {}
}

/** wasm-bindgen's client, with a documented error (not a null pointer) once freed. */
export class IncidentClient extends wasm.IncidentClient {
  #freed = false;

  constructor(options) {
    ensureReady("new IncidentClient()");
    super(options);
    quietSignal(options);
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
