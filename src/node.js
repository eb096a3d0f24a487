// Node.js entry point: the same API as the browser build, with an `init` that reads
// the wasm from the package itself (Node's fetch cannot load file: URLs).
import initPackage from "./index.js";
import { fromFile } from "./node-file.js";

export * from "./index.js";

/**
 * Loads the WebAssembly module. With no argument it reads the package's own
 * `coc_incident_bg.wasm`, and a file: URL is read from disk; anything else is passed
 * to wasm-bindgen's `init` unchanged.
 */
export default async function init(moduleOrPath) {
  return initPackage(await fromFile(moduleOrPath, new URL("../pkg/coc_incident_bg.wasm", import.meta.url)));
}
