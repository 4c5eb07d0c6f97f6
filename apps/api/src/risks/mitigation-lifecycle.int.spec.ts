import { randomUUID } from 'node:crypto';
import {
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../test/support/api-under-test';

/** A mitigation planned → in progress → applied → verified, or cancelled, over HTTP. */
describe('the mitigation lifecycle', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  async function planned(body: Record<string, unknown> = {}) {
    const riskId = await t.givenRisk();
    const response = await t.api.post(`/risks/${riskId}/mitigations`, {
      title: 'Card access',
      kind: 'LIMIT',
      dueDate: '2026-12-31',
      ...body,
    });
    expect(response.status).toBe(201);
    return { riskId, mitigationId: response.body.mitigationId as string };
  }
  const step = (riskId: string, mitigationId: string, name: string, body?: unknown) =>
    t.api.post(`/risks/${riskId}/mitigations/${mitigationId}/${name}`, body);

  it('plans with expected effect and supplier (MitigationPlanned v2)', async () => {
    const { riskId } = await planned({
      expectedEffect: ' Only staff can enter ',
      supplier: 'Lock & Door AB',
    });
    const [, plannedEvent] = await t.store.readStream(riskId);
    expect(plannedEvent).toMatchObject({
      type: 'MitigationPlanned',
      schemaVersion: 2,
      data: {
        expectedEffect: 'Only staff can enter',
        supplier: 'Lock & Door AB',
        dueDate: '2026-12-31',
      },
    });
  });

  it('walks planned → started → applied → verified, and the register shows each date', async () => {
    const { riskId, mitigationId } = await planned();

    expect((await step(riskId, mitigationId, 'started')).body).toEqual({ version: 3 });
    expect(
      (await step(riskId, mitigationId, 'applied', { note: 'Reader installed' })).body,
    ).toEqual({ version: 4 });
    const verified = await step(riskId, mitigationId, 'verified', {
      effect: ' No entries after hours ',
    });

    expect(verified.status).toBe(201);
    expect(verified.body).toEqual({ version: 5 });
    const events = await t.projectStream(riskId);
    expect(events.map((e) => e.type)).toEqual([
      'RiskIdentified',
      'MitigationPlanned',
      'MitigationStarted',
      'MitigationApplied',
      'MitigationVerified',
    ]);
    const [mitigation] = (await t.api.get(`/risks/${riskId}`)).body.mitigations;
    expect(mitigation).toMatchObject({
      mitigationId,
      status: 'VERIFIED',
      plannedAt: events[1].recordedAt.toISOString(),
      startedAt: events[2].recordedAt.toISOString(),
      appliedAt: events[3].recordedAt.toISOString(),
      note: 'Reader installed',
      verifiedAt: events[4].recordedAt.toISOString(),
      effect: 'No entries after hours',
    });
  });

  it('cancels a planned mitigation with the reason; it can then neither start nor be applied', async () => {
    const { riskId, mitigationId } = await planned();

    const cancelled = await step(riskId, mitigationId, 'cancelled', {
      reason: 'Ward moves in May',
    });

    expect(cancelled.status).toBe(201);
    const [, , event] = await t.projectStream(riskId);
    expect(event).toMatchObject({
      type: 'MitigationCancelled',
      data: { mitigationId, reason: 'Ward moves in May' },
      metadata: { reason: 'Ward moves in May' },
    });
    for (const name of ['started', 'applied']) {
      const refused = await t.refused(() => step(riskId, mitigationId, name));
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ rule: 'mitigation-cancelled' });
      expect(refused.body.message).toMatch(/was cancelled, so it cannot be/);
    }
    expect((await t.api.get(`/risks/${riskId}`)).body.mitigations[0]).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'Ward moves in May',
    });
  });

  it('refuses to verify before applying, and to cancel once applied (409 saying why)', async () => {
    const { riskId, mitigationId } = await planned();
    const early = await t.refused(() => step(riskId, mitigationId, 'verified', { effect: 'x' }));
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      rule: 'mitigation-not-applied',
      message: `mitigation ${mitigationId} is planned: only an applied mitigation can have its effect verified`,
    });
    await step(riskId, mitigationId, 'applied');
    const late = await t.refused(() => step(riskId, mitigationId, 'cancelled', { reason: 'x' }));
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ rule: 'mitigation-already-applied' });
  });

  it('refuses to start a mitigation twice', async () => {
    const { riskId, mitigationId } = await planned();
    await step(riskId, mitigationId, 'started');
    const twice = await t.refused(() => step(riskId, mitigationId, 'started'));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ rule: 'mitigation-already-started' });
  });

  it('answers 404 for a mitigation never planned', async () => {
    const { riskId } = await planned();
    const other = randomUUID();
    const response = await t.refused(() => step(riskId, other, 'started'));
    expect(response.status).toBe(404);
    expect(response.body.message).toBe(`mitigation ${other} does not exist`);
  });

  it.each([
    ['verified', 'effect', {}],
    ['verified', 'effect', { effect: ' ' }],
    ['cancelled', 'reason', { reason: 12 }],
  ])('refuses /%s without a proper %s (400 naming it)', async (name, field, body) => {
    const { riskId, mitigationId } = await planned();
    await step(riskId, mitigationId, 'applied');
    expectInvalidField(await t.refused(() => step(riskId, mitigationId, name, body)), field);
  });

  it('refuses an expected effect over 2000 characters (400 naming expectedEffect)', async () => {
    const riskId = await t.givenRisk();
    const body = { title: 'x', kind: 'LIMIT', expectedEffect: 'x'.repeat(2001) };
    expectInvalidField(
      await t.refused(() => t.api.post(`/risks/${riskId}/mitigations`, body)),
      'expectedEffect',
    );
  });
});
