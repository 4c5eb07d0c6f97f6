import {
  envelopeOfEvent,
  incidentReported,
  metadata,
  mitigationApplied,
  mitigationPlanned,
  riskAssessed,
  riskIdentified,
} from '../../../../test/support/domain-events';
import { summarise, traceabilityEntryOf } from './traceability-entry';

describe('traceability log summaries', () => {
  it.each([
    [
      'RiskIdentified',
      riskIdentified('risk-1'),
      'Risk identified: "Unlocked medicine room on ward 12" in PHARMACEUTICALS, unit Hospital North / Ward 12',
    ],
    [
      'RiskAssessed',
      riskAssessed('risk-1', 4, 4),
      'Risk assessed: likelihood 4 × consequence 4 = 16 (HIGH, matrix v1)',
    ],
    [
      'MitigationPlanned with a due date',
      mitigationPlanned('risk-1', 'mit-1'),
      'Mitigation planned: "Card access on the medicine room" (LIMIT), due 2026-12-31',
    ],
    [
      'MitigationPlanned without a due date',
      mitigationPlanned('risk-1', 'mit-1', { kind: 'MONITOR', dueDate: null }),
      'Mitigation planned: "Card access on the medicine room" (MONITOR)',
    ],
    [
      'MitigationApplied with a note',
      mitigationApplied('risk-1', 'mit-1', 'Card reader installed'),
      'Mitigation applied: mit-1 (Card reader installed)',
    ],
    [
      'MitigationApplied without a note',
      mitigationApplied('risk-1', 'mit-1'),
      'Mitigation applied: mit-1',
    ],
    [
      'IncidentReported linked to risks',
      incidentReported('incident-1', ['risk-1', 'risk-2']),
      'Incident reported: "Medicine room found open at night" in PHARMACEUTICALS, occurred 2026-11-20T03:10:00+01:00, linked to 2 risk(s)',
    ],
    [
      'IncidentReported without risks',
      incidentReported('incident-1', []),
      'Incident reported: "Medicine room found open at night" in PHARMACEUTICALS, occurred 2026-11-20T03:10:00+01:00',
    ],
  ])('summarises %s as a sentence', (_case, event, sentence) => {
    expect(summarise(envelopeOfEvent(event))).toBe(sentence);
  });

  it('names an unknown event type and its schema version instead of guessing at its data', () => {
    const envelope = envelopeOfEvent(
      { type: 'RiskArchived', data: { riskId: 'risk-1', title: 'x' } },
      { schemaVersion: 3 },
    );
    expect(summarise(envelope)).toBe('RiskArchived (schema version 3)');
  });
});

describe('traceabilityEntryOf', () => {
  it('keeps when, who, why, the correlation and the data of the event', () => {
    const envelope = envelopeOfEvent(riskAssessed('risk-1', 2, 4), {
      eventId: '6f1c1a52-3c1e-4d57-9f0e-0e6b7b0f7f11',
      streamId: 'risk-1',
      streamVersion: 3,
      position: 42,
      recordedAt: '2026-03-01T12:00:00.000Z',
      metadata: metadata({
        actor: 'erik.lund@region.se',
        reason: 'Door closer replaced',
        correlationId: 'req-77',
        causationId: 'cmd-12',
      }),
    });
    expect(traceabilityEntryOf(envelope)).toEqual({
      position: 42,
      eventId: '6f1c1a52-3c1e-4d57-9f0e-0e6b7b0f7f11',
      streamType: 'risk',
      streamId: 'risk-1',
      streamVersion: 3,
      eventType: 'RiskAssessed',
      recordedAt: '2026-03-01T12:00:00.000Z',
      actor: 'erik.lund@region.se',
      actorName: null,
      reason: 'Door closer replaced',
      correlationId: 'req-77',
      causationId: 'cmd-12',
      area: null,
      unit: null,
      summary: 'Risk assessed: likelihood 2 × consequence 4 = 8 (MEDIUM, matrix v1)',
      data: envelope.data,
      restricted: false,
    });
  });

  it('marks an entry of a restricted stream, so that only cleared callers see it', () => {
    const envelope = envelopeOfEvent(riskAssessed('risk-1', 2, 4));
    const restricted = {
      ...envelope,
      metadata: { ...envelope.metadata, classification: 'RESTRICTED' as const },
    };
    expect(traceabilityEntryOf(restricted).restricted).toBe(true);
  });

  it('takes the area and unit from an event that names them, else keeps its stream’s so far', () => {
    const identified = envelopeOfEvent(
      riskIdentified('risk-1', { area: 'FIRE_SAFETY', unit: 'WARD12' }),
    );
    const assessed = envelopeOfEvent(riskAssessed('risk-1', 2, 4), { streamVersion: 2 });
    const earlier = { area: 'IT_SECURITY', unit: 'WARD14' };
    expect(traceabilityEntryOf(identified)).toMatchObject({ area: 'FIRE_SAFETY', unit: 'WARD12' });
    expect(traceabilityEntryOf(identified, earlier)).toMatchObject({
      area: 'FIRE_SAFETY',
      unit: 'WARD12',
    });
    expect(traceabilityEntryOf(assessed, earlier)).toMatchObject(earlier);
    expect(traceabilityEntryOf(assessed)).toMatchObject({ area: null, unit: null });
  });

  it('logs an event of an unknown type too, with its data as it came', () => {
    const data = { riskId: 'risk-1', reasonCode: 'DUPLICATE' };
    const entry = traceabilityEntryOf(
      envelopeOfEvent({ type: 'RiskArchived', data }, { schemaVersion: 2 }),
    );
    expect(entry).toMatchObject({
      eventType: 'RiskArchived',
      summary: 'RiskArchived (schema version 2)',
      data,
    });
  });
});
