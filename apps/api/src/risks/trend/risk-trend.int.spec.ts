import { EVENT_CATALOGUE } from '@riskledger/domain';
import { PostgresEventStore, type NewEvent } from '@riskledger/event-store';
import { randomUUID } from 'node:crypto';
import {
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';
import {
  metadata,
  newEvent,
  riskAssessed,
  riskIdentified,
} from '../../../../../test/support/domain-events';
import { trendMonths } from './trend-months';

/**
 * GET /risks/trend: the open risks by level at the end of each month, from the log. The events are
 * appended through the store with a clock set to known moments, so the log's recorded times are
 * those moments.
 */
describe('GET /risks/trend', () => {
  let t: ApiUnderTest;
  const months = trendMonths(new Date(), 24);
  /** The middle of the k-th month of the trend (0: the oldest). */
  const inMonth = (k: number) =>
    new Date(months[k].end.getTime() - (k === 23 ? 60_000 : 10 * 86_400_000));
  /** The first instant of the k-th month: the end of the one before it, plus one millisecond. */
  const startOfMonth = (k: number) => new Date(months[k - 1].end.getTime() + 1);

  async function append(riskId: string, at: Date, events: NewEvent[]): Promise<void> {
    const store = new PostgresEventStore(t.db.dataSource, () => at);
    const version = await store.streamVersion(riskId);
    await store.append('risk', riskId, version, events);
  }
  const closed = (riskId: string) =>
    newEvent({ type: 'RiskClosed', data: { riskId, reason: 'Gone' } });
  const reopened = (riskId: string) =>
    newEvent({ type: 'RiskReopened', data: { riskId, reason: 'Back' } });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startApi();
    ids.r1 = randomUUID();
    ids.r2 = randomUUID();
    ids.r3 = randomUUID();
    ids.r4 = randomUUID();
    ids.r5 = randomUUID();
    // r1: HIGH by its inherent assessment from month 2, LOW by its current one from month 5,
    // closed in month 8, reopened in month 12.
    await append(ids.r1, inMonth(2), [
      newEvent(riskIdentified(ids.r1, { unit: 'WARD12' })),
      newEvent(riskAssessed(ids.r1, 4, 4, 'INHERENT')),
    ]);
    await append(ids.r1, inMonth(5), [newEvent(riskAssessed(ids.r1, 1, 2, 'CURRENT'))]);
    await append(ids.r1, inMonth(8), [closed(ids.r1)]);
    await append(ids.r1, inMonth(12), [reopened(ids.r1)]);
    // r2: open without a level from month 0, VERY_HIGH from month 3 (a target assessment does
    // not move it), closed at the very first instant of month 20.
    await append(ids.r2, inMonth(0), [newEvent(riskIdentified(ids.r2, { unit: 'WARD12' }))]);
    await append(ids.r2, inMonth(3), [
      newEvent(riskAssessed(ids.r2, 5, 5, 'CURRENT')),
      newEvent(riskAssessed(ids.r2, 1, 1, 'TARGET')),
    ]);
    await append(ids.r2, startOfMonth(20), [closed(ids.r2)]);
    // r3: written with the first schema versions (an assessment then had no basis: CURRENT),
    // MEDIUM from month 1.
    const { riskId, ...assessed } = riskAssessed(ids.r3, 2, 3).data;
    const { basis: _basis, warnings: _warnings, ...assessedV1 } = { riskId, ...assessed };
    const identified = riskIdentified(ids.r3, { unit: 'WARD12' }).data;
    await append(ids.r3, inMonth(1), [
      {
        type: 'RiskIdentified',
        schemaVersion: 1,
        data: {
          riskId: identified.riskId,
          title: identified.title,
          description: identified.description,
          area: identified.area,
          unit: identified.unit,
          owner: identified.owner,
        },
        metadata: metadata(),
      },
      { type: 'RiskAssessed', schemaVersion: 1, data: assessedV1, metadata: metadata() },
    ]);
    // r4: another unit, HIGH from month 4; r5: restricted, in ward 12, LOW from month 6.
    await append(ids.r4, inMonth(4), [
      newEvent(riskIdentified(ids.r4, { unit: 'SURG' })),
      newEvent(riskAssessed(ids.r4, 4, 4)),
    ]);
    await append(ids.r5, inMonth(6), [
      newEvent(riskIdentified(ids.r5, { unit: 'WARD12', classification: 'RESTRICTED' })),
      newEvent(riskAssessed(ids.r5, 1, 1)),
    ]);
    for (const id of Object.values(ids)) await t.projectStream(id);
    expect(EVENT_CATALOGUE.RiskAssessed.schemaVersion).toBeGreaterThan(1);
  }, 60_000);
  afterAll(() => t?.stop());

  /** What the trend must say, written out month by month for the risks named. */
  function expected(risks: ('r1' | 'r2' | 'r3' | 'r4' | 'r5')[]) {
    const level = (name: string, k: number): string | null | undefined => {
      switch (name) {
        case 'r1':
          return k < 2 ? undefined : k >= 8 && k < 12 ? undefined : k < 5 ? 'HIGH' : 'LOW';
        case 'r2':
          return k >= 20 ? undefined : k < 3 ? null : 'VERY_HIGH';
        case 'r3':
          return k < 1 ? undefined : 'MEDIUM';
        case 'r4':
          return k < 4 ? undefined : 'HIGH';
        default:
          return k < 6 ? undefined : 'LOW';
      }
    };
    return months.map(({ month }, k) => {
      const row = { month, LOW: 0, MEDIUM: 0, HIGH: 0, VERY_HIGH: 0, open: 0 };
      for (const name of risks) {
        const l = level(name, k);
        if (l === undefined) continue;
        row.open++;
        if (l !== null) row[l as 'LOW']++;
      }
      return row;
    });
  }

  it('gives the open risks by level at the end of each month, the running month last', async () => {
    const response = await t.api.get('/risks/trend');
    expect(response.status).toBe(200);
    expect(response.body.months).toEqual(expected(['r1', 'r2', 'r3', 'r4', 'r5']));
  });

  it('ends with the live register: the running month equals the overview', async () => {
    const trend = (await t.api.get('/risks/trend?months=1')).body.months;
    const overview = (await t.api.get('/risks/overview')).body;
    expect(trend).toEqual([{ month: months[23].month, ...overview.byLevel, open: overview.open }]);
  });

  it('counts only the risks in scope: a unit, and what the caller may see', async () => {
    const ward = await t.api.get('/risks/trend?unit=WARD12');
    expect(ward.body.months).toEqual(expected(['r1', 'r2', 'r3', 'r5']));
    const owner = await t.api.get('/risks/trend?months=24', {
      'X-Actor-Role': 'RISK_OWNER:unit=SURG',
    });
    expect(owner.body.months).toEqual(expected(['r4']));
    const uncleared = await t.api.get('/risks/trend?months=24', { 'X-Actor-Cleared': 'no' });
    expect(uncleared.body.months).toEqual(expected(['r1', 'r2', 'r3', 'r4']));
    const area = await t.api.get('/risks/trend?area=FIRE_SAFETY');
    expect(area.body.months).toEqual(expected([]));
  });

  it('follows the organisational tree: past months read again after a unit moves', async () => {
    const register = (code: string, kind: string, parentCode?: string) =>
      t.api.post('/organisational-units', { code, name: code, kind, parentCode });
    for (const [code, kind, parent] of [
      ['RV', 'REGION'],
      ['CLINICA', 'DEPARTMENT', 'RV'],
      ['CLINICB', 'DEPARTMENT', 'RV'],
      ['SURG', 'UNIT', 'CLINICA'],
    ]) {
      expect((await register(code, kind, parent)).status).toBe(201);
    }
    const clinicB = () => t.api.get('/risks/trend?unit=CLINICB&includeSubunits=true');
    expect((await clinicB()).body.months).toEqual(expected([]));
    const moved = await t.api.post('/organisational-units/SURG/parent', { parentCode: 'CLINICB' });
    expect(moved.status).toBe(201);
    expect((await clinicB()).body.months).toEqual(expected(['r4']));
  });

  it('gives as many months as asked, 1 to 120; else a 400 naming months', async () => {
    const twelve = await t.api.get('/risks/trend?months=12');
    expect(twelve.body.months).toEqual(expected(['r1', 'r2', 'r3', 'r4', 'r5']).slice(12));
    const long = await t.api.get('/risks/trend?months=120');
    expect(long.body.months).toHaveLength(120);
    expect(long.body.months[0]).toEqual({
      month: trendMonths(new Date(), 120)[0].month,
      LOW: 0,
      MEDIUM: 0,
      HIGH: 0,
      VERY_HIGH: 0,
      open: 0,
    });
    for (const months of ['0', '121', '2.5', 'many', '']) {
      expectInvalidField(await t.api.get(`/risks/trend?months=${months}`), 'months');
    }
    expectInvalidField(await t.api.get('/risks/trend?includeSubunits=true'), 'includeSubunits');
  });
});
