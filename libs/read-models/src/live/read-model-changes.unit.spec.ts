import type { EventEnvelope } from '@riskledger/contracts';
import { changesOf, parseChanges, payloadsOf, type ReadModelChange } from './read-model-changes';

const envelope = (streamType: string, streamId: string, position: number): EventEnvelope => ({
  eventId: `e${position}`,
  type: `${streamType}-event-${position}`,
  schemaVersion: 1,
  streamType,
  streamId,
  streamVersion: position,
  position,
  recordedAt: '2026-12-05T10:00:00Z',
  metadata: { actor: 'anna', correlationId: 'c', causationId: null, reason: null },
  data: {},
});

describe('announcing read-model changes', () => {
  it('tells each risk, incident and goal once, at its newest position, and nothing else', () => {
    const changes = changesOf([
      envelope('risk', 'r1', 3),
      envelope('risk', 'r1', 5),
      envelope('incident', 'i1', 4),
      envelope('reminder', 'm1', 6),
      envelope('access-record', 'a1', 7),
      envelope('goal', 'g1', 8),
    ]);
    expect(changes).toEqual([
      { streamType: 'risk', streamId: 'r1', position: 5, eventType: 'risk-event-5' },
      { streamType: 'incident', streamId: 'i1', position: 4, eventType: 'incident-event-4' },
      { streamType: 'goal', streamId: 'g1', position: 8, eventType: 'goal-event-8' },
    ]);
  });

  it('splits a big batch into payloads PostgreSQL takes, losing none', () => {
    const many: ReadModelChange[] = Array.from({ length: 500 }, (_, i) => ({
      streamType: 'risk',
      streamId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      position: i,
      eventType: 'RiskAssessed',
    }));
    const payloads = payloadsOf(many);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(payloads.flatMap(parseChanges)).toEqual(many);
  });

  it('reads a payload that is not a list of changes as none', () => {
    expect(parseChanges('not json')).toEqual([]);
    expect(parseChanges('{"streamType":"risk"}')).toEqual([]);
    expect(parseChanges('[{"streamType":"user","streamId":"x","position":1}]')).toEqual([]);
  });
});
