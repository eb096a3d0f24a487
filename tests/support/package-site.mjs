// A loopback site that serves the packed package (target/consumer/node_modules/
// coc-incident, unpacked by `npm test`) under /node_modules/coc-incident/, pages a test
// makes or a folder of files (a built example), and the COC emulator both at its own
// paths and behind `/api/coc` (a portal's same-origin proxy). Pages import the package by name through `importMap`, made from
// the package's `exports` as a browser would need it.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

import { createEmulator } from "../../scripts/emulator.mjs";
import { listen } from "../../scripts/serve.mjs";

export const CONSUMER = fileURLToPath(new URL("../../target/consumer/", import.meta.url));
export const PACKAGE = join(CONSUMER, "node_modules/coc-incident/");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };

/** Bare specifier -> URL path, for every entry of the package's `exports`. */
export const entries = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8")).exports)
    .filter(([key]) => key !== "./package.json")
    .map(([key, target]) => [
      key === "." ? "coc-incident" : `coc-incident/${key.slice(2)}`,
      `/node_modules/coc-incident/${(typeof target === "string" ? target : target.default).slice(2)}`,
    ]),
);
export const importMap = `<script type="importmap">${JSON.stringify({ imports: entries })}</script>`;

/** The file `rel` under `dir` (nothing outside it), with `headers` on an HTML one;
 * false when there is no such file. */
async function sendFile(response, dir, rel, headers) {
  const file = normalize(join(dir, rel));
  if (!file.startsWith(dir)) return false;
  let body;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  const type = TYPES[extname(file)] ?? "application/octet-stream";
  response.writeHead(200, { "Content-Type": type, ...(type === TYPES[".html"] && headers(body.toString())) });
  response.end(body);
  return true;
}

/** Starts the site. `pages` maps a path to `[content type, body]` and may change later;
 * `root` (a folder ending in a separator), when given, serves the other paths, `/` as
 * its index.html; `headers` go on each HTML page, or are made from it by a function. */
export async function startSite({ headers = {}, root } = {}) {
  const htmlHeaders = typeof headers === "function" ? headers : () => headers;
  const emulator = createEmulator();
  const pages = new Map();
  const server = await listen(async (request, response) => {
    const url = new URL(request.url, "http://x");
    const path = url.pathname;
    if (path.startsWith("/api/coc/")) request.url = path.slice("/api/coc".length) + url.search;
    if (await emulator.handle(request, response)) return;
    if (path === "/favicon.ico") return response.writeHead(204).end();
    if (path === "/session/token") return response.writeHead(200).end("t0k3n");
    const made = pages.get(path);
    if (made) {
      const extra = made[0] === TYPES[".html"] ? htmlHeaders(made[1]) : {};
      return response.writeHead(200, { "Content-Type": made[0], ...extra }).end(made[1]);
    }
    // The root's own files first: an example's node_modules holds the package it installed.
    if (root && (await sendFile(response, root, path === "/" ? "index.html" : path, htmlHeaders))) return;
    const packaged = path.startsWith("/node_modules/coc-incident/");
    if (packaged && (await sendFile(response, PACKAGE, path.slice("/node_modules/coc-incident/".length), htmlHeaders))) {
      return;
    }
    response.writeHead(404).end();
  }, 0);
  const page = (path, html) => pages.set(path, [TYPES[".html"], html]);
  const script = (path, js) => pages.set(path, [TYPES[".js"], js]);
  return { emulator, page, script, base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
