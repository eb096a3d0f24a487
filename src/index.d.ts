// The package entry's types: the API as pkg/coc_incident.d.ts declares it (written from
// src/js/typescript.rs), with what init() resolves to kept opaque: the raw wasm
// exports behind it are internal.
export * from "../pkg/coc_incident.js";
import type { InitInput, SyncInitInput } from "../pkg/coc_incident.js";

/** The instantiated WebAssembly module's exports: internal, and subject to change. */
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
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;
