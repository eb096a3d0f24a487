// The package's entry point: wasm-bindgen's bindings, with validateHandleRequest
// answering a clean request (valid, no warning) in JavaScript, from the Rust rule
// tables, before entering wasm. Any other input, or options it cannot vouch for, goes
// to the Rust validator, which reports.
import initWasm, {
  initSync as initSyncWasm,
  validateHandleRequest as validateInWasm,
  __fastPathTables,
} from "../pkg/coc_incident.js";
import { fast_path_report, install_fast_path } from "./js/fast_path.js";

export * from "../pkg/coc_incident.js";

/** Loads the WebAssembly module (see wasm-bindgen's `init`), then the fast path's tables. */
export default async function init(moduleOrPath) {
  const exports = await initWasm(moduleOrPath);
  install_fast_path(__fastPathTables());
  return exports;
}

/** Synchronous `init`, for a module already compiled. */
export function initSync(module) {
  const exports = initSyncWasm(module);
  install_fast_path(__fastPathTables());
  return exports;
}

/** Options the fast path may answer under: none, or valid ones (a clean report does not depend on them). */
function plainOptions(options) {
  if (options === undefined || options === null) return true;
  if (typeof options !== "object" || Object.getPrototypeOf(options) !== Object.prototype) return false;
  for (const key in options) {
    const value = options[key];
    if (key === "locale") {
      if (typeof value !== "string" && value != null) return false;
    } else if (key === "allowUnknownFields") {
      if (typeof value !== "boolean" && value != null) return false;
    } else {
      return false;
    }
  }
  return true;
}

export function validateHandleRequest(input, options) {
  if (plainOptions(options)) {
    const report = fast_path_report(input);
    if (report !== undefined) return report;
  }
  return validateInWasm(input, options);
}
