// Writes the benchmark's inputs as the tapes the small module reads, exactly as
// `coc-incident/validate` writes them (src/validate/tape.js, with the module's own
// names table), for crates/validate-wasm/examples/profile.rs to replay natively under
// a profiler. `NAME.again.tape` is the tape of an input validated right after itself,
// its strings marked unchanged (the profile, which validates one tape at one address
// again and again, then times a clean one answered as the very bytes it answered last:
// verdicts.rs; an invalid one, or one past 1 KB, read with the verdicts kept for its
// strings). `accepts.0.tape` to `.3` (and solutions', confirms') are four different
// requests, for the profile to validate in turn.
// Build first (`npm run build`). Usage: node bench/tapes.mjs [dir]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { TapeWriter } from "../src/validate/tape.js";
import { accept, accepts, confirm, confirms, invalid, keystroke, solution, solutions } from "./cases.mjs";
import { smallWriter } from "./suite.mjs";

const dir = process.argv[2] ?? new URL("../target/tapes/", import.meta.url).pathname;
const bytes = readFileSync(new URL("../pkg/coc_incident_validate.wasm", import.meta.url));
const writer = smallWriter((await WebAssembly.instantiate(bytes, {})).instance.exports, TapeWriter);
mkdirSync(dir, { recursive: true });
const options = { endpoint: "https://coc.example.com" };
for (const [name, input, opts] of [["accept", accept], ["solution", solution], ["confirm", confirm], ["invalid", invalid], ["keystroke", keystroke], ["build", solution, options]]) {
  const length = writer.write(input, opts);
  writeFileSync(`${dir}/${name}.tape`, writer.bytes.subarray(0, length));
}
// Four requests of each "a different request each call" row (NAME.0.tape to NAME.3.tape),
// for the profile to take in turn: none is the last one answered, nor marked.
for (const [name, next] of [["accepts", accepts], ["solutions", solutions], ["confirms", confirms]]) {
  for (let i = 0; i < 4; i++) {
    const length = writer.write(next());
    writeFileSync(`${dir}/${name}.${i}.tape`, writer.bytes.subarray(0, length));
  }
}
// In the module's scratch area, as the entry writes them: the second tape of each is marked.
const again = smallWriter((await WebAssembly.instantiate(bytes, {})).instance.exports, TapeWriter, { inScratch: true });
for (const [name, input] of [["accept", accept], ["solution", solution], ["confirm", confirm]]) {
  again.write(input);
  const length = again.write(input);
  writeFileSync(`${dir}/${name}.again.tape`, again.bytes.slice(0, length));
}
console.log(`tapes written to ${dir}`);
