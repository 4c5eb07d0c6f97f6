import { type EventEnvelope } from '@riskledger/contracts';
import { KafkaJSProtocolError, type Kafka, type Producer } from 'kafkajs';
import { EventPublisher } from './event-publisher';

/** A stand-in broker connection: which producer sent what, and the answers it gives. */
function fakeKafka(answers: (Error | null)[]) {
  const producers: { connects: number; disconnects: number; sends: number }[] = [];
  const kafka = {
    producer: () => {
      const seen = { connects: 0, disconnects: 0, sends: 0 };
      producers.push(seen);
      return {
        connect: async () => void seen.connects++,
        disconnect: async () => void seen.disconnects++,
        sendBatch: async () => {
          seen.sends++;
          const answer = answers.shift();
          if (answer) throw answer;
          return [];
        },
      } as unknown as Producer;
    },
  } as unknown as Kafka;
  return { kafka, producers };
}

const envelope = {
  eventId: '6f1c1d8e-6a57-4bb5-9d43-2d4b3b8a1b11',
  streamId: 'r1',
  streamType: 'risk',
  streamVersion: 1,
  position: 1,
  type: 'RiskClosed',
  schemaVersion: 1,
  data: { riskId: 'r1' },
  metadata: { actor: 'anna', correlationId: 'c', causationId: null, reason: null },
  recordedAt: '2026-12-06T05:00:00.000000Z',
} as unknown as EventEnvelope;

const protocolError = (type: string) =>
  new KafkaJSProtocolError({ message: type, type, code: 45, retriable: false } as never);

describe('EventPublisher', () => {
  it('replaces a producer the broker no longer accepts the sequence of, and sends on with the new one', async () => {
    const { kafka, producers } = fakeKafka([protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER'), null]);
    const publisher = new EventPublisher(kafka, 'riskledger');
    await publisher.connect();

    await expect(publisher.publish([envelope])).rejects.toThrow('OUT_OF_ORDER_SEQUENCE_NUMBER');
    expect(producers).toHaveLength(2);
    expect(producers[0]).toMatchObject({ connects: 1, disconnects: 1, sends: 1 });

    await publisher.publish([envelope]);
    expect(producers[1]).toMatchObject({ connects: 1, sends: 1 });
  });

  it('keeps its producer through other failures (the broker away), which kafkajs recovers from', async () => {
    const { kafka, producers } = fakeKafka([
      protocolError('NOT_LEADER_FOR_PARTITION'),
      new Error('ECONNREFUSED'),
      null,
    ]);
    const publisher = new EventPublisher(kafka, 'riskledger');
    await publisher.connect();
    await expect(publisher.publish([envelope])).rejects.toThrow();
    await expect(publisher.publish([envelope])).rejects.toThrow();
    await publisher.publish([envelope]);
    expect(producers).toHaveLength(1);
    expect(producers[0]).toMatchObject({ sends: 3, disconnects: 0 });
  });

  it('connects a replacement only when it publishes, so that a broker still away fails that publish alone', async () => {
    const { kafka, producers } = fakeKafka([protocolError('UNKNOWN_PRODUCER_ID'), null]);
    const publisher = new EventPublisher(kafka, 'riskledger');
    await publisher.connect();
    await expect(publisher.publish([envelope])).rejects.toThrow();
    expect(producers[1].connects).toBe(0);
    await publisher.publish([envelope]);
    expect(producers[1].connects).toBe(1);
  });
});
