// `coc-incident/validate`: validation, the request builder and textLength, on the
// small wasm. The types are the package's own (src/types.d.ts).
export type {
  AcceptRequest, BuildOptions, BuiltRequest, CommitSolutionRequest, ConfigError, ConfirmParameter, ConfirmRequest, HandleRequest, InitInput, Locale, MtmType, OperateKey, SolutionParameter, TypeName, UsageError, ValidateOptions, ValidationError, ValidationReport, Violation, ViolationCode, FormRequest,
} from "../types.js";
export { validateHandleRequest, buildHandleRequest, textLength } from "../types.js";
import type { InitInput } from "../types.js";

/** What init() resolves to: the instantiated module's exports, internal. */
export type InitOutput = WebAssembly.Exports;

/**
 * Loads the small WebAssembly module; `await` it once before any other call. Takes a
 * URL, a Response, bytes or a compiled Module (or `{ module_or_path }`); with nothing,
 * the package's own `coc_incident_validate.wasm` (fetched in a browser, read in Node).
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;

/** Synchronous `init`, for a module already compiled (or its bytes). */
export function initSync(module: { module: WebAssembly.Module | BufferSource } | WebAssembly.Module | BufferSource): InitOutput;
