// The package's main entry: everything, as before the entries were split. `init()`
// loads both modules: the small one behind validateHandleRequest, buildHandleRequest
// and textLength (`coc-incident/validate`), and the full one behind IncidentClient,
// readForm and bindForm (`coc-incident/client`, `coc-incident/forms`). A page that
// only validates imports `coc-incident/validate` and loads the small one alone.
import initValidate, { initSync as initValidateSync } from "./validate/index.js";
import initFull, { initSync as initFullSync } from "./full.js";

export { validateHandleRequest, buildHandleRequest, textLength } from "./validate/index.js";
export { readForm, bindForm, FormBinding, IncidentClient } from "./full.js";

/**
 * Loads both modules. `moduleOrPath` is the full module's (as wasm-bindgen's `init`
 * takes it); `{ module_or_path, validate_module_or_path }` names both.
 */
export default async function init(moduleOrPath) {
  const both = moduleOrPath !== null && typeof moduleOrPath === "object" && "validate_module_or_path" in moduleOrPath;
  const full = both ? { module_or_path: moduleOrPath.module_or_path } : moduleOrPath;
  const [exports] = await Promise.all([initFull(full), initValidate(both ? moduleOrPath.validate_module_or_path : undefined)]);
  return exports;
}

/** Synchronous `init`: `{ module, validate_module }`, each compiled (or its bytes). */
export function initSync(modules) {
  const exports = initFullSync({ module: modules.module });
  initValidateSync({ module: modules.validate_module });
  return exports;
}
