// A page for browser tests: the built package loaded as a portal loads it, under the
// demo's CSP, on one origin; the emulator on another (localhost against 127.0.0.1).
import { readFile } from "node:fs/promises";

import { createEmulator } from "../../scripts/emulator.mjs";
import { CSP, listen, staticHandler } from "../../scripts/serve.mjs";
import { launch } from "./chromium.mjs";

export async function startHarness({ token } = {}) {
  const emulator = createEmulator({ token });
  const api = await listen(async (req, res) => {
    if (!(await emulator.handle(req, res))) res.writeHead(404).end();
  }, 0);
  const endpoint = `http://127.0.0.1:${api.address().port}`;
  const script = await readFile(new URL("./harness.js", import.meta.url));
  const csp = CSP.replace("connect-src 'self'", `connect-src 'self' ${endpoint}`);
  const site = await listen((req, res) => {
    if (req.url === "/harness.html") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": csp });
      res.end('<!doctype html><meta charset="utf-8"><title>harness</title><body><script type="module" src="/harness.js"></script>');
    } else if (req.url === "/harness.js") {
      res.writeHead(200, { "Content-Type": "text/javascript", "Content-Security-Policy": csp }).end(script);
    } else {
      staticHandler(req, res);
    }
  }, 0);
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(`http://localhost:${site.address().port}/harness.html`);
  await page.waitForSelector("body[data-ready=yes]", { state: "attached" });

  /**
   * Runs `script` in the page with `coc` and `args` in scope and returns its outcome.
   * Evaluated through the DevTools protocol, so the page's CSP (no eval) still holds
   * for everything the library does.
   */
  function inPage(body, args = {}) {
    const all = JSON.stringify({ endpoint, ...args });
    return page.evaluate(`window.outcome((async (coc, args) => { ${body} })(window.coc, ${all}))`);
  }

  async function close() {
    await browser.close();
    site.close();
    api.close();
  }

  return { emulator, endpoint, page, inPage, close };
}
