import { envelopeOfEvent } from '../../../../test/support/domain-events';
import {
  goalRevised,
  goalSet,
  goalWithdrawn,
  indicatorMeasured,
} from '../../../../test/support/goal-events';
import { summarise, traceabilityEntryOf } from '../traceability-log/traceability-entry';

// Goal events appear in the traceability log like every other event: who did what, in words.
describe('summarise (goal events)', () => {
  it.each([
    [
      'SecurityGoalSet',
      goalSet('g'),
      'Security goal set for FIRE_SAFETY 2025: "All staff know how to act when the fire alarm ' +
        'sounds", Share of staff who completed the fire safety course at least 90 %',
    ],
    [
      'IndicatorMeasured',
      indicatorMeasured('g', 'm', 62.5, '2025-06-30'),
      'Indicator measured: 62.5 on 2025-06-30',
    ],
    [
      'SecurityGoalRevised',
      goalRevised('g', 80, 60, 'Reorganisation'),
      'Security goal revised: target 80 (Reorganisation)',
    ],
    [
      'SecurityGoalWithdrawn',
      goalWithdrawn('g', 'Replaced by drills'),
      'Security goal withdrawn: Replaced by drills',
    ],
  ])('summarises %s as a sentence', (_type, event, sentence) => {
    expect(summarise(envelopeOfEvent(event, { streamType: 'goal' }))).toBe(sentence);
  });

  it('files a goal under its area', () => {
    expect(traceabilityEntryOf(envelopeOfEvent(goalSet('g'), { streamType: 'goal' })).area).toBe(
      'FIRE_SAFETY',
    );
    const measured = envelopeOfEvent(indicatorMeasured('g', 'm', 1, '2025-06-30'), {
      streamType: 'goal',
    });
    expect(traceabilityEntryOf(measured, { area: 'FIRE_SAFETY', unit: null }).area).toBe(
      'FIRE_SAFETY',
    );
  });
});
