// SPEC.md's rules in valibot.
import * as v from "valibot";
import { MAX_SAFE, TEXT_RE } from "./shared.mjs";

const text = (max) => v.pipe(v.string(), v.maxLength(max), v.regex(TEXT_RE));
const millis = v.nullish(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_SAFE)));
const base = { incident_num: text(255), operator: text(255) };

const solution = v.pipe(
  v.strictObject({
    mtm_type: text(255),
    is_service_interrupt: v.boolean(),
    cause: text(10000),
    solution: text(10000),
    start_time: millis,
    fault_recovery_time: millis,
  }),
  v.forward(
    v.partialCheck(
      [["start_time"], ["fault_recovery_time"]],
      (p) => !(Number.isInteger(p.start_time) && Number.isInteger(p.fault_recovery_time)) || p.fault_recovery_time >= p.start_time,
      "before start_time",
    ),
    ["fault_recovery_time"],
  ),
);

export const schema = v.variant("operate_key", [
  v.strictObject({ ...base, operate_key: v.literal("acceptedIncident1"), parameter: v.nullish(v.strictObject({})) }),
  v.strictObject({ ...base, operate_key: v.literal("commitSolution1"), parameter: solution }),
  v.strictObject({
    ...base,
    operate_key: v.literal("confirm"),
    parameter: v.strictObject({ virtual_confirm_result: v.boolean(), virtual_confirm_comment: text(300) }),
  }),
]);

export const validate = (input) => v.safeParse(schema, input).success;
