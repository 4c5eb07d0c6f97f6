import {
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';

/** Inherent, current and target assessments, and the warnings when they are out of order. */
describe('POST /risks/:id/assessments with a basis', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  const assess = (riskId: string, body: Record<string, unknown>) =>
    t.api.post(`/risks/${riskId}/assessments`, body);

  it('keeps each basis in the register, the current one as the headline, and the score over time', async () => {
    const riskId = await t.givenRisk();
    await assess(riskId, {
      basis: 'INHERENT',
      likelihood: 4,
      consequence: 5,
      reason: 'No lock at all',
    });
    await assess(riskId, { basis: 'CURRENT', likelihood: 3, consequence: 4 });
    const target = await assess(riskId, { basis: 'TARGET', likelihood: 1, consequence: 4 });

    expect(target.status).toBe(201);
    expect(target.body).toEqual({ version: 4, warnings: [] });
    const events = await t.projectStream(riskId);
    expect(
      events.map((e) => [e.type, e.schemaVersion, (e.data as { basis?: string }).basis]),
    ).toEqual([
      ['RiskIdentified', 2, undefined],
      ['RiskAssessed', 2, 'INHERENT'],
      ['RiskAssessed', 2, 'CURRENT'],
      ['RiskAssessed', 2, 'TARGET'],
    ]);
    const entry = (await t.api.get(`/risks/${riskId}`)).body;
    expect(entry).toMatchObject({ score: 12, level: 'HIGH', matrixVersion: 1 });
    expect(entry.assessments).toEqual({
      inherent: {
        likelihood: 4,
        consequence: 5,
        score: 20,
        level: 'VERY_HIGH',
        matrixVersion: 1,
        assessedAt: events[1].recordedAt.toISOString(),
        assessedBy: 'anna.berg@region.se',
        reason: 'No lock at all',
        warnings: [],
      },
      current: expect.objectContaining({ score: 12, level: 'HIGH' }),
      target: expect.objectContaining({ score: 4, level: 'MEDIUM' }),
    });
    expect(
      entry.scoreHistory.map((p: { basis: string; score: number }) => [p.basis, p.score]),
    ).toEqual([
      ['INHERENT', 20],
      ['CURRENT', 12],
      ['TARGET', 4],
    ]);
  });

  it('warns, and records the warning, when the target is above the current risk', async () => {
    const riskId = await t.givenRisk({ likelihood: 2, consequence: 4 });

    const response = await assess(riskId, { basis: 'TARGET', likelihood: 3, consequence: 4 });

    expect(response.status).toBe(201);
    const warning = 'the target (residual) risk, score 12, is above the current risk, score 8';
    expect(response.body.warnings).toEqual([warning]);
    const events = await t.store.readStream(riskId);
    expect(events[2].data).toMatchObject({ basis: 'TARGET', warnings: [warning] });
  });

  it('warns when the current risk is above the inherent one', async () => {
    const riskId = await t.givenRisk();
    await assess(riskId, { basis: 'INHERENT', likelihood: 2, consequence: 2 });

    const response = await assess(riskId, { likelihood: 3, consequence: 3 });

    expect(response.body.warnings).toEqual([
      'the current risk, score 9, is above the inherent risk, score 4',
    ]);
  });

  it('refuses an unknown basis (400 naming basis)', async () => {
    const riskId = await t.givenRisk();
    expectInvalidField(
      await t.refused(() => assess(riskId, { basis: 'RESIDUAL', likelihood: 1, consequence: 1 })),
      'basis',
    );
  });
});
