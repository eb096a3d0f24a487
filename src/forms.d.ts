// `coc-incident/forms`: readForm and bindForm: live validation of a portal's <form>, on the full wasm module.
export type {
  AcceptRequest, BuildOptions, BuiltRequest, CommitSolutionRequest, ConfigError, ConfirmParameter, ConfirmRequest, HandleRequest, InitInput, Locale, MtmType, OperateKey, SolutionParameter, TypeName, UsageError, ValidateOptions, ValidationError, ValidationReport, Violation, ViolationCode, AbortError, ApiError, ClientOptions, CocError, HandleResponse, HttpError, NetworkError, TimeoutError, BindOptions, FormBinding, FormEventMap,
} from "./types.js";
export { readForm, bindForm } from "./types.js";
import type { InitInput } from "./types.js";

/** What init() resolves to: the instantiated module's exports, internal. */
export type InitOutput = WebAssembly.Exports;

/** Loads the full WebAssembly module (as wasm-bindgen's `init` takes it); `await` it once. */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;

/** Synchronous `init`, for a module already compiled. */
export function initSync(module: { module: WebAssembly.Module | BufferSource } | WebAssembly.Module | BufferSource): InitOutput;
