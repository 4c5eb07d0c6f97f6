import { eventHash, microsecondIso, sealHash, type HashedEvent } from './event-hash';

const event: HashedEvent = {
  position: 42,
  eventId: '6f1c1a52-3c1e-4d57-9f0e-0e6b7b0f7f11',
  streamId: 'b3d0b1b2-7d7e-4a55-9d5e-2b8f3f9b1c11',
  streamType: 'risk',
  streamVersion: 2,
  type: 'RiskAssessed',
  schemaVersion: 1,
  data: { likelihood: 2, consequence: 4, score: 8 },
  metadata: { actor: 'erik.lund@region.se', correlationId: 'c-1', causationId: null, reason: null },
  recordedAt: '2026-03-01T12:00:00.123000Z',
};
const previous = 'a'.repeat(64);

describe('event hashes', () => {
  it('is a SHA-256 in hex, the same for the same event however its objects are ordered', () => {
    const hash = eventHash(event, previous);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = {
      ...event,
      data: { score: 8, consequence: 4, likelihood: 2 },
      metadata: {
        reason: null,
        causationId: null,
        correlationId: 'c-1',
        actor: 'erik.lund@region.se',
      },
    };
    expect(eventHash(reordered, previous)).toBe(hash);
  });

  it.each<[string, Partial<HashedEvent>]>([
    ['the data', { data: { likelihood: 2, consequence: 5, score: 10 } }],
    ['the actor', { metadata: { ...(event.metadata as object), actor: 'someone.else' } }],
    ['the position', { position: 43 }],
    ['the version', { streamVersion: 3 }],
    ['the stream', { streamId: 'another-stream' }],
    ['the type', { type: 'RiskIdentified' }],
    ['the schema version', { schemaVersion: 2 }],
    ['the event id', { eventId: '00000000-0000-4000-8000-000000000000' }],
    ['the time, by a microsecond', { recordedAt: '2026-03-01T12:00:00.123001Z' }],
  ])('changes when %s changes', (_what, change) => {
    expect(eventHash({ ...event, ...change }, previous)).not.toBe(eventHash(event, previous));
  });

  it("changes with the previous event's hash: the chain", () => {
    expect(eventHash(event, 'b'.repeat(64))).not.toBe(eventHash(event, previous));
    expect(eventHash(event, null)).not.toBe(eventHash(event, previous));
  });

  it('writes a millisecond time the way PostgreSQL gives a timestamptz to the microsecond', () => {
    expect(microsecondIso(new Date('2026-03-01T12:00:00.123Z'))).toBe(
      '2026-03-01T12:00:00.123000Z',
    );
  });
});

describe('seal hashes', () => {
  const events = [
    { position: 1, transactionId: '700', hash: 'a'.repeat(64) },
    { position: 3, transactionId: '701', hash: 'b'.repeat(64) },
  ];
  const seal = { sealNo: 2, previousHash: 'c'.repeat(64), events };

  it('changes when an event is left out, reordered, moved to another transaction or replaced', () => {
    const hash = sealHash(seal);
    expect(sealHash({ ...seal, events: events.slice(1) })).not.toBe(hash);
    expect(sealHash({ ...seal, events: [events[1], events[0]] })).not.toBe(hash);
    expect(
      sealHash({ ...seal, events: [{ ...events[0], transactionId: '699' }, events[1]] }),
    ).not.toBe(hash);
    expect(
      sealHash({ ...seal, events: [{ ...events[0], hash: 'd'.repeat(64) }, events[1]] }),
    ).not.toBe(hash);
  });

  it('chains to the previous seal', () => {
    expect(sealHash({ ...seal, previousHash: null })).not.toBe(sealHash(seal));
    expect(sealHash({ ...seal, sealNo: 3 })).not.toBe(sealHash(seal));
  });
});
