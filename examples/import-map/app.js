// A plain page: the browser resolves "coc-incident/…" through the import map.
import init, { IncidentClient } from "coc-incident/client";
import { bindForm } from "coc-incident/forms";

await init(); // fetches coc_incident_bg.wasm beside the package's glue

const form = document.getElementById("verify");
const outcome = document.getElementById("outcome");
// Same origin here; a portal passes its COC endpoint or proxy path.
bindForm(form, { client: new IncidentClient({ endpoint: "/" }) });
form.addEventListener("coc:success", () => (outcome.textContent = "Verified."));
form.addEventListener("coc:error", (event) => (outcome.textContent = `Not sent: ${event.detail.error.message}`));
