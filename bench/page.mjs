// The benchmark in a browser page: the built package as a portal loads it, the
// alternatives from their esbuild bundle.
import init, * as coc from "/src/validate/index.js";
import initMain, * as main from "/src/index.js";
import { TapeWriter } from "/src/validate/tape.js";
import * as alternatives from "/target/bench/alternatives.js";
import { contenders, disagreements, rawSmall, time } from "/bench/suite.mjs";

window.runBench = async (options) => {
  const exports = await init();
  await initMain();
  const list = contenders({ coc, main, raw: rawSmall(exports, TapeWriter), ...alternatives });
  return { disagreements: disagreements(list), timings: time(list, options) };
};

/** Fetch, compile and instantiate, as `init()` of `coc-incident/validate` does on a first visit. */
window.startup = async () => {
  const module = await import("/src/validate/index.js");
  const start = performance.now();
  await module.default();
  return performance.now() - start;
};
/** A fetch of `url` to the end of its body, as `init()` fetches the wasm: what this
 * machine's browser and local server take for a request, which is no part of the
 * package (bench/run.mjs times a 1-byte file and the wasm, each in a cold page). */
window.fetchOnly = async (url) => {
  const start = performance.now();
  await (await fetch(url)).arrayBuffer();
  return performance.now() - start;
};
/** Compile and instantiate the small module only: the bytes are fetched first, outside the clock. */
window.instantiateOnly = async () => {
  const bytes = await (await fetch("/pkg/coc_incident_validate.wasm")).arrayBuffer();
  const start = performance.now();
  await WebAssembly.instantiate(bytes, {});
  return performance.now() - start;
};
/** The same for the full module (wasm-bindgen's init), for comparison. */
window.instantiateFull = async () => {
  const bytes = await (await fetch("/pkg/coc_incident_bg.wasm")).arrayBuffer();
  const glue = await import("/pkg/coc_incident.js");
  const start = performance.now();
  await glue.default({ module_or_path: bytes });
  return performance.now() - start;
};
document.body.dataset.ready = "yes";
