import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { RepeatingTask } from '@riskledger/scheduling';
import { OwnerReminders } from './owner-reminders';

/** Runs the owners' reminders every REMINDER_INTERVAL_MS while the process runs, when SMTP_URL is set. */
@Injectable()
export class OwnerRemindersService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private readonly task: RepeatingTask;

  constructor(
    private readonly reminders: OwnerReminders,
    private readonly config: AppConfig,
  ) {
    this.task = new RepeatingTask(config.REMINDER_INTERVAL_MS, () => this.runOnce());
  }

  onApplicationBootstrap(): void {
    if (!this.config.SMTP_URL) {
      this.logger.log('no SMTP_URL: owners are not reminded by e-mail');
      return;
    }
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  private async runOnce(): Promise<void> {
    try {
      const round = await this.reminders.runOnce();
      if (round && round.prepared + round.sent + round.failed > 0) {
        this.logger.log(
          `${round.prepared} digests prepared, ${round.sent} sent, ${round.failed} failed`,
        );
      }
    } catch (error) {
      // The next round tries again: what is due and what waits is read from the log each time.
      this.logger.warn(`reminder round failed (${(error as Error).message}); retrying`);
    }
  }
}
