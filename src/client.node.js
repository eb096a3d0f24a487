// `coc-incident/client` (and `coc-incident/forms`) in Node.js: an `init` that reads the
// package's own wasm, and any file: URL, from disk.
import initFull from "./full.js";
import { fromFile } from "./node-file.js";

export { initSync, IncidentClient } from "./full.js";

/** Loads the module; with no argument, the package's own wasm file. */
export default async function init(moduleOrPath) {
  return initFull(await fromFile(moduleOrPath, new URL("../pkg/coc_incident_bg.wasm", import.meta.url)));
}
