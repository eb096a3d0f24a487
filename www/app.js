// The request checker: validates the JSON in the text area on every keystroke.
import init, { buildHandleRequest, validateHandleRequest } from "/pkg/coc_incident.js";

const EXAMPLES = {
  acceptedIncident1: { incident_num: "IM202403221515060171753781", operator: "7da46971b7e24eed90cf777cc2ff8b91", operate_key: "acceptedIncident1", parameter: {} },
  commitSolution1: {
    incident_num: "IM202403221515060171753781",
    operator: "7da46971b7e24eed90cf777cc2ff8b91",
    operate_key: "commitSolution1",
    parameter: { mtm_type: "inc_type_p_config_issues", is_service_interrupt: true, cause: "100001", solution: "20001" },
  },
  confirm: {
    incident_num: "IM202403221515060171753781",
    operator: "7da46971b7e24eed90cf777cc2ff8b91",
    operate_key: "confirm",
    parameter: { virtual_confirm_result: false, virtual_confirm_comment: "13" },
  },
};

const $ = (id) => document.getElementById(id);

function item(violation, kind) {
  const li = document.createElement("li");
  li.className = kind;
  const path = document.createElement("code");
  path.textContent = violation.path || "(root)";
  li.append(path, ` ${violation.message}`);
  return li;
}

function check() {
  const locale = $("locale").value;
  let input;
  try {
    input = JSON.parse($("request").value);
  } catch (error) {
    $("status").className = "bad";
    $("status").textContent = `Not JSON: ${error.message}`;
    $("violations").replaceChildren();
    $("body").textContent = "";
    return;
  }
  const report = validateHandleRequest(input, { locale });
  $("status").className = report.valid ? "ok" : "bad";
  $("status").textContent = report.valid
    ? `Valid${report.warnings.length ? `, ${report.warnings.length} warning(s)` : ""}.`
    : `${report.errors.length} problem(s).`;
  $("violations").replaceChildren(
    ...report.errors.map((v) => item(v, "error")),
    ...report.warnings.map((v) => item(v, "warning")),
  );
  $("body").textContent = report.valid ? buildHandleRequest(input, { endpoint: "/", locale }).body : "";
}

function load(key) {
  $("request").value = JSON.stringify(EXAMPLES[key], null, 2);
  check();
}

await init();
$("request").addEventListener("input", check);
$("locale").addEventListener("change", check);
$("example").addEventListener("change", (event) => load(event.target.value));
load($("example").value);
