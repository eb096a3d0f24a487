// `coc-incident/validate` after a long, mixed history, as a page that has validated
// many kinds of input for a while: each run is a fresh Node process or a fresh
// Chromium page that validates the bench's agreement cases (bench/cases.mjs) PASSES
// times, then times every scenario of the bench through the entry (bench/suite.mjs
// `afterHistory`). The engines compile the writer from what its sites have seen, so a
// run can land in a slow compiled state that one pass over those cases (as
// bench/run.mjs makes) rarely reaches: every run's figure is printed, not only the
// median, so that a second mode shows. Not the benchmark of record (bench/run.mjs).
// Usage: npm run build; node bench/history.mjs [snapshot …]   (about half a minute a snapshot)
// A snapshot is a copy of src/ and pkg/ under target/ (see bench/ab-entry.mjs), or `.`
// for the repository's own; with none, the repository's own.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launch } from "../tests/support/chromium.mjs";
import { serve } from "./serve.mjs";
import { afterHistory } from "./suite.mjs";
import { median } from "./timer.mjs";

const PASSES = 50;
const RUNS = 5;
const root = fileURLToPath(new URL("..", import.meta.url));
const script = fileURLToPath(import.meta.url);

function print(engine, dirs, runs) {
  console.log(`\n${engine}: ns per call through the entry after ${PASSES} passes over the agreement cases, ${RUNS} fresh runs each`);
  console.log(`| scenario | ${dirs.join(" | ")} |\n|---|${dirs.map(() => "---|").join("")}`);
  for (const scenario of Object.keys(runs[dirs[0]][0])) {
    const cells = dirs.map((dir) => {
      const all = runs[dir].map((run) => run[scenario]);
      return `${median(all).toFixed(0)} (${all.map((t) => t.toFixed(0)).join(", ")})`;
    });
    console.log(`| ${scenario} | ${cells.join(" | ")} |`);
  }
}

if (process.argv[2] === "--child") {
  // One Node run, in a process of its own, so that each run's compiled state is its own.
  const dir = process.argv[3];
  const entry = await import(pathToFileURL(resolve(root, dir, "src/validate/index.js")).href);
  await entry.default(readFileSync(resolve(root, dir, "pkg/coc_incident_validate.wasm")));
  console.log(JSON.stringify(afterHistory(entry, PASSES)));
} else {
  const dirs = process.argv.length > 2 ? process.argv.slice(2).map((dir) => relative(root, resolve(dir)).split(sep).join("/") || ".") : ["."];
  if (dirs.some((dir) => dir !== "." && !dir.startsWith("target/"))) {
    throw new Error("a snapshot is the repository itself (.) or a copy of src/ and pkg/ under target/ (the page is served from there)");
  }
  if (new Set(dirs).size !== dirs.length) throw new Error("each snapshot once");
  const node = Object.fromEntries(dirs.map((dir) => [dir, []]));
  // Runs alternate between the snapshots, so that a busy moment of the machine falls on each.
  for (let run = 0; run < RUNS; run++) {
    for (const dir of dirs) node[dir].push(JSON.parse(execFileSync(process.execPath, [script, "--child", dir], { encoding: "utf8" })));
  }
  print(`Node ${process.versions.node}`, dirs, node);

  const server = await serve({ dirs: ["src", "pkg", "target", "bench"], pages: { "/history.html": "<!doctype html><body>" } });
  const browser = await launch();
  try {
    const pages = Object.fromEntries(dirs.map((dir) => [dir, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const dir of dirs) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.base}/history.html`);
        pages[dir].push(
          await page.evaluate(
            async ([dir, passes]) => {
              const base = dir === "." ? "" : `/${dir}`;
              const entry = await import(`${base}/src/validate/index.js`);
              await entry.default(`${base}/pkg/coc_incident_validate.wasm`);
              const { afterHistory } = await import("/bench/suite.mjs");
              return afterHistory(entry, passes);
            },
            [dir, PASSES],
          ),
        );
        await context.close();
      }
    }
    print(`Chromium ${browser.version()}`, dirs, pages);
  } finally {
    await browser.close();
    server.close();
  }
}
