// `coc-incident/validate` after a long, mixed history, as a page that has validated
// many kinds of input for a while: each run is a fresh Node process or a fresh
// Chromium page that validates the bench's agreement cases (bench/cases.mjs) PASSES
// times, then times a few scenarios through the entry. The engines compile the writer
// from what its sites have seen, so a run can land in a slow compiled state that one
// pass over those cases (as bench/run.mjs makes) rarely reaches: every run's figure is
// printed, not only the median, so that a second mode shows. Not the benchmark of
// record (bench/run.mjs).
// Usage: npm run build; node bench/history.mjs [snapshot …]   (about four minutes a snapshot)
// A snapshot is a copy of src/ and pkg/ under target/ (see bench/ab-entry.mjs); with
// none, the repository's own src/ and pkg/.

const PASSES = 50;
const RUNS = 5;

/** One run, in Node or in a page: ns per call of each of the bench's scenarios
 * (bench/suite.mjs), timed as bench/run.mjs times them, after the history. */
export async function afterHistory(entry, cases, suite) {
  let sink = 0;
  for (let pass = 0; pass < PASSES; pass++) for (const [, input] of cases.AGREEMENT) sink += entry.validateHandleRequest(input).valid ? 1 : 0;
  globalThis.__benchSink = sink;
  const ours = suite.contenders({ coc: entry });
  const timings = suite.time(ours, { samples: 5, sampleMs: 60 });
  return Object.fromEntries(Object.entries(timings).map(([scenario, by]) => [scenario, by["coc-incident"]]));
}

function print(engine, dirs, runs) {
  console.log(`\n${engine}: ns per call through the entry after ${PASSES} passes over the agreement cases, ${RUNS} fresh runs each`);
  console.log(`| scenario | ${dirs.join(" | ")} |\n|---|${dirs.map(() => "---|").join("")}`);
  for (const scenario of Object.keys(runs[dirs[0]][0])) {
    const cells = dirs.map((dir) => {
      const all = runs[dir].map((run) => run[scenario]);
      const median = [...all].sort((a, b) => a - b)[Math.floor(all.length / 2)];
      return `${median.toFixed(0)} (${all.map((t) => t.toFixed(0)).join(", ")})`;
    });
    console.log(`| ${scenario} | ${cells.join(" | ")} |`);
  }
}

// The page imports this module for `afterHistory`: what runs it needs Node, and is
// imported only under Node.
const inNode = typeof process !== "undefined" && process.versions?.node !== undefined;
const { execFileSync } = inNode ? await import("node:child_process") : {};
const { relative, resolve, sep } = inNode ? await import("node:path") : {};
const { fileURLToPath, pathToFileURL } = inNode ? await import("node:url") : {};
const root = inNode ? fileURLToPath(new URL("..", import.meta.url)) : undefined;
const self = inNode ? fileURLToPath(import.meta.url) : undefined;

if (!inNode) {
  // Imported by a page: nothing to run.
} else if (process.argv[2] === "--child") {
  // One Node run: a process of its own, so that each run's compiled state is its own.
  const dir = process.argv[3];
  const entry = await import(pathToFileURL(resolve(root, dir, "src/validate/index.js")).href);
  const { readFileSync } = await import("node:fs");
  await entry.default(readFileSync(resolve(root, dir, "pkg/coc_incident_validate.wasm")));
  console.log(JSON.stringify(await afterHistory(entry, await import("./cases.mjs"), await import("./suite.mjs"))));
} else if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dirs = process.argv.length > 2 ? process.argv.slice(2).map((dir) => relative(root, resolve(dir)).split(sep).join("/")) : ["."];
  if (dirs.some((dir) => dir !== "." && !dir.startsWith("target/"))) throw new Error("snapshots must lie under target/ (the page is served from it)");
  const node = Object.fromEntries(dirs.map((dir) => [dir, []]));
  // Runs alternate between the snapshots, so that a busy moment of the machine falls on each.
  for (let run = 0; run < RUNS; run++) {
    for (const dir of dirs) node[dir].push(JSON.parse(execFileSync(process.execPath, [self, "--child", dir], { encoding: "utf8" })));
  }
  print(`Node ${process.versions.node}`, dirs, node);

  const { launch } = await import("../tests/support/chromium.mjs");
  const { serve } = await import("./serve.mjs");
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
          await page.evaluate(async (dir) => {
            const base = dir === "." ? "" : `/${dir}`;
            const entry = await import(`${base}/src/validate/index.js`);
            await entry.default(`${base}/pkg/coc_incident_validate.wasm`);
            const { afterHistory } = await import("/bench/history.mjs");
            return afterHistory(entry, await import("/bench/cases.mjs"), await import("/bench/suite.mjs"));
          }, dir),
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
