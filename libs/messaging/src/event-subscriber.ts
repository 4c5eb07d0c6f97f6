import { Partitioners, type Consumer, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { decodeEnvelope, MalformedEnvelopeError, type EventEnvelope } from '@riskledger/contracts';
import { retryWhileBrokerStarts } from './broker-start';
import {
  deadLetterMessage,
  rawHeadersOf,
  UnprocessableMessageError,
  unreadableBecause,
  type DeadLetter,
  type DeadLetterReason,
} from './dead-letters/dead-letter';

export interface SubscriptionOptions {
  groupId: string;
  topics: string[];
  /** Called for a message that is not an envelope; without dead letters it is then skipped. */
  onMalformed?: (error: MalformedEnvelopeError, where: string) => void;
  /** Sets poison messages aside on a dead-letter topic instead of skipping or stalling on them. */
  deadLetters?: DeadLetterSettings;
  /**
   * How long the group waits for a member that went silent (e.g. was killed) before its
   * partitions go to the others. The broker allows 6 s at the least.
   */
  sessionTimeoutMs?: number;
  /**
   * Partitions whose messages are handled side by side (default 1). Each stream is in one
   * partition, so its order holds either way; more than one is for handlers that make records
   * written from several streams safe to write at once (the projector locks them).
   */
  partitionsAtOnce?: number;
  /** Membership changes (joins, partitions assigned), one line each. */
  onMembership?: (line: string) => void;
  /**
   * This installation's store (CreateStoreIdentity): an event another store published to the same
   * topics is set aside (a dead letter `foreign-store`, or skipped through onMalformed without
   * dead letters) and never handled. Events without a store id (published before stores had one)
   * are handled.
   */
  own?: { storeId: string; topicSetting: string };
}

export interface DeadLetterSettings {
  topic: string;
  /** Records a dead letter for operators once it is on the topic; must be idempotent. */
  record?: (letter: DeadLetter) => Promise<void>;
  /**
   * Handler errors that are the infrastructure's, not the message's (a database that is away):
   * they are rethrown, and the consumer retries the message until they pass. Never dead-lettered.
   */
  isTransient?: (error: unknown) => boolean;
  /** Attempts of the handler before a message it keeps failing on is set aside (default 3). */
  maxAttempts?: number;
}

const DEFAULT_SESSION_TIMEOUT_MS = 30000;
const DEFAULT_MAX_ATTEMPTS = 3;
/**
 * Messages applied in one transaction at most: large enough to amortise it, small enough to
 * rebalance soon (and to keep the projector's record locks, one per record a slice touches, well
 * inside PostgreSQL's lock table with three partitions at once).
 */
const BATCH_SLICE = 1000;
/** Enough for a whole slice of ordinary events (1–2 kB each) in one fetch per partition. */
const MAX_BYTES_PER_PARTITION = 2 * 1024 * 1024;

/**
 * A consumer group member that hands each decoded envelope to a handler, one at a time per
 * partition. The offset is committed only after the handler resolved, so a crash redelivers:
 * handlers must make a redelivered event change nothing.
 *
 * With dead letters on, a message that can never be processed (not an event, a type or schema
 * version this version does not know, or one the handler refuses or keeps failing on) goes to the
 * dead-letter topic with the reason and its origin, and the partition moves on: one bad message
 * does not hold up every stream behind it.
 */
export class EventSubscriber {
  private readonly consumer: Consumer;
  private readonly producer: Producer | null;

  constructor(
    kafka: Kafka,
    private readonly options: SubscriptionOptions,
  ) {
    const sessionTimeout = options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    // Kafka's default fetch wait of 5 s would dominate the time from command to read model.
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      maxWaitTimeInMs: 100,
      maxBytesPerPartition: MAX_BYTES_PER_PARTITION,
      sessionTimeout,
      heartbeatInterval: Math.max(500, Math.floor(sessionTimeout / 10)),
    });
    this.producer = options.deadLetters
      ? kafka.producer({
          idempotent: true,
          maxInFlightRequests: 1,
          createPartitioner: Partitioners.DefaultPartitioner,
        })
      : null;
    const { onMembership } = options;
    if (onMembership) {
      this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
        const assigned = Object.entries(payload.memberAssignment)
          .map(([topic, partitions]) => `${topic}[${partitions.join(',')}]`)
          .join(' ');
        onMembership(
          `joined ${payload.groupId} as ${payload.memberId}${payload.isLeader ? ' (leader)' : ''}; ` +
            `partitions: ${assigned || 'none'}`,
        );
      });
    }
  }

  /**
   * Starts consuming. With `handleBatch`, each batch Kafka hands over (one partition's messages)
   * goes to it in slices of up to BATCH_SLICE, each slice's offsets resolved once it resolved;
   * a slice holding anything but readable events, or one the batch handler fails on with other
   * than a transient error, goes through `handle` one message at a time instead, with the
   * dead-letter rules above. The batch handler must make what it applied before failing change
   * nothing when handled again.
   */
  async start(
    handle: (envelope: EventEnvelope) => Promise<void>,
    handleBatch?: (envelopes: EventEnvelope[]) => Promise<void>,
  ): Promise<void> {
    await this.producer?.connect();
    await this.consumer.connect();
    await retryWhileBrokerStarts(() =>
      this.consumer.subscribe({ topics: this.options.topics, fromBeginning: true }),
    );
    if (!handleBatch) {
      await this.consumer.run({
        eachMessage: ({ topic, partition, message, heartbeat }) =>
          this.handleMessage({ topic, partition, message }, handle, heartbeat),
      });
      return;
    }
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsAtOnce ?? 1,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const { topic, partition } = batch;
        // In slices, with a heartbeat between them: a rebalance (an instance joining or leaving)
        // waits for the slice in hand only, not for the whole fetch.
        for (let start = 0; start < batch.messages.length; start += BATCH_SLICE) {
          if (!isRunning() || isStale()) return;
          const messages = batch.messages.slice(start, start + BATCH_SLICE);
          if (await this.handledWhole(messages, handleBatch)) {
            resolveOffset(messages[messages.length - 1].offset);
          } else {
            for (const message of messages) {
              if (!isRunning() || isStale()) return;
              await this.handleMessage({ topic, partition, message }, handle, heartbeat);
              resolveOffset(message.offset);
            }
          }
          await heartbeat();
        }
      },
    });
  }

  private foreignBecause(envelope: EventEnvelope): string | null {
    const own = this.options.own;
    if (!own || envelope.storeId === undefined || envelope.storeId === own.storeId) return null;
    return (
      `${envelope.type} ${envelope.streamType}/${envelope.streamId} v${envelope.streamVersion} ` +
      `was recorded by store ${envelope.storeId}, not by this one (${own.storeId}): another ` +
      `installation publishes to the same topics; give each its own ${own.topicSetting}`
    );
  }

  /** Whether the batch handler took the whole batch; false leaves it to one message at a time. */
  private async handledWhole(
    messages: KafkaMessage[],
    handleBatch: (envelopes: EventEnvelope[]) => Promise<void>,
  ): Promise<boolean> {
    const envelopes: EventEnvelope[] = [];
    for (const message of messages) {
      try {
        const envelope = decodeEnvelope(message);
        if (this.foreignBecause(envelope)) return false;
        if (this.options.deadLetters && unreadableBecause(envelope)) return false;
        envelopes.push(envelope);
      } catch (error) {
        if (error instanceof MalformedEnvelopeError) return false;
        throw error;
      }
    }
    try {
      await handleBatch(envelopes);
      return true;
    } catch (error) {
      if (this.options.deadLetters?.isTransient?.(error)) throw error;
      return false;
    }
  }

  private async handleMessage(
    where: MessageOrigin,
    handle: (envelope: EventEnvelope) => Promise<void>,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const { topic, partition, message } = where;
    let envelope: EventEnvelope;
    try {
      envelope = decodeEnvelope(message);
    } catch (error) {
      if (!(error instanceof MalformedEnvelopeError)) throw error;
      this.options.onMalformed?.(error, `${topic}[${partition}]@${message.offset}`);
      if (this.producer) await this.setAside(where, 'malformed', error.message);
      return;
    }
    const foreign = this.foreignBecause(envelope);
    if (foreign) {
      if (this.producer) await this.setAside(where, 'foreign-store', foreign);
      else
        this.options.onMalformed?.(
          new MalformedEnvelopeError(foreign),
          `${topic}[${partition}]@${message.offset}`,
        );
      return;
    }
    if (!this.options.deadLetters) {
      await handle(envelope);
      return;
    }
    const unreadable = unreadableBecause(envelope);
    if (unreadable) {
      await this.setAside(where, unreadable.reason, unreadable.detail);
      return;
    }
    await this.handleOrSetAside(where, envelope, handle, heartbeat);
  }

  /** Leaves the group after the message in hand is done, committing what was processed. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer?.disconnect();
  }

  private async handleOrSetAside(
    where: MessageOrigin,
    envelope: EventEnvelope,
    handle: (envelope: EventEnvelope) => Promise<void>,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const settings = this.options.deadLetters!;
    const maxAttempts = settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      try {
        await handle(envelope);
        return;
      } catch (error) {
        if (error instanceof UnprocessableMessageError) {
          await this.setAside(where, error.reason, error.message);
          return;
        }
        if (settings.isTransient?.(error)) throw error;
        if (attempt >= maxAttempts) {
          const detail = `failed ${attempt} times; last: ${(error as Error).message}`;
          await this.setAside(where, 'handler-failed', detail);
          return;
        }
        await heartbeat();
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }

  /** The dead-letter topic first, then the operators' record: a crash in between repeats both. */
  private async setAside(
    { topic, partition, message }: MessageOrigin,
    reason: DeadLetterReason,
    detail: string,
  ): Promise<void> {
    const settings = this.options.deadLetters!;
    const letter: DeadLetter = {
      consumerGroup: this.options.groupId,
      topic,
      partition,
      offset: message.offset,
      key: message.key ?? null,
      value: message.value ?? null,
      headers: rawHeadersOf(message.headers),
      reason,
      detail,
      deadLetteredAt: new Date(),
    };
    await this.producer!.send({
      topic: settings.topic,
      acks: -1,
      messages: [deadLetterMessage(letter)],
    });
    await settings.record?.(letter);
  }
}

interface MessageOrigin {
  topic: string;
  partition: number;
  message: KafkaMessage;
}
