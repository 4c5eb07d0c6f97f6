import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';
import { encodeEnvelope, type EventEnvelope } from '@riskledger/contracts';
import { topicOf } from './topics';

/**
 * Publishes envelopes to their stream type's topic (restricted streams to the restricted topic), keyed by stream id so that each stream's
 * events stay in order on one partition. Idempotent, one request in flight and acks from all
 * in-sync replicas: a retry can neither duplicate nor reorder what the broker already has.
 */
export class EventPublisher {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly topicPrefix: string,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
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
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, batch]) => ({
        topic,
        messages: batch.map(encodeEnvelope),
      })),
    });
  }
}
