import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@riskledger/config';
import {
  allTopics,
  ensureTopics,
  EventSubscriber,
  InjectKafka,
  type EventEnvelope,
  type Kafka,
} from '@riskledger/messaging';
import {
  project,
  RiskRegisterProjection,
  TraceabilityLogProjection,
  type Projection,
} from '@riskledger/read-models';
import type { DataSource } from 'typeorm';

/**
 * A member of the projector consumer group: applies every event it is handed to each read model.
 * More instances share the topics' partitions between them.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private readonly subscriber: EventSubscriber;
  readonly projections: readonly Projection[] = [
    new RiskRegisterProjection(),
    new TraceabilityLogProjection(),
  ];

  constructor(
    @InjectKafka() private readonly kafka: Kafka,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.subscriber = new EventSubscriber(kafka, {
      groupId: config.PROJECTOR_GROUP_ID,
      topics: allTopics(config.KAFKA_TOPIC_PREFIX),
      onMalformed: (error, where) => this.logger.error(`skipped ${where}: ${error.message}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Subscribing to a topic that does not exist yet makes the consumer crash and restart.
    await ensureTopics(this.kafka, allTopics(this.config.KAFKA_TOPIC_PREFIX), {
      partitions: this.config.KAFKA_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
    });
    await this.subscriber.start((envelope) => this.handle(envelope));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber.stop();
  }

  async handle(envelope: EventEnvelope): Promise<void> {
    for (const projection of this.projections) {
      await project(this.dataSource, projection, envelope);
    }
  }
}
