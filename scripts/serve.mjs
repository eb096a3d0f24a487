// Serves the demo page (www/), the built package (pkg/) and the COC emulator on
// loopback, the pages under a strict Content Security Policy.
// Usage: node scripts/serve.mjs [--port N] [--token T]   (--token: the emulator requires it)
import { createServer } from "node:http";
import { createEmulator } from "./emulator.mjs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The file behind a URL path: /pkg/… from the build, /src/….js the package's own
 * JavaScript (its entry point), the rest from www/. */
function fileFor(pathname) {
  const path = pathname === "/" ? "/index.html" : pathname;
  if (path.startsWith("/src/") && !path.endsWith(".js")) return null;
  const [base, rest] = path.startsWith("/pkg/")
    ? ["pkg", path.slice(5)]
    : path.startsWith("/src/")
      ? ["src", path.slice(5)]
      : ["www", path.slice(1)];
  const dir = join(root, base);
  let name;
  try {
    name = decodeURIComponent(rest);
  } catch {
    return null; // a malformed %-escape
  }
  const file = normalize(join(dir, name));
  return file.startsWith(dir + sep) ? file : null;
}

export function staticHandler(request, response) {
  const url = new URL(request.url, "http://localhost");
  const file = fileFor(url.pathname);
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  readFile(file).then(
    (body) => {
      response.writeHead(200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        // No page address (which may carry a token) goes to another origin in a
        // Referer (no-referrer would also make a same-origin POST's Origin null).
        "Referrer-Policy": "same-origin",
        "Cache-Control": "no-store",
      });
      response.end(request.method === "HEAD" ? undefined : body);
    },
    () => response.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n"),
  );
}

/** The demo site: the emulator's paths, then static files. */
export function siteHandler(emulator) {
  return async (request, response) => {
    if (!(await emulator.handle(request, response))) staticHandler(request, response);
  };
}

/** Listens on `port` (0: any free port) on loopback; resolves with the server. */
export function listen(handler, port) {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const wanted = Number(arg("--port") ?? process.env.PORT ?? 8080);
  const token = arg("--token");
  const handler = siteHandler(createEmulator({ token }));
  const server = await listen(handler, wanted).catch((error) => {
    if (error.code !== "EADDRINUSE") throw error;
    console.error(`port ${wanted} is busy; using a free one`);
    return listen(handler, 0);
  });
  const base = `http://127.0.0.1:${server.address().port}`;
  const page = token ? `${base}/#token=${encodeURIComponent(token)}` : `${base}/`;
  console.log(`coc-incident demo: open ${page}  (Ctrl+C to stop)`);
  console.log(`COC emulator: ${base}/v1/external/incident/handle${token ? " (X-Auth-Token required)" : ""}`);
}
