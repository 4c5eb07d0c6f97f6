import { DEFAULT_MATRIX } from '@riskledger/domain';
import { RiskMatricesProjection, verifyProjection } from '@riskledger/read-models';
import {
  ACTOR,
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';
import { SEEDING_ACTOR } from '../reference-data-seeding';
import { untilLogSettled } from '../../../../../test/support/log-settled';

// A stricter region: high from 8, and only the security coordinator accepts medium risks.
const stricterBands = [
  { level: 'LOW', maxScore: 3, acceptableBy: ['RISK_OWNER'], maxAcceptanceDays: 365 },
  { level: 'MEDIUM', maxScore: 7, acceptableBy: ['SECURITY_COORDINATOR'], maxAcceptanceDays: 180 },
  { level: 'HIGH', maxScore: 14, acceptableBy: ['SECURITY_COORDINATOR'], maxAcceptanceDays: 90 },
  { level: 'VERY_HIGH', maxScore: 25, acceptableBy: [], maxAcceptanceDays: 0 },
];
const matrixBody = (change: Record<string, unknown> = {}) => ({
  likelihoodScale: DEFAULT_MATRIX.likelihoodScale,
  consequenceScale: DEFAULT_MATRIX.consequenceScale,
  bands: stricterBands,
  ...change,
});

describe('risk matrices', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  const assessedLevel = async (riskId: string) => {
    const events = await t.store.readStream(riskId);
    return events.find((e) => e.type === 'RiskAssessed')?.data as {
      level: string;
      matrixVersion: number;
    };
  };

  describe('before any publication', () => {
    it('has the default matrix as version 1, published at start', async () => {
      const response = await t.api.get('/risk-matrices/current');

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ ...DEFAULT_MATRIX, publishedBy: SEEDING_ACTOR });
      expect((await t.api.get('/risk-matrices')).body).toHaveLength(1);
    });
  });

  describe('POST /risk-matrices/preview', () => {
    it('names the open risks the proposal would move to another level, and writes nothing', async () => {
      const moving = await t.givenRisk({
        title: 'Olåst läkemedelsrum',
        likelihood: 2,
        consequence: 4,
      });
      const staying = await t.givenRisk({ likelihood: 1, consequence: 2 });
      const closed = await t.givenRisk({ likelihood: 4, consequence: 2 });
      expect(
        (await t.api.post(`/risks/${closed}/closure`, { reason: 'Rummet är rivet' })).status,
      ).toBe(201);
      for (const id of [moving, staying, closed]) await t.projectStream(id);
      const before = await t.eventCount();

      const response = await t.api.post('/risk-matrices/preview', matrixBody());

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        proposedVersion: 2,
        assessedOpenRisks: 2,
        changes: [
          {
            riskId: moving,
            title: 'Olåst läkemedelsrum',
            area: 'PHARMACEUTICALS',
            unit: expect.any(String),
            likelihood: 2,
            consequence: 4,
            score: 8,
            level: 'MEDIUM',
            matrixVersion: 1,
            proposedLevel: 'HIGH',
          },
        ],
      });
      expect(await t.eventCount()).toBe(before);
      expect((await t.api.get('/risk-matrices/current')).body.version).toBe(1);
      expect((await t.api.get(`/risks/${moving}`)).body).toMatchObject({ level: 'MEDIUM' });
    });

    it('refuses what publishing refuses, naming the field', async () => {
      const bands = stricterBands.map((b, i) => (i === 3 ? { ...b, maxScore: 20 } : b));
      expectInvalidField(
        await t.refused(() => t.api.post('/risk-matrices/preview', matrixBody({ bands }))),
        'bands.3.maxScore',
      );
      expectInvalidField(
        await t.refused(() =>
          t.api.post('/risk-matrices/preview', matrixBody({ likelihoodScale: [] })),
        ),
        'likelihoodScale',
      );
    });

    it('is for administrators only', async () => {
      const coordinator = t.client({
        'X-Actor': 'anna.berg',
        'X-Actor-Role': 'SECURITY_COORDINATOR',
      });
      expect((await coordinator.post('/risk-matrices/preview', matrixBody())).status).toBe(403);
    });
  });

  describe('POST /risk-matrices', () => {
    it('publishes version 2, which assessments use from then on', async () => {
      const before = await t.givenRisk({ likelihood: 2, consequence: 4 });
      expect(await assessedLevel(before)).toMatchObject({ level: 'MEDIUM', matrixVersion: 1 });

      const response = await t.api.post('/risk-matrices', matrixBody());

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ version: 2 });
      const [, published] = await t.store.readStream('risk-matrix');
      expect(published).toMatchObject({
        streamType: 'risk-matrix',
        type: 'RiskMatrixPublished',
        data: { version: 2, bands: stricterBands },
        metadata: { actor: ACTOR },
      });
      expect((await t.api.get('/risk-matrices/current')).body).toMatchObject({
        version: 2,
        bands: stricterBands,
        publishedBy: ACTOR,
      });
      const after = await t.givenRisk({ likelihood: 2, consequence: 4 });
      expect(await assessedLevel(after)).toMatchObject({ level: 'HIGH', matrixVersion: 2 });
    });

    it('leaves version 1 exactly as it was published', async () => {
      const response = await t.api.get('/risk-matrices/1');

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject(DEFAULT_MATRIX);
      expect(
        (await t.api.get('/risk-matrices')).body.map((m: { version: number }) => m.version),
      ).toEqual([1, 2]);
    });

    it('refuses bands that do not cover every value up to 25, naming the field', async () => {
      const bands = stricterBands.map((b, i) => (i === 3 ? { ...b, maxScore: 20 } : b));

      const response = await t.refused(() => t.api.post('/risk-matrices', matrixBody({ bands })));

      expectInvalidField(response, 'bands.3.maxScore');
      expect(response.body.message).toBe(
        'bands.3.maxScore: must be 25: the highest band covers every risk value up to 5 × 5',
      );
    });

    it('refuses levels out of order, naming the field', async () => {
      const bands = [stricterBands[1], stricterBands[0], ...stricterBands.slice(2)];
      expectInvalidField(
        await t.refused(() => t.api.post('/risk-matrices', matrixBody({ bands }))),
        'bands.1.level',
      );
    });

    it('refuses a scale of 4 steps and an unknown role, naming the fields', async () => {
      const short = await t.refused(() =>
        t.api.post(
          '/risk-matrices',
          matrixBody({ likelihoodScale: DEFAULT_MATRIX.likelihoodScale.slice(0, 4) }),
        ),
      );
      expectInvalidField(short, 'likelihoodScale');
      const bands = stricterBands.map((b, i) =>
        i === 0 ? { ...b, acceptableBy: ['WARD_MANAGER'] } : b,
      );
      expectInvalidField(
        await t.refused(() => t.api.post('/risk-matrices', matrixBody({ bands }))),
        'bands.0.acceptableBy',
      );
    });

    it('refuses a blank label, naming the nested field', async () => {
      const [first, ...rest] = DEFAULT_MATRIX.consequenceScale;
      const blank = { ...first, label: { sv: ' ', en: 'Negligible' } };
      expectInvalidField(
        await t.refused(() =>
          t.api.post('/risk-matrices', matrixBody({ consequenceScale: [blank, ...rest] })),
        ),
        'consequenceScale.0.label.sv',
      );
    });
  });

  describe('GET /risk-matrices/:version', () => {
    it('answers 404 for a version never published and 400 for one that is no number', async () => {
      expect((await t.api.get('/risk-matrices/99')).status).toBe(404);
      expect((await t.api.get('/risk-matrices/latest')).status).toBe(400);
    });
  });

  it('keeps a read model equal to one rebuilt from the log', async () => {
    await untilLogSettled(t.db.dataSource);
    const comparison = await verifyProjection(
      t.db.dataSource,
      t.store,
      new RiskMatricesProjection(),
    );
    expect(comparison.differences).toEqual([]);
    expect(comparison).toMatchObject({ identical: true, liveRows: 2 });
  });
});

describe('the register as of a past moment', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  it('does not call a risk out of date for a matrix version published after the moment', async () => {
    const riskId = await t.givenRisk({ likelihood: 1, consequence: 1 });
    await t.projectStream(riskId);
    expect((await t.api.post('/risk-matrices', matrixBody())).status).toBe(201);
    const [newest] = (await t.api.get('/risk-matrices')).body.slice(-1);
    const justBefore = encodeURIComponent(
      new Date(new Date(newest.publishedAt).getTime() - 1).toISOString(),
    );
    const matrixReasons = (reasons: string[]) => reasons.filter((r) => r.includes('matrix'));

    const now = await t.api.get(`/risks/${riskId}`);
    expect(matrixReasons(now.body.needsReviewBecause)).toEqual([
      `assessed with matrix version ${newest.version - 1}; version ${newest.version} is in force`,
    ]);
    const then = await t.api.get(`/risks/${riskId}?asOf=${justBefore}`);
    expect(matrixReasons(then.body.needsReviewBecause)).toEqual([]);
    const listedThen = await t.api.get(`/risks?limit=500&asOf=${justBefore}`);
    const listed = listedThen.body.items.find((r: { riskId: string }) => r.riskId === riskId);
    expect(matrixReasons(listed.needsReviewBecause)).toEqual([]);
  });
});
