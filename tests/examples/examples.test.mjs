// The apps in examples/, as scripts/examples.sh installed (from the packed tarball) and
// built them, each served with the COC emulator on one loopback origin under a strict
// CSP and used in headless Chromium as a person would: a mistake shown before anything
// is sent, then a request the emulator accepts.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";

import { launch } from "../support/chromium.mjs";
import { startSite } from "../support/package-site.mjs";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const OPERATOR = "7da46971b7e24eed90cf777cc2ff8b91";

/** The CSP a careful portal sends: scripts from itself, wasm compiled, and each inline
 * script (an import map) by its hash. */
function csp(html) {
  const hashes = [...html.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`,
  );
  return {
    "Content-Security-Policy": `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}; connect-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'`,
  };
}

let browser;
// Every site opened, closed at the end even when a test failed before its own close()
// (a server left open keeps the process, and the run, waiting for ever).
const opened = new Set();
before(async () => (browser = await launch()));
after(async () => {
  for (const close of opened) await close().catch(() => {});
  await browser?.close();
});

/** Opens an example; resolves with the page, its emulator and the problems it logs. */
async function open(name, root = "dist") {
  // A built app's dist/, or a page with its node_modules, and the emulator.
  const site = await startSite({ root: join(EXAMPLES, name, root) + sep, headers: csp });
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP: ${e.violatedDirective}`));
  });
  await page.goto(`${site.base}/`);
  const close = async () => {
    if (!opened.delete(close)) return;
    await page.close();
    site.close();
  };
  opened.add(close);
  return { page, emulator: site.emulator, problems, close };
}

const sent = (emulator) => emulator.log.map((r) => [JSON.parse(r.body).operate_key, r.status]);

test("Vite, no framework: coc-incident/validate checks while typing, the page sends what it builds", async () => {
  const { page, emulator, problems, close } = await open("vite-vanilla");
  const operator = page.getByLabel("Operator");
  await operator.fill("   ");
  await page.getByText("Operator must not be blank.").waitFor();
  assert.equal(await operator.getAttribute("aria-invalid"), "true");
  await page.getByRole("button", { name: "Accept" }).click();
  assert.deepEqual(sent(emulator), [], "nothing is sent while invalid");
  await operator.fill(OPERATOR);
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByText("Accepted.").waitFor();
  assert.deepEqual(sent(emulator), [["acceptedIncident1", 200]]);
  assert.deepEqual(problems, []);
  await close();
});

test("React: a component binds its form in an effect, destroys the binding in its cleanup, and binds anew on remount", async () => {
  const { page, emulator, problems, close } = await open("react");
  const form = page.locator("form");
  await page.getByRole("button", { name: "Send" }).click();
  await page.locator('[aria-invalid="true"]').first().waitFor();
  assert.deepEqual(sent(emulator), []);
  await page.getByLabel("Comment").fill("x".repeat(301));
  await page.getByText("301 / 300").waitFor();
  // Unmount and mount again: one binding, so one counter a text field, not two.
  await page.getByRole("button", { name: "Close the form" }).click();
  assert.equal(await form.count(), 0);
  await page.getByRole("button", { name: "Open the form" }).click();
  await page.getByLabel("Comment").fill("Still failing on db-03.");
  assert.equal(await page.locator(".coc-counter").count(), 2, "operator and comment");
  await page.getByLabel("Operator").fill(OPERATOR);
  await page.getByLabel("No").check();
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByText("Verified.").waitFor();
  assert.deepEqual(sent(emulator), [["confirm", 200]]);
  assert.deepEqual(problems, []);
  await close();
});

test("Vue: a component binds its form in onMounted and destroys it in onUnmounted, in Chinese", async () => {
  const { page, emulator, problems, close } = await open("vue");
  await page.getByRole("button", { name: "提交" }).click();
  const invalid = page.locator('[aria-invalid="true"]');
  await invalid.first().waitFor();
  const message = await page.locator(".coc-message").first().textContent();
  assert.match(message, /[\u4e00-\u9fff]/, `a Chinese message: ${message}`);
  assert.deepEqual(sent(emulator), []);
  await page.getByRole("button", { name: "Close the form" }).click();
  await page.getByRole("button", { name: "Open the form" }).click();
  // One counter a text field, so one binding.
  assert.equal(await page.locator(".coc-counter").count(), await page.locator("textarea, input:not([type])").count());
  await page.getByLabel("处理人").fill(OPERATOR);
  await page.getByLabel("原因").fill("The log volume filled up.");
  await page.getByLabel("解决方案").fill("Rotated the logs.");
  await page.getByRole("button", { name: "提交" }).click();
  await page.getByText("已提交。").waitFor();
  assert.deepEqual(sent(emulator), [["commitSolution1", 200]]);
  assert.deepEqual(problems, []);
  await close();
});

test("a module Web Worker validates and sends; the page loads no wasm", async () => {
  const { page, emulator, problems, close } = await open("worker");
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByText("Fix the fields above.").waitFor();
  assert.equal(await page.locator("#errors li").count(), 1);
  assert.match(await page.locator("#errors li").textContent(), /Operator/);
  await page.getByLabel("Operator").fill(OPERATOR);
  await page.getByRole("button", { name: "Accept" }).click();
  await page.getByText("Accepted.").waitFor();
  assert.equal(await page.locator("#errors li").count(), 0);
  assert.deepEqual(sent(emulator), [["acceptedIncident1", 200]]);
  // A worker has its own resource timeline: the page's shows scripts only.
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  assert.deepEqual(loaded.filter((url) => url.endsWith(".wasm")), []);
  assert.ok(loaded.some((url) => /worker-.*\.js$/.test(url)), loaded.join(" "));
  assert.deepEqual(problems, []);
  await close();
});

test("a plain page with an import map, no bundler, under a CSP that allows the map by its hash", async () => {
  const { page, emulator, problems, close } = await open("import-map", ".");
  await page.getByRole("button", { name: "Send" }).click();
  await page.locator('[aria-invalid="true"]').first().waitFor();
  assert.deepEqual(sent(emulator), []);
  await page.getByLabel("Operator").fill(OPERATOR);
  await page.getByLabel("Yes").check();
  await page.getByLabel("Comment").fill("Certificate renewed.");
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByText("Verified.").waitFor();
  assert.deepEqual(sent(emulator), [["confirm", 200]]);
  // The page preloads the wasm: init()'s fetch takes that response, so it is fetched
  // once (a preload that init() could not use would be a second fetch).
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  const wasm = loaded.filter((url) => url.endsWith(".wasm")).map((url) => new URL(url).pathname);
  assert.deepEqual(wasm, ["/node_modules/coc-incident/pkg/coc_incident_bg.wasm"]);
  assert.deepEqual(problems, []);
  await close();
});
