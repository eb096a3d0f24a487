// The main entry's types: every type of the API (src/types.d.ts) and its `init` (src/full.d.ts).
export * from "./types.js";
export { default, initSync } from "./full.js";
export type { InitOutput } from "./full.js";
