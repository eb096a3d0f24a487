// `coc-incident/client`: IncidentClient, which validates, builds and sends a request, on the full wasm module.
export type {
  AcceptRequest, BuildOptions, BuiltRequest, CommitSolutionRequest, ConfigError, ConfirmParameter, ConfirmRequest, HandleRequest, InitInput, Locale, MtmType, OperateKey, SolutionParameter, TypeName, UsageError, ValidateOptions, ValidationError, ValidationReport, Violation, ViolationCode, AbortError, ApiError, ClientOptions, CocError, HandleResponse, HttpError, NetworkError, TimeoutError, FormRequest,
} from "./types.js";
export { IncidentClient } from "./types.js";
export { default, initSync } from "./full.js";
export type { InitOutput } from "./full.js";
