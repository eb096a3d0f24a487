// `npm run bench`: coc-incident against ajv (compiled and standalone), zod and valibot
// on the same rules, in Node and in headless Chromium, after checking that all agree.
// Prints the results and writes BENCHMARKS.md. Timings are medians; ratios are the
// contender's time over coc-incident's in the same run (above 1: coc-incident is faster).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { cpus, totalmem, release } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { readdirSync, readFileSync } from "node:fs";

import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import * as esbuild from "esbuild";

import { AJV_OPTIONS, schema } from "./rules/ajv-schema.mjs";
import { launch } from "../tests/support/chromium.mjs";
import { contenders, disagreements, time } from "./suite.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "target/bench");
const quick = process.argv.includes("--quick");
const timing = quick ? { samples: 3, sampleMs: 40 } : { samples: 7, sampleMs: 150 };
await mkdir(out, { recursive: true });

// 1. ajv's standalone validator: generated code, no `new Function` at run time.
const ajv = new Ajv(AJV_OPTIONS);
await writeFile(join(out, "ajv-standalone.mjs"), standaloneCode(ajv, ajv.compile(schema)));

// 2. Sizes: each alternative bundled alone with esbuild, minified, against the package's files.
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const entries = {
  "ajv (compiled)": `import Ajv from "ajv"; import { AJV_OPTIONS, schema } from "${root}bench/rules/ajv-schema.mjs"; export const validate = new Ajv(AJV_OPTIONS).compile(schema);`,
  "ajv (standalone)": `export { default as validate } from "${out}/ajv-standalone.mjs";`,
  zod: `export { validate } from "${root}bench/rules/zod.mjs";`,
  valibot: `export { validate } from "${root}bench/rules/valibot.mjs";`,
};
const sizes = {};
for (const [name, contents] of Object.entries(entries)) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true, minify: true, format: "esm", platform: "browser", write: false,
  });
  const bytes = result.outputFiles[0].contents;
  sizes[name] = { raw: bytes.length, gzip: gz(bytes) };
}
const wasm = await readFile(join(root, "pkg/coc_incident_bg.wasm"));
const glue = await readFile(join(root, "pkg/coc_incident.js"));
const glueMin = (await esbuild.transform(glue.toString(), { minify: true, format: "esm" })).code;
const snippet = `${root}pkg/snippets`;
const snippets = readdirSync(snippet, { recursive: true }).filter((f) => f.endsWith(".js"));
// The package's own JavaScript counts with the glue: its entry point and the fast path.
const ownJs = ["src/index.js", "src/js/fast_path.js", "src/js/read.js"].map((f) => join(root, f));
const snippetBytes = Buffer.concat(
  await Promise.all([...snippets.map((f) => join(snippet, f)), ...ownJs].map((f) => readFile(f))),
);
sizes["coc-incident"] = {
  raw: wasm.length + glue.length + snippetBytes.length,
  gzip: gz(wasm) + gz(glue) + gz(snippetBytes),
  wasm: { raw: wasm.length, gzip: gz(wasm) },
  glue: { raw: glue.length, gzip: gz(glue), minifiedGzip: gz(Buffer.from(glueMin)) },
};

// 3. Node.
const { default: initNode, ...cocNode } = await import("../src/node.js");
await initNode();
const alternativesNode = {
  ajv: new Ajv(AJV_OPTIONS).compile(schema),
  ajvStandalone: (await import(join(out, "ajv-standalone.mjs"))).default,
  zod: (await import("./rules/zod.mjs")).validate,
  valibot: (await import("./rules/valibot.mjs")).validate,
};
const rawNode = await import("../pkg/coc_incident.js");
const nodeList = contenders({ coc: cocNode, raw: rawNode, ...alternativesNode });
const nodeDisagreements = disagreements(nodeList);
if (nodeDisagreements.length) {
  console.error(`The validators disagree; nothing was timed:\n  ${nodeDisagreements.join("\n  ")}`);
  process.exit(1);
}
console.error("node: all validators agree on the shared cases; timing…");
const nodeTimings = time(nodeList, timing);

// 4. Chromium, from a local server.
await esbuild.build({
  entryPoints: [join(root, "bench/alternatives.mjs")],
  bundle: true, minify: true, format: "esm", platform: "browser", outfile: join(out, "alternatives.js"),
});
const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (path === "/bench.html") {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end('<!doctype html><meta charset="utf-8"><body><script type="module" src="/bench/page.mjs"></script>');
    return;
  }
  const file = normalize(join(root, path));
  const allowed = ["pkg", "src", "bench", "target/bench"].some((dir) => file.startsWith(join(root, dir) + sep));
  try {
    if (!allowed) throw new Error("not served");
    const body = await readFile(file);
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const page = await browser.newPage();
await page.goto(`${base}/bench.html`);
await page.waitForSelector("body[data-ready=yes]", { state: "attached" });
console.error("chromium: timing…");
const chromium = await page.evaluate((options) => window.runBench(options), timing);
if (chromium.disagreements.length) {
  console.error(`In Chromium the validators disagree:\n  ${chromium.disagreements.join("\n  ")}`);
  process.exit(1);
}
const startups = [];
const instantiations = [];
for (let i = 0; i < (quick ? 3 : 15); i += 1) {
  const context = await browser.newContext(); // a cold cache each time
  const fresh = await context.newPage();
  await fresh.goto(`${base}/bench.html`);
  await fresh.waitForSelector("body[data-ready=yes]", { state: "attached" });
  startups.push(await fresh.evaluate(() => window.startup()));
  await context.close();
  // Its own cold context: the engine caches a module it compiled once.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(`${base}/bench.html`);
  await page2.waitForSelector("body[data-ready=yes]", { state: "attached" });
  instantiations.push(await page2.evaluate(() => window.instantiateOnly()));
  await other.close();
}
startups.sort((a, b) => a - b);
instantiations.sort((a, b) => a - b);
const startupMs = startups[Math.floor(startups.length / 2)];
const instantiateMs = instantiations[Math.floor(instantiations.length / 2)];
const chromiumVersion = browser.version();
await browser.close();
server.close();

// 5. Report.
const version = (name) => JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ns = (n) => (n >= 10000 ? `${(n / 1000).toFixed(1)} µs` : `${Math.round(n)} ns`);

function table(timings) {
  const names = Object.keys(Object.values(timings)[0]);
  const lines = [`| scenario | ${names.join(" | ")} |`, `|---|${names.map(() => "---:").join("|")}|`];
  for (const [scenario, row] of Object.entries(timings)) {
    const ours = row["coc-incident"];
    const cells = names.map((n) => (n === "coc-incident" ? ns(row[n]) : `${ns(row[n])} (${(row[n] / ours).toFixed(2)}×)`));
    lines.push(`| ${scenario} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

const valid = ["valid acceptedIncident1", "valid commitSolution1", "valid confirm"];
function targets(timings, env) {
  return valid.map((s) => {
    const row = timings[s];
    const vsAjv = row["coc-incident"] / Math.min(row["ajv (compiled)"], row["ajv (standalone)"]);
    const beats = row["coc-incident"] < row.zod && row["coc-incident"] < row.valibot;
    return `- ${env}, ${s}: ${vsAjv.toFixed(2)}× the faster ajv (target ≤ 1.5: ${vsAjv <= 1.5 ? "met" : "not met"}); faster than zod and valibot: ${beats ? "yes" : "no"}`;
  });
}

const cpu = cpus()[0]?.model ?? "unknown";
const report = `# Benchmarks

Produced by \`npm run bench\` (after \`npm test\`'s set-up) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}.
Versions: Node ${process.versions.node}, Chromium ${chromiumVersion}, ajv ${version("ajv")}, zod ${version("zod")}, valibot ${version("valibot")}, esbuild ${version("esbuild")}.

Every contender implements the same rules (SPEC.md, all three operate keys; \`bench/rules/\`) and
must agree with coc-incident on ${(await import("./cases.mjs")).AGREEMENT.length} shared valid and invalid requests (\`bench/cases.mjs\`) before anything
is timed. Times are medians of ${timing.samples} samples, per call as a portal makes it from JavaScript
(coc-incident: \`validateHandleRequest(input)\` through the package entry, as users call it, building
the whole report; "raw wasm": the same call on wasm-bindgen's binding, which always runs the Rust
validator, with no JavaScript fast path; the others: their
\`safeParse\` / validate function; "validate + build" adds \`JSON.stringify\` for them and is
\`buildHandleRequest\` for coc-incident). In brackets: the contender's time over
coc-incident's, measured in the same run (above 1 means coc-incident is faster).

## Node.js

${table(nodeTimings)}

## Headless Chromium

${table(chromium.timings)}

## Start-up (Chromium)

Fetch, compile and instantiate the wasm from a local server (\`await init()\`, cold cache, a new
browser context each time): median ${startupMs.toFixed(2)} ms over ${startups.length} runs
(min ${startups[0].toFixed(2)}, max ${startups.at(-1).toFixed(2)}).
Of which compile and instantiate alone (the bytes already fetched, \`WebAssembly.instantiate\`):
median ${instantiateMs.toFixed(2)} ms (min ${instantiations[0].toFixed(2)}, max ${instantiations.at(-1).toFixed(2)}).

## Size

| | raw | gzip -9 |
|---|---:|---:|
| coc-incident: wasm | ${kb(sizes["coc-incident"].wasm.raw)} | ${kb(sizes["coc-incident"].wasm.gzip)} |
| coc-incident: JS as shipped (glue, snippets, entry, fast path) | ${kb(sizes["coc-incident"].glue.raw + snippetBytes.length)} | ${kb(sizes["coc-incident"].glue.gzip + gz(snippetBytes))} |
| **coc-incident: whole package** (validation, client, forms) | ${kb(sizes["coc-incident"].raw)} | **${kb(sizes["coc-incident"].gzip)}** |
${["ajv (compiled)", "ajv (standalone)", "zod", "valibot"].map((n) => `| ${n} + the rules, esbuild --minify | ${kb(sizes[n].raw)} | ${kb(sizes[n].gzip)} |`).join("\n")}

(The glue minified by a bundler: ${kb(sizes["coc-incident"].glue.minifiedGzip)} gzipped.) The alternatives do validation only:
no messages in two languages, no request building, no client, no form binding.

## Targets

${[...targets(nodeTimings, "Node"), ...targets(chromium.timings, "Chromium")].join("\n")}
- gzipped wasm + glue: ${kb(sizes["coc-incident"].gzip)} (target ≤ 30 KB: ${sizes["coc-incident"].gzip <= 30 * 1024 ? "met" : "not met"})
- instantiate in Chromium: compile + instantiate ${instantiateMs.toFixed(2)} ms (target < 5 ms: ${instantiateMs < 5 ? "met" : "not met"}); with the fetch, \`init()\` takes ${startupMs.toFixed(2)} ms
`;
console.log(report);
if (!quick) await writeFile(join(root, "BENCHMARKS.md"), report);
