// The page only posts the request: the worker validates and sends it, so the page's
// main thread loads no wasm at all.
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
const operator = document.getElementById("operator");
const errors = document.getElementById("errors");
const outcome = document.getElementById("outcome");

document.getElementById("send").addEventListener("click", () => {
  worker.postMessage({
    incident_num: "IM202403221530120171753782",
    operator: operator.value,
    operate_key: "acceptedIncident1",
  });
});

worker.addEventListener("message", ({ data }) => {
  errors.replaceChildren(
    ...data.errors.map((violation) => Object.assign(document.createElement("li"), { textContent: violation.message })),
  );
  outcome.textContent = data.outcome;
});
