// Writes the benchmark's inputs as the tapes the small module reads, exactly as
// `coc-incident/validate` writes them (src/validate/tape.js, with the module's own
// names table), for crates/validate-wasm/examples/profile.rs to replay natively under
// a profiler. Build first (`npm run build`). Usage: node bench/tapes.mjs [dir]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { TapeWriter } from "../src/validate/tape.js";
import { accept, confirm, invalid, keystroke, solution } from "./cases.mjs";

const dir = process.argv[2] ?? new URL("../target/tapes/", import.meta.url).pathname;
const bytes = readFileSync(new URL("../pkg/coc_incident_validate.wasm", import.meta.url));
const wasm = (await WebAssembly.instantiate(bytes, {})).instance.exports;
wasm.names();
const [numbersAt, numbersLength, textAt, textLength] = new Uint32Array(wasm.memory.buffer, wasm.answer(), 4);
const [maxDepth, maxNodes] = new Float64Array(wasm.memory.buffer, numbersAt, numbersLength);
const names = new TextDecoder().decode(new Uint8Array(wasm.memory.buffer, textAt, textLength)).split("\n");
const writer = new TapeWriter(maxDepth, maxNodes, undefined, names);
mkdirSync(dir, { recursive: true });
const options = { endpoint: "https://coc.example.com" };
for (const [name, input, opts] of [["accept", accept], ["solution", solution], ["confirm", confirm], ["invalid", invalid], ["keystroke", keystroke], ["build", solution, options]]) {
  const length = writer.write(input, opts);
  writeFileSync(`${dir}/${name}.tape`, writer.bytes.subarray(0, length));
}
console.log(`tapes written to ${dir}`);
