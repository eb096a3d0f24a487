// A loopback site that serves the packed package (target/consumer/node_modules/
// coc-incident, unpacked by `npm test`) under /node_modules/coc-incident/, pages a test
// makes, and the COC emulator both at its own paths and behind `/api/coc` (a portal's
// same-origin proxy). Pages import the package by name through `importMap`, made from
// the package's `exports` as a browser would need it.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

import { createEmulator } from "../../scripts/emulator.mjs";
import { listen } from "../../scripts/serve.mjs";

export const CONSUMER = fileURLToPath(new URL("../../target/consumer/", import.meta.url));
export const PACKAGE = join(CONSUMER, "node_modules/coc-incident/");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm" };

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

/** Starts the site; `pages` maps a path to `[content type, body]` and may change later. */
export async function startSite({ headers = {} } = {}) {
  const emulator = createEmulator();
  const pages = new Map();
  const server = await listen(async (request, response) => {
    const url = new URL(request.url, "http://x");
    if (url.pathname.startsWith("/api/coc/")) request.url = url.pathname.slice("/api/coc".length) + url.search;
    if (await emulator.handle(request, response)) return;
    if (url.pathname === "/favicon.ico") return response.writeHead(204).end();
    if (url.pathname === "/session/token") return response.writeHead(200).end("t0k3n");
    const made = pages.get(url.pathname);
    if (made) return response.writeHead(200, { "Content-Type": made[0], ...headers }).end(made[1]);
    if (url.pathname.startsWith("/node_modules/coc-incident/")) {
      const file = normalize(join(PACKAGE, url.pathname.slice("/node_modules/coc-incident/".length)));
      if (file.startsWith(PACKAGE)) {
        try {
          const body = await readFile(file);
          return response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
        } catch {}
      }
    }
    response.writeHead(404).end();
  }, 0);
  const page = (path, html) => pages.set(path, [TYPES[".html"], html]);
  const script = (path, js) => pages.set(path, [TYPES[".js"], js]);
  return { emulator, page, script, base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
