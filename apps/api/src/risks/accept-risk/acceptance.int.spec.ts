import { PostgresEventStore } from '@riskledger/event-store';
import { ReferenceDataQueries, RiskRegisterQueries } from '@riskledger/read-models';
import { randomUUID } from 'node:crypto';
import {
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';
import { CommandExecutor } from '../../shared/command-executor';
import { StoredReferenceData } from '../../shared/reference-data';
import { AcceptanceLapseSweep, SWEEP_ACTOR } from '../lapse-acceptances/acceptance-lapse-sweep';
import { calendarDayInSweden, Clock } from '../../platform/clock';
import { StreamVisibility } from '../../access/stream-visibility';

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Accepting a risk, revoking the acceptance, and the sweep that lets it lapse by itself. */
describe('risk acceptance', () => {
  let t: ApiUnderTest;
  const today = calendarDayInSweden(new Date());
  const coordinator = { 'X-Actor-Role': 'SECURITY_COORDINATOR' };
  const areaResponsible = { 'X-Actor-Role': 'AREA_RESPONSIBLE' };

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  const accept = (
    riskId: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = coordinator,
  ) =>
    t.api.post(
      `/risks/${riskId}/acceptances`,
      { justification: 'Proportionate', lapsesOn: today, ...body },
      headers,
    );

  /** A risk whose current risk is HIGH (3 × 4) and target MEDIUM (2 × 4). */
  async function assessedRisk(): Promise<string> {
    const riskId = await t.givenRisk({ likelihood: 3, consequence: 4 });
    await t.api.post(`/risks/${riskId}/assessments`, {
      basis: 'TARGET',
      likelihood: 2,
      consequence: 4,
    });
    return riskId;
  }

  it('accepts the target risk, frozen, by a role that may; the register shows it in force', async () => {
    const riskId = await assessedRisk();
    const lapsesOn = addDays(today, 365);

    const response = await accept(
      riskId,
      { justification: ' Card access is enough ', lapsesOn },
      areaResponsible,
    );

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ acceptanceId: expect.any(String), version: 4 });
    const events = await t.projectStream(riskId);
    expect(events[3]).toMatchObject({
      type: 'RiskAccepted',
      data: {
        riskId,
        acceptanceId: response.body.acceptanceId,
        justification: 'Card access is enough',
        acceptedByRole: 'AREA_RESPONSIBLE',
        residual: {
          basis: 'TARGET',
          likelihood: 2,
          consequence: 4,
          score: 8,
          level: 'MEDIUM',
          matrixVersion: 1,
        },
        lapsesOn,
      },
    });
    // A later reassessment does not change what was accepted.
    await t.api.post(`/risks/${riskId}/assessments`, {
      basis: 'TARGET',
      likelihood: 1,
      consequence: 1,
    });
    await t.projectStream(riskId);
    expect((await t.api.get(`/risks/${riskId}`)).body.acceptance).toMatchObject({
      acceptanceId: response.body.acceptanceId,
      status: 'IN_FORCE',
      acceptedBy: 'anna.berg@region.se',
      residual: { score: 8 },
      lapsesOn,
    });
  });

  it('refuses a role the matrix does not allow, naming the level and who may (409)', async () => {
    const riskId = await t.givenRisk({ likelihood: 3, consequence: 4 });

    const response = await t.refused(() => accept(riskId, {}, areaResponsible));

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      rule: 'acceptance-mandate',
      message:
        'a HIGH risk (score 12, matrix version 1) may be accepted only by SECURITY_COORDINATOR; ' +
        'you hold AREA_RESPONSIBLE',
      facts: {
        level: 'HIGH',
        score: 12,
        matrixVersion: 1,
        acceptableBy: ['SECURITY_COORDINATOR'],
        heldRoles: ['AREA_RESPONSIBLE'],
      },
    });
    const owner = await t.refused(() => accept(riskId, {}, { 'X-Actor-Role': 'RISK_OWNER' }));
    expect(owner.body.message).toMatch(/you hold RISK_OWNER$/);
  });

  it('refuses a risk that has not been assessed (409)', async () => {
    const riskId = await t.givenRisk();
    const response = await t.refused(() => accept(riskId, {}));
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ rule: 'risk-not-assessed' });
  });

  it.each([
    ['before today', () => addDays(today, -1), /must not be before today/],
    [
      'beyond what the band allows (180 days for HIGH)',
      () => addDays(today, 181),
      /at most 180 days/,
    ],
    ['that is no date', () => '2026-02-30', /lapsesOn/],
  ])('refuses a lapse date %s (400 naming lapsesOn)', async (_, lapsesOn, message) => {
    const riskId = await t.givenRisk({ likelihood: 3, consequence: 4 });
    const response = await t.refused(() => accept(riskId, { lapsesOn: lapsesOn() }));
    expectInvalidField(response, 'lapsesOn');
    expect(response.body.message).toMatch(message);
  });

  it('refuses an acceptance without a justification (400)', async () => {
    const riskId = await t.givenRisk({ likelihood: 3, consequence: 4 });
    expectInvalidField(
      await t.refused(() => accept(riskId, { justification: '' })),
      'justification',
    );
  });

  it('revokes the acceptance in force with a reason, and not twice', async () => {
    const riskId = await assessedRisk();
    const { acceptanceId } = (await accept(riskId, { lapsesOn: addDays(today, 30) })).body;

    const revoked = await t.api.post(`/risks/${riskId}/acceptances/${acceptanceId}/revocation`, {
      reason: 'Card reader broken',
    });

    expect(revoked.status).toBe(201);
    await t.projectStream(riskId);
    const entry = (await t.api.get(`/risks/${riskId}`)).body;
    expect(entry.acceptance).toBeNull();
    expect(entry.pastAcceptances).toEqual([
      expect.objectContaining({
        acceptanceId,
        status: 'REVOKED',
        revocationReason: 'Card reader broken',
      }),
    ]);
    const twice = await t.refused(() =>
      t.api.post(`/risks/${riskId}/acceptances/${acceptanceId}/revocation`, { reason: 'again' }),
    );
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ rule: 'acceptance-not-in-force' });
    const unknown = await t.refused(() =>
      t.api.post(`/risks/${riskId}/acceptances/${randomUUID()}/revocation`, { reason: 'x' }),
    );
    expect(unknown.status).toBe(404);
  });

  describe('the acceptance sweep', () => {
    function sweepOn(day: string): AcceptanceLapseSweep {
      const clock = new Clock();
      clock.today = () => day;
      return new AcceptanceLapseSweep(
        new CommandExecutor(
          new PostgresEventStore(t.db.dataSource),
          new StreamVisibility(new StoredReferenceData(new ReferenceDataQueries(t.db.dataSource))),
          t.db.dataSource,
          new StoredReferenceData(new ReferenceDataQueries(t.db.dataSource)),
        ),
        new RiskRegisterQueries(t.db.dataSource),
        clock,
      );
    }

    it('lets an acceptance lapse on its date, as the sweep, once; later ones stay in force', async () => {
      const dueToday = await assessedRisk();
      const { acceptanceId } = (await accept(dueToday, { lapsesOn: today })).body;
      const later = await assessedRisk();
      await accept(later, { lapsesOn: addDays(today, 1) });
      await t.projectStream(dueToday);
      await t.projectStream(later);

      const first = await sweepOn(today).sweepOnce();

      expect(first).toEqual({ lapsed: [{ riskId: dueToday, acceptanceId }], skipped: 0 });
      const events = await t.projectStream(dueToday);
      expect(events[events.length - 1]).toMatchObject({
        type: 'RiskAcceptanceLapsed',
        data: { riskId: dueToday, acceptanceId, lapsedOn: today },
        metadata: { actor: SWEEP_ACTOR },
      });
      expect((await t.api.get(`/risks/${dueToday}`)).body).toMatchObject({
        acceptance: null,
        pastAcceptances: [expect.objectContaining({ acceptanceId, status: 'LAPSED' })],
      });
      expect((await t.api.get(`/risks/${later}`)).body.acceptance).toMatchObject({
        status: 'IN_FORCE',
      });
      const again = await sweepOn(today).sweepOnce();
      expect(again.lapsed.filter((l) => l.riskId === dueToday)).toEqual([]);
      expect((await t.store.readStream(dueToday)).length).toBe(events.length);
    });

    it('skips an acceptance the register still lists but the log has already ended', async () => {
      const riskId = await assessedRisk();
      const { acceptanceId } = (await accept(riskId, { lapsesOn: today })).body;
      await t.projectStream(riskId);
      await t.api.post(`/risks/${riskId}/acceptances/${acceptanceId}/revocation`, { reason: 'x' });
      const before = (await t.store.readStream(riskId)).length;

      const result = await sweepOn(today).sweepOnce();

      expect(result.lapsed.filter((l) => l.riskId === riskId)).toEqual([]);
      expect(result.skipped).toBeGreaterThanOrEqual(1);
      expect((await t.store.readStream(riskId)).length).toBe(before);
    });
  });
});
