import { TapeWriter } from "./src/validate/tape.js";
import { confirm, solution } from "./bench/cases.mjs";
const tw = new TapeWriter(32, 10000);
function t(f, n = 200000) { for (let i = 0; i < 20000; i++) f(); const s = performance.now(); for (let i = 0; i < n; i++) f(); return ((performance.now() - s) * 1e6 / n).toFixed(0) + " ns"; }
for (const x of [confirm, solution]) console.log("encode", t(() => tw.write(x, undefined)));
