/** Timing helpers shared by the benchmark's processes. */

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

export interface WindowResult {
  /** Operations completed inside the measured window. */
  ops: number;
  /** Events they wrote or read (ops × events per op). */
  events: number;
  seconds: number;
  /** Per-operation latency, milliseconds. */
  p50: number;
  p99: number;
}

/**
 * Runs `writers` loops of `op` for a warm-up and then a measured window: the operations that start
 * inside the window count, and the window lasts until the last of them ends (so that an operation
 * longer than the window is still measured). `op(writer, n)` returns how many events it handled.
 * Each writer's first operation runs before the warm-up starts, unmeasured: it opens the writer's
 * connection (and prepares its statements), which with 32 new connections on two cores took longer
 * than a quick run's whole window and was measured as the store's rate.
 */
export async function runWindow(
  writers: number,
  op: (writer: number, n: number) => Promise<number>,
  { warmupSeconds, seconds }: { warmupSeconds: number; seconds: number },
): Promise<WindowResult> {
  await Promise.all(Array.from({ length: writers }, (_, writer) => op(writer, 0)));
  const started = nowMs();
  const from = started + warmupSeconds * 1000;
  const until = from + seconds * 1000;
  const latencies: number[] = [];
  let events = 0;
  let lastEnd = until;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 1; ; n++) {
        const t = nowMs();
        // Past the window, but an operation longer than the window is still measured once.
        if (t >= until && latencies.length > 0) return;
        const handled = await op(writer, n);
        const done = nowMs();
        if (t >= from) {
          latencies.push(done - t);
          events += handled;
          lastEnd = Math.max(lastEnd, done);
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    ops: latencies.length,
    events,
    seconds: (lastEnd - from) / 1000,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
