// The full module's `init` and `initSync`, which every entry on it (the main entry,
// `coc-incident/client`, `coc-incident/forms`) re-exports from src/full.js.
import type { InitInput } from "./types.js";

/** What init() resolves to: the instantiated module's exports, internal. */
export type InitOutput = WebAssembly.Exports;

/**
 * Loads the WebAssembly module; `await` it once before any other call. In Node it
 * reads the package's own `.wasm` when given nothing; in a browser it fetches
 * `coc_incident_bg.wasm` beside the glue, or what `module_or_path` names.
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;

/** Synchronous `init`, for a module already compiled. */
export function initSync(module: { module: WebAssembly.Module | BufferSource } | WebAssembly.Module | BufferSource): InitOutput;
