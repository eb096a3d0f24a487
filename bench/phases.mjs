// Where a call of `coc-incident/validate` spends its time, phase by phase, in Node and
// in headless Chromium: writing the tape, the wasm call, decoding the answer's text,
// and what is left (making the result's objects), for the benchmark's inputs. Also
// what one TextDecoder.decode costs by length: in Chromium it is mostly a fixed cost.
// For whoever reworks the boundary; not the benchmark of record (bench/run.mjs). In
// Chromium a figure moves by up to 15% from one page (one JIT history) to the next:
// compare phases within one run, and changes by runs side by side.
// Build first (`npm run build`). Usage: node bench/phases.mjs   (about a minute)
import init, { buildHandleRequest, validateHandleRequest } from "../src/validate/index.js";
import { TapeWriter } from "../src/validate/tape.js";
import { accept, confirm, invalid, solution } from "./cases.mjs";
import { smallWriter } from "./suite.mjs";
import { measure } from "./timer.mjs";

const OPTIONS = { endpoint: "https://coc.example.com" };
const TIMING = { samples: 7, sampleMs: 100 };

/** The phases, in ns per call, given the small module's bytes. */
export async function phases(bytes) {
  await init(bytes);
  // A second instance of the module for the phases, so that the entry's own writer
  // (which keeps what it wrote in its scratch area) is left alone.
  const ex = (await WebAssembly.instantiate(bytes, {})).instance.exports;
  const writer = smallWriter(ex, TapeWriter, { inScratch: true });
  const scratchAt = writer.scratch.at;
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  // Views made again only when memory grew (which empties them), as the entry does.
  let words = new Uint32Array(0), bytesView = new Uint8Array(0);
  const decoded = () => {
    if (bytesView.length === 0) [words, bytesView] = [new Uint32Array(ex.memory.buffer), new Uint8Array(ex.memory.buffer)];
    const at = ex.answer() >>> 2;
    const length = words[at + 3];
    return length === 0 ? "" : utf8.decode(new Uint8Array(ex.memory.buffer, words[at + 2], length));
  };
  const time = (fn) => Math.round(measure(fn, TIMING));
  const rows = [];
  for (const [name, entry, method, input, options] of [
    ["validate, valid acceptedIncident1", validateHandleRequest, ex.validate, accept, undefined],
    ["validate, valid confirm", validateHandleRequest, ex.validate, confirm, undefined],
    ["validate, valid commitSolution1", validateHandleRequest, ex.validate, solution, undefined],
    ["validate, invalid (4 violations)", validateHandleRequest, ex.validate, invalid, undefined],
    ["build, commitSolution1", buildHandleRequest, ex.build, solution, OPTIONS],
  ]) {
    const call = () => method(scratchAt, writer.write(input, options));
    call();
    const [, , , answerBytes] = new Uint32Array(ex.memory.buffer, ex.answer(), 4);
    const whole = time(() => entry(input, options));
    const write = time(() => writer.write(input, options));
    const writeCall = time(call);
    const writeCallDecode = time(() => call() + decoded().length);
    rows.push({
      name,
      whole,
      write,
      wasm: writeCall - write,
      decode: writeCallDecode - writeCall,
      rest: whole - writeCallDecode,
      answerBytes,
    });
  }
  const memory = new Uint8Array(ex.memory.buffer, scratchAt, 4096).fill(0x61);
  const decodes = [1, 30, 100, 500, 2000].map((length) => ({
    length,
    ns: time(() => utf8.decode(memory.subarray(0, length)).length),
  }));
  // A call that reads no tape (address 0: malformed at once): the crossing, with the
  // arena's rewind and an empty answer published.
  const crossing = time(() => ex.validate(0, 0));
  return { rows, decodes, crossing };
}

function print(engine, { rows, decodes, crossing }) {
  console.log(`\n${engine}: ns per call (wasm: the call alone, the tape already written; each phase is a difference of medians, so a small one can come out below 0)`);
  console.log("| call | whole | write tape | wasm | decode text | rest (objects) | answer text bytes |\n|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.name} | ${r.whole} | ${r.write} | ${r.wasm} | ${r.decode} | ${r.rest} | ${r.answerBytes} |`);
  console.log(`TextDecoder.decode: ${decodes.map((d) => `${d.length} B ${d.ns} ns`).join(", ")}`);
  console.log(`A wasm call that reads no tape (the crossing, a rewind, an empty answer): ${crossing} ns`);
}

if (typeof process !== "undefined" && process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const { readFile } = await import("node:fs/promises");
  const { launch } = await import("../tests/support/chromium.mjs");
  const { serve } = await import("./serve.mjs");
  print(`Node ${process.versions.node}`, await phases(await readFile(new URL("../pkg/coc_incident_validate.wasm", import.meta.url))));

  const server = await serve({ dirs: ["pkg", "src", "bench"], pages: { "/phases.html": "<!doctype html><body>" } });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.base}/phases.html`);
    const found = await page.evaluate(async () => {
      const { phases } = await import("/bench/phases.mjs");
      return phases(await (await fetch("/pkg/coc_incident_validate.wasm")).arrayBuffer());
    });
    print(`Chromium ${browser.version()}`, found);
  } finally {
    await browser.close();
    server.close();
  }
}
