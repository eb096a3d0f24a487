// Every code block of README.md, run as its fence says, against the packed package
// (target/consumer/node_modules/coc-incident, unpacked by `npm test`), so that no
// snippet can throw or drift again:
// - ```js: a module script in headless Chromium, after the ```html block just before it
//   (if any) is put in the page; the package's entries come from an import map made from
//   its `exports` (or the README's own map when that block has one); `/api/coc` is a
//   same-origin proxy to the COC emulator, `/session/token` a token. It passes when it
//   runs to its end with no error logged.
// - ```js worker: a module worker in Chromium, its `coc-incident…` imports resolved as a
//   bundler resolves them; it is sent a request and must answer.
// - ```js node: a module run by Node in the consumer folder.
// - ```ts: type-checked by tsc with the consumer's strict settings (tests/types).
// - ```<lang> excerpt=<file>: must appear verbatim in that file, which another test runs
//   (tests/examples/).
// - ```sh and ```text: commands and a header, not code a page runs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { launch } from "../support/chromium.mjs";
import { CONSUMER, entries, importMap, startSite } from "../support/package-site.mjs";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** Each fenced block: its language, the rest of its fence line, its text and line. */
const blocks = [...README.matchAll(/^```(\w+)([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1],
  info: m[2].trim(),
  code: m[3],
  line: README.slice(0, m.index).split("\n").length,
}));

let site;
let browser;

before(async () => {
  site = await startSite();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.close();
});

/** Runs a page made of `head` and `body` plus one module; resolves with what went wrong. */
async function runPage(name, head, body, script) {
  site.script(`/${name}.js`, `${script}\nglobalThis.__readmeDone = true;\n`);
  site.page(
    `/${name}.html`,
    `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}<script type="module" src="/${name}.js"></script></body></html>`,
  );
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  // README_LOG=1 shows what each block logs, to check the README's comments by eye.
  if (process.env.README_LOG) page.on("console", (m) => console.log(`  ${name}: ${m.text()}`));
  await page.goto(`${site.base}/${name}.html`);
  const done = await page
    .waitForFunction(() => globalThis.__readmeDone === true, null, { timeout: 10_000 })
    .then(() => true, () => false);
  await page.close();
  if (!done) problems.push("did not run to its end");
  return problems;
}

/** Bare `coc-incident…` specifiers as a bundler resolves them. */
const resolved = (code) => code.replace(/from "(coc-incident[^"]*)"/g, (whole, spec) => `from "${entries[spec] ?? spec}"`);

let previous = null;
for (const [index, block] of blocks.entries()) {
  const where = `README.md:${block.line}`;
  const html = previous?.lang === "html" ? previous.code : "";
  previous = block;
  const excerpt = /^excerpt=(\S+)$/.exec(block.info);
  if (excerpt) {
    test(`${where}: the ${block.lang} excerpt is ${excerpt[1]} as it is (run by tests/examples)`, () => {
      const file = readFileSync(join(ROOT, excerpt[1]), "utf8");
      assert.ok(file.includes(block.code), `not found verbatim in ${excerpt[1]}:\n${block.code}`);
    });
  } else if (block.lang === "js" && block.info === "") {
    test(`${where}: runs in Chromium`, async () => {
      const head = html.includes('type="importmap"') ? html : importMap;
      const body = html.includes('type="importmap"') ? "" : html;
      site.emulator.reset();
      assert.deepEqual(await runPage(`block${index}`, head, body, block.code), []);
    });
  } else if (block.lang === "js" && block.info === "worker") {
    test(`${where}: runs in a module worker in Chromium`, async () => {
      site.script(`/worker${index}.js`, resolved(block.code));
      const script = `
        const worker = new Worker("/worker${index}.js", { type: "module" });
        const answer = await new Promise((resolve, reject) => {
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage({ operate_key: "confirm" });
        });
        if (answer.valid !== false || answer.errors.length === 0) throw new Error("no report: " + JSON.stringify(answer));`;
      assert.deepEqual(await runPage(`block${index}`, "", "", script), []);
    });
  } else if (block.lang === "js" && block.info === "node") {
    test(`${where}: runs in Node`, async () => {
      const file = join(CONSUMER, `readme-${index}.mjs`);
      await writeFile(file, block.code);
      const { stdout, stderr } = await run(process.execPath, [file], { cwd: CONSUMER });
      if (process.env.README_LOG) console.log(stdout);
      assert.equal(stderr, "");
    });
  } else if (block.lang === "ts") {
    test(`${where}: type-checks (tsc, strict, nodenext)`, async () => {
      await writeFile(join(CONSUMER, `readme-${index}.ts`), block.code);
      const config = { extends: "./tsconfig.json", files: [`readme-${index}.ts`] };
      await writeFile(join(CONSUMER, `tsconfig.readme-${index}.json`), JSON.stringify(config));
      await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", `tsconfig.readme-${index}.json`], { cwd: CONSUMER });
    });
  } else if (block.lang === "html") {
    // Put in the page of the ```js block that follows it.
    test(`${where}: the html block is followed by a js block that runs with it`, () => {
      assert.equal(blocks[index + 1]?.lang, "js");
      assert.equal(blocks[index + 1]?.info, "");
    });
  } else {
    test(`${where}: a ${block.lang} block holds commands or a header, not code a page runs`, () => {
      assert.ok(["sh", "text"].includes(block.lang), `a block of a kind this test does not run: ${block.lang} ${block.info}`);
    });
  }
}
