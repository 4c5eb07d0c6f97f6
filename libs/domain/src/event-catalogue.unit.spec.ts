import { EVENT_CATALOGUE, eventTypesOf } from './event-catalogue';

describe('eventTypesOf', () => {
  it('lists the catalogue types of the stream types asked for, and no others', () => {
    const goalOrIncident = eventTypesOf(['goal', 'incident']);
    expect(goalOrIncident).toEqual(
      expect.arrayContaining(['IncidentReported', 'SecurityGoalSet', 'SecurityGoalWithdrawn']),
    );
    expect(goalOrIncident).not.toContain('RiskIdentified');
    expect(new Set(goalOrIncident.map((type) => EVENT_CATALOGUE[type].streamType))).toEqual(
      new Set(['goal', 'incident']),
    );
    expect(eventTypesOf([])).toEqual([]);
  });
});
