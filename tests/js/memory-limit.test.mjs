// An input larger than the memory the engine lets the small module have: validate and
// build throw a RangeError that says so (the tape is refused before it is copied in),
// and the module goes on answering. Run in a Node process whose wasm memory is capped at
// 300 pages (19 MiB), with a 40 MB comment. (Memory that runs out later in a call, for
// a tape that fitted, still ends it with a trap, after which the module answers too.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

test("an input beyond the memory wasm may have is a RangeError, and the module goes on", () => {
  const script = `
    import init, { validateHandleRequest, buildHandleRequest } from "coc-incident/validate";
    await init();
    const request = (comment) => ({ incident_num: "IM1", operator: "op", operate_key: "confirm",
      parameter: { virtual_confirm_result: true, virtual_confirm_comment: comment } });
    const said = (call) => { try { return call().valid ?? "built"; } catch (e) { return e.constructor.name + ": " + e.message; } };
    const huge = "x".repeat(40e6);
    console.log(JSON.stringify([
      said(() => validateHandleRequest(request(huge))),
      said(() => buildHandleRequest(request(huge), { endpoint: "https://coc.example" })),
      said(() => validateHandleRequest(request("ok"))),
    ]));`;
  const cwd = fileURLToPath(new URL("../..", import.meta.url));
  const out = execFileSync(process.execPath, ["--wasm-max-mem-pages=300", "--input-type=module", "-e", script], { cwd });
  assert.deepEqual(JSON.parse(out), [
    "RangeError: coc-incident: no memory left for this input",
    "RangeError: coc-incident: no memory left for this input",
    true,
  ]);
});
