// The runner cargo calls for the wasm32 browser tests (scripts/test.sh): wasm-bindgen's
// test runner serves the tests (NO_HEADLESS: it serves and waits), and the Chromium the
// other browser tests use (tests/support/chromium.mjs, playwright-core) runs them and
// reads their output. Through chromedriver instead, the page now and then hung on
// "Loading scripts..." until chromedriver gave up after 300 s (5 of 18 runs here, the
// same signature as wasm-pack issue 783); this way, 11 of 11 ran in about 2 s.
// Prints the tests' output (ending with cargo's "test result:" line); exits 1 unless
// they passed. Usage (as a cargo runner): node scripts/wasm-test-runner.mjs <test.wasm>
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { launch } from "../tests/support/chromium.mjs";

const [wasm] = process.argv.slice(2);
const TEST_MS = 120_000;

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const runner = spawn("wasm-bindgen-test-runner", [wasm], {
  env: { ...process.env, NO_HEADLESS: "1", WASM_BINDGEN_TEST_ONLY_WEB: "1", WASM_BINDGEN_TEST_ADDRESS: `127.0.0.1:${port}` },
  stdio: ["ignore", "inherit", "inherit"],
});
const runnerExit = new Promise((resolve) => runner.once("exit", resolve));

let passed = false;
const browser = await launch();
try {
  const page = await browser.newPage();
  // The runner first runs wasm-bindgen over the test module, then serves.
  for (let tries = 0; ; tries++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      break;
    } catch (error) {
      if (runner.exitCode !== null || tries > 600) throw new Error(`the test runner did not serve (${error.message})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const output = () => page.evaluate(() => document.getElementById("output")?.textContent ?? "");
  try {
    await page.waitForFunction(() => /^test result:/m.test(document.getElementById("output")?.textContent ?? ""), null, { timeout: TEST_MS });
  } finally {
    console.log((await output()).trim());
  }
  passed = /^test result: ok\./m.test(await output());
} finally {
  await browser.close();
  runner.kill();
  await runnerExit;
}
process.exit(passed ? 0 : 1);
