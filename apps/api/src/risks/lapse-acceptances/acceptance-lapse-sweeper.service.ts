import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { RepeatingTask } from '@riskledger/scheduling';
import { AcceptanceLapseSweep } from './acceptance-lapse-sweep';

/** Runs the acceptance sweep every ACCEPTANCE_SWEEP_INTERVAL_MS while the process runs. */
@Injectable()
export class AcceptanceLapseSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AcceptanceSweep');
  private readonly task: RepeatingTask;

  constructor(
    private readonly sweep: AcceptanceLapseSweep,
    config: AppConfig,
  ) {
    this.task = new RepeatingTask(config.ACCEPTANCE_SWEEP_INTERVAL_MS, () => this.sweepOnce());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
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
