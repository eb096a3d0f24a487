// `coc-incident/validate` in Node.js: an `init` that reads the package's own wasm, and
// any file: URL, from disk (Node's fetch cannot load file: URLs).
import initModule from "./index.js";
import { fromFile } from "../node-file.js";

export * from "./index.js";

/** Loads the module; with no argument, the package's own wasm file. */
export default async function init(moduleOrPath) {
  return initModule(await fromFile(moduleOrPath, new URL("../../pkg/coc_incident_validate.wasm", import.meta.url)));
}
