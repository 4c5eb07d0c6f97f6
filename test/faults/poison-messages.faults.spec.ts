import { DEAD_LETTER_HEADERS } from '@riskledger/messaging';
import { encodeEnvelope, envelopeOf } from '@riskledger/contracts';
import { Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { killAllApps } from './support/app-process';
import { FaultSystem, report, request, until } from './support/fault-system';
import { bearerFor } from '../support/sign-in';
import { EVENT_CATALOGUE } from '@riskledger/domain';

jest.setTimeout(120_000);

interface Poison {
  name: string;
  reason: string;
  key: string;
  value: Buffer | null;
  headers: Record<string, string>;
}

/**
 * Fault 6: poison messages on an event topic, in the partition of a real risk, ahead of its next
 * event. The projector must not stall on them: each goes to the dead-letter topic with the reason
 * and its origin, is recorded for operators (GET /dead-letters), and can be re-driven.
 */
describe('poison messages on a topic', () => {
  let system: FaultSystem;
  let baseUrl: string;
  let actor: Record<string, string>;

  beforeAll(async () => {
    actor = { authorization: `Bearer ${await bearerFor('operator@region.se', 'ADMINISTRATOR')}` };
    system = await FaultSystem.create('poison');
    ({ baseUrl } = await system.startApi());
    await system.startRelay();
    await system.startProjector();
  });
  afterAll(async () => {
    await killAllApps();
    await system?.destroy();
  });

  async function registerVersion(riskId: string): Promise<number | undefined> {
    const answer = await request(baseUrl, 'GET', `/risks/${riskId}`);
    return answer.status === 200 ? answer.body.version : undefined;
  }

  it('sets them aside with the reason, moves on, and lets an operator see and re-drive them', async () => {
    const created = await request(baseUrl, 'POST', '/risks', {
      title: 'Server room door propped open',
      description: 'Because the door is propped open, anyone can enter the server room.',
      area: 'IT_SECURITY',
      unit: 'Region IT',
      likelihood: 3,
      consequence: 4,
    });
    expect(created.status).toBe(201);
    const riskId: string = created.body.id;
    await until('the risk in the register', async () => (await registerVersion(riskId)) === 2);

    // Realistic poison, made from the risk's own last event: same key, so the same partition.
    const [, assessed] = await system.store.readStream(riskId);
    const sound = envelopeOf(assessed);
    const encoded = (changes: object) => {
      const message = encodeEnvelope({ ...sound, eventId: randomUUID(), ...changes });
      return { key: message.key, value: message.value, headers: message.headers };
    };
    const poisons: Poison[] = [
      { name: 'bad JSON', reason: 'malformed', ...encoded({}), value: Buffer.from('{"riskId": ') },
      { name: 'a tombstone', reason: 'malformed', ...encoded({}), value: null },
      {
        name: 'an unknown event type',
        reason: 'unknown-event-type',
        ...encoded({ type: 'RiskArchived', streamVersion: 3 }),
      },
      {
        name: 'a future schema version',
        reason: 'unsupported-schema-version',
        ...encoded({ schemaVersion: 9, streamVersion: 3 }),
      },
      {
        name: 'an event that skips versions',
        reason: 'stream-gap',
        ...encoded({ streamVersion: 7 }),
      },
    ];
    const producer = system.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const topic = `${system.prefix}.risk`;
    const sentAt = Date.now();
    await producer.send({
      topic,
      messages: poisons.map(({ key, value, headers }) => ({ key, value, headers })),
    });
    await producer.disconnect();

    // The risk's next real event comes after them on the same partition, and is applied.
    const next = await request(baseUrl, 'POST', `/risks/${riskId}/assessments`, {
      likelihood: 1,
      consequence: 4,
      reason: 'Door closer fitted',
    });
    expect(next.status).toBe(201);
    await until('the next event applied past the poison', async () => {
      return (await registerVersion(riskId)) === 3;
    });
    const stalledFor = Date.now() - sentAt;

    // On the dead-letter topic: the original bytes and key, the reason and where they came from.
    const letters = await until('the dead letters on their topic', async () => {
      const messages = await system.readTopics([system.deadLetterTopic]);
      return messages.length >= poisons.length ? messages : undefined;
    });
    expect(letters).toHaveLength(poisons.length);
    for (const poison of poisons) {
      const letter = letters.find(
        (m) =>
          m.headers[DEAD_LETTER_HEADERS.reason] === poison.reason &&
          (m.value?.equals(poison.value ?? Buffer.alloc(0)) ?? poison.value === null),
      )!;
      expect({ poison: poison.name, found: letter !== undefined }).toEqual({
        poison: poison.name,
        found: true,
      });
      expect(letter.key).toBe(riskId);
      expect(letter.headers).toMatchObject({
        [DEAD_LETTER_HEADERS.topic]: topic,
        [DEAD_LETTER_HEADERS.group]: system.groupId,
        ...poison.headers,
      });
      expect(Number(letter.headers[DEAD_LETTER_HEADERS.offset])).toBeGreaterThanOrEqual(0);
      expect(letter.headers[DEAD_LETTER_HEADERS.detail]).toBeTruthy();
    }

    // Operators see them, oldest first, with the reason.
    const listed = await until('the dead letters listed', async () => {
      const answer = await request(baseUrl, 'GET', '/dead-letters');
      return answer.body.length >= poisons.length ? answer.body : undefined;
    });
    expect(listed.map((l: { reason: string }) => l.reason).sort()).toEqual(
      poisons.map((p) => p.reason).sort(),
    );
    const future = listed.find(
      (l: { reason: string }) => l.reason === 'unsupported-schema-version',
    );
    expect(future).toMatchObject({
      topic,
      consumerGroup: system.groupId,
      key: riskId,
      detail: `RiskAssessed schema version 9 is newer than the known version ${EVENT_CATALOGUE.RiskAssessed.schemaVersion}`,
      redriveCount: 0,
      valueEncoding: 'utf8',
    });

    // Re-driven: the same bytes go back to the original topic. This projector still cannot read
    // a version 9, so it sets it aside once more, as a new dead letter.
    const offsetsBefore = await system.topicMessageCount([topic]);
    const redriven = await request(
      baseUrl,
      'POST',
      `/dead-letters/${future.id}/redrive`,
      {},
      actor,
    );
    expect(redriven.status).toBe(200);
    expect(redriven.body).toMatchObject({
      id: future.id,
      redriveCount: 1,
      lastRedrivenBy: 'operator@region.se',
    });
    expect(await system.topicMessageCount([topic])).toBe(offsetsBefore + 1);
    const again = await until('the re-driven message set aside again', async () => {
      const answer = await request(baseUrl, 'GET', '/dead-letters?pending=true');
      return answer.body.find(
        (l: { reason: string; offset: string }) =>
          l.reason === 'unsupported-schema-version' && l.offset !== future.offset,
      );
    });
    expect(again.value).toBe(future.value);
    expect(again.headers['redriven-from']).toBe(future.id);

    // Refusals of the operations endpoints.
    expect(
      (await request(baseUrl, 'POST', `/dead-letters/${randomUUID()}/redrive`, {}, actor)).status,
    ).toBe(404);
    expect((await request(baseUrl, 'POST', '/dead-letters/nope/redrive', {}, actor)).status).toBe(
      400,
    );
    const anonymous = await request(
      baseUrl,
      'POST',
      `/dead-letters/${future.id}/redrive`,
      {},
      { authorization: '' },
    );
    expect(anonymous.status).toBe(401);

    await system.caughtUp();
    await system.expectReadModelsEqualRebuild();
    report(
      `poison messages (${poisons.map((p) => p.name).join(', ')}): all dead-lettered with their ` +
        `reason; the next real event of the same partition applied ${stalledFor} ms after they ` +
        `were sent; re-drive republished the original bytes; read models equal to a rebuild`,
    );
  });
});
