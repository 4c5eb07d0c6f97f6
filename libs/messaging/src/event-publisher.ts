import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';
import { encodeEnvelope, type EventEnvelope } from '@riskledger/contracts';
import { topicOf } from './topics';

/**
 * Errors after which an idempotent producer never sends again: the broker and the producer no
 * longer agree on its sequence numbers (as after a broker restart that cut a request short). A
 * producer with a new id starts its sequences afresh.
 */
const PRODUCER_OUT_OF_STEP = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
]);

/**
 * Publishes envelopes to their stream type's topic (restricted streams to the restricted topic),
 * keyed by stream id so that each stream's events stay in order on one partition. Idempotent, one
 * request in flight and acks from all in-sync replicas: a retry can neither duplicate nor reorder
 * what the broker already has. A producer out of step with the broker is replaced, and the
 * failed publish rejected: the caller publishes it again (a duplicate the broker can no longer
 * recognise, which consumers absorb), instead of every later publish failing the same way.
 */
export class EventPublisher {
  private producer: Producer;
  /** A replacement producer connects on the next publish (the broker may still be away). */
  private unconnected = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly topicPrefix: string,
  ) {
    this.producer = this.newProducer();
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    const byTopic = new Map<string, EventEnvelope[]>();
    for (const envelope of envelopes) {
      const topic = topicOf(this.topicPrefix, envelope);
      const batch = byTopic.get(topic);
      if (batch) batch.push(envelope);
      else byTopic.set(topic, [envelope]);
    }
    if (this.unconnected) {
      await this.producer.connect();
      this.unconnected = false;
    }
    try {
      await this.producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, batch]) => ({
          topic,
          messages: batch.map(encodeEnvelope),
        })),
      });
    } catch (error) {
      if (outOfStep(error)) await this.replaceProducer();
      throw error;
    }
  }

  private async replaceProducer(): Promise<void> {
    const old = this.producer;
    this.producer = this.newProducer();
    this.unconnected = true;
    await old.disconnect().catch(() => undefined);
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }
}

/** Whether the error, or one it was caused by, says the producer is out of step (kafkajs's type). */
function outOfStep(error: unknown): boolean {
  for (
    let e = error as { type?: unknown; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (typeof e.type === 'string' && PRODUCER_OUT_OF_STEP.has(e.type)) return true;
  }
  return false;
}
