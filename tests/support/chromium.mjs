// Debian's Chromium driven by playwright-core, with the flags this closed network
// needs (no background traffic, no sandbox as root), and `gc()` exposed to pages so
// that tests can show what a garbage collection does to what the library set up.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--js-flags=--expose-gc",
    ],
  });
}

/** Collects console errors and page errors, for tests that want none. */
export function watchErrors(page) {
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
