// init() given nothing, in Chromium, where a site answers the wasm's URL with its HTML
// page (a single-page app's fallback route does): each entry says what it fetched and
// what it got, rather than a compile error of bytes, and takes the wasm once given.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

import { CSP, listen, staticHandler } from "../../scripts/serve.mjs";
import { launch } from "../support/chromium.mjs";

const PAGE = "<!doctype html><title>portal</title>";
let site, browser, base;
before(async () => {
  site = await listen((request, response) => {
    const path = new URL(request.url, "http://x").pathname;
    if (path === "/pkg/coc_incident_bg.wasm" || path === "/pkg/coc_incident_validate.wasm") {
      response.writeHead(200, { "Content-Type": "text/html" }).end(PAGE);
    } else if (path.startsWith("/wasm/")) {
      // The real files, at another URL, as a site that serves them elsewhere.
      readFile(new URL(`../../pkg/${path.slice("/wasm/".length)}`, import.meta.url)).then((body) =>
        response.writeHead(200, { "Content-Type": "application/wasm" }).end(body),
      );
    } else if (path === "/page.html") {
      response.writeHead(200, { "Content-Type": "text/html", "Content-Security-Policy": CSP }).end("<!doctype html><title>t</title>");
    } else staticHandler(request, response);
  }, 0);
  base = `http://127.0.0.1:${site.address().port}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.close();
});

async function inPage(entry, file) {
  const page = await browser.newPage();
  await page.goto(`${base}/page.html`);
  const outcome = await page.evaluate(
    async ([entry, file]) => {
      const { default: init, validateHandleRequest } = await import(entry);
      const said = await init().then(() => "resolved", (error) => error.message);
      await init(`/wasm/${file}`);
      return { said, valid: validateHandleRequest({}).valid };
    },
    [entry, file],
  );
  await page.close();
  return outcome;
}

test("the main entry given nothing, answered a page for its wasm: said so; then given the wasm's URL", async () => {
  const { said, valid } = await inPage("/src/index.js", "coc_incident_bg.wasm");
  assert.match(said, /^coc-incident: coc_incident_bg\.wasm, fetched beside the package's pkg\/coc_incident\.js, is not WebAssembly \(.+\): does the server answer its URL with a page\? init\(\) may be given the wasm's URL$/);
  assert.equal(valid, false);
});

test("coc-incident/validate given nothing, answered a page for its wasm: said so; then given the wasm's URL", async () => {
  const { said, valid } = await inPage("/src/validate/index.js", "coc_incident_validate.wasm");
  assert.equal(
    said,
    `coc-incident: coc_incident_validate.wasm (fetched from ${base}/pkg/coc_incident_validate.wasm) is not WebAssembly: it starts "${PAGE.slice(0, 32)}" (a page: does the server answer the .wasm file's URL with HTML?)`,
  );
  assert.equal(valid, false);
});
