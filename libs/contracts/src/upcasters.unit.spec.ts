import { EventValidator } from './event-validator';
import { upcast } from './upcasters';

const v1 = {
  type: 'IncidentReported',
  schemaVersion: 1,
  data: {
    incidentId: '3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
    title: 'Found open',
    description: 'At 03:10',
    area: 'PHARMACEUTICALS',
    unit: 'Ward 12',
    occurredAt: '2026-01-20T02:10:00.000Z',
    riskIds: [],
  },
};

describe('upcasting old events when read', () => {
  it('reads IncidentReported v1 as v3: kind, severity, immediate actions, discovery and personal data unknown', () => {
    const read = upcast(v1);
    expect(read).toEqual({
      ...v1,
      schemaVersion: 3,
      data: {
        ...v1.data,
        kind: null,
        severity: null,
        immediateActions: null,
        discoveredAt: null,
        personalDataAffected: null,
      },
    });
    const validator = new EventValidator();
    expect(validator.problems('IncidentReported', 1, v1.data)).toEqual([]);
    expect(validator.problems('IncidentReported', 3, read.data)).toEqual([]);
  });

  it('reads IncidentReported v2 as v3, discovery and personal data unknown', () => {
    const v2 = {
      ...v1,
      schemaVersion: 2,
      data: { ...v1.data, kind: 'IT_INCIDENT', severity: 3, immediateActions: null },
    };
    expect(upcast(v2)).toEqual({
      ...v2,
      schemaVersion: 3,
      data: { ...v2.data, discoveredAt: null, personalDataAffected: null },
    });
  });

  it('leaves the original untouched, and current, unknown or newer versions as they are', () => {
    const copy = structuredClone(v1);
    upcast(v1);
    expect(v1).toEqual(copy);
    const current = {
      ...v1,
      schemaVersion: 3,
      data: {
        ...v1.data,
        kind: 'DEVIATION',
        severity: 2,
        immediateActions: null,
        discoveredAt: v1.data.occurredAt,
        personalDataAffected: false,
      },
    };
    expect(upcast(current)).toBe(current);
    const unknown = { type: 'RiskArchived', schemaVersion: 1, data: {} };
    expect(upcast(unknown)).toBe(unknown);
    const newer = { ...v1, schemaVersion: 4 };
    expect(upcast(newer)).toBe(newer);
  });
});
