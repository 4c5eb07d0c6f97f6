import type { DomainEvent, RiskClosed, RiskReopened } from '@riskledger/domain';
import {
  envelopeOfEvent,
  riskAssessed,
  riskIdentified,
} from '../../../../test/support/domain-events';
import type { RiskRegisterEntry } from '../risk-register/risk-register-entry';
import { viewOf } from '../risk-register/risk-register-entry';
import { evolveRiskRegisterEntry } from '../risk-register/risk-register.evolve';
import { registerChanges } from './register-changes';

const MOMENT = { today: '2026-03-01', matrixVersion: 1 };

/** A risk's register view after these events, in order. */
function riskAfter(riskId: string, ...events: DomainEvent[]) {
  let entry: RiskRegisterEntry | null = null;
  events.forEach((event, i) => {
    entry = evolveRiskRegisterEntry(
      entry,
      envelopeOfEvent(event, { streamId: riskId, streamVersion: i + 1, position: i + 1 }),
    );
  });
  return viewOf(entry!, MOMENT);
}
const closed = (riskId: string): RiskClosed => ({
  type: 'RiskClosed',
  data: { riskId, reason: 'Åtgärdad' },
});
const reopened = (riskId: string): RiskReopened => ({
  type: 'RiskReopened',
  data: { riskId, reason: 'Tillbaka' },
});

describe('registerChanges', () => {
  it('tells what appeared, closed, reopened and changed level between two moments', () => {
    const before = [
      riskAfter('kept', riskIdentified('kept'), riskAssessed('kept', 2, 2)),
      riskAfter('raised', riskIdentified('raised'), riskAssessed('raised', 2, 2)),
      riskAfter('gone', riskIdentified('gone'), riskAssessed('gone', 3, 3)),
      riskAfter('back', riskIdentified('back'), closed('back')),
    ];
    const after = [
      riskAfter('kept', riskIdentified('kept'), riskAssessed('kept', 2, 2)),
      riskAfter(
        'raised',
        riskIdentified('raised'),
        riskAssessed('raised', 2, 2),
        riskAssessed('raised', 5, 5),
      ),
      riskAfter('gone', riskIdentified('gone'), riskAssessed('gone', 3, 3), closed('gone')),
      riskAfter('back', riskIdentified('back'), closed('back'), reopened('back')),
      riskAfter('new', riskIdentified('new'), riskAssessed('new', 4, 5)),
    ];
    const changes = registerChanges(before, after);
    const ids = (list: { riskId: string }[]) => list.map((c) => c.riskId);
    expect(ids(changes.appeared)).toEqual(['new']);
    expect(ids(changes.closed)).toEqual(['gone']);
    expect(ids(changes.reopened)).toEqual(['back']);
    expect(changes.levelChanged).toEqual([
      expect.objectContaining({
        riskId: 'raised',
        before: { status: 'OPEN', level: 'MEDIUM' },
        after: { status: 'OPEN', level: 'VERY_HIGH' },
      }),
    ]);
    expect(changes.appeared[0].before).toBeNull();
  });
});
