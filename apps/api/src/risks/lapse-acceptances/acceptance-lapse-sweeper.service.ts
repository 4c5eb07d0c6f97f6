import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { AcceptanceLapseSweep } from './acceptance-lapse-sweep';

/** Runs the acceptance sweep every ACCEPTANCE_SWEEP_INTERVAL_MS while the process runs. */
@Injectable()
export class AcceptanceLapseSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AcceptanceSweep');
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly sweep: AcceptanceLapseSweep,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.sweeping;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.sweeping = this.sweepOnce().finally(() => this.schedule());
    }, this.config.ACCEPTANCE_SWEEP_INTERVAL_MS);
  }

  private async sweepOnce(): Promise<void> {
    try {
      const { lapsed } = await this.sweep.sweepOnce();
      for (const { riskId, acceptanceId } of lapsed) {
        this.logger.log(`acceptance ${acceptanceId} of risk ${riskId} lapsed`);
      }
    } catch (error) {
      // The next round tries again; nothing is lost, the register still lists what is due.
      this.logger.warn(`sweep failed (${(error as Error).message}); retrying`);
    }
  }
}
