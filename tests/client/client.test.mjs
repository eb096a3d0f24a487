// IncidentClient in headless Chromium, through the built package, against the
// emulator on another origin (so CORS and preflight are real).
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";

import { startHarness } from "../support/harness.mjs";

const TOKEN = "MIIclient-test-token";
const NUM = "IM202403221515060171753781";
let harness;
let emulator;
let endpoint;

before(async () => {
  harness = await startHarness({ token: TOKEN });
  ({ emulator, endpoint } = harness);
});
after(() => harness?.close());

beforeEach(() => emulator.reset());

const inPage = (body, args = {}) => harness.inPage(body, { TOKEN, NUM, ...args });

const misbehave = (wish) => fetch(`${endpoint}/__emulator/misbehave`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(wish) });
const status = () => emulator.tickets.get(NUM).status;

const SUCCESS = { provider_code: "049", error_code: "GOM.00000000", error_msg: null, data: null };

test("each operation end to end, with the state it leads to", async () => {
  const result = await inPage(`
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN });
    const answers = [];
    answers.push(await client.acceptIncident(args.NUM, "op-1"));
    answers.push(await client.submitSolution(args.NUM, "op-1", {
      mtm_type: "inc_type_p_config_issues", is_service_interrupt: true, cause: "disk full", solution: "rotated logs",
      start_time: 1711000000000, fault_recovery_time: 1711000600000,
    }));
    answers.push(await client.verifyResolution(args.NUM, "op-2", { virtual_confirm_result: false, virtual_confirm_comment: "still slow" }));
    return answers;
  `);
  assert.deepEqual(result, { ok: [SUCCESS, SUCCESS, SUCCESS] });
  assert.equal(status(), "handling");
  assert.deepEqual(
    emulator.tickets.get(NUM).history.map((h) => h.operate_key),
    ["acceptedIncident1", "commitSolution1", "confirm"],
  );
  const closed = await inPage(`
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN });
    await client.submitSolution(args.NUM, "op-1", { mtm_type: "x", is_service_interrupt: false, cause: "c", solution: "s" });
    return client.handle({ incident_num: "  " + args.NUM + " ", operator: "op-2", operate_key: "confirm",
      parameter: { virtual_confirm_result: true, virtual_confirm_comment: "fixed" } });
  `);
  assert.deepEqual(closed, { ok: SUCCESS });
  assert.equal(status(), "closed");
  // What went over the wire is exactly what the library built: trimmed number, parameter {} for accept.
  const bodies = emulator.log.map((entry) => JSON.parse(entry.body));
  assert.deepEqual(bodies[0], { incident_num: NUM, operator: "op-1", operate_key: "acceptedIncident1", parameter: {} });
  assert.equal(bodies.at(-1).incident_num, NUM);
  assert.ok(emulator.log.every((entry) => entry.has_token && entry.content_type === "application/json;charset=UTF-8"));
});

test("invalid input rejects with a ValidationError and sends nothing", async () => {
  const result = await inPage(`
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN, locale: "zh-CN" });
    return client.verifyResolution(args.NUM, "", { virtual_confirm_result: "true", virtual_confirm_comment: "x".repeat(301) });
  `);
  assert.equal(result.error.name, "ValidationError");
  assert.deepEqual(
    result.error.violations.map((v) => `${v.code}@${v.path}`),
    ["blank@operator", "wrong_type@parameter.virtual_confirm_result", "too_long@parameter.virtual_confirm_comment"],
  );
  assert.match(result.error.message, /^请求无效/);
  assert.deepEqual(emulator.log, []);
});

test("an action the ticket's state does not allow is an ApiError", async () => {
  const result = await inPage(`
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN });
    return client.verifyResolution(args.NUM, "op", { virtual_confirm_result: true, virtual_confirm_comment: "ok" });
  `);
  assert.deepEqual(result.error, {
    name: "ApiError",
    message: "COC answered EMU.00000409 (HTTP 409): confirm is not allowed while the ticket is to_be_accepted",
    status: 409,
    errorCode: "EMU.00000409",
    errorMsg: "confirm is not allowed while the ticket is to_be_accepted",
    providerCode: "049",
  });
});

test("a wrong or missing token is an ApiError that never quotes a token", async () => {
  for (const token of ["wrong-secret-token", undefined]) {
    const result = await inPage(
      `const client = new coc.IncidentClient({ endpoint: args.endpoint, token: args.token });
       return client.acceptIncident(args.NUM, "op");`,
      { token },
    );
    assert.equal(result.error.name, "ApiError");
    assert.equal(result.error.status, 401);
    assert.equal(result.error.errorCode, "EMU.00000401");
    assert.ok(!JSON.stringify(result).includes("secret"));
  }
  assert.deepEqual(emulator.log.map((e) => e.has_token), [true, false]);
  assert.ok(emulator.log.every((e) => !e.path.includes("secret")));
});

test("an async token provider is called for every request, after validation", async () => {
  const result = await inPage(`
    let calls = 0;
    const client = new coc.IncidentClient({
      endpoint: args.endpoint,
      token: async () => { calls += 1; await new Promise((r) => setTimeout(r, 10)); return args.TOKEN; },
    });
    await client.acceptIncident(args.NUM, "op");
    await client.verifyResolution(args.NUM, "op", {}).catch(() => {});
    await client.submitSolution(args.NUM, "op", { mtm_type: "x", is_service_interrupt: false, cause: "c", solution: "s" });
    const sync = new coc.IncidentClient({ endpoint: args.endpoint, token: () => args.TOKEN });
    await sync.verifyResolution(args.NUM, "op", { virtual_confirm_result: true, virtual_confirm_comment: "ok" });
    return calls;
  `);
  assert.deepEqual(result, { ok: 2 });
  assert.equal(status(), "closed");
});

test("a token provider's failure is passed on; a bad token from it is a ConfigError", async () => {
  const thrown = await inPage(`
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: () => { throw new Error("refresh failed"); } });
    return client.acceptIncident(args.NUM, "op");
  `);
  assert.deepEqual(thrown.error, { name: "Error", message: "refresh failed" });
  const bad = await inPage(`
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: async () => "secret\\r\\nX-Evil: 1" });
    return client.acceptIncident(args.NUM, "op");
  `);
  assert.equal(bad.error.name, "ConfigError");
  assert.equal(bad.error.option, "token");
  assert.ok(!bad.error.message.includes("secret"));
  // What is wrong with what it gave is said: a broken string is a string.
  const said = await inPage(`
    const said = [];
    for (const token of [() => "secret\uD800", () => 42]) {
      try {
        await new coc.IncidentClient({ endpoint: args.endpoint, token }).acceptIncident(args.NUM, "op");
      } catch (error) {
        said.push([error.name, error.option, error.message]);
      }
    }
    return said;
  `);
  assert.deepEqual(said.ok, [
    ["ConfigError", "token", "the token provider returned a token that holds an unpaired surrogate (a broken character)"],
    ["ConfigError", "token", "the token provider must return a string (or a Promise of one)"],
  ]);
  assert.deepEqual(emulator.log, []);
});

test("a gateway's HTML 502 is an HttpError with a snippet of at most 1 KiB", async () => {
  await misbehave({ mode: "html502" });
  const result = await inPage(`
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN });
    return client.acceptIncident(args.NUM, "op");
  `);
  assert.equal(result.error.name, "HttpError");
  assert.equal(result.error.status, 502);
  assert.match(result.error.bodySnippet, /^<html><head><title>502 Bad Gateway/);
  assert.ok(Buffer.byteLength(result.error.bodySnippet) <= 1024 && Buffer.byteLength(result.error.bodySnippet) > 1000);
});

test("a token the server quotes back is in no error made of its answer: message, fields, snippet, stack", async () => {
  const failures = [];
  for (const status of [401, 502]) {
    await misbehave({ mode: "echo_token", status });
    const result = await inPage(`
      const client = new coc.IncidentClient({ endpoint: args.endpoint, token: async () => args.TOKEN });
      try {
        await client.acceptIncident(args.NUM, "op");
      } catch (error) {
        return { name: error.name, fields: { ...error }, message: error.message, text: String(error), stack: error.stack };
      }
    `);
    failures.push(result.ok);
  }
  const [api, http] = failures;
  assert.equal(api.name, "ApiError");
  assert.equal(api.message, "COC answered APIGW.0301 [X-Auth-Token] (HTTP 401): Incorrect token [X-Auth-Token]");
  assert.deepEqual(api.fields, { name: "ApiError", status: 401, errorCode: "APIGW.0301 [X-Auth-Token]", errorMsg: "Incorrect token [X-Auth-Token]", providerCode: "[X-Auth-Token]" });
  assert.equal(http.name, "HttpError");
  // The token stood across the snippet's end (1 KiB, at its 15th character): it was
  // taken out whole before the cut, not cut with its start left in.
  assert.match(http.fields.bodySnippet, /<p>X-Auth-Token \(echoed\): \[X-Auth-Token\]$/);
  assert.equal(Buffer.byteLength(http.fields.bodySnippet), 1024);
  for (const failure of failures) assert.ok(!JSON.stringify(failure).includes(TOKEN.slice(0, 8)), JSON.stringify(failure));
});

test("an ApiError's message keeps at most 1 KiB of the server's error_msg; errorMsg has all of it", async () => {
  const long = "字".repeat(3000);
  await misbehave({ mode: "answer", status: 500, body: JSON.stringify({ error_code: "GOM.00009999", error_msg: long, provider_code: "049" }) });
  const result = await inPage(`
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN });
    return client.acceptIncident(args.NUM, "op");
  `);
  assert.equal(result.error.name, "ApiError");
  assert.equal(result.error.errorMsg, long);
  const head = "COC answered GOM.00009999 (HTTP 500): ";
  // 1 KiB of UTF-8 on a character's boundary: 341 three-byte characters, then the mark.
  assert.equal(result.error.message, `${head}${"字".repeat(341)}…`);
});

test("a huge answer is not kept in wasm memory: a text field past 64 Ki UTF-16 units is cut there (less what a token could take there, then …; never half a pair), a body gives its snippet", async () => {
  // The emoji's two units straddle the cut, at 65,536; then 4 MB more.
  const long = `${"x".repeat(65535)}😀<fill>`;
  const answers = [
    { mode: "answer", status: 500, body: JSON.stringify({ error_code: "GOM.00009999", error_msg: long, provider_code: "049" }), fill: "y", fill_count: 4_000_000 },
    { mode: "answer", status: 502, body: "<html><fill></html>", fill: "z", fill_count: 8_000_000 },
  ];
  const found = [];
  for (const answer of answers) {
    await misbehave(answer);
    found.push(
      await inPage(`
        const { memory } = await coc.default();
        const client = new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN });
        const before = memory.buffer.byteLength;
        const error = await client.acceptIncident(args.NUM, "op").catch((e) => e);
        const grew = memory.buffer.byteLength - before;
        client.free();
        return { name: error.name, errorMsg: error.errorMsg, snippet: error.bodySnippet?.length, grew };
      `),
    );
  }
  const [api, http] = found.map((f) => f.ok ?? assert.fail(JSON.stringify(f).slice(0, 500)));
  assert.equal(api.name, "ApiError");
  // Compared by a digest, not whole: a failure would print megabytes. The 65,535 units
  // before the pair, less what a token cut off there could take (6 bytes a byte of it).
  assert.deepEqual([api.errorMsg.length, /^x+…$/.test(api.errorMsg)], [65535 - 6 * TOKEN.length + 1, true]);
  assert.equal(http.name, "HttpError");
  assert.equal(http.snippet, 1024);
  // Before, the 4 MB error_msg grew wasm memory by 12 MB (the body, the field, its
  // redacted copy), and the page by 8 MB: now by what 64 Ki units take, if anything.
  assert.ok(api.grew <= 1 << 20 && http.grew <= 1 << 20, JSON.stringify({ api: api.grew, http: http.grew }));
});

test("provider_code sent as a number resolves as a string", async () => {
  await misbehave({ mode: "numeric_provider_code" });
  const result = await inPage(`
    return new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN }).acceptIncident(args.NUM, "op");
  `);
  assert.deepEqual(result, { ok: { ...SUCCESS, provider_code: "4" } });
});

test("a dropped connection or a closed port is a NetworkError", async () => {
  // One drop is seen: the emulator writes a line that is no HTTP answer before it
  // closes, after which a browser does not resend the request (it resends one whose
  // reused connection closed with no answer at all).
  await misbehave({ mode: "drop" });
  const dropped = await inPage(`
    return new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN }).acceptIncident(args.NUM, "op");
  `);
  assert.equal(dropped.error?.name, "NetworkError", JSON.stringify(dropped));
  assert.equal(harness.emulator.log.length, 1, "sent once");
  const closed = await inPage(`
    return new coc.IncidentClient({ endpoint: "http://127.0.0.1:9", token: args.TOKEN }).acceptIncident(args.NUM, "op");
  `);
  assert.equal(closed.error?.name, "NetworkError", JSON.stringify(closed));
  assert.ok(!closed.error.message.includes(TOKEN));
});

test("no answer within timeoutMs is a TimeoutError", async () => {
  await misbehave({ mode: "slow", delay_ms: 3000 });
  const result = await inPage(`
    return new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN, timeoutMs: 200 }).acceptIncident(args.NUM, "op");
  `);
  assert.equal(result.error.name, "TimeoutError");
  assert.equal(result.error.message, "No answer from the COC endpoint within 200 ms");
});

test("the caller's signal: already aborted sends nothing, aborted in flight rejects", async () => {
  const before = await inPage(`
    const controller = new AbortController();
    controller.abort("changed my mind");
    return new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN, signal: controller.signal }).acceptIncident(args.NUM, "op");
  `);
  assert.deepEqual(before.error, { name: "AbortError", message: "The request was aborted", cause: "changed my mind" });
  assert.deepEqual(emulator.log, []);

  await misbehave({ mode: "slow", delay_ms: 2000 });
  const during = await inPage(`
    const controller = new AbortController();
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN, signal: controller.signal });
    const pending = client.acceptIncident(args.NUM, "op");
    setTimeout(() => controller.abort("user left"), 100);
    const outcome = await window.outcome(pending);
    // The instance is fine afterwards.
    const report = coc.validateHandleRequest({ incident_num: "IM1", operator: "op", operate_key: "acceptedIncident1" });
    return { outcome, valid: report.valid };
  `);
  assert.deepEqual(during.ok, {
    outcome: { error: { name: "AbortError", message: "The request was aborted", cause: "user left" } },
    valid: true,
  });
});

test("a token function that never answers: timeoutMs and the caller's signal end the wait, and nothing is sent", async () => {
  const timedOut = await inPage(`
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: () => new Promise(() => {}), timeoutMs: 200 });
    return client.acceptIncident(args.NUM, "op");
  `);
  assert.deepEqual(timedOut.error, { name: "TimeoutError", message: "The token function gave no token within 200 ms" });
  const aborted = await inPage(`
    const controller = new AbortController();
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: () => new Promise(() => {}), signal: controller.signal });
    const pending = client.acceptIncident(args.NUM, "op");
    setTimeout(() => controller.abort("user left"), 50);
    const outcome = await window.outcome(pending);
    // A token that comes after the abort changes nothing; the instance is fine.
    const late = new coc.IncidentClient({ endpoint: args.endpoint, token: () => new Promise((r) => setTimeout(() => r(args.TOKEN), 300)), timeoutMs: 100 });
    const lateOutcome = await window.outcome(late.acceptIncident(args.NUM, "op"));
    await new Promise((r) => setTimeout(r, 400));
    return { outcome, lateOutcome };
  `);
  assert.deepEqual(aborted.ok, {
    outcome: { error: { name: "AbortError", message: "The request was aborted", cause: "user left" } },
    lateOutcome: { error: { name: "TimeoutError", message: "The token function gave no token within 100 ms" } },
  });
  assert.deepEqual(emulator.log, []);
});

test("handle() takes the request as it is at the call: later changes to the object are not sent", async () => {
  const result = await inPage(`
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN });
    const request = { incident_num: args.NUM, operator: "op", operate_key: "acceptedIncident1" };
    const pending = client.handle(request);
    request.operator = "mallory";
    request.incident_num = "IM2";
    // Answered before the second is sent: both accept the same ticket, and the
    // emulator accepts it once (whichever came first; under load, the second did).
    const first = await window.outcome(pending);
    const blanked = { incident_num: args.NUM, operator: "op", operate_key: "acceptedIncident1" };
    const second = client.handle(blanked);
    blanked.operator = "";
    return { first, second: (await window.outcome(second)).error?.name ?? "resolved" };
  `);
  assert.equal(result.ok.first.ok?.error_code ?? result.ok.first.error?.name, "GOM.00000000");
  assert.deepEqual(emulator.log.map((r) => JSON.parse(r.body).operator), ["op", "op"]);
  assert.equal(JSON.parse(emulator.log[0].body).incident_num, NUM);
});

test("bad options are a ConfigError from the constructor", async () => {
  const cases = [
    [{ endpoint: "http://coc.example.com" }, "endpoint"],
    [{}, "endpoint"],
    [{ endpoint: "/api", timeoutMs: 0 }, "timeoutMs"],
    [{ endpoint: "/api", timeoutMs: 1.5 }, "timeoutMs"],
    [{ endpoint: "/api", signal: {} }, "signal"],
    [{ endpoint: "/api", token: 42 }, "token"],
    [{ endpoint: "/api", token: "a\nb" }, "token"],
    [{ endpoint: "/api", headers: { "X-Auth-Token": "x" } }, "headers"],
    [{ endpoint: "/api", retries: 3 }, "options"],
  ];
  for (const [options, option] of cases) {
    const result = await inPage(`return new coc.IncidentClient(args.options);`, { options });
    assert.equal(result.error?.name, "ConfigError", JSON.stringify(options));
    assert.equal(result.error.option, option, JSON.stringify(options));
  }
  // A finite timeout is said as itself, whatever is wrong with it; anything else by its type.
  const said = await inPage(`
    return [0, -1, 1.5, 2 ** 31, NaN, -Infinity, "30000"].map((timeoutMs) => {
      try { new coc.IncidentClient({ endpoint: "/api", timeoutMs }); return "made"; } catch (e) { return e.message.split(", got ")[1]; }
    });
  `);
  assert.deepEqual(said.ok, ["0", "-1", "1.5", "2147483648", "number", "number", "string"]);
});

test("the caller's headers reach the server through CORS", async () => {
  const result = await inPage(`
    const client = new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN, headers: { "X-CSRF-Token": "csrf-1" } });
    return client.acceptIncident(args.NUM, "op");
  `);
  assert.deepEqual(result, { ok: SUCCESS });
});

// Answers as a real server may send them and the emulator itself would not: the
// emulator's "answer" mode sends the given status and body text unchanged.
const answered = async (status, body) => {
  await misbehave({ mode: "answer", status, body });
  return inPage(`
    return new coc.IncidentClient({ endpoint: args.endpoint, token: args.TOKEN }).acceptIncident(args.NUM, "op");
  `);
};

test("a large data, sent before error_code, resolves intact", async () => {
  // 55,001 values: 5,000 rows of 10 numbers.
  const data = Array.from({ length: 5_000 }, (_, row) => Array.from({ length: 10 }, (_, column) => row * 10 + column));
  const body = `{"data":${JSON.stringify(data)},"provider_code":"049","error_code":"GOM.00000000","error_msg":null}`;
  const result = await answered(200, body);
  assert.ok(result.ok, JSON.stringify(result).slice(0, 300));
  assert.deepEqual(result.ok, { provider_code: "049", error_code: "GOM.00000000", error_msg: null, data });
  // The same for the API's own error: still an ApiError, not an HttpError.
  const failed = await answered(400, `{"data":${JSON.stringify(data)},"error_code":"GOM.00007256","error_msg":"Invalid parameters"}`);
  assert.deepEqual(failed.error, {
    name: "ApiError",
    message: "COC answered GOM.00007256 (HTTP 400): Invalid parameters",
    status: 400,
    errorCode: "GOM.00007256",
    errorMsg: "Invalid parameters",
    providerCode: "",
  });
});

test("provider_code: a string as sent, a whole number as its digits, anything else absent", async () => {
  const cases = [
    ['"049"', "049"],
    ["4", "4"],
    ["4.0", "4"],
    ["-4", "-4"],
    ["9007199254740991", "9007199254740991"],
    ["-9007199254740991", "-9007199254740991"],
    ["-0", "0"],
    // JSON.parse has already rounded a larger one: its digits would not be the server's.
    ["9007199254740992", ""],
    ["9007199254740993", ""],
    // JSON.parse reads it as Infinity.
    ["1e400", ""],
    // Not a service ID: treated as absent.
    ["4.5", ""],
    ["1e300", ""],
    ["null", ""],
    ["true", ""],
    ["[4]", ""],
    ['{"code":4}', ""],
  ];
  for (const [sent, expected] of cases) {
    const result = await answered(200, `{"provider_code":${sent},"error_code":"GOM.00000000","error_msg":null,"data":null}`);
    assert.deepEqual(result, { ok: { ...SUCCESS, provider_code: expected } }, sent);
  }
});

test("missing provider_code, error_msg and data are defaulted", async () => {
  const result = await answered(200, `{"error_code":"GOM.00000000"}`);
  assert.deepEqual(result, { ok: { provider_code: "", error_code: "GOM.00000000", error_msg: null, data: null } });
  // An error_msg that is not text is no message.
  const odd = await answered(200, `{"error_code":"GOM.00000000","error_msg":42,"data":"kept"}`);
  assert.deepEqual(odd, { ok: { provider_code: "", error_code: "GOM.00000000", error_msg: null, data: "kept" } });
});

test("fields the API does not define are ignored", async () => {
  const result = await answered(
    200,
    `{"request_id":"r-1","provider_code":"049","trace":{"spans":[1,2,3]},"error_code":"GOM.00000000","error_msg":null,"data":{"incident_num":"IM1"},"extra":[null]}`,
  );
  assert.deepEqual(result, { ok: { ...SUCCESS, data: { incident_num: "IM1" } } });
  const failed = await answered(409, `{"error_code":"EMU.1","error_msg":"no","provider_code":4,"request_id":"r-2"}`);
  assert.equal(failed.error.name, "ApiError");
  assert.equal(failed.error.providerCode, "4");
  assert.ok(!("request_id" in failed.error));
});

test("success's code with a failing status is an ApiError", async () => {
  const result = await answered(500, `{"provider_code":"049","error_code":"GOM.00000000","error_msg":null,"data":null}`);
  assert.deepEqual(result.error, {
    name: "ApiError",
    message: "COC answered GOM.00000000 (HTTP 500)",
    status: 500,
    errorCode: "GOM.00000000",
    errorMsg: null,
    providerCode: "049",
  });
});

test("JSON that is not the API's object is an HttpError with the body as its snippet", async () => {
  const bodies = [
    `{"provider_code":"049","error_code":0,"error_msg":null,"data":null}`,
    `{"provider_code":"049","error_code":null,"error_msg":null,"data":null}`,
    `{"provider_code":"049","error_code":{"code":"GOM.00000000"}}`,
    `{"provider_code":"049","error_msg":null,"data":null}`,
    `["049","GOM.00000000",null]`,
    `"GOM.00000000"`,
    `42`,
    `null`,
    ``,
    `{"error_code":"GOM.00000000"`,
  ];
  for (const body of bodies) {
    const result = await answered(200, body);
    assert.deepEqual(result.error, {
      name: "HttpError",
      message: "HTTP 200 with a body that is not the COC API's JSON",
      status: 200,
      bodySnippet: body,
    }, body);
  }
});
