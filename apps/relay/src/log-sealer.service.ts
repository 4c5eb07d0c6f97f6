import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { LogIntegrity } from '@riskledger/event-store';
import { RepeatingTask } from '@riskledger/scheduling';

/**
 * Seals the log every LOG_SEAL_INTERVAL_MS, so that deleting a stream's last event (or a whole
 * stream) or reordering events becomes detectable within moments of the append. Appends never
 * wait for it. Any number of relay processes may run it; concurrent seals are settled by the seal
 * number (see LogSealer).
 */
@Injectable()
export class LogSealerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LogSealer');
  private readonly task: RepeatingTask;
  private failing = false;

  constructor(
    private readonly integrity: LogIntegrity,
    config: AppConfig,
  ) {
    this.task = new RepeatingTask(config.LOG_SEAL_INTERVAL_MS, () => this.sealOnce());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
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
