// `coc-incident/validate` in Node.js: an `init` that reads the package's own wasm
// (Node's fetch cannot load file: URLs).
import { readFile } from "node:fs/promises";
import initModule from "./index.js";

export * from "./index.js";

/** Loads the module; with no argument, the package's own wasm file. */
export default async function init(moduleOrPath) {
  return initModule(moduleOrPath ?? (await readFile(new URL("../../pkg/coc_incident_validate.wasm", import.meta.url))));
}
