// The package's main entry: the whole API on the full module, as before the entries
// were split (one wasm, one init). A page that only validates and builds imports
// `coc-incident/validate` instead, and loads the small module alone; `coc-incident/client`
// and `coc-incident/forms` are the full module's parts by name.
export {
  default,
  initSync,
  validateHandleRequest,
  buildHandleRequest,
  textLength,
  readForm,
  bindForm,
  FormBinding,
  IncidentClient,
} from "./full.js";
