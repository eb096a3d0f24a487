// `coc-incident/client` in Node.js: an `init` that reads the package's own wasm.
import { readFile } from "node:fs/promises";
import initFull from "./full.js";

export { initSync, IncidentClient } from "./full.js";

/** Loads the module; with no argument, the package's own wasm file. */
export default async function init(moduleOrPath) {
  const own = () => readFile(new URL("../pkg/coc_incident_bg.wasm", import.meta.url));
  return initFull(moduleOrPath ?? { module_or_path: await own() });
}
