// `coc-incident/forms`: readForm and bindForm: live validation of a portal's <form>, on the full wasm module.
export type {
  AcceptRequest, BuildOptions, BuiltRequest, CommitSolutionRequest, ConfigError, ConfirmParameter, ConfirmRequest, HandleRequest, InitInput, Locale, MtmType, OperateKey, SolutionParameter, TypeName, UsageError, ValidateOptions, ValidationError, ValidationReport, Violation, ViolationCode, AbortError, ApiError, ClientOptions, CocError, HandleResponse, HttpError, NetworkError, TimeoutError, BindOptions, FormEventMap, FormRequest,
} from "./types.js";
export { readForm, bindForm, FormBinding } from "./types.js";
export { default, initSync } from "./full.js";
export type { InitOutput } from "./full.js";
