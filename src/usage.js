// The error for a mistake in how the package is used (not in what a user typed).

/** A `UsageError`: a call before `init()` finished, a freed handle. */
export function usageError(message) {
  const error = new Error(message);
  error.name = "UsageError";
  return error;
}

/** The UsageError of a call made before `init()`. */
export function notInitialised(name) {
  return usageError(`coc-incident is not initialised: \`await init()\` (once, before any other call) must finish before ${name}`);
}
