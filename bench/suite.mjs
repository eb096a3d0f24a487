// The contenders and what is timed, shared by the Node and the browser runs.
import { AGREEMENT, accept, confirm, invalid, keystroke, solution } from "./cases.mjs";
import { measure } from "./timer.mjs";

const BUILD = { endpoint: "/api/coc" };

/** Each contender as `validate(input) -> boolean` and `build(input) -> body | undefined`. */
export function contenders({ coc, ajv, ajvStandalone, zod, valibot }) {
  const js = (validate) => ({ validate, build: (x) => (validate(x) ? JSON.stringify(x) : undefined) });
  const list = {
    "coc-incident": {
      validate: (x) => coc.validateHandleRequest(x).valid,
      build: (x) => {
        try {
          return coc.buildHandleRequest(x, BUILD).body;
        } catch {
          return undefined;
        }
      },
    },
  };
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
