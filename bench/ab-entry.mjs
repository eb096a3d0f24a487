// Two snapshots of `coc-incident/validate` (its JavaScript and its wasm) side by side,
// through the entry as users call it, in Node and in one headless Chromium page:
// rounds alternate which snapshot is timed first, and each figure is the median of
// the rounds. For a change to the JavaScript side (or to both), whose effect one run
// of the benchmark cannot tell from the noise of a page (up to 15% from one page to
// the next; within one page, the two snapshots are timed under the same conditions).
// Not the benchmark of record (bench/run.mjs). An A/A run (a snapshot against a copy
// of itself) differed by up to 15% in Node and 4% in Chromium: below that, nothing is told.
// Usage: npm run build; mkdir -p target/ab/a && cp -r src pkg target/ab/a/;
//        (change, npm run build); mkdir -p target/ab/b && cp -r src pkg target/ab/b/;
//        node bench/ab-entry.mjs target/ab/a target/ab/b   (about two minutes)
import { readFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launch } from "../tests/support/chromium.mjs";
import { AB_ROUNDS, compareEntries } from "./suite.mjs";
import { serve } from "./serve.mjs";

function print(engine, dirs, result) {
  console.log(`\n${engine}: ns per call through the entry, median of ${AB_ROUNDS} alternated rounds`);
  console.log(`| scenario | ${dirs[0]} | ${dirs[1]} |\n|---|---:|---:|`);
  for (const [name, [a, b]] of Object.entries(result)) console.log(`| ${name} | ${a.toFixed(0)} | ${b.toFixed(0)} (${(b / a).toFixed(2)}×) |`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dirs = process.argv.slice(2);
  if (dirs.length !== 2) {
    console.error("usage: node bench/ab-entry.mjs <snapshot a> <snapshot b>   (each a copy of src/ and pkg/ under target/)");
    process.exit(2);
  }
  const root = fileURLToPath(new URL("..", import.meta.url));
  const rel = dirs.map((dir) => relative(root, resolve(dir)).split(sep).join("/"));
  if (rel.some((dir) => !dir.startsWith("target/"))) throw new Error("snapshots must lie under target/ (the page is served from it)");
  const entries = await Promise.all(
    rel.map(async (dir) => {
      const entry = await import(pathToFileURL(resolve(root, dir, "src/validate/index.js")).href);
      await entry.default(readFileSync(resolve(root, dir, "pkg/coc_incident_validate.wasm")));
      return entry;
    }),
  );
  print(`Node ${process.versions.node}`, rel, await compareEntries(entries));

  const server = await serve({ dirs: ["target", "bench"], pages: { "/ab.html": "<!doctype html><body>" } });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.base}/ab.html`);
    const result = await page.evaluate(async (dirs) => {
      const { compareEntries } = await import("/bench/suite.mjs");
      const entries = await Promise.all(
        dirs.map(async (dir) => {
          const entry = await import(`/${dir}/src/validate/index.js`);
          await entry.default(`/${dir}/pkg/coc_incident_validate.wasm`);
          return entry;
        }),
      );
      return compareEntries(entries);
    }, rel);
    print(`Chromium ${browser.version()}`, rel, result);
  } finally {
    await browser.close();
    server.close();
  }
}
