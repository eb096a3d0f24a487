// The demo's static server: the page under its CSP, the package, and nothing else.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";

import { createEmulator } from "../../scripts/emulator.mjs";
import { listen, siteHandler } from "../../scripts/serve.mjs";

let server;
let port;
before(async () => {
  server = await listen(siteHandler(createEmulator()), 0);
  port = server.address().port;
});
after(() => server.close());

/** A raw GET, so that the path is sent exactly as written. */
function get(path) {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path }, (response) => {
      response.resume();
      response.on("end", () => resolve(response));
    })
      .on("error", reject)
      .end();
  });
}

test("the page is served under a strict CSP", async () => {
  const response = await get("/");
  assert.equal(response.statusCode, 200);
  const csp = response.headers["content-security-policy"];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
  assert.equal((await get("/pkg/coc_incident_bg.wasm")).headers["content-type"], "application/wasm");
  assert.equal((await get("/src/index.js")).statusCode, 200);
});

test("nothing outside www/, pkg/ and the package's JavaScript, and bad paths do no harm", async () => {
  for (const path of ["/src/lib.rs", "/../Cargo.toml", "/%2e%2e/Cargo.toml", "/pkg/../Cargo.toml", "/%E0%A4%A", "/nope.html"]) {
    assert.equal((await get(path)).statusCode, 404, path);
  }
  assert.equal((await get("/")).statusCode, 200, "still serving");
});
