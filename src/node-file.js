// What the Node entries' `init` hands on: Node's fetch cannot load a file: URL, so the
// package's own wasm (given nothing) and any file: URL are read from disk; anything
// else goes on as given.
import { readFile } from "node:fs/promises";
import { isOptions } from "./wasm-source.js";

/** `source`, or its bytes when it is nothing (then `own`'s) or a file: URL, in or out of
 * `{ module_or_path }`. */
export async function fromFile(source, own) {
  if (source === undefined || source === null) return readFile(own);
  if (isOptions(source, "module_or_path")) {
    return { ...source, module_or_path: await fromFile(source.module_or_path, own) };
  }
  const url = source instanceof URL ? source : typeof source === "string" && /^file:/i.test(source) ? new URL(source) : null;
  return url?.protocol === "file:" ? readFile(url) : source;
}
