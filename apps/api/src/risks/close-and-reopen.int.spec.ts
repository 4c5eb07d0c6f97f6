import { randomUUID } from 'node:crypto';
import {
  ACTOR,
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../test/support/api-under-test';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('closing and reopening a risk', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  const close = (riskId: string, body: unknown = { reason: 'The room was converted' }) =>
    t.api.post(`/risks/${riskId}/closure`, body);
  const reopen = (riskId: string, body: unknown = { reason: 'In use again' }) =>
    t.api.post(`/risks/${riskId}/reopening`, body);

  it('closes with the reason in the event and its metadata, and the register shows CLOSED', async () => {
    const riskId = await t.givenRisk();

    const response = await close(riskId, { reason: '  The room was converted  ' });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ version: 2 });
    const [, closed] = await t.store.readStream(riskId);
    expect(closed).toMatchObject({
      type: 'RiskClosed',
      schemaVersion: 1,
      data: { riskId, reason: 'The room was converted' },
      metadata: { actor: ACTOR, reason: 'The room was converted' },
    });
    await t.projectStream(riskId);
    expect((await t.api.get(`/risks/${riskId}`)).body).toMatchObject({
      status: 'CLOSED',
      closedAt: closed.recordedAt.toISOString(),
      closedReason: 'The room was converted',
      version: 2,
    });
  });

  it('refuses to assess, plan, review or accept a closed risk with 409 saying why', async () => {
    const riskId = await t.givenRisk({ likelihood: 2, consequence: 2 });
    expect((await close(riskId)).status).toBe(201);

    for (const [path, body, headers] of [
      ['assessments', { likelihood: 2, consequence: 2 }, {}],
      ['mitigations', { title: 'Card access', kind: 'LIMIT' }, {}],
      ['reviews', { notes: 'Fine', nextReviewDate: '2099-01-01' }, {}],
      [
        'acceptances',
        { justification: 'Low', lapsesOn: '2099-01-01' },
        { 'X-Actor-Role': 'RISK_OWNER' },
      ],
    ] as const) {
      const response = await t.refused(() =>
        t.api.post(`/risks/${riskId}/${path}`, body, headers as Record<string, string>),
      );
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ rule: 'risk-closed' });
      expect(response.body.message).toMatch(
        new RegExp(`risk ${riskId} is closed, so it cannot .*; reopen it first`),
      );
    }
  });

  it('reopens a closed risk, which can then be assessed again', async () => {
    const riskId = await t.givenRisk();
    await close(riskId);

    const response = await reopen(riskId);

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ version: 3 });
    expect(
      (await t.api.post(`/risks/${riskId}/assessments`, { likelihood: 1, consequence: 1 })).status,
    ).toBe(201);
    await t.projectStream(riskId);
    expect((await t.api.get(`/risks/${riskId}`)).body).toMatchObject({
      status: 'OPEN',
      closedAt: null,
      closedReason: null,
    });
  });

  it('refuses to close twice and to reopen an open risk (409)', async () => {
    const riskId = await t.givenRisk();
    const notClosed = await t.refused(() => reopen(riskId));
    expect(notClosed.status).toBe(409);
    expect(notClosed.body).toMatchObject({
      rule: 'risk-not-closed',
      message: `risk ${riskId} is open, so there is nothing to reopen`,
    });
    await close(riskId);
    const twice = await t.refused(() => close(riskId));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ rule: 'risk-already-closed' });
  });

  it.each([
    ['no reason', {}],
    ['a blank reason', { reason: '   ' }],
    ['a number', { reason: 7 }],
  ])('refuses to close with %s (400 naming reason)', async (_, body) => {
    const riskId = await t.givenRisk();
    expectInvalidField(await t.refused(() => close(riskId, body)), 'reason');
  });

  it('answers 404 for an unknown risk and honours If-Match', async () => {
    expect((await t.refused(() => close(randomUUID()))).status).toBe(404);
    const riskId = await t.givenRisk();
    const stale = await t.refused(() =>
      t.api.post(`/risks/${riskId}/closure`, { reason: 'x' }, { 'If-Match': '"5"' }),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(1);
  });

  it('shows, as of a moment before the closure, the risk OPEN, and after it CLOSED', async () => {
    const riskId = await t.givenRisk();
    await t.projectStream(riskId);
    await sleep(5);
    const beforeClose = new Date().toISOString();
    await sleep(5);
    await close(riskId);
    await sleep(5);
    const afterClose = new Date().toISOString();
    await sleep(5);
    await reopen(riskId);
    await t.projectStream(riskId);

    const at = (moment: string) => t.api.get(`/risks/${riskId}?asOf=${encodeURIComponent(moment)}`);
    expect((await at(beforeClose)).body).toMatchObject({
      status: 'OPEN',
      closedAt: null,
      version: 1,
    });
    expect((await at(afterClose)).body).toMatchObject({
      status: 'CLOSED',
      closedReason: 'The room was converted',
      version: 2,
    });
    const listed = async (moment: string) =>
      (await t.api.get(`/risks?asOf=${encodeURIComponent(moment)}`)).body.items.find(
        (r: { riskId: string }) => r.riskId === riskId,
      );
    expect(await listed(beforeClose)).toMatchObject({ status: 'OPEN' });
    expect(await listed(afterClose)).toMatchObject({ status: 'CLOSED' });
    expect((await t.api.get(`/risks/${riskId}`)).body).toMatchObject({
      status: 'OPEN',
      version: 3,
    });
  });
});
