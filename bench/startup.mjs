// Where `init()` of `coc-incident/validate` spends its time in headless Chromium, cold
// (a new browser context for each of RUNS pages, as bench/run.mjs times `init()`):
// importing the entry (its modules fetched one by one, unbundled, from a blank page:
// bench/run.mjs's page has imported it before its clock starts, and a bundled page
// fetches one script), the fetch to the response's headers, instantiateStreaming
// (the body and the compile), and `initSync` of a module compiled beforehand (the
// instantiation, then the entry's start: `names()` in wasm and what JavaScript makes of
// it); then the first validation of a clean request and of an invalid one, whose wasm
// functions and JavaScript run for the first time. Medians. For work on start-up; not
// the benchmark of record. Build first (`npm run build`).
// Usage: node bench/startup.mjs   (about half a minute)
import { launch } from "../tests/support/chromium.mjs";
import { serve } from "./serve.mjs";

const RUNS = 15;

/** The parts, in ms, in one cold page. */
async function parts() {
  const t0 = performance.now();
  const entry = await import("/src/validate/index.js");
  const t1 = performance.now();
  const response = await fetch("/pkg/coc_incident_validate.wasm");
  const t2 = performance.now();
  const { module } = await WebAssembly.instantiateStreaming(response, {});
  const t3 = performance.now();
  new WebAssembly.Instance(module, {});
  const t4 = performance.now();
  entry.initSync(module);
  const t5 = performance.now();
  entry.validateHandleRequest({ incident_num: "IM1", operator: "op", operate_key: "confirm", parameter: { virtual_confirm_result: true } });
  const t6 = performance.now();
  entry.validateHandleRequest({ incident_num: " ", operator: "op", operate_key: "confirn" });
  const t7 = performance.now();
  return {
    "importing the entry": t1 - t0,
    "fetch, to the response's headers": t2 - t1,
    "instantiateStreaming (body and compile)": t3 - t2,
    "instantiating a compiled module": t4 - t3,
    "initSync of a compiled module (instantiation and the entry's start)": t5 - t4,
    "the first validation, a clean request": t6 - t5,
    "the next, an invalid request (first report)": t7 - t6,
  };
}

const server = await serve({ dirs: ["pkg", "src"], pages: { "/startup.html": "<!doctype html><body>" } });
const browser = await launch();
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.base}/startup.html`);
    runs.push(await page.evaluate(parts));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const median = (list) => list.sort((a, b) => a - b)[list.length >> 1];
console.log(`init() of coc-incident/validate in Chromium ${browser.version()}, cold, medians of ${RUNS} pages (ms):`);
for (const part of Object.keys(runs[0])) console.log(`  ${median(runs.map((run) => run[part])).toFixed(2).padStart(6)}  ${part}`);
