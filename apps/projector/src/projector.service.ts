import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type EventEnvelope } from '@riskledger/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, consumerGroupId } from '@riskledger/config';
import { isTransientDatabaseError } from '@riskledger/database';
import { loadStoreId, PostgresEventStore } from '@riskledger/event-store';
import {
  allTopics,
  deadLetterTopic,
  DeadLetterStore,
  ensureTopics,
  EventSubscriber,
  InjectKafka,
  systemTopics,
  UnprocessableMessageError,
  type Kafka,
} from '@riskledger/messaging';
import {
  allProjections,
  buildNewProjections,
  project,
  projectBatchToAll,
  type Projection,
  type ProjectionOutcome,
} from '@riskledger/read-models';
import type { DataSource } from 'typeorm';

/** Partitions applied side by side: their transactions lock the records they share. */
const PARTITIONS_AT_ONCE = 3;

/**
 * A member of the projector consumer group: applies every event it is handed to each read model.
 * More instances share the topics' partitions between them. A message it can never apply goes to
 * the dead-letter topic and the dead_letters table, and the partition moves on.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private subscriber: EventSubscriber | null = null;
  readonly projections: readonly Projection[] = allProjections();

  constructor(
    @InjectKafka() private readonly kafka: Kafka,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const config = this.config;
    const storeId = await loadStoreId(this.dataSource);
    const deadLetters = new DeadLetterStore(this.dataSource);
    this.subscriber = new EventSubscriber(this.kafka, {
      groupId: consumerGroupId(config, 'projector', storeId),
      topics: allTopics(config.KAFKA_TOPIC_PREFIX),
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      // While PostgreSQL applies one partition's batch, the next is decoded and folded here.
      partitionsAtOnce: PARTITIONS_AT_ONCE,
      own: { storeId, topicSetting: 'KAFKA_TOPIC_PREFIX' },
      onMembership: (line) => this.logger.log(line),
      deadLetters: {
        topic: deadLetterTopic(config.KAFKA_TOPIC_PREFIX),
        isTransient: isTransientDatabaseError,
        record: async (letter) => {
          this.logger.warn(
            `dead letter ${letter.topic}[${letter.partition}]@${letter.offset}: ` +
              `${letter.reason}: ${letter.detail}`,
          );
          await deadLetters.record(letter);
        },
      },
    });
    // Subscribing to a topic that does not exist yet makes the consumer crash and restart.
    await ensureTopics(this.kafka, systemTopics(this.config.KAFKA_TOPIC_PREFIX), {
      partitions: this.config.KAFKA_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
    });
    await this.buildNewProjections();
    await this.subscriber.start(
      (envelope) => this.handle(envelope),
      (envelopes) => this.handleBatch(envelopes),
    );
    this.logger.log(`consuming ${allTopics(this.config.KAFKA_TOPIC_PREFIX).join(', ')}`);
  }

  /** A read model added by an upgrade is built from the log before the projector feeds it. */
  private async buildNewProjections(): Promise<void> {
    const store = new PostgresEventStore(this.dataSource);
    const built = await buildNewProjections(this.dataSource, store, this.projections, (p) =>
      this.logger.log(`building the new read model ${p.name} from the log`),
    );
    for (const result of built) {
      this.logger.log(
        `built ${result.projection}: ${result.events} events in ${(result.durationMs / 1000).toFixed(1)} s`,
      );
    }
  }

  /**
   * Before the database connection closes: the consumer finishes the message in hand, commits
   * what it processed and leaves the group, so that a restart redelivers nothing already applied.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.subscriber?.stop();
    this.logger.log('stopped consuming; progress committed');
  }

  /**
   * A batch from one partition, applied to every read model in one transaction with their
   * checkpoints. A hole in a stream rolls the whole batch back and makes it go message by message
   * instead (handle), which sets the event past the hole aside.
   */
  async handleBatch(envelopes: EventEnvelope[]): Promise<void> {
    const outcomes = await projectBatchToAll(this.dataSource, this.projections, envelopes);
    for (const [name, ofProjection] of outcomes) {
      if (ofProjection.includes('gap')) {
        throw new UnprocessableMessageError('stream-gap', `a hole in a stream in ${name}`);
      }
    }
    envelopes.forEach((envelope, i) =>
      this.reportRedelivery(
        envelope,
        [...outcomes].filter(([, o]) => o[i] === 'duplicate').map(([name]) => name),
      ),
    );
  }

  async handle(envelope: EventEnvelope): Promise<void> {
    const outcomes: [string, ProjectionOutcome][] = [];
    for (const projection of this.projections) {
      outcomes.push([projection.name, await project(this.dataSource, projection, envelope)]);
    }
    const described = `${envelope.type} ${envelope.streamType}/${envelope.streamId} v${envelope.streamVersion}`;
    const gaps = outcomes.filter(([, outcome]) => outcome === 'gap').map(([name]) => name);
    if (gaps.length > 0) {
      throw new UnprocessableMessageError(
        'stream-gap',
        `${described}: an earlier event of the stream is not applied in ${gaps.join(', ')} ` +
          `(set aside as a dead letter?); re-drive that one first`,
      );
    }
    this.reportRedelivery(
      envelope,
      outcomes.filter(([, outcome]) => outcome === 'duplicate').map(([name]) => name),
    );
  }

  /** Expected after a crash or a relay restart; counted by the fault tests, so one line each. */
  private reportRedelivery(envelope: EventEnvelope, absorbedBy: string[]): void {
    if (absorbedBy.length === 0) return;
    const described = `${envelope.type} ${envelope.streamType}/${envelope.streamId} v${envelope.streamVersion}`;
    this.logger.debug(
      `redelivery absorbed: ${described} (${envelope.eventId}) changed nothing in ${absorbedBy.join(', ')}`,
    );
  }
}
