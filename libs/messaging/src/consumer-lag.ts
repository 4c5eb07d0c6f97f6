import type { Admin } from 'kafkajs';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** The next offset the group will read (its committed offset), or the log start if none. */
  committed: number;
  /** The offset the next message on the partition will get. */
  end: number;
  lag: number;
}

/**
 * How many messages a consumer group has yet to process on its topics: per partition, the end of
 * the log minus the group's committed offset (from the log start when it has committed nothing).
 */
export async function consumerGroupLag(
  admin: Admin,
  groupId: string,
  topics: string[],
): Promise<{ total: number; partitions: PartitionLag[] }> {
  // A topic not created yet holds nothing to lag behind; asking for it would retry for long.
  const existing = new Set(await admin.listTopics());
  topics = topics.filter((topic) => existing.has(topic));
  if (topics.length === 0) return { total: 0, partitions: [] };
  const committed = await admin.fetchOffsets({ groupId, topics });
  const partitions: PartitionLag[] = [];
  for (const topic of topics) {
    const ofTopic = committed.find((t) => t.topic === topic)?.partitions ?? [];
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
      const offset = Number(ofTopic.find((p) => p.partition === partition)?.offset ?? -1);
      const start = offset < 0 ? Number(low) : offset;
      const end = Number(high);
      partitions.push({ topic, partition, committed: start, end, lag: Math.max(0, end - start) });
    }
  }
  return { total: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
}
