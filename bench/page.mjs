// The benchmark in a browser page: the built package as a portal loads it, the
// alternatives from their esbuild bundle.
import init, * as coc from "/src/index.js";
import * as raw from "/pkg/coc_incident.js";
import * as alternatives from "/target/bench/alternatives.js";
import { contenders, disagreements, time } from "/bench/suite.mjs";

window.runBench = async (options) => {
  await init();
  const list = contenders({ coc, raw, ...alternatives });
  return { disagreements: disagreements(list), timings: time(list, options) };
};

/** Fetch, compile and instantiate the wasm, as `init()` does on a first visit. */
window.startup = async () => {
  const module = await import("/src/index.js");
  const start = performance.now();
  await module.default();
  return performance.now() - start;
};
/** Compile and instantiate only: the bytes are fetched first, outside the clock. */
window.instantiateOnly = async () => {
  const bytes = await (await fetch("/pkg/coc_incident_bg.wasm")).arrayBuffer();
  const glue = await import("/pkg/coc_incident.js");
  const start = performance.now();
  await glue.default({ module_or_path: bytes });
  return performance.now() - start;
};
document.body.dataset.ready = "yes";
