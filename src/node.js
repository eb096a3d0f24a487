// Node.js entry point: the same API as the browser build, with an `init` that reads
// the wasm from the package itself (Node's fetch cannot load file: URLs).
import { readFile } from "node:fs/promises";
import initPackage from "./index.js";

export * from "./index.js";

/**
 * Loads both WebAssembly modules. With no argument it reads the package's own; any
 * argument is passed to the browser entry's `init` unchanged.
 */
export default async function init(moduleOrPath) {
  if (moduleOrPath !== undefined) return initPackage(moduleOrPath);
  const [full, small] = await Promise.all([
    readFile(new URL("../pkg/coc_incident_bg.wasm", import.meta.url)),
    readFile(new URL("../pkg/coc_incident_validate.wasm", import.meta.url)),
  ]);
  return initPackage({ module_or_path: full, validate_module_or_path: small });
}
