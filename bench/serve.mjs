// The local server the browser runs of the bench load from: the repository's files
// under `dirs` only, never cached, and `pages`, each path's HTML as given.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };

/** Starts serving on a free port of 127.0.0.1; answers `{ base, close }`. */
export async function serve({ dirs, pages }) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (Object.hasOwn(pages, path)) {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(pages[path]);
      return;
    }
    const file = normalize(join(ROOT, path));
    const allowed = dirs.some((dir) => file.startsWith(join(ROOT, dir) + sep));
    try {
      if (!allowed) throw new Error("not served");
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
