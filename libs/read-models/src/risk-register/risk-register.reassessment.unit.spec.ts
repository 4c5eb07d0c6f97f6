import {
  envelopeOfEvent,
  riskAssessed,
  riskIdentified,
} from '../../../../test/support/domain-events';
import { type EventEnvelope } from '@riskledger/contracts';
import type { RiskRegisterEntry } from './risk-register-entry';
import { evolveRiskRegisterEntry } from './risk-register.evolve';

const RISK = 'risk-9';
const INCIDENT = 'incident-3';

let position = 100;
/** The next event of the risk's stream (or of an incident's), in log order. */
function next(event: { type: string; data: object }, streamType = 'risk'): EventEnvelope {
  position++;
  return envelopeOfEvent(event, {
    streamType,
    streamId: streamType === 'risk' ? RISK : INCIDENT,
    streamVersion: position - 100,
    position,
    recordedAt: `2026-12-0${(position % 9) + 1}T09:00:00.000Z`,
  });
}

const fold = (envelopes: EventEnvelope[]) =>
  envelopes.reduce<RiskRegisterEntry | null>(evolveRiskRegisterEntry, null);

const requested = (year: number) => ({
  type: 'RiskReassessmentRequested',
  data: { riskId: RISK, year },
});
const reviewed = {
  type: 'RiskReviewed',
  data: { riskId: RISK, notes: 'Looked at again', nextReviewDate: '2027-12-01' },
};
const linked = {
  type: 'IncidentLinkedToRisk',
  data: { incidentId: INCIDENT, riskId: RISK, relation: 'REALISED' },
};

describe('the register and the yearly re-assessment', () => {
  it('marks the risk as needing review, saying which year, until it is reviewed', () => {
    const events = [next(riskIdentified(RISK)), next(requested(2027))];
    expect(fold(events)?.reviewReasons).toEqual(['yearly re-assessment 2027']);

    const answered = fold([...events, next(reviewed)]);
    expect(answered?.reviewReasons).toEqual([]);
    expect(answered?.lastReviewedAt).not.toBeNull();
  });

  it('is answered by a new assessment too', () => {
    const entry = fold([
      next(riskIdentified(RISK)),
      next(requested(2027)),
      next(riskAssessed(RISK, 2, 3)),
    ]);
    expect(entry?.reviewReasons).toEqual([]);
  });

  it('keeps the request when an incident is linked afterwards, and lists both reasons', () => {
    const entry = fold([
      next(riskIdentified(RISK)),
      next(requested(2027)),
      next(linked, 'incident'),
    ]);
    expect(entry?.reviewReasons).toEqual([
      `incident ${INCIDENT} realised the risk`,
      'yearly re-assessment 2027',
    ]);
  });

  it('names each year once, and a later year beside an unanswered earlier one', () => {
    const entry = fold([
      next(riskIdentified(RISK)),
      next(requested(2026)),
      next(requested(2026)),
      next(requested(2027)),
    ]);
    expect(entry?.reviewReasons).toEqual([
      'yearly re-assessment 2026',
      'yearly re-assessment 2027',
    ]);
  });
});
