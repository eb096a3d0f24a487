// SPEC.md's rules in zod 4.
import { z } from "zod";
import { MAX_SAFE, TEXT_RE } from "./shared.mjs";

// zod's .max() counts code points (an emoji is 1); the rules count UTF-16 units.
const text = (max) => z.string().regex(TEXT_RE).refine((s) => s.length <= max, `at most ${max}`);
const millis = z.int().min(0).max(MAX_SAFE).nullable().optional();
const base = { incident_num: text(255), operator: text(255) };

const solution = z
  .strictObject({
    mtm_type: text(255),
    is_service_interrupt: z.boolean(),
    cause: text(10000),
    solution: text(10000),
    start_time: millis,
    fault_recovery_time: millis,
  })
  .refine(
    (p) => !(Number.isInteger(p.start_time) && Number.isInteger(p.fault_recovery_time)) || p.fault_recovery_time >= p.start_time,
    { path: ["fault_recovery_time"], message: "before start_time" },
  );

export const schema = z.discriminatedUnion("operate_key", [
  z.strictObject({ ...base, operate_key: z.literal("acceptedIncident1"), parameter: z.strictObject({}).nullable().optional() }),
  z.strictObject({ ...base, operate_key: z.literal("commitSolution1"), parameter: solution }),
  z.strictObject({
    ...base,
    operate_key: z.literal("confirm"),
    parameter: z.strictObject({ virtual_confirm_result: z.boolean(), virtual_confirm_comment: text(300) }),
  }),
]);

export const validate = (input) => schema.safeParse(input).success;
