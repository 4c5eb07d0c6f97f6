import { Presets, SingleBar } from 'cli-progress';

/** Where a command writes: its result to `out`, diagnostics and progress to stderr. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** A progress reporter for long work; call it with (done, total). */
  progress(label: string): ProgressReporter;
}

export interface ProgressReporter {
  (done: number, total: number): void;
  stop(): void;
}

/** The terminal: a progress bar on stderr when it is a terminal, nothing otherwise. */
export const terminalIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress(label) {
    const bar = new SingleBar(
      {
        format: `${label.padEnd(18)} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`,
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    let started = false;
    const report = (done: number, total: number) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    };
    return Object.assign(report, { stop: () => started && bar.stop() });
  },
};
