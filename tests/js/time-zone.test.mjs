// Times in messages are told in the user's time zone (a recovery before the start), by
// both modules alike: the small module's JavaScript (src/validate/index.js `date`) and
// the full module's Rust (crates/core/src/json.rs `iso_date`, given the offset by
// src/js/options.rs). Each zone runs in a Node process of its own, started with TZ set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** What a process in `zone` answers: `[recovery ms, English, Chinese]` for each time. */
function messagesIn(zone, times) {
  const script = `
    import initFull, { validateHandleRequest as full } from "coc-incident";
    import initSmall, { validateHandleRequest as small } from "coc-incident/validate";
    await initFull();
    await initSmall();
    const out = [];
    for (const ms of ${JSON.stringify(times)}) {
      const request = { incident_num: "IM1", operator: "op", operate_key: "commitSolution1",
        parameter: { mtm_type: "inc_type_p_security_issues", cause: "c", solution: "s",
          is_service_interrupt: true, start_time: ms + 1, fault_recovery_time: ms } };
      const said = [];
      for (const locale of ["en", "zh-CN"]) {
        const a = small(request, { locale }).errors.map((e) => e.message);
        const b = full(request, { locale }).errors.map((e) => e.message);
        if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error("the modules differ: " + a + " / " + b);
        said.push(a[0]);
      }
      out.push([ms, ...said]);
    }
    console.log(JSON.stringify(out));`;
  const cwd = fileURLToPath(new URL("../..", import.meta.url));
  const json = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd, env: { ...process.env, TZ: zone } });
  return JSON.parse(json);
}

/** The times a message tells, as written. */
const timesIn = (message) => message.match(/[+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(?:Z|[+-]\d\d:\d\d)/g);

test("Beijing's users read Beijing's time, with its offset, in English and Chinese", () => {
  const [[, en, zh]] = messagesIn("Asia/Shanghai", [1_710_999_999_999]);
  assert.equal(
    en,
    "Fault recovery time must not be before Fault start time (2024-03-21T13:46:40.000+08:00), got 2024-03-21T13:46:39.999+08:00.",
  );
  assert.equal(zh, "故障恢复时间不能早于故障开始时间（2024-03-21T13:46:40.000+08:00），当前为 2024-03-21T13:46:39.999+08:00。");
});

test("in UTC a time is written as toISOString writes it", () => {
  const [[, en]] = messagesIn("UTC", [1_710_999_999_999]);
  assert.equal(en, "Fault recovery time must not be before Fault start time (2024-03-21T05:46:40.000Z), got 2024-03-21T05:46:39.999Z.");
});

test("in zones west and east, with summer time, half and quarter hours: both modules write the same times, each the very instant", () => {
  // Seeded times from 1970 to 2100, the first and last a Date holds, and the hours
  // around New York's change to summer time in 2024 (10 March, 07:00 UTC).
  let seed = 20261125;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const times = [0, 1, 8.64e15 - 1, 1_710_054_000_000 - 1, 1_710_054_000_000];
  for (let i = 0; i < 400; i++) times.push(Math.floor(random() * 4_102_444_800_000));
  for (const zone of ["America/New_York", "Asia/Kathmandu", "Pacific/Marquesas", "Pacific/Kiritimati", "Australia/Lord_Howe", "Europe/London"]) {
    for (const [ms, en, zh] of messagesIn(zone, times)) {
      const told = timesIn(en);
      assert.deepEqual(timesIn(zh), told, `${zone} ${ms}`);
      // The start (ms + 1), then the recovery: each parses back to its instant.
      assert.deepEqual(told.map((t) => Date.parse(t)), [ms + 1, ms], `${zone} ${ms}: ${en}`);
    }
  }
});

test("New York's times carry the offset of their own instant, before and after summer time starts", () => {
  const [[, before], [, after]] = messagesIn("America/New_York", [1_710_054_000_000 - 2, 1_710_054_000_000]);
  assert.deepEqual(timesIn(before), ["2024-03-10T01:59:59.999-05:00", "2024-03-10T01:59:59.998-05:00"]);
  assert.deepEqual(timesIn(after), ["2024-03-10T03:00:00.001-04:00", "2024-03-10T03:00:00.000-04:00"]);
});
