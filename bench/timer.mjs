// A small timer that runs the same way in Node and in a browser page: warm up, then
// median nanoseconds per call over several timed samples.
export function measure(fn, { samples = 7, sampleMs = 120 } = {}) {
  let sink = 0;
  for (let i = 0; i < 2000; i += 1) sink ^= fn() ? 1 : 0;
  // Calls per sample, so that one sample lasts about sampleMs.
  let calls = 100;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < calls; i += 1) sink ^= fn() ? 1 : 0;
    const elapsed = performance.now() - start;
    if (elapsed > 20) {
      calls = Math.max(1, Math.round((calls * sampleMs) / elapsed));
      break;
    }
    calls *= 4;
  }
  const results = [];
  for (let s = 0; s < samples; s += 1) {
    const start = performance.now();
    for (let i = 0; i < calls; i += 1) sink ^= fn() ? 1 : 0;
    results.push(((performance.now() - start) * 1e6) / calls);
  }
  globalThis.__benchSink = sink;
  return median(results);
}

/** The median of a list of numbers (the list is left as it was). */
export function median(list) {
  return [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
}
