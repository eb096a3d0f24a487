// The lean path: `coc-incident/validate` (the small wasm) checks as the user types,
// builds the exact request, and the page sends it with its own fetch.
import init, { validateHandleRequest, buildHandleRequest } from "coc-incident/validate";

await init(); // Vite serves the package's .wasm as an asset: no plugin, no config

const form = document.getElementById("accept");
const operator = form.elements.namedItem("operator");
const message = document.getElementById("operator-message");
const outcome = document.getElementById("outcome");

const request = () => ({
  incident_num: "IM202403221515060171753781",
  operator: operator.value,
  operate_key: "acceptedIncident1",
});

function show() {
  const { errors } = validateHandleRequest(request());
  const mine = errors.find((v) => v.path === "operator");
  message.textContent = mine ? mine.message : "";
  operator.setAttribute("aria-invalid", String(Boolean(mine)));
  return errors.length === 0;
}

operator.addEventListener("input", show);
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!show()) return operator.focus();
  // Same origin here; a portal passes its COC endpoint or proxy path.
  const { method, url, headers, body } = buildHandleRequest(request(), { endpoint: location.origin });
  const response = await fetch(url, { method, headers, body });
  const answer = await response.json();
  outcome.textContent = answer.error_code === "GOM.00000000" ? "Accepted." : `Refused: ${answer.error_msg}`;
});
