import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { kafkaHeadersOf, REDRIVEN_FROM_HEADER } from './dead-letter';
import type { DeadLetterRecord } from './dead-letter-store';

/**
 * Sends a dead letter back to the topic it came from, byte for byte, under its original key (so to
 * the same partition, after the stream's later events). Every consumer group on that topic sees it
 * again; for an event that is harmless, since every consumer must absorb redeliveries anyway.
 */
export class DeadLetterRedriver {
  private readonly producer: Producer;
  private connected: Promise<void> | null = null;

  constructor(kafka: Kafka) {
    // Few retries of the send: an operator waiting on an HTTP answer is better told soon (within
    // the client's connection retries, some seconds) that Kafka is away.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 2, initialRetryTime: 200 },
    });
  }

  async redrive(letter: DeadLetterRecord): Promise<void> {
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = null;
      throw error;
    });
    await this.connected;
    await this.producer.send({
      topic: letter.topic,
      acks: -1,
      messages: [
        {
          key: letter.key,
          value: letter.value,
          headers: {
            ...kafkaHeadersOf(letter.headers),
            [REDRIVEN_FROM_HEADER]: Buffer.from(letter.id),
          },
        },
      ],
    });
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = null;
  }
}
