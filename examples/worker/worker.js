// A module worker: the small module checks, the full one sends (gloo-net's fetch works
// in a worker as in a page). Messages in, plain data out: errors and reports are
// structured-cloneable once made plain.
import initValidate, { validateHandleRequest } from "coc-incident/validate";
import initClient, { IncidentClient } from "coc-incident/client";

// Listening before the wasm is ready, so that no message posted meanwhile is lost.
const ready = Promise.all([initValidate(), initClient()]).then(
  () => new IncidentClient({ endpoint: self.location.origin }),
);

self.addEventListener("message", async ({ data: request }) => {
  const client = await ready;
  const report = validateHandleRequest(request);
  if (!report.valid) {
    self.postMessage({ errors: report.errors, outcome: "Fix the fields above." });
    return;
  }
  try {
    await client.handle(request);
    self.postMessage({ errors: [], outcome: "Accepted." });
  } catch (error) {
    self.postMessage({ errors: [], outcome: `${error.name}: ${error.message}` });
  }
});
