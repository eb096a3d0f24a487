// Requests every validator must agree on before any timing, and the inputs timed.
const NUM = "IM202403221515060171753781";
const OP = "7da46971b7e24eed90cf777cc2ff8b91";

export const accept = { incident_num: NUM, operator: OP, operate_key: "acceptedIncident1", parameter: {} };
export const solution = {
  incident_num: NUM,
  operator: OP,
  operate_key: "commitSolution1",
  parameter: {
    mtm_type: "inc_type_p_config_issues",
    is_service_interrupt: true,
    cause: "The log volume filled up after a retention change.",
    solution: "Rotated the logs, restored retention and added a disk alert.",
    start_time: 1711000000000,
    fault_recovery_time: 1711000600000,
  },
};
export const confirm = {
  incident_num: NUM,
  operator: OP,
  operate_key: "confirm",
  parameter: { virtual_confirm_result: false, virtual_confirm_comment: "Alert still firing on db-03." },
};
export const invalid = {
  incident_num: " ",
  operator: OP,
  operate_key: "confirm",
  parameter: { virtual_confirm_result: "false", virtual_confirm_comment: "x".repeat(301), virtual_confirm_coment: "typo" },
};
/** 64 requests made by `make(i)`, validated in turn: a function, each call takes the next. */
function cycle(make) {
  const pool = Array.from({ length: 64 }, (_, i) => make(i));
  let next = 0;
  return () => pool[next++ & 63];
}
const numbered = (i) => ({ incident_num: `${NUM.slice(0, -2)}${String(i).padStart(2, "0")}`, operator: `${OP.slice(0, -2)}${String(i).padStart(2, "0")}` });

/** 64 commitSolution1 requests, each with its own incident, operator, cause and
 * solution, validated in turn: a different request each call, so that no string is the
 * one the last call had (the small module's writer skips copying a string that is:
 * src/validate/tape.js `string`; and its wasm answers a request whose every byte is the
 * last clean one's without checking it again: crates/validate-wasm/src/verdicts.rs).
 * A function: each call takes the next. */
export const solutions = cycle((i) => ({
  ...solution,
  ...numbered(i),
  parameter: { ...solution.parameter, cause: `${solution.parameter.cause} (${i})`, solution: `${solution.parameter.solution} (${i})` },
}));
/** `solutions`' way for acceptedIncident1: its own incident and operator each call. */
export const accepts = cycle((i) => ({ ...accept, ...numbered(i) }));
/** `solutions`' way for confirm: its own incident, operator and comment each call. */
export const confirms = cycle((i) => ({
  ...confirm,
  ...numbered(i),
  parameter: { ...confirm.parameter, virtual_confirm_comment: `${confirm.parameter.virtual_confirm_comment} (${i})` },
}));
export const keystroke = { ...confirm, parameter: { virtual_confirm_result: true, virtual_confirm_comment: "字".repeat(300) } };
/** `keystroke` as a form validated at each keystroke sends it: 64 confirms whose
 * 300-character comments differ in their last character, validated in turn, so that
 * the comment is a new string each call while the other strings are the very same
 * (which the small module neither copies nor checks again: src/validate/tape.js
 * `string`, crates/validate-wasm/src/verdicts.rs). Flat strings (made by `join`), as
 * a text field's value reads back. A function: each call takes the next. */
export const keystrokes = (() => {
  const comment = (i) => [..."字".repeat(299), String.fromCharCode(0x4e00 + i)].join("");
  const pool = Array.from({ length: 64 }, (_, i) => ({ ...keystroke, parameter: { ...keystroke.parameter, virtual_confirm_comment: comment(i) } }));
  let next = 0;
  return () => pool[next++ & 63];
})();

const withParam = (base, patch) => ({ ...base, parameter: { ...base.parameter, ...patch } });
const without = (object, key) => Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));

/** [name, input, valid] */
export const AGREEMENT = [
  ["accept", accept, true],
  ["accept without parameter", without(accept, "parameter"), true],
  ["accept with null parameter", { ...accept, parameter: null }, true],
  ["accept with a parameter field", { ...accept, parameter: { x: 1 } }, false],
  ["solution", solution, true],
  ["solution without times", withParam(solution, { start_time: undefined, fault_recovery_time: undefined }), true],
  ["solution, tenant category", withParam(solution, { mtm_type: "tenant_defined" }), true],
  ["solution, recovery before start", withParam(solution, { fault_recovery_time: 1710999999999 }), false],
  ["solution, equal times", withParam(solution, { fault_recovery_time: 1711000000000 }), true],
  ["solution, negative time", withParam(solution, { start_time: -1 }), false],
  ["solution, fractional time", withParam(solution, { start_time: 1.5 }), false],
  ["solution, boolean as text", withParam(solution, { is_service_interrupt: "true" }), false],
  ["solution, cause 10,000", withParam(solution, { cause: "c".repeat(10000) }), true],
  ["solution, cause 10,001", withParam(solution, { cause: "c".repeat(10001) }), false],
  ["solution, blank solution", withParam(solution, { solution: " \n\t" }), false],
  ["solution without parameter", without(solution, "parameter"), false],
  ["confirm", confirm, true],
  ["confirm, 300 CJK", withParam(confirm, { virtual_confirm_comment: "字".repeat(300) }), true],
  ["confirm, 150 emoji", withParam(confirm, { virtual_confirm_comment: "😀".repeat(150) }), true],
  ["confirm, 151 emoji", withParam(confirm, { virtual_confirm_comment: "😀".repeat(151) }), false],
  ["confirm, unpaired surrogate", withParam(confirm, { virtual_confirm_comment: "ab\uD800c" }), false],
  ["confirm, control character", withParam(confirm, { virtual_confirm_comment: "a\u0007b" }), false],
  ["confirm, tab and newlines", withParam(confirm, { virtual_confirm_comment: "a\tb\r\nc" }), true],
  ["confirm, parameter is an array", { ...confirm, parameter: [] }, false],
  ["confirm, unknown field", withParam(confirm, { extra: 1 }), false],
  ["unknown root field", { ...confirm, incident_nun: "x" }, false],
  ["unknown operate_key", { ...confirm, operate_key: "confirn" }, false],
  ["missing operator", without(confirm, "operator"), false],
  ["incident_num 255", { ...confirm, incident_num: "I".repeat(255) }, true],
  ["incident_num 256", { ...confirm, incident_num: "I".repeat(256) }, false],
  ["null operator", { ...confirm, operator: null }, false],
  ["several violations", invalid, false],
  ["an array", [], false],
  ["null", null, false],
  ["a string", "{}", false],
];
