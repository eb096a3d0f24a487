// What the Node entries' `init` hands on: Node's fetch cannot load a file: URL, so the
// package's own wasm (given nothing) and any file: URL are read from disk; anything
// else goes on as given.
import { readFile } from "node:fs/promises";
import { isOptions } from "./wasm-source.js";

/** `source`, or its bytes when it is nothing (then `own`'s) or a file: URL (a Request
 * of one too), in or out of `{ module_or_path }`, or a promise of any of them. */
export async function fromFile(source, own) {
  source = await source;
  if (source === undefined || source === null) return readFile(own);
  if (isOptions(source, "module_or_path")) {
    return { ...source, module_or_path: await fromFile(source.module_or_path, own) };
  }
  const text = typeof source === "string" ? source : typeof Request === "function" && source instanceof Request ? source.url : null;
  const url = source instanceof URL ? source : text !== null && /^file:/i.test(text) ? new URL(text) : null;
  return url?.protocol === "file:" ? readFile(url) : source;
}
