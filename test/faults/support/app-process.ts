import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { faultsSite, type InfrastructureSite } from './fault-infrastructure';

export type AppName = 'api' | 'relay' | 'projector' | 'notifier';

/** Every process the suite started and has not seen exit: afterAll kills what is left. */
const running = new Set<AppProcess>();

/**
 * One app (api, relay, projector or notifier) as its own Node process, from the site's compiled
 * dist: a SIGKILL is a real crash. Its output is kept, line by line, and written to the site's
 * logs (.data/faults-logs/ for the fault suite).
 */
export class AppProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];

  constructor(
    readonly name: string,
    readonly app: AppName,
    env: Record<string, string>,
    site: InfrastructureSite = faultsSite,
  ) {
    mkdirSync(site.logs, { recursive: true });
    this.log = createWriteStream(join(site.logs, `${name}.log`), { flags: 'a' });
    this.child = spawn(process.execPath, [join(site.dist, `apps/${app}/src/main.js`)], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(this);
    let partial = '';
    const onData = (chunk: Buffer) => {
      this.log.write(chunk);
      const text = partial + chunk.toString();
      const complete = text.split('\n');
      partial = complete.pop() ?? '';
      for (const line of complete) this.onLine(line);
    };
    this.child.stdout!.on('data', onData);
    this.child.stderr!.on('data', onData);
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        running.delete(this);
        this.log.end();
        resolve({ code, signal });
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first line (already seen or still to come) that matches. */
  waitFor(pattern: RegExp, timeoutMs = 30000): Promise<string> {
    const seen = this.lines.find((line) => pattern.test(line));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`${this.name}: no line matching ${pattern} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push({
        pattern,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
      void this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(
          new Error(
            `${this.name} exited (${code ?? signal}) before logging ${pattern}; last lines:\n` +
              this.lines.slice(-15).join('\n'),
          ),
        );
      });
    });
  }

  count(pattern: RegExp): number {
    return this.lines.filter((line) => pattern.test(line)).length;
  }

  /** Sends the signal, without waiting for the process to end. */
  signal(signal: NodeJS.Signals): void {
    if (this.alive) this.child.kill(signal);
  }

  /** Sends the signal and waits until the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.alive) this.child.kill(signal);
    await this.exited;
  }

  private onLine(line: string): void {
    this.lines.push(line);
    const matched = this.waiters.filter((w) => w.pattern.test(line));
    this.waiters = this.waiters.filter((w) => !matched.includes(w));
    for (const waiter of matched) waiter.resolve(line);
  }
}

/** Kills every process the suite started that is still running (in afterAll, also on failure). */
export async function killAllApps(): Promise<void> {
  await Promise.all([...running].map((process) => process.kill('SIGKILL')));
}
