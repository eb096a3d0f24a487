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
import { invalid, solution } from "./cases.mjs";
import { measure } from "./timer.mjs";

const OPTIONS = { endpoint: "https://coc.example.com" };
const TIMING = { samples: 7, sampleMs: 100 };

/** The phases, in ns per call, given the small module's bytes. */
export async function phases(bytes) {
  await init(bytes);
  // A second instance of the module for the phases, so that the entry's own writer
  // (which keeps what it wrote in its scratch area) is left alone.
  const ex = (await WebAssembly.instantiate(bytes, {})).instance.exports;
  ex.names();
  const [numbersAt, numbersLength, textAt, textLength] = new Uint32Array(ex.memory.buffer, ex.answer(), 4);
  const [maxDepth, maxNodes, scratchAt, scratchBytes] = new Float64Array(ex.memory.buffer, numbersAt, numbersLength);
  const names = new TextDecoder().decode(new Uint8Array(ex.memory.buffer, textAt, textLength)).split("\n");
  const writer = new TapeWriter(maxDepth, maxNodes, { memory: ex.memory, at: scratchAt, bytes: scratchBytes }, names);
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  // Views made again only when memory grew (which empties them), as the entry does.
  let words = new Uint32Array(0), bytesView = new Uint8Array(0);
  const decoded = () => {
    if (bytesView.length === 0) [words, bytesView] = [new Uint32Array(ex.memory.buffer), new Uint8Array(ex.memory.buffer)];
    const at = ex.answer() >>> 2;
    const length = words[at + 3];
    return length === 0 ? "" : utf8.decode(bytesView.subarray(words[at + 2], words[at + 2] + length));
  };
  const time = (fn) => Math.round(measure(fn, TIMING));
  const rows = [];
  for (const [name, entry, method, input, options] of [
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
  return { rows, decodes };
}

function print(engine, { rows, decodes }) {
  console.log(`\n${engine}: ns per call (wasm: the call alone, the tape already written)`);
  console.log("| call | whole | write tape | wasm | decode text | rest (objects) | answer text bytes |\n|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.name} | ${r.whole} | ${r.write} | ${r.wasm} | ${r.decode} | ${r.rest} | ${r.answerBytes} |`);
  console.log(`TextDecoder.decode: ${decodes.map((d) => `${d.length} B ${d.ns} ns`).join(", ")}`);
}

if (typeof process !== "undefined" && process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const { readFile } = await import("node:fs/promises");
  const { createServer } = await import("node:http");
  const { extname, join, normalize, sep } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const { launch } = await import("../tests/support/chromium.mjs");
  const root = fileURLToPath(new URL("..", import.meta.url));
  const wasmPath = join(root, "pkg/coc_incident_validate.wasm");
  print(`Node ${process.versions.node}`, await phases(await readFile(wasmPath)));

  const types = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/phases.html") return res.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><body>");
    const file = normalize(join(root, path));
    try {
      if (!["pkg", "src", "bench"].some((dir) => file.startsWith(join(root, dir) + sep))) throw new Error("not served");
      res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/phases.html`);
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
