import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { LogIntegrity } from '@riskledger/event-store';

/**
 * Seals the log every LOG_SEAL_INTERVAL_MS, so that deleting a stream's last event (or a whole
 * stream) or reordering events becomes detectable within moments of the append. Appends never
 * wait for it. Any number of relay processes may run it; concurrent seals are settled by the seal
 * number (see LogSealer).
 */
@Injectable()
export class LogSealerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LogSealer');
  private timer: NodeJS.Timeout | null = null;
  private sealing: Promise<void> = Promise.resolve();
  private running = false;
  private failing = false;

  constructor(
    private readonly integrity: LogIntegrity,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.sealing;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.sealing = this.sealOnce().finally(() => this.schedule());
    }, this.config.LOG_SEAL_INTERVAL_MS);
  }

  private async sealOnce(): Promise<void> {
    try {
      const seals = await this.integrity.seal();
      if (this.failing) this.logger.log('sealing again');
      this.failing = false;
      if (seals.length > 0) {
        const head = seals[seals.length - 1];
        this.logger.debug(`sealed up to position ${head.upTo.position} (seal ${head.sealNo})`);
      }
    } catch (error) {
      if (!this.failing) this.logger.warn(`sealing failed (${(error as Error).message}); retrying`);
      this.failing = true;
    }
  }
}
