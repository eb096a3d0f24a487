// A local stand-in for the Huawei Cloud COC incident API, for the demo and the tests.
// Its validation is written here on its own, from the API pages, not from the Rust
// rules: it is the oracle the library is tested against.
//
// API paths (as COC):
//   POST /v1/external/incident/handle        accept, submit a solution, verify
//   GET  /v1/external/incident/{incident_num} one ticket (read-only view for the demo)
// Control paths (the emulator's own, never logged):
//   GET  /__emulator/tickets   every ticket        GET  /__emulator/log    the request log
//   POST /__emulator/reset     seeds and log anew  POST /__emulator/misbehave {mode, delay_ms?, count?, status?, body?}
//
// Error codes: GOM.00000000 success and GOM.00007256 "Invalid parameters" are COC's;
// the EMU.* codes below are this emulator's own.
import { randomUUID } from "node:crypto";

export const CODES = {
  SUCCESS: "GOM.00000000",
  INVALID: "GOM.00007256",
  UNAUTHORIZED: "EMU.00000401", // X-Auth-Token missing or wrong
  NOT_FOUND: "EMU.00000404", // no such ticket, or no such path
  METHOD: "EMU.00000405", // method not allowed on the path
  WRONG_STATE: "EMU.00000409", // the action is not allowed in the ticket's state
  TOO_LARGE: "EMU.00000413", // body over 1 MiB
};

export const STATES = ["to_be_accepted", "handling", "to_be_verified", "closed"];

/** Which operate key moves a ticket from which state to which. */
const TRANSITIONS = {
  acceptedIncident1: { from: "to_be_accepted", to: () => "handling" },
  commitSolution1: { from: "handling", to: () => "to_be_verified" },
  confirm: { from: "to_be_verified", to: (p) => (p.virtual_confirm_result ? "closed" : "handling") },
};

const SEEDS = [
  { incident_num: "IM202403221515060171753781", title: "Order service returns HTTP 500", level: "level_20", status: "to_be_accepted" },
  { incident_num: "IM202403221530120171753782", title: "Login latency above 3 s in ap-southeast-3", level: "level_30", status: "to_be_accepted" },
  { incident_num: "IM202403221602450171753783", title: "Nightly backup job failed", level: "level_40", status: "handling" },
  { incident_num: "IM202403221648300171753784", title: "Certificate of api.example.com expires in 5 days", level: "level_30", status: "to_be_verified" },
  { incident_num: "IM202403211020000171753785", title: "Disk usage at 95% on db-03", level: "level_50", status: "closed" },
];

const MAX_BODY = 1024 * 1024;
// What the log keeps: the last MAX_LOG requests, each body's first MAX_LOGGED characters
// (a page that posts again and again must not grow the process without end).
const MAX_LOG = 1000;
const MAX_LOGGED = 64 * 1024;
const MODES = ["slow", "html502", "numeric_provider_code", "drop", "answer", "echo_token"];
const TEXT_LIMITS = { incident_num: 255, operator: 255, operate_key: 255 };

function badText(s) {
  // No unpaired surrogate, no control character other than tab, LF, CR.
  return !s.isWellFormed() || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(s);
}

function isText(v, max) {
  return typeof v === "string" && v.trim() !== "" && v.length <= max && !badText(v);
}

function isMillis(v) {
  return v === undefined || v === null || (Number.isSafeInteger(v) && v >= 0);
}

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

/** Why a parsed body is not a valid handle request, or null. Unknown keys are ignored, as a server would. */
export function invalidReason(body) {
  if (!isObject(body)) return "body is not an object";
  for (const [key, max] of Object.entries(TEXT_LIMITS)) {
    if (!isText(body[key], max)) return `${key} is missing, blank, too long or not text`;
  }
  const p = body.parameter;
  switch (body.operate_key) {
    case "acceptedIncident1":
      return p === undefined || p === null || isObject(p) ? null : "parameter is not an object";
    case "commitSolution1":
      if (!isObject(p)) return "parameter is required";
      if (!isText(p.mtm_type, 255)) return "mtm_type";
      if (typeof p.is_service_interrupt !== "boolean") return "is_service_interrupt";
      if (!isText(p.cause, 10000)) return "cause";
      if (!isText(p.solution, 10000)) return "solution";
      if (!isMillis(p.start_time) || !isMillis(p.fault_recovery_time)) return "start_time or fault_recovery_time";
      if (Number.isSafeInteger(p.start_time) && Number.isSafeInteger(p.fault_recovery_time) && p.fault_recovery_time < p.start_time) {
        return "fault_recovery_time before start_time";
      }
      return null;
    case "confirm":
      if (!isObject(p)) return "parameter is required";
      if (typeof p.virtual_confirm_result !== "boolean") return "virtual_confirm_result";
      if (!isText(p.virtual_confirm_comment, 300)) return "virtual_confirm_comment";
      return null;
    default:
      return "operate_key";
  }
}

/** Why a misbehaviour asked for cannot be had (what would fail when it is acted on), or null. */
function misbehaviourProblem(wish) {
  if (typeof wish !== "object" || wish === null) return "a misbehaviour is a JSON object";
  if (!MODES.includes(wish.mode)) return `mode must be ${MODES.slice(0, -1).join(", ")} or ${MODES.at(-1)}`;
  const whole = (n, min, max) => n === undefined || (Number.isSafeInteger(n) && n >= min && n <= max);
  if (!whole(wish.count, 1, 1000)) return "count must be a whole number from 1 to 1000";
  if (!whole(wish.delay_ms, 0, 60_000)) return "delay_ms must be a whole number from 0 to 60000";
  if (!whole(wish.status, 200, 599)) return "status must be a whole number from 200 to 599";
  if (wish.body !== undefined && typeof wish.body !== "string") return "body must be a string";
  if (wish.fill !== undefined && typeof wish.fill !== "string") return "fill must be a string";
  if (!whole(wish.fill_count, 1, 10_000_000)) return "fill_count must be a whole number from 1 to 10000000";
  return null;
}

/**
 * An emulator: `handle(request, response)` for node:http, plus its state for tests.
 * `token`: when set, API paths require `X-Auth-Token` to equal it.
 */
export function createEmulator({ token } = {}) {
  let tickets;
  let log;
  let misbehaviour; // { mode, delay_ms, count }

  function reset() {
    tickets = new Map(SEEDS.map((t) => [t.incident_num, { ...t, history: [] }]));
    log = [];
    misbehaviour = null;
  }
  reset();

  function send(response, status, body, headers = {}) {
    response.writeHead(status, { "Content-Type": "application/json;charset=UTF-8", ...headers });
    response.end(JSON.stringify(body));
  }

  const answer = (error_code, error_msg, data = null) => ({ provider_code: "049", error_code, error_msg, data });

  function cors(request, response) {
    const origin = request.headers.origin;
    if (!origin) return;
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.setHeader("Vary", "Origin");
  }

  function preflight(request, response) {
    response.writeHead(204, {
      "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
      "Access-Control-Allow-Headers": request.headers["access-control-request-headers"] ?? "Content-Type, X-Auth-Token",
      "Access-Control-Max-Age": "600",
    });
    response.end();
  }

  function readBody(request) {
    return new Promise((resolve, reject) => {
      const chunks = [];
      let size = 0;
      request.on("data", (chunk) => {
        size += chunk.length;
        if (size > MAX_BODY) reject(new Error("too large"));
        else chunks.push(chunk);
      });
      request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      request.on("error", reject);
    });
  }

  function takeMisbehaviour() {
    if (!misbehaviour) return null;
    const current = misbehaviour;
    if (--misbehaviour.count <= 0) misbehaviour = null;
    return current;
  }

  async function handleApi(request, response, url, entry) {
    if (token !== undefined && request.headers["x-auth-token"] !== token) {
      return send(response, 401, answer(CODES.UNAUTHORIZED, "The X-Auth-Token is missing or not valid"));
    }
    const view = url.pathname.match(/^\/v1\/external\/incident\/([^/]+)$/);
    if (view && view[1] !== "handle") {
      if (request.method !== "GET") return send(response, 405, answer(CODES.METHOD, "Use GET"), { Allow: "GET" });
      let num;
      try {
        num = decodeURIComponent(view[1]);
      } catch {
        return send(response, 404, answer(CODES.NOT_FOUND, "No such incident ticket"));
      }
      const ticket = tickets.get(num);
      if (!ticket) return send(response, 404, answer(CODES.NOT_FOUND, "No such incident ticket"));
      return send(response, 200, answer(CODES.SUCCESS, null, ticket));
    }
    if (url.pathname !== "/v1/external/incident/handle") {
      return send(response, 404, answer(CODES.NOT_FOUND, "No such API"));
    }
    if (request.method !== "POST") return send(response, 405, answer(CODES.METHOD, "Use POST"), { Allow: "POST" });

    let text;
    try {
      text = await readBody(request);
    } catch {
      return send(response, 413, answer(CODES.TOO_LARGE, "Request body too large"));
    }
    entry.body = text.length > MAX_LOGGED ? text.slice(0, MAX_LOGGED) : text;

    const trouble = takeMisbehaviour();
    if (trouble?.mode === "drop") {
      // A line that is no HTTP answer, then the connection closed. With no byte at all a
      // browser resends a POST whose reused keep-alive connection closed (Chromium sent
      // one click six times through `count: 5`), and the drop was never seen; with the
      // start of a real status line (`HTTP/1.1 200 OK`) Chromium reads an empty 200.
      // This it takes for the network failure it is, and does not resend (measured).
      request.socket.write("DROPPED\r\n", () => request.socket.destroy());
      return;
    }
    if (trouble?.mode === "slow") await new Promise((r) => setTimeout(r, trouble.delay_ms ?? 2000));
    if (trouble?.mode === "html502") {
      response.writeHead(502, { "Content-Type": "text/html" });
      response.end(`<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>${"<p>upstream unavailable</p>".repeat(100)}</body></html>`);
      return;
    }
    // "echo_token": a gateway that quotes the X-Auth-Token it was sent, as a debug page
    // or an authentication error may: in a JSON error (status 401) or, with status 502,
    // in an HTML page (what the client must not put in an error it makes of it).
    if (trouble?.mode === "echo_token") {
      const token = String(request.headers["x-auth-token"] ?? "");
      if (trouble.status === 502) {
        response.writeHead(502, { "Content-Type": "text/html" });
        response.end(`<html><body>${"<p>upstream unavailable</p>".repeat(36)}<p>X-Auth-Token (echoed): ${token}</p></body></html>`);
      } else {
        response.writeHead(trouble.status ?? 401, { "Content-Type": "application/json;charset=UTF-8" });
        response.end(JSON.stringify({ error_code: `APIGW.0301 ${token}`, error_msg: `Incorrect token ${token}`, provider_code: token }));
      }
      return;
    }
    // "answer": the given status and body text, exactly as given, as JSON (for answers
    // a real server might send and this one would not: fields in another order, a
    // large data, a field of another type), each "<fill>" in it made `fill` repeated
    // `fill_count` times (an answer of megabytes, from a wish of bytes). The request
    // is logged but not acted on.
    if (trouble?.mode === "answer") {
      response.writeHead(trouble.status ?? 200, { "Content-Type": "application/json;charset=UTF-8" });
      const fill = (trouble.fill ?? "").repeat(trouble.fill_count ?? 1);
      response.end((trouble.body ?? "").replaceAll("<fill>", () => fill));
      return;
    }

    let body;
    try {
      body = JSON.parse(text);
    } catch {
      return send(response, 400, answer(CODES.INVALID, "Invalid parameters"));
    }
    const reason = invalidReason(body);
    entry.invalid = reason;
    if (reason) return send(response, 400, answer(CODES.INVALID, "Invalid parameters"));

    const ticket = tickets.get(body.incident_num);
    if (!ticket) return send(response, 404, answer(CODES.NOT_FOUND, `No incident ticket ${body.incident_num}`));
    const move = TRANSITIONS[body.operate_key];
    if (ticket.status !== move.from) {
      return send(
        response,
        409,
        answer(CODES.WRONG_STATE, `${body.operate_key} is not allowed while the ticket is ${ticket.status}`),
      );
    }
    const parameter = body.parameter ?? {};
    ticket.history.push({ at: Date.now(), operator: body.operator, operate_key: body.operate_key, from: ticket.status, parameter });
    ticket.status = move.to(parameter);
    const ok = answer(CODES.SUCCESS, null);
    if (trouble?.mode === "numeric_provider_code") ok.provider_code = 4;
    return send(response, 200, ok);
  }

  async function control(request, response, url) {
    const route = `${request.method} ${url.pathname}`;
    // A POST that changes the emulator must say it is JSON: a page on another origin
    // cannot send that without a preflight, which control paths never answer (no CORS).
    const json = /^application\/json\b/i.test(request.headers["content-type"] ?? "");
    if (request.method === "POST" && !json) {
      return send(response, 415, { error: "control requests are POSTed as application/json" });
    }
    if (route === "GET /__emulator/tickets") return send(response, 200, [...tickets.values()]);
    if (route === "GET /__emulator/log") return send(response, 200, log);
    if (route === "POST /__emulator/reset") {
      reset();
      return send(response, 200, { reset: true });
    }
    if (route === "POST /__emulator/misbehave") {
      const wish = JSON.parse((await readBody(request)) || "{}");
      const problem = misbehaviourProblem(wish);
      if (problem) return send(response, 400, { error: problem });
      misbehaviour = { mode: wish.mode, delay_ms: wish.delay_ms, count: wish.count ?? 1, status: wish.status, body: wish.body, fill: wish.fill, fill_count: wish.fill_count };
      const { body: _, ...shown } = misbehaviour; // a large body is not echoed back
      return send(response, 200, shown);
    }
    return send(response, 404, { error: "no such control path" });
  }

  /** Handles a request; answers false when the path is not the emulator's. */
  async function handle(request, response) {
    const url = new URL(request.url, "http://emulator");
    const isApi = url.pathname.startsWith("/v1/external/incident/");
    const isControl = url.pathname.startsWith("/__emulator/");
    if (!isApi && !isControl) return false;
    try {
      await route(request, response, url, isControl);
    } catch (error) {
      // One request never takes the emulator down: whatever it did is a 500.
      console.error(`emulator: ${request.method} ${url.pathname}: ${error?.stack ?? error}`);
      if (!response.headersSent) send(response, 500, answer("EMU.00000500", "The emulator failed on this request"));
      else response.destroy();
    }
    return true;
  }

  async function route(request, response, url, isControl) {
    if (isControl) {
      // The emulator's own controls are for the page it serves and for tests: no CORS,
      // so no page of another origin reads or drives them.
      if (request.method === "OPTIONS") {
        response.writeHead(403).end();
        return;
      }
      await control(request, response, url).catch(() => send(response, 400, { error: "bad control request" }));
      return;
    }
    cors(request, response);
    if (request.method === "OPTIONS") {
      preflight(request, response);
      return;
    }
    // Logged: what arrived, with the token's presence but never its value.
    const entry = {
      id: randomUUID(),
      at: new Date().toISOString(),
      method: request.method,
      path: url.pathname,
      has_token: request.headers["x-auth-token"] !== undefined,
      content_type: request.headers["content-type"] ?? null,
      body: null,
    };
    log.push(entry);
    if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
    const finish = response.end.bind(response);
    response.end = (...args) => {
      entry.status = response.statusCode;
      return finish(...args);
    };
    await handleApi(request, response, url, entry);
  }

  return {
    handle,
    reset,
    get tickets() {
      return tickets;
    },
    get log() {
      return log;
    },
  };
}
