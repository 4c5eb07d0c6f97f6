import { DeciderSpecification } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import { riskDecider } from './risk.decider';
import {
  applyMitigation,
  mitigationApplied,
  mitigationCancelled,
  mitigationPlanned,
  mitigationStarted,
  mitigationVerified,
  planMitigation,
  riskClosed,
  riskId,
  riskIdentified,
  riskReopened,
  tooLong,
} from '../../../../test/support/domain/risk-fixtures';

const spec = DeciderSpecification.for(riskDecider);
const mitigationId = 'm-1';
const start = (id = mitigationId) => ({
  type: 'StartMitigation' as const,
  riskId,
  mitigationId: id,
});
const verify = (effect = ' No entries after hours since ', id = mitigationId) => ({
  type: 'VerifyMitigation' as const,
  riskId,
  mitigationId: id,
  effect,
});
const cancel = (reason = 'The ward moves', id = mitigationId) => ({
  type: 'CancelMitigation' as const,
  riskId,
  mitigationId: id,
  reason,
});

const identified = riskIdentified();
const planned = [identified, mitigationPlanned()];
const started = [...planned, mitigationStarted()];
const applied = [...planned, mitigationApplied()];
const verified = [...applied, mitigationVerified()];
const cancelled = [...planned, mitigationCancelled()];

describe('PlanMitigation', () => {
  it('refuses an unknown risk', () => {
    spec.given([]).when(planMitigation()).thenThrows(NotFoundError, { what: 'risk', id: riskId });
  });

  it('records the mitigation with owner, due date, expected effect and supplier', () => {
    spec
      .given([identified])
      .when(
        planMitigation({
          title: ' Fit a door closer ',
          owner: ' Property services ',
          dueDate: '2025-03-31',
          expectedEffect: ' The door always closes ',
          supplier: 'Lock & Door AB',
        }),
      )
      .then([
        mitigationPlanned({
          owner: 'Property services',
          dueDate: '2025-03-31',
          expectedEffect: 'The door always closes',
          supplier: 'Lock & Door AB',
        }),
      ]);
  });

  it('records left-out owner, due date, expected effect and supplier as null', () => {
    spec
      .given([identified])
      .when(planMitigation({ owner: '  ', dueDate: null, expectedEffect: ' ' }))
      .then([mitigationPlanned()]);
  });

  it.each(['ELIMINATE', 'LIMIT', 'MONITOR'] as const)('accepts the kind %s', (kind) => {
    spec
      .given([identified])
      .when(planMitigation({ kind }))
      .then([mitigationPlanned({ kind })]);
  });

  it.each(['REDUCE', 'ACCEPT', 'limit', ''])('refuses the kind %p, naming kind', (kind) => {
    spec
      .given([identified])
      .when(planMitigation({ kind }))
      .thenThrows(InvalidValueError, { field: 'kind' });
  });

  it.each(['2025-02-30', '2025-1-1', '2025-13-01', '31/03/2025', ''])(
    'refuses the due date %p, naming dueDate',
    (dueDate) => {
      spec
        .given([identified])
        .when(planMitigation({ dueDate }))
        .thenThrows(InvalidValueError, { field: 'dueDate' });
    },
  );

  it.each([
    ['title', ' '],
    ['owner', tooLong(200)],
    ['expectedEffect', tooLong(2000)],
    ['supplier', tooLong(200)],
  ])('refuses a wrong %s, naming it', (field, value) => {
    spec
      .given([identified])
      .when(planMitigation({ [field]: value }))
      .thenThrows(InvalidValueError, { field });
  });

  it('refuses a mitigation id already planned on the risk', () => {
    spec
      .given(planned)
      .when(planMitigation({ title: 'Another measure' }))
      .thenThrows(RuleViolatedError, { rule: 'mitigation-already-planned' });
  });

  it('accepts a second mitigation with another id', () => {
    spec
      .given(planned)
      .when(planMitigation({ mitigationId: 'm-2' }))
      .then([mitigationPlanned({ mitigationId: 'm-2' })]);
  });

  it('refuses to plan a mitigation on a closed risk, saying why', () => {
    spec
      .given([identified, riskClosed])
      .when(planMitigation())
      .thenThrows(RuleViolatedError, {
        rule: 'risk-closed',
        message: `risk ${riskId} is closed, so it cannot have mitigations planned; reopen it first`,
      });
  });

  it('plans on a reopened risk', () => {
    spec
      .given([identified, riskClosed, riskReopened])
      .when(planMitigation())
      .then([mitigationPlanned()]);
  });
});

describe('StartMitigation', () => {
  it('records that work on a planned mitigation started', () => {
    spec.given(planned).when(start()).then([mitigationStarted()]);
  });

  it('refuses a mitigation that was never planned', () => {
    spec
      .given(planned)
      .when(start('m-9'))
      .thenThrows(NotFoundError, { what: 'mitigation', id: 'm-9' });
  });

  it('refuses a cancelled mitigation, saying why', () => {
    spec.given(cancelled).when(start()).thenThrows(RuleViolatedError, {
      rule: 'mitigation-cancelled',
      message: 'mitigation m-1 was cancelled, so it cannot be started',
    });
  });

  it.each([
    ['in progress', started],
    ['applied', applied],
    ['verified', verified],
  ])('refuses a mitigation already %s', (status, history) => {
    spec
      .given(history)
      .when(start())
      .thenThrows(RuleViolatedError, {
        rule: 'mitigation-already-started',
        message: `mitigation m-1 is already ${status}, so it cannot be started`,
      });
  });

  it('refuses on a closed risk', () => {
    spec
      .given([...planned, riskClosed])
      .when(start())
      .thenThrows(RuleViolatedError, { rule: 'risk-closed' });
  });
});

describe('ApplyMitigation', () => {
  it('refuses an unknown risk', () => {
    spec.given([]).when(applyMitigation()).thenThrows(NotFoundError, { what: 'risk', id: riskId });
  });

  it('refuses a mitigation that was never planned', () => {
    spec
      .given(planned)
      .when(applyMitigation({ mitigationId: 'm-9' }))
      .thenThrows(NotFoundError, { what: 'mitigation', id: 'm-9' });
  });

  it('records the application of a planned mitigation, with the note trimmed', () => {
    spec
      .given(planned)
      .when(applyMitigation({ note: '  Closer fitted, tested by the ward manager.\n' }))
      .then([mitigationApplied({ note: 'Closer fitted, tested by the ward manager.' })]);
  });

  it('applies a mitigation in progress', () => {
    spec.given(started).when(applyMitigation()).then([mitigationApplied()]);
  });

  it.each([undefined, null, '   '])('records a left-out or blank note (%p) as null', (note) => {
    spec
      .given(planned)
      .when(applyMitigation({ note }))
      .then([mitigationApplied({ note: null })]);
  });

  it('refuses a note longer than 2000 characters', () => {
    spec
      .given(planned)
      .when(applyMitigation({ note: tooLong(2000) }))
      .thenThrows(InvalidValueError, { field: 'note' });
  });

  it.each([
    ['applied', applied],
    ['verified', verified],
  ])('refuses a mitigation that is already %s', (_, history) => {
    spec
      .given(history)
      .when(applyMitigation())
      .thenThrows(RuleViolatedError, { rule: 'mitigation-already-applied' });
  });

  it('refuses a cancelled mitigation', () => {
    spec
      .given(cancelled)
      .when(applyMitigation())
      .thenThrows(RuleViolatedError, { rule: 'mitigation-cancelled' });
  });

  it('refuses on a closed risk', () => {
    spec
      .given([...planned, riskClosed])
      .when(applyMitigation())
      .thenThrows(RuleViolatedError, { rule: 'risk-closed' });
  });

  it('applies one mitigation without touching another', () => {
    spec
      .given([...applied, mitigationPlanned({ mitigationId: 'm-2' })])
      .when(applyMitigation({ mitigationId: 'm-2' }))
      .then([mitigationApplied({ mitigationId: 'm-2' })]);
  });
});

describe('VerifyMitigation', () => {
  it('records the effect noted on an applied mitigation, trimmed', () => {
    spec.given(applied).when(verify()).then([mitigationVerified()]);
  });

  it('refuses a verification without the effect, naming effect', () => {
    spec.given(applied).when(verify(' ')).thenThrows(InvalidValueError, { field: 'effect' });
  });

  it.each([
    ['planned', planned],
    ['in progress', started],
  ])('refuses a mitigation that is only %s, saying why', (status, history) => {
    spec
      .given(history)
      .when(verify())
      .thenThrows(RuleViolatedError, {
        rule: 'mitigation-not-applied',
        message: `mitigation m-1 is ${status}: only an applied mitigation can have its effect verified`,
      });
  });

  it('refuses a mitigation verified before', () => {
    spec
      .given(verified)
      .when(verify())
      .thenThrows(RuleViolatedError, { rule: 'mitigation-already-verified' });
  });

  it('refuses a cancelled mitigation', () => {
    spec
      .given(cancelled)
      .when(verify())
      .thenThrows(RuleViolatedError, { rule: 'mitigation-cancelled' });
  });

  it('refuses an unknown mitigation', () => {
    spec.given(applied).when(verify('x', 'm-9')).thenThrows(NotFoundError, { what: 'mitigation' });
  });

  it('refuses on a closed risk', () => {
    spec
      .given([...applied, riskClosed])
      .when(verify())
      .thenThrows(RuleViolatedError, { rule: 'risk-closed' });
  });
});

describe('CancelMitigation', () => {
  it.each([
    ['planned', planned],
    ['in progress', started],
  ])('cancels a mitigation %s, with the reason', (_, history) => {
    spec.given(history).when(cancel()).then([mitigationCancelled()]);
  });

  it('refuses a cancellation without a reason, naming reason', () => {
    spec.given(planned).when(cancel('')).thenThrows(InvalidValueError, { field: 'reason' });
  });

  it.each([
    ['applied', applied],
    ['verified', verified],
  ])('refuses to cancel a mitigation already %s, saying why', (status, history) => {
    spec
      .given(history)
      .when(cancel())
      .thenThrows(RuleViolatedError, {
        rule: 'mitigation-already-applied',
        message: `mitigation m-1 is already ${status}: what was done cannot be cancelled; plan a new mitigation instead`,
      });
  });

  it('refuses to cancel twice', () => {
    spec
      .given(cancelled)
      .when(cancel())
      .thenThrows(RuleViolatedError, { rule: 'mitigation-already-cancelled' });
  });

  it('refuses an unknown mitigation', () => {
    spec.given(planned).when(cancel('x', 'm-9')).thenThrows(NotFoundError, { what: 'mitigation' });
  });
});
