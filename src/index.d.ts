// The main entry's types: every type of the API (src/types.d.ts) and the `init` that
// loads both modules.
export * from "./types.js";
import type { InitInput } from "./types.js";

/** What init() resolves to: the instantiated modules' exports, internal. */
export type InitOutput = WebAssembly.Exports;

/**
 * Loads both WebAssembly modules; `await` it once before any other call. In Node it
 * reads the package's own `.wasm` files when given nothing; in a browser it fetches
 * them beside the package's files. A single argument is the full module's (as
 * wasm-bindgen's `init` takes it); `{ module_or_path, validate_module_or_path }`
 * names both.
 */
export default function init(
  module_or_path?:
    | { module_or_path?: InitInput | Promise<InitInput>; validate_module_or_path?: InitInput | Promise<InitInput> }
    | InitInput
    | Promise<InitInput>,
): Promise<InitOutput>;

/** Synchronous `init`, for modules already compiled (or their bytes). */
export function initSync(modules: { module: WebAssembly.Module | BufferSource; validate_module: WebAssembly.Module | BufferSource }): InitOutput;
