// Loaded by the client tests' page: the built package, as a portal imports it.
import init, * as coc from "/src/index.js";
import initSmall, * as small from "/src/validate/index.js";

await Promise.all([init(), initSmall()]);
window.coc = coc;
// `coc-incident/validate`, the small module, beside the main entry.
window.small = small;

/** An error as plain data: its name, message and own fields. */
window.describeError = (error) => {
  if (!(error instanceof Error)) return { notAnError: String(error) };
  const fields = {};
  for (const key of Object.keys(error)) {
    const value = error[key];
    fields[key] = value instanceof Error ? { name: value.name, message: value.message } : value;
  }
  return { name: error.name, message: error.message, ...fields };
};

/** Runs a promise to an outcome that crosses into the test as data. */
window.outcome = (promise) =>
  promise.then(
    (value) => ({ ok: value }),
    (error) => ({ error: window.describeError(error) }),
  );

document.body.dataset.ready = "yes";
