import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectKafka, type Kafka } from '@riskledger/messaging';
import type { DataSource } from 'typeorm';

type Status = 'up' | 'down';
const CHECK_TIMEOUT_MS = 2000;

/** Probes of the two parts the system cannot work without; each gives up after two seconds. */
@Injectable()
export class HealthChecks implements OnApplicationShutdown {
  private admin: ReturnType<Kafka['admin']> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectKafka() private readonly client: Kafka,
  ) {}

  postgres(): Promise<Status> {
    return probe(() => this.dataSource.query('SELECT 1'));
  }

  kafka(): Promise<Status> {
    return probe(async () => {
      this.admin ??= this.client.admin();
      try {
        await this.admin.connect();
        await this.admin.describeCluster();
      } catch (error) {
        await this.admin.disconnect().catch(() => undefined);
        this.admin = null;
        throw error;
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
  }
}

async function probe(check: () => Promise<unknown>): Promise<Status> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
