import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, consumerGroupId } from '@riskledger/config';
import {
  eventsAfterCheckpoint,
  loadStoreId,
  logHold,
  RELAY_CHECKPOINT,
  type LogHold,
} from '@riskledger/event-store';
import { allTopics, consumerGroupLag, InjectKafka, type Kafka } from '@riskledger/messaging';
import type { DataSource } from 'typeorm';

type Status = 'up' | 'down';
const CHECK_TIMEOUT_MS = 2000;

/** Probes of the two parts the system cannot work without; each gives up after two seconds. */
@Injectable()
export class HealthChecks implements OnApplicationShutdown {
  private admin: ReturnType<Kafka['admin']> | null = null;
  private storeId: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectKafka() private readonly client: Kafka,
    private readonly config: AppConfig,
  ) {}

  postgres(): Promise<Status> {
    return answers(() => this.dataSource.query('SELECT 1'));
  }

  kafka(): Promise<Status> {
    return answers(() => this.withAdmin((admin) => admin.describeCluster()));
  }

  /** Events in the store that the relay has not copied to Kafka yet; null when it cannot tell. */
  relayBacklog(): Promise<number | null> {
    return probe(() => eventsAfterCheckpoint(this.dataSource, RELAY_CHECKPOINT));
  }

  /** Events the relay may not take yet, and the transaction they wait for; null when unknown. */
  relayHold(): Promise<LogHold | null> {
    return probe(() => logHold(this.dataSource, RELAY_CHECKPOINT));
  }

  /** Messages on the event topics the projector group has not processed yet; null when unknown. */
  projectorLag(): Promise<number | null> {
    return probe(() =>
      this.withAdmin(async (admin) => {
        const lag = await consumerGroupLag(
          admin,
          await this.groupId('projector'),
          allTopics(this.config.KAFKA_TOPIC_PREFIX),
        );
        return lag.total;
      }),
    );
  }

  /** This installation's consumer group (configured, or derived from the store's identity). */
  async groupId(consumer: 'projector' | 'notifier'): Promise<string> {
    this.storeId ??= await loadStoreId(this.dataSource);
    return consumerGroupId(this.config, consumer, this.storeId);
  }

  /** Per partition, what a consumer group has yet to process on the event topics. */
  groupLag(groupId: string) {
    return this.withAdmin((admin) =>
      consumerGroupLag(admin, groupId, allTopics(this.config.KAFKA_TOPIC_PREFIX)),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
  }

  private async withAdmin<T>(use: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
    this.admin ??= this.client.admin();
    try {
      await this.admin.connect();
      return await use(this.admin);
    } catch (error) {
      await this.admin.disconnect().catch(() => undefined);
      this.admin = null;
      throw error;
    }
  }
}

async function answers(check: () => Promise<unknown>): Promise<Status> {
  const answered = await probe(async () => {
    await check();
    return true;
  });
  return answered ? 'up' : 'down';
}

/** The check's result, or null when it failed or took longer than CHECK_TIMEOUT_MS. */
async function probe<T>(check: () => Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
