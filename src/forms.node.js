// `coc-incident/forms` in Node.js (a DOM such as jsdom's, in tests): an `init` that
// reads the package's own wasm, and any file: URL, from disk.
export { default, initSync } from "./client.node.js";
export { readForm, bindForm, FormBinding } from "./full.js";
