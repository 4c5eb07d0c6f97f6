import type { Consumer, Kafka } from 'kafkajs';
import { decodeEnvelope, MalformedEnvelopeError } from './envelope-codec';
import type { EventEnvelope } from './event-envelope';

export interface SubscriptionOptions {
  groupId: string;
  topics: string[];
  /** Called for a message that is not an envelope; the message is then skipped. */
  onMalformed?: (error: MalformedEnvelopeError, where: string) => void;
}

/**
 * A consumer group member that hands each decoded envelope to a handler, one at a time per
 * partition. The offset is committed only after the handler resolved, so a crash redelivers:
 * handlers must make a redelivered event change nothing.
 */
export class EventSubscriber {
  private readonly consumer: Consumer;

  constructor(
    kafka: Kafka,
    private readonly options: SubscriptionOptions,
  ) {
    // Kafka's default fetch wait of 5 s would dominate the time from command to read model.
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      maxWaitTimeInMs: 100,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
    });
  }

  async start(handle: (envelope: EventEnvelope) => Promise<void>): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        let envelope: EventEnvelope;
        try {
          envelope = decodeEnvelope(message);
        } catch (error) {
          if (!(error instanceof MalformedEnvelopeError)) throw error;
          this.options.onMalformed?.(error, `${topic}[${partition}]@${message.offset}`);
          return;
        }
        await handle(envelope);
      },
    });
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
