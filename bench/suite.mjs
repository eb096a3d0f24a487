// The contenders and what is timed, shared by the Node and the browser runs.
import { AGREEMENT, accept, confirm, invalid, keystroke, solution } from "./cases.mjs";
import { measure } from "./timer.mjs";

const BUILD = { endpoint: "/api/coc" };

/** Each contender as `validate(input) -> boolean` and `build(input) -> body | undefined`. */
export function contenders({ coc, raw, ajv, ajvStandalone, zod, valibot }) {
  const js = (validate) => ({ validate, build: (x) => (validate(x) ? JSON.stringify(x) : undefined) });
  const ours = (api) => ({
    validate: (x) => api.validateHandleRequest(x).valid,
    build: (x) => {
      try {
        return api.buildHandleRequest(x, BUILD).body;
      } catch {
        return undefined;
      }
    },
  });
  // What users get (the package entry, with its JavaScript fast path), and what the
  // wasm itself does (wasm-bindgen's binding, every call through the Rust validator).
  const list = { "coc-incident": ours(coc) };
  if (raw) list["coc-incident (raw wasm)"] = ours(raw);
  if (ajv) list["ajv (compiled)"] = js(ajv);
  if (ajvStandalone) list["ajv (standalone)"] = js(ajvStandalone);
  if (zod) list.zod = js(zod);
  if (valibot) list.valibot = js(valibot);
  return list;
}

/** Cases where a contender's verdict differs from the expected one. */
export function disagreements(list) {
  const out = [];
  for (const [name, input, valid] of AGREEMENT) {
    for (const [who, c] of Object.entries(list)) {
      const verdict = c.validate(input);
      if (verdict !== valid) out.push(`${who} says ${verdict ? "valid" : "invalid"} for "${name}"`);
    }
  }
  return out;
}

export const SCENARIOS = [
  ["valid acceptedIncident1", accept, "validate"],
  ["valid commitSolution1", solution, "validate"],
  ["valid confirm", confirm, "validate"],
  ["invalid (4 violations)", invalid, "validate"],
  ["validate + build body (commitSolution1)", solution, "build"],
  ["keystroke: confirm with a 300-character comment", keystroke, "validate"],
];

/** { scenario: { contender: ns per call } } */
export function time(list, options) {
  const out = {};
  for (const [scenario, input, what] of SCENARIOS) {
    out[scenario] = {};
    for (const [who, c] of Object.entries(list)) {
      const fn = c[what];
      out[scenario][who] = measure(() => fn(input), options);
    }
  }
  return out;
}
