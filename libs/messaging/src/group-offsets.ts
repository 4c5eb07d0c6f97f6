import type { Admin, Kafka } from 'kafkajs';

/**
 * Moves a consumer group to the end of these topics, so that it starts after everything they hold.
 * kafkajs's admin.setOffsets joins the group once per topic (a join, a sync and a fetch each: some
 * seven seconds a topic); this joins once for all of them and seeks every partition to its end. The
 * group must have no running member. Ends are committed explicitly: a "latest" marker is committed
 * as -1, which a consumer reads as none and starts from the beginning.
 */
export async function moveGroupToEnd(
  kafka: Kafka,
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const present = topics.filter((topic) => existing.has(topic));
  if (present.length === 0) return;
  const ends = (
    await Promise.all(
      present.map(async (topic) =>
        (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({
          topic,
          partition,
          offset: high,
        })),
      ),
    )
  ).flat();
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...present], fromBeginning: true });
    const { state } = await consumer.describeGroup();
    if (!['Empty', 'Dead', 'Unknown'].includes(state)) {
      throw new Error(`the consumer group ${groupId} must have no running member (it is ${state})`);
    }
    // As admin.setOffsets does for one topic: seeks are committed by the first fetch round.
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.FETCH, () => {
        consumer.stop().then(resolve, reject);
      });
      consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
      // It only moves the offsets: nothing is to be read.
      consumer.pause(present.map((topic) => ({ topic })));
      for (const { topic, partition, offset } of ends) consumer.seek({ topic, partition, offset });
    });
  } finally {
    await consumer.disconnect();
  }
}
