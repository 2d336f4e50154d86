/** Progress on stderr, so stdout carries only the table; every line says how long the run has taken. */
const started = Date.now();

export function progress(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${seconds}s] ${message}\n`);
}

export function elapsedSeconds(): number {
  return (Date.now() - started) / 1000;
}

/** Reports a long wait every `everySeconds` until `stop` is called. */
export function ticker(label: string, totalSeconds: number, everySeconds = 5): () => void {
  const begun = Date.now();
  const timer = setInterval(() => {
    const done = Math.round((Date.now() - begun) / 1000);
    progress(`${label}: ${done}/${totalSeconds} s`);
  }, everySeconds * 1000);
  return () => clearInterval(timer);
}

/** Calls `report(done)` at most once a second: for loops over many items. */
export function throttled(report: (done: number) => void): (done: number) => void {
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (now - last < 1000) return;
    last = now;
    report(done);
  };
}
