import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DeadLetterRedriver,
  DeadLetterStore,
  InjectKafka,
  type Kafka,
} from '@riskledger/messaging';
import type { DataSource } from 'typeorm';

/** The operators' access to dead letters: the record in PostgreSQL, and Kafka to re-drive them. */
@Injectable()
export class DeadLetterOperations implements OnApplicationShutdown {
  readonly store: DeadLetterStore;
  /** Connects to Kafka on the first re-drive: the API starts and serves without Kafka. */
  readonly redriver: DeadLetterRedriver;

  constructor(@InjectDataSource() dataSource: DataSource, @InjectKafka() kafka: Kafka) {
    this.store = new DeadLetterStore(dataSource);
    this.redriver = new DeadLetterRedriver(kafka);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redriver.disconnect();
  }
}
