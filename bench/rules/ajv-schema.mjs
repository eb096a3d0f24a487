// SPEC.md's rules as JSON Schema for ajv (draft 7 with `$data`, `unicode: false` so
// that maxLength counts UTF-16 code units as the rules do).
import { MAX_SAFE, TEXT } from "./shared.mjs";

const text = (max) => ({ type: "string", maxLength: max, pattern: TEXT });
const millis = { type: ["integer", "null"], minimum: 0, maximum: MAX_SAFE };
const key = (value) => ({ properties: { operate_key: { const: value } }, required: ["operate_key"] });

const solution = {
  type: "object",
  required: ["mtm_type", "is_service_interrupt", "cause", "solution"],
  additionalProperties: false,
  properties: {
    mtm_type: text(255),
    is_service_interrupt: { type: "boolean" },
    cause: text(10000),
    solution: text(10000),
    start_time: millis,
    fault_recovery_time: millis,
  },
  if: { properties: { start_time: { type: "integer" } }, required: ["start_time"] },
  then: { properties: { fault_recovery_time: { type: ["integer", "null"], minimum: { $data: "1/start_time" } } } },
};

const confirm = {
  type: "object",
  required: ["virtual_confirm_result", "virtual_confirm_comment"],
  additionalProperties: false,
  properties: { virtual_confirm_result: { type: "boolean" }, virtual_confirm_comment: text(300) },
};

export const schema = {
  $id: "https://coc-incident.invalid/handle-request.json",
  type: "object",
  required: ["incident_num", "operator", "operate_key"],
  additionalProperties: false,
  properties: {
    incident_num: text(255),
    operator: text(255),
    operate_key: { enum: ["acceptedIncident1", "commitSolution1", "confirm"] },
    parameter: {},
  },
  allOf: [
    {
      if: key("acceptedIncident1"),
      then: { properties: { parameter: { anyOf: [{ type: "null" }, { type: "object", maxProperties: 0 }] } } },
    },
    { if: key("commitSolution1"), then: { required: ["parameter"], properties: { parameter: solution } } },
    { if: key("confirm"), then: { required: ["parameter"], properties: { parameter: confirm } } },
  ],
};

// `unicode: false` is deprecated but still what makes maxLength count UTF-16 units.
export const AJV_OPTIONS = { $data: true, unicode: false, allErrors: true, logger: false, code: { esm: true, source: true } };
