/**
 * Runs a round of work every `intervalMs`, measured from the end of one round to the start of the
 * next, so that rounds never overlap however long one takes. `stop` waits for the round in hand:
 * a process that stops lets it finish before its database connections close.
 */
export class RepeatingTask {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> = Promise.resolve();
  private running = false;

  /** `runRound` handles its own errors: a rejected round is a bug, not a retry. */
  constructor(
    private readonly intervalMs: number,
    private readonly runRound: () => Promise<void>,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.round = this.runRound().finally(() => this.schedule());
    }, this.intervalMs);
  }
}
