// The COC emulator on its own: its state machine, its validation (the oracle the
// library is tested against), tokens, CORS, the log and the ways it misbehaves.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";

import { CODES, createEmulator } from "../../scripts/emulator.mjs";
import { listen } from "../../scripts/serve.mjs";

const TOKEN = "emulator-test-token";
const emulator = createEmulator({ token: TOKEN });
let server;
let base;

before(async () => {
  server = await listen(async (req, res) => {
    if (!(await emulator.handle(req, res))) res.writeHead(404).end();
  }, 0);
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());
beforeEach(() => emulator.reset());

const HANDLE = "/v1/external/incident/handle";
const ACCEPT_ME = "IM202403221515060171753781";

async function post(body, { token = TOKEN, raw = false } = {}) {
  const headers = { "Content-Type": "application/json;charset=UTF-8" };
  if (token !== null) headers["X-Auth-Token"] = token;
  const response = await fetch(base + HANDLE, { method: "POST", headers, body: raw ? body : JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

async function view(num) {
  const response = await fetch(`${base}/v1/external/incident/${num}`, { headers: { "X-Auth-Token": TOKEN } });
  return (await response.json()).data;
}

const request = (operate_key, parameter, incident_num = ACCEPT_ME) => ({ incident_num, operator: "op-1", operate_key, parameter });
const solution = { mtm_type: "inc_type_p_config_issues", is_service_interrupt: false, cause: "c", solution: "s" };

describe("state machine", () => {
  test("to be accepted, handling, to be verified, back to handling, closed", async () => {
    assert.equal((await view(ACCEPT_ME)).status, "to_be_accepted");
    const steps = [
      [request("acceptedIncident1", {}), "handling"],
      [request("commitSolution1", solution), "to_be_verified"],
      [request("confirm", { virtual_confirm_result: false, virtual_confirm_comment: "still broken" }), "handling"],
      [request("commitSolution1", solution), "to_be_verified"],
      [request("confirm", { virtual_confirm_result: true, virtual_confirm_comment: "fixed" }), "closed"],
    ];
    for (const [body, state] of steps) {
      const answer = await post(body);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { provider_code: "049", error_code: CODES.SUCCESS, error_msg: null, data: null });
      assert.equal((await view(ACCEPT_ME)).status, state);
    }
    assert.equal((await view(ACCEPT_ME)).history.length, 5);
  });

  test("an action in the wrong state is refused with the emulator's own code", async () => {
    for (const body of [request("commitSolution1", solution), request("confirm", { virtual_confirm_result: true, virtual_confirm_comment: "x" })]) {
      const answer = await post(body);
      assert.equal(answer.status, 409);
      assert.equal(answer.body.error_code, CODES.WRONG_STATE);
    }
    await post(request("acceptedIncident1"));
    assert.equal((await post(request("acceptedIncident1"))).status, 409);
    assert.equal((await view(ACCEPT_ME)).status, "handling");
  });

  test("an unknown ticket", async () => {
    const answer = await post(request("acceptedIncident1", {}, "IM000"));
    assert.equal(answer.status, 404);
    assert.equal(answer.body.error_code, CODES.NOT_FOUND);
  });
});

describe("validation", () => {
  const invalid = {
    "not JSON": "{",
    "an array": [],
    "no incident_num": { operator: "o", operate_key: "acceptedIncident1" },
    "a blank operator": { incident_num: ACCEPT_ME, operator: " ", operate_key: "acceptedIncident1" },
    "incident_num of 256": { incident_num: "I".repeat(256), operator: "o", operate_key: "acceptedIncident1" },
    "an unknown operate_key": request("close", {}),
    "accept with a string parameter": request("acceptedIncident1", "x"),
    "a solution without parameter": request("commitSolution1"),
    "is_service_interrupt as text": request("commitSolution1", { ...solution, is_service_interrupt: "true" }),
    "a cause of 10,001": request("commitSolution1", { ...solution, cause: "c".repeat(10001) }),
    "a blank solution": request("commitSolution1", { ...solution, solution: "" }),
    "a fractional start_time": request("commitSolution1", { ...solution, start_time: 1.5 }),
    "a negative fault_recovery_time": request("commitSolution1", { ...solution, fault_recovery_time: -1 }),
    "recovery before start": request("commitSolution1", { ...solution, start_time: 10, fault_recovery_time: 9 }),
    "a comment of 301": request("confirm", { virtual_confirm_result: true, virtual_confirm_comment: "x".repeat(301) }),
    "151 emoji": request("confirm", { virtual_confirm_result: true, virtual_confirm_comment: "😀".repeat(151) }),
    "a result as text": request("confirm", { virtual_confirm_result: "false", virtual_confirm_comment: "x" }),
    "an unpaired surrogate": `{"incident_num":"${ACCEPT_ME}","operator":"\\ud800","operate_key":"acceptedIncident1"}`,
    "a control character": request("confirm", { virtual_confirm_result: true, virtual_confirm_comment: "a\u0007b" }),
  };
  for (const [name, body] of Object.entries(invalid)) {
    test(`400 Invalid parameters for ${name}`, async () => {
      const answer = await post(body, { raw: typeof body === "string" });
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, { provider_code: "049", error_code: CODES.INVALID, error_msg: "Invalid parameters", data: null });
      assert.equal((await view(ACCEPT_ME)).status, "to_be_accepted");
    });
  }

  test("limits counted as UTF-16: 300 CJK characters and 150 emoji pass", async () => {
    await post(request("acceptedIncident1"));
    await post(request("commitSolution1", { ...solution, start_time: 5, fault_recovery_time: 5, extra_key: 1 }));
    const answer = await post(request("confirm", { virtual_confirm_result: false, virtual_confirm_comment: "事".repeat(300) }));
    assert.equal(answer.status, 200);
    await post(request("commitSolution1", solution));
    const emoji = await post(request("confirm", { virtual_confirm_result: true, virtual_confirm_comment: "😀".repeat(150) }));
    assert.equal(emoji.status, 200);
  });
});

describe("tokens, CORS and the log", () => {
  test("a missing or wrong token is refused, and never logged", async () => {
    for (const token of [null, "wrong"]) {
      const answer = await post(request("acceptedIncident1"), { token });
      assert.equal(answer.status, 401);
      assert.equal(answer.body.error_code, CODES.UNAUTHORIZED);
    }
    assert.equal((await post(request("acceptedIncident1"))).status, 200);
    const log = await (await fetch(`${base}/__emulator/log`)).json();
    assert.deepEqual(log.map((e) => [e.has_token, e.status]), [[false, 401], [true, 401], [true, 200]]);
    assert.ok(!JSON.stringify(log).includes(TOKEN));
  });

  test("a preflight from another origin is answered, and so is the request", async () => {
    const preflight = await fetch(base + HANDLE, {
      method: "OPTIONS",
      headers: {
        Origin: "http://portal.localhost:3000",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-auth-token,x-csrf-token",
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "http://portal.localhost:3000");
    assert.match(preflight.headers.get("access-control-allow-methods"), /POST/);
    assert.equal(preflight.headers.get("access-control-allow-headers"), "content-type,x-auth-token,x-csrf-token");
    const response = await fetch(`${base}/v1/external/incident/${ACCEPT_ME}`, {
      headers: { Origin: "http://portal.localhost:3000", "X-Auth-Token": TOKEN },
    });
    assert.equal(response.headers.get("access-control-allow-origin"), "http://portal.localhost:3000");
  });

  test("the log records API requests only; reset restores the seeds", async () => {
    await post(request("acceptedIncident1"));
    await fetch(`${base}/__emulator/tickets`);
    const log = await (await fetch(`${base}/__emulator/log`)).json();
    assert.equal(log.length, 1);
    assert.equal(log[0].path, HANDLE);
    assert.equal(log[0].content_type, "application/json;charset=UTF-8");
    assert.equal(log[0].body, JSON.stringify(request("acceptedIncident1")));
    await fetch(`${base}/__emulator/reset`, { method: "POST", headers: { "Content-Type": "application/json" } });
    assert.deepEqual(await (await fetch(`${base}/__emulator/log`)).json(), []);
    assert.equal((await view(ACCEPT_ME)).status, "to_be_accepted");
    const tickets = await (await fetch(`${base}/__emulator/tickets`)).json();
    assert.deepEqual(tickets.map((t) => t.status), ["to_be_accepted", "to_be_accepted", "handling", "to_be_verified", "closed"]);
  });
});

describe("misbehaviour on purpose", () => {
  const misbehave = (wish) => fetch(`${base}/__emulator/misbehave`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(wish) });

  test("502 with an HTML page", async () => {
    await misbehave({ mode: "html502" });
    const response = await fetch(base + HANDLE, { method: "POST", headers: { "X-Auth-Token": TOKEN }, body: "{}" });
    assert.equal(response.status, 502);
    assert.match(response.headers.get("content-type"), /text\/html/);
    assert.match(await response.text(), /^<html>/);
    // Only the next request misbehaves.
    assert.equal((await post(request("acceptedIncident1"))).status, 200);
  });

  test("provider_code as a number", async () => {
    await misbehave({ mode: "numeric_provider_code" });
    assert.equal((await post(request("acceptedIncident1"))).body.provider_code, 4);
  });

  test("a slow answer still arrives", async () => {
    await misbehave({ mode: "slow", delay_ms: 300 });
    const started = Date.now();
    assert.equal((await post(request("acceptedIncident1"))).status, 200);
    assert.ok(Date.now() - started >= 250);
  });

  test("a dropped connection", async () => {
    await misbehave({ mode: "drop" });
    await assert.rejects(post(request("acceptedIncident1")), TypeError);
    assert.equal((await view(ACCEPT_ME)).status, "to_be_accepted");
  });

  test("an unknown mode is refused", async () => {
    assert.equal((await misbehave({ mode: "explode" })).status, 400);
  });

  test("a misbehaviour that could not be acted on is refused, and the emulator goes on", async () => {
    for (const wish of [
      { mode: "answer", status: 1 }, { mode: "answer", status: 700 }, { mode: "answer", status: "200" },
      { mode: "answer", body: 123 }, { mode: "slow", delay_ms: -1 }, { mode: "slow", count: 0 }, [1],
    ]) {
      assert.equal((await misbehave(wish)).status, 400, JSON.stringify(wish));
    }
    assert.equal((await post(request("acceptedIncident1"))).status, 200);
  });
});

describe("what a page of another origin, or a broken request, can do", () => {
  test("a malformed ticket number is a 404, and the emulator goes on", async () => {
    const response = await fetch(`${base}/v1/external/incident/%E0%A4%A`, { headers: { "X-Auth-Token": TOKEN } });
    assert.equal(response.status, 404);
    assert.equal((await response.json()).error_code, CODES.NOT_FOUND);
    assert.equal((await post(request("acceptedIncident1"))).status, 200);
  });

  test("control paths answer no other origin, and change nothing but for JSON", async () => {
    const origin = { Origin: "http://evil.localhost:3000" };
    const tickets = await fetch(`${base}/__emulator/tickets`, { headers: origin });
    assert.equal(tickets.headers.get("access-control-allow-origin"), null);
    const preflight = await fetch(`${base}/__emulator/reset`, {
      method: "OPTIONS",
      headers: { ...origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get("access-control-allow-origin"), null);
    // What a page may send without asking first: a form-like POST. Refused.
    await post(request("acceptedIncident1"));
    for (const path of ["/__emulator/reset", "/__emulator/misbehave"]) {
      const simple = await fetch(base + path, {
        method: "POST", headers: { ...origin, "Content-Type": "text/plain" }, body: JSON.stringify({ mode: "drop" }),
      });
      assert.equal(simple.status, 415, path);
    }
    assert.equal((await view(ACCEPT_ME)).status, "handling");
    assert.equal((await post(request("acceptedIncident1"))).status, 409);
  });

  test("the log keeps the last thousand requests, each body cut at 64 KiB", async () => {
    for (let i = 0; i < 1005; i++) await post(request("acceptedIncident1"), { token: null });
    await post({ ...request("acceptedIncident1"), note: "x".repeat(100_000) });
    const log = await (await fetch(`${base}/__emulator/log`)).json();
    assert.equal(log.length, 1000);
    assert.equal(log.at(-1).body.length, 64 * 1024);
  });
});
