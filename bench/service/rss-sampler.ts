import { memoryOf } from './proc-status';

/**
 * Samples a process's VmRSS every `everyMs` and keeps the largest; `stop()` answers it in MiB. VmHWM cannot
 * tell what one operation cost once an earlier one set the high-water mark, so this watches the current size.
 */
export function sampleRss(pid: number, everyMs = 200): { stop(): number } {
  let max = Number.NaN;
  const sample = (): void => {
    // The process may have exited mid-download: that is reported by the download, not by a crash here.
    try {
      const current = memoryOf(pid).currentMb;
      if (!(current <= max)) max = current;
    } catch {
      return;
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return max;
    },
  };
}
