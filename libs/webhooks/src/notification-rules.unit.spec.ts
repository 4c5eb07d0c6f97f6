import { levelAfter, notificationFor } from './notification-rules';
import { type EventEnvelope } from '@riskledger/contracts';

const envelope = (
  type: string,
  data: Record<string, unknown>,
  streamVersion = 2,
): EventEnvelope => ({
  eventId: 'e4d3c2b1-a0f9-4e8d-b7c6-a5b4c3d2e1f0',
  type,
  schemaVersion: 1,
  streamType: type === 'IncidentReported' ? 'incident' : 'risk',
  streamId: 'stream-1',
  streamVersion,
  position: 10,
  recordedAt: '2026-11-23T09:00:00.000Z',
  metadata: { actor: 'anna', correlationId: 'c-1', causationId: null, reason: null },
  data,
});

const assessed = (level: string) =>
  envelope('RiskAssessed', {
    riskId: 'stream-1',
    likelihood: 4,
    consequence: 4,
    score: 16,
    level,
    matrixVersion: 1,
  });
const incident = (area: string) =>
  envelope('IncidentReported', {
    incidentId: 'stream-1',
    title: 'Open door',
    description: 'd',
    area,
    unit: 'Ward 12',
    occurredAt: '2026-11-22T02:10:00.000Z',
    riskIds: [],
  });
const everyArea = { incidentAreas: [] };

describe('which events call the webhook', () => {
  it.each([
    ['no earlier assessment', null, 'HIGH'],
    ['a medium risk', 'MEDIUM', 'HIGH'],
    ['a low risk', 'LOW', 'VERY_HIGH'],
  ])('a risk that reaches high from %s', (_, previous, level) => {
    expect(notificationFor(assessed(level), previous, everyArea)).toMatchObject({
      kind: 'RISK_LEVEL_RAISED',
      subject: 'stream-1',
      payload: {
        kind: 'RISK_LEVEL_RAISED',
        riskId: 'stream-1',
        level,
        previousLevel: previous,
        actor: 'anna',
      },
    });
  });

  it.each([
    ['stays high', 'HIGH', 'VERY_HIGH'],
    ['stays very high', 'VERY_HIGH', 'HIGH'],
    ['is medium', null, 'MEDIUM'],
    ['falls to low', 'HIGH', 'LOW'],
  ])('not a risk that %s', (_, previous, level) => {
    expect(notificationFor(assessed(level), previous, everyArea)).toBeNull();
  });

  it('an incident in a chosen area, and not one elsewhere', () => {
    const rules = { incidentAreas: ['IT_SECURITY', 'FIRE_SAFETY'] };
    expect(notificationFor(incident('FIRE_SAFETY'), null, rules)).toMatchObject({
      kind: 'INCIDENT_REPORTED',
      payload: { area: 'FIRE_SAFETY', title: 'Open door' },
    });
    expect(notificationFor(incident('PATIENT_SAFETY'), null, rules)).toBeNull();
  });

  it('an incident in any area when no areas are chosen', () => {
    expect(notificationFor(incident('PATIENT_SAFETY'), null, everyArea)?.kind).toBe(
      'INCIDENT_REPORTED',
    );
  });

  it('nothing for other events, nor for unknown types', () => {
    expect(
      notificationFor(
        envelope('RiskOwnerAssigned', { riskId: 'risk-1', owner: 'o' }),
        null,
        everyArea,
      ),
    ).toBeNull();
    expect(notificationFor(envelope('SomethingNew', {}), null, everyArea)).toBeNull();
  });

  it('tracks the level only from assessments', () => {
    expect(levelAfter(assessed('MEDIUM'))).toBe('MEDIUM');
    expect(levelAfter(incident('IT_SECURITY'))).toBeNull();
  });
});
