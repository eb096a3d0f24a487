// Node.js entry point: the same API as the browser build, with an `init` that reads
// the wasm from the package itself (Node's fetch cannot load file: URLs).
import { readFile } from "node:fs/promises";
import initPackage from "./index.js";

export * from "./index.js";

/**
 * Loads the WebAssembly module. With no argument it reads the package's own
 * `coc_incident_bg.wasm`; any argument is passed to wasm-bindgen's `init` unchanged.
 */
export default async function init(moduleOrPath) {
  if (moduleOrPath !== undefined) return initPackage(moduleOrPath);
  const bytes = await readFile(new URL("../pkg/coc_incident_bg.wasm", import.meta.url));
  return initPackage({ module_or_path: bytes });
}
