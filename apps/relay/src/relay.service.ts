import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  listenForAppends,
  loadStoreId,
  LogCheckpoints,
  PostgresEventStore,
} from '@riskledger/event-store';
import {
  ensureTopics,
  EventPublisher,
  InjectKafka,
  systemTopics,
  type Kafka,
} from '@riskledger/messaging';
import type { DataSource } from 'typeorm';
import { Relay, type RelaySettings } from './relay';
import { RelayLeadership } from './relay-leadership';

const STANDBY_RETRY_MS = 2000;

/** Runs the relay while this process holds the leadership; stands by otherwise. */
@Injectable()
export class RelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Relay');
  private readonly publisher: EventPublisher;
  private readonly relay: Relay;
  private readonly settings: RelaySettings;
  private readonly leadership: RelayLeadership;
  private running = false;
  private supervisor: Promise<void> = Promise.resolve();
  private wakeSupervisor: (() => void) | null = null;
  private stopListening: () => Promise<void> = async () => undefined;

  constructor(
    @InjectKafka() private readonly kafka: Kafka,
    private readonly config: AppConfig,
    store: PostgresEventStore,
    checkpoints: LogCheckpoints,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.publisher = new EventPublisher(kafka, config.KAFKA_TOPIC_PREFIX);
    this.settings = { batchSize: config.RELAY_BATCH_SIZE, pollMs: config.RELAY_POLL_MS };
    this.relay = new Relay(store, checkpoints, this.publisher, this.settings, this.logger);
    this.leadership = new RelayLeadership(config.DATABASE_URL);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.settings.storeId = await loadStoreId(this.dataSource);
    await ensureTopics(this.kafka, systemTopics(this.config.KAFKA_TOPIC_PREFIX), {
      partitions: this.config.KAFKA_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
    });
    await this.publisher.connect();
    // Appends are announced after they commit: the relay reads them at once, not at its next poll.
    this.stopListening = listenForAppends(this.config.DATABASE_URL, {
      onAppended: () => this.relay.nudge(),
      onConnectionLost: (error) =>
        this.logger.warn(`not hearing of appends (${error.message}); polling until it is back`),
    });
    this.running = true;
    this.supervisor = this.supervise();
  }

  /** Before the database connection closes: the batch in hand is published and checkpointed. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wakeSupervisor?.();
    // The supervisor first, so that it cannot start the relay again after the relay stopped.
    await this.supervisor;
    await this.relay.stop();
    await this.stopListening();
    await this.leadership.release();
    await this.publisher.disconnect();
  }

  private async supervise(): Promise<void> {
    let leading = false;
    while (this.running) {
      if (!leading) {
        leading = await this.leadership.tryAcquire().catch((error: Error) => {
          this.logger.warn(`cannot reach the database for the relay lock: ${error.message}`);
          return false;
        });
        if (leading && !this.running) break;
        if (leading) {
          this.logger.log('leading: relaying the event store to Kafka');
          this.relay.start();
        }
      } else if (!this.leadership.held) {
        this.logger.warn('lost the relay lock; standing by');
        await this.relay.stop();
        await this.leadership.release();
        leading = false;
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, leading ? 500 : STANDBY_RETRY_MS);
        this.wakeSupervisor = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
