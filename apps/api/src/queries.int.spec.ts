import { randomUUID } from 'node:crypto';
import {
  ACTOR,
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../test/support/api-under-test';

const positionsOf = (entries: { position: number }[]) => entries.map((e) => e.position);
const idsOf = (entries: { riskId: string }[]) => entries.map((e) => e.riskId);

/**
 * The reads. The history comes from the event store itself; the register and the traceability log
 * are projections, and with no projector running the tests feed them the stored events through the
 * real projection code, as the projector does from Kafka.
 */
describe('queries', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  describe('GET /risks/:id/history', () => {
    it('gives every event of the risk in order, with who, why and the request ids', async () => {
      const identified = await t.api.post(
        '/risks',
        {
          title: 'Unlocked medicine room',
          description: 'The door closer is broken.',
          area: 'PHARMACEUTICALS',
          unit: 'Ward 12',
          likelihood: 4,
          consequence: 4,
        },
        { 'X-Correlation-Id': 'flow-1' },
      );
      const riskId: string = identified.body.id;
      const assessed = await t.api.post(
        `/risks/${riskId}/assessments`,
        { likelihood: 2, consequence: 4, reason: 'Door closer replaced' },
        { 'X-Actor': 'security.officer@region.se', 'X-Correlation-Id': 'flow-1' },
      );
      const planned = await t.api.post(`/risks/${riskId}/mitigations`, {
        title: 'Card access',
        kind: 'LIMIT',
      });
      const applied = await t.api.post(
        `/risks/${riskId}/mitigations/${planned.body.mitigationId}/applied`,
      );
      const stored = await t.store.readStream(riskId);

      const response = await t.api.get(`/risks/${riskId}/history`);

      expect(response.status).toBe(200);
      const history: any[] = response.body;
      expect(history.map((e) => [e.version, e.type])).toEqual([
        [1, 'RiskIdentified'],
        [2, 'RiskAssessed'],
        [3, 'RiskAssessed'],
        [4, 'MitigationPlanned'],
        [5, 'MitigationApplied'],
      ]);
      expect(positionsOf(history)).toEqual(positionsOf(stored));
      expect(positionsOf(history)).toEqual([...positionsOf(history)].sort((a, b) => a - b));
      expect(history[0]).toEqual({
        position: stored[0].position,
        version: 1,
        type: 'RiskIdentified',
        schemaVersion: 2,
        recordedAt: stored[0].recordedAt.toISOString(),
        actor: ACTOR,
        actorName: ACTOR,
        reason: null,
        correlationId: 'flow-1',
        causationId: identified.headers.get('x-request-id'),
        data: stored[0].data,
        summary: 'Risk identified: "Unlocked medicine room" in PHARMACEUTICALS, unit Ward 12',
        hash: stored[0].hash,
        importedFrom: null,
      });
      expect(history[1].causationId).toBe(history[0].causationId);
      expect(history[2]).toMatchObject({
        actor: 'security.officer@region.se',
        reason: 'Door closer replaced',
        correlationId: 'flow-1',
        causationId: assessed.headers.get('x-request-id'),
        data: { likelihood: 2, consequence: 4, score: 8, level: 'MEDIUM' },
      });
      expect(history[3]).toMatchObject({
        correlationId: planned.headers.get('x-correlation-id'),
        causationId: planned.headers.get('x-request-id'),
      });
      expect(history[4]).toMatchObject({
        causationId: applied.headers.get('x-request-id'),
        data: { mitigationId: planned.body.mitigationId, note: null },
      });
    });

    it('answers 404 for a risk that does not exist, and for the id of an incident', async () => {
      const incident = await t.api.post('/incidents', {
        title: 'Door found open',
        description: 'At night.',
        area: 'PHARMACEUTICALS',
        unit: 'Ward 12',
        kind: 'DEVIATION',
        occurredAt: '2026-01-10T03:10:00Z',
      });
      const unknown = randomUUID();

      const missing = await t.api.get(`/risks/${unknown}/history`);
      const notARisk = await t.api.get(`/risks/${incident.body.id}/history`);

      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe(`risk ${unknown} does not exist`);
      expect(notARisk.status).toBe(404);
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const response = await t.api.get('/risks/12/history');

      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/uuid/i);
    });
  });

  describe('GET /risks/:id', () => {
    it('gives the register entry with its version as ETag, which a write can send as If-Match', async () => {
      const riskId = await t.givenRisk({ likelihood: 4, consequence: 4 });
      const planned = await t.api.post(`/risks/${riskId}/mitigations`, {
        title: 'Card access',
        kind: 'LIMIT',
        dueDate: '2026-12-31',
      });
      await t.projectStream(riskId);

      const response = await t.api.get(`/risks/${riskId}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"3"');
      expect(response.body).toMatchObject({
        riskId,
        title: 'Unlocked medicine room on ward 12',
        area: 'PHARMACEUTICALS',
        owner: 'ward.manager@region.se',
        status: 'OPEN',
        likelihood: 4,
        consequence: 4,
        score: 16,
        level: 'HIGH',
        matrixVersion: 1,
        identifiedBy: ACTOR,
        version: 3,
        mitigations: [
          {
            mitigationId: planned.body.mitigationId,
            kind: 'LIMIT',
            status: 'PLANNED',
            dueDate: '2026-12-31',
            appliedAt: null,
          },
        ],
      });

      const assessed = await t.api.post(
        `/risks/${riskId}/assessments`,
        { likelihood: 1, consequence: 4 },
        { 'If-Match': response.headers.get('etag') as string },
      );
      expect(assessed.body).toEqual({ version: 4, warnings: [] });
      await t.projectStream(riskId);
      const after = await t.api.get(`/risks/${riskId}`);
      expect(after.headers.get('etag')).toBe('"4"');
      expect(after.body).toMatchObject({ score: 4, level: 'MEDIUM', version: 4 });
    });

    it('answers 404 for a risk the register does not hold (yet)', async () => {
      const notProjected = await t.givenRisk();
      const unknown = randomUUID();

      const lagging = await t.api.get(`/risks/${notProjected}`);
      const missing = await t.api.get(`/risks/${unknown}`);

      expect(lagging.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe(`risk ${unknown} is not in the register`);
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const response = await t.api.get('/risks/ward-12');

      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/uuid/i);
    });
  });

  describe('GET /risks', () => {
    // Areas no other test here uses, so that a filtered list holds exactly these risks.
    let radiation: string[];
    let hygiene: string;

    beforeAll(async () => {
      radiation = [
        await t.givenRisk({ area: 'RADIATION_SAFETY' }),
        await t.givenRisk({ area: 'RADIATION_SAFETY', likelihood: 2, consequence: 2 }),
      ];
      hygiene = await t.givenRisk({ area: 'HOSPITAL_HYGIENE', title: 'No hand rub at entrance' });
      for (const id of [...radiation, hygiene]) await t.projectStream(id);
    });

    it('gives every risk in the register, oldest first', async () => {
      const response = await t.api.get('/risks');

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ limit: 50, offset: 0 });
      const ids = idsOf(response.body.items);
      expect(ids.filter((id) => [...radiation, hygiene].includes(id))).toEqual([
        ...radiation,
        hygiene,
      ]);
      expect(
        response.body.items.find((r: { riskId: string }) => r.riskId === radiation[1]),
      ).toMatchObject({ likelihood: 2, consequence: 2, score: 4, level: 'MEDIUM', version: 2 });
    });

    it('filters by security area', async () => {
      const radiationSafety = await t.api.get('/risks?area=RADIATION_SAFETY');
      const hospitalHygiene = await t.api.get('/risks?area=HOSPITAL_HYGIENE');
      const none = await t.api.get('/risks?area=CRISIS_PREPAREDNESS');

      expect(idsOf(radiationSafety.body.items)).toEqual(radiation);
      expect(radiationSafety.body.total).toBe(2);
      expect(hospitalHygiene.body.items).toEqual([
        expect.objectContaining({ riskId: hygiene, title: 'No hand rub at entrance' }),
      ]);
      expect(none.status).toBe(200);
      expect(none.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    });

    it.each([
      ['area', '?area=weather%20report'],
      ['area', '?area=radiation_safety'],
      ['area', '?area=RADIATION_SAFETY&area=HOSPITAL_HYGIENE'],
      ['ownerName', '?ownerName=anna'],
      ['level', '?level=SEVERE'],
      ['status', '?status=open'],
      ['classification', '?classification=SECRET'],
      ['needsReview', '?needsReview=yes'],
      ['includeSubunits', '?includeSubunits=true'],
      ['sort', '?sort=risk'],
      ['limit', '?limit=0'],
      ['limit', '?limit=501'],
      ['offset', '?offset=-1'],
      ['asOf', '?asOf=2026-11-23'],
      ['asOf', '?asOf=2026-11-23T10:00:00'],
      ['asOf', '?asOf=2026-13-01T10:00:00Z'],
    ])('answers 400 naming %s for %s', async (field, query) => {
      expectInvalidField(await t.api.get(`/risks${query}`), field);
    });
  });

  describe('GET /traceability', () => {
    let riskId: string;
    let otherRiskId: string;

    beforeAll(async () => {
      riskId = await t.givenRisk({ likelihood: 3, consequence: 3 });
      otherRiskId = await t.givenRisk({ area: 'IT_SECURITY' });
      await t.api.post(`/risks/${riskId}/assessments`, {
        likelihood: 2,
        consequence: 4,
        reason: 'Door closer replaced',
      });
      await t.api.post(`/risks/${riskId}/mitigations`, { title: 'Card access', kind: 'LIMIT' });
      await t.projectStream(riskId);
      await t.projectStream(otherRiskId);
    });

    it('filters by stream, with who, what and why on each entry', async () => {
      const response = await t.api.get(`/traceability?streamId=${riskId}`);

      expect(response.status).toBe(200);
      const log: any[] = response.body;
      expect(log.map((e) => [e.streamVersion, e.eventType])).toEqual([
        [1, 'RiskIdentified'],
        [2, 'RiskAssessed'],
        [3, 'RiskAssessed'],
        [4, 'MitigationPlanned'],
      ]);
      expect(log.every((e) => e.streamId === riskId && e.streamType === 'risk')).toBe(true);
      expect(log[2]).toMatchObject({
        actor: ACTOR,
        reason: 'Door closer replaced',
        summary: 'Risk assessed: likelihood 2 × consequence 4 = 8 (MEDIUM, matrix v1)',
        data: { likelihood: 2, consequence: 4 },
      });
      expect((await t.api.get(`/traceability?streamId=${otherRiskId}`)).body).toHaveLength(1);
      expect((await t.api.get('/traceability?streamId=no-such-stream')).body).toEqual([]);
    });

    it('pages with the after cursor and limit: oldest first, without gaps or repeats', async () => {
      const everything = await t.api.get('/traceability?limit=1000');
      const pages: number[][] = [];
      let after = 0;
      for (;;) {
        const page = await t.api.get(`/traceability?after=${after}&limit=2`);
        expect(page.status).toBe(200);
        if (page.body.length === 0) break;
        pages.push(positionsOf(page.body));
        after = pages[pages.length - 1][pages[pages.length - 1].length - 1];
      }

      const all = positionsOf(everything.body);
      expect(all.length).toBeGreaterThanOrEqual(5);
      expect(all).toEqual([...all].sort((a, b) => a - b));
      expect(pages.flat()).toEqual(all);
      expect(pages.slice(0, -1).every((page) => page.length === 2)).toBe(true);
      const [first, second] = (await t.api.get(`/traceability?streamId=${riskId}`)).body;
      const next = await t.api.get(
        `/traceability?streamId=${riskId}&after=${first.position}&limit=1`,
      );
      expect(next.body).toEqual([second]);
    });

    it.each([
      ['limit', '?limit=0'],
      ['limit', '?limit=5000'],
      ['limit', '?limit=ten'],
      ['limit', '?limit=2.5'],
      ['after', '?after=-1'],
      ['after', '?after=99999999999999999999'],
      ['streamId', `?streamId=${'x'.repeat(201)}`],
      ['streamId', '?streamId=a&streamId=b'],
      ['owner', '?owner=anna'],
      ['actor', `?actor=${'x'.repeat(201)}`],
      ['area', '?area=weather%20report'],
      ['streamType', '?streamType=weather'],
      ['eventType', '?eventType=risk%20assessed'],
      ['from', '?from=2026-11-23'],
      ['from', '?from=2026-11-23T10:00:00'],
      ['to', '?to=2026-02-30T10:00:00Z'],
      ['to', '?to=yesterday'],
    ])('answers 400 naming %s for %s', async (field, query) => {
      expectInvalidField(await t.api.get(`/traceability${query}`), field);
    });
  });
});
