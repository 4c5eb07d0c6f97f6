import { randomUUID } from 'node:crypto';
import { decodeEnvelope, type EventEnvelope } from '@riskledger/contracts';
import type { Kafka } from 'kafkajs';

/** One event as a topic holds it. */
export interface CarriedEvent {
  topic: string;
  partition: number;
  offset: number;
  envelope: EventEnvelope;
}

/**
 * Reads topics from their first to their current last message, as an outside consumer would, and
 * hands over every event in each partition's order. A message that does not decode as an event is
 * counted, not handed over. Leaves no consumer group behind.
 */
export async function scanTopics(
  kafka: Kafka,
  topics: string[],
  onEvent: (event: CarriedEvent) => void,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<{ messages: number; undecodable: number }> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `riskledger-scan-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  try {
    const existing = new Set(await admin.listTopics());
    topics = topics.filter((topic) => existing.has(topic));
    const remaining = new Map<string, number>();
    let total = 0;
    for (const topic of topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        const count = Number(high) - Number(low);
        if (count > 0) remaining.set(`${topic}/${partition}`, Number(high));
        total += count;
      }
    }
    let done = 0;
    let undecodable = 0;
    onProgress(0, total);
    if (total === 0) return { messages: 0, undecodable: 0 };
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            const key = `${topic}/${partition}`;
            const end = remaining.get(key);
            const offset = Number(message.offset);
            if (end === undefined || offset >= end) return;
            try {
              onEvent({ topic, partition, offset, envelope: decodeEnvelope(message) });
            } catch {
              undecodable++;
            }
            onProgress(++done, total);
            if (offset + 1 >= end) remaining.delete(key);
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
    return { messages: done, undecodable };
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
