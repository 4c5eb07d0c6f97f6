import { randomUUID } from 'node:crypto';
import {
  ACTOR,
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../test/support/api-under-test';
import { eventually } from '../../../test/support/running-system';
import { bearerFor } from '../../../test/support/sign-in';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What an investigator asks of the API: the register as it was, the history of an incident, the
 * chain of what followed from it, the traceability log filtered, and whether the log is intact.
 */
describe('investigations', () => {
  let t: ApiUnderTest;
  const streams: string[] = [];

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  async function projectAll(): Promise<void> {
    for (const id of streams) await t.projectStream(id);
  }

  async function identify(body: Record<string, unknown> = {}): Promise<string> {
    const id = await t.givenRisk(body);
    streams.push(id);
    return id;
  }

  async function reportIncident(
    riskIds: string[],
    headers: Record<string, string> = {},
  ): Promise<string> {
    const response = await t.api.post(
      '/incidents',
      {
        title: 'Medicine room found open',
        description: 'Open at 03:10, nothing missing.',
        area: 'PHARMACEUTICALS',
        unit: 'Hospital North / Ward 12',
        kind: 'DEVIATION',
        occurredAt: '2026-11-20T03:10:00+01:00',
        riskIds,
      },
      headers,
    );
    expect(response.status).toBe(201);
    streams.push(response.body.id);
    return response.body.id;
  }

  describe('the register as it was (asOf), computed from the log', () => {
    interface Moment {
      at: string;
      register: unknown[];
      entries: Map<string, unknown>;
    }
    const moments: Moment[] = [];
    let before: string;
    let riskA: string;
    let riskB: string;

    /** What the live register shows now, and the time it showed it. */
    async function recordMoment(): Promise<void> {
      await projectAll();
      const register = (await t.api.get('/risks?limit=500')).body.items;
      const entries = new Map<string, unknown>();
      for (const entry of register) entries.set(entry.riskId, entry);
      moments.push({ at: new Date().toISOString(), register, entries });
      // Whatever is appended next is recorded after this moment, never within its millisecond.
      await sleep(5);
    }

    beforeAll(async () => {
      before = new Date().toISOString();
      await sleep(5);
      riskA = await identify({ likelihood: 4, consequence: 4 });
      await recordMoment();
      riskB = await identify({ area: 'FIRE_SAFETY', title: 'Blocked fire door' });
      const planned = await t.api.post(`/risks/${riskA}/mitigations`, {
        title: 'Card access',
        kind: 'LIMIT',
      });
      await recordMoment();
      await t.api.post(`/risks/${riskA}/assessments`, {
        likelihood: 1,
        consequence: 4,
        reason: 'Card reader installed',
      });
      await t.api.post(`/risks/${riskA}/mitigations/${planned.body.mitigationId}/applied`);
      await t.api.post(`/risks/${riskB}/assessments`, { likelihood: 5, consequence: 5 });
      await recordMoment();
      await t.api.post(`/risks/${riskB}/assessments`, { likelihood: 2, consequence: 2 });
      await projectAll();
    });

    it('gives, at each recorded moment, exactly the register the live projection showed then', async () => {
      expect(moments.map((m) => m.register.length)).toEqual([1, 2, 2]);
      for (const moment of moments) {
        const asOf = await t.api.get(`/risks?limit=500&asOf=${encodeURIComponent(moment.at)}`);
        expect(asOf.status).toBe(200);
        expect(asOf.body.items).toEqual(moment.register);
        expect(asOf.body.total).toBe(moment.register.length);
        for (const [riskId, entry] of moment.entries) {
          const one = await t.api.get(`/risks/${riskId}?asOf=${encodeURIComponent(moment.at)}`);
          expect(one.status).toBe(200);
          expect(one.body).toEqual(entry);
        }
      }
    });

    it('keeps assessments that were changed since as they were', async () => {
      const [, second, third] = moments;
      const now = await t.api.get(`/risks/${riskA}`);
      expect(now.body).toMatchObject({ score: 4, version: 5 });
      expect(second.entries.get(riskA)).toMatchObject({
        score: 16,
        level: 'HIGH',
        version: 3,
        mitigations: [expect.objectContaining({ status: 'PLANNED', appliedAt: null })],
      });
      expect(third.entries.get(riskA)).toMatchObject({ score: 4, level: 'MEDIUM', version: 5 });
      expect(third.entries.get(riskB)).toMatchObject({ score: 25, level: 'VERY_HIGH' });
      expect((await t.api.get(`/risks/${riskB}`)).body).toMatchObject({ score: 4 });
    });

    it('is empty before the first risk, and a risk not yet identified is 404 at that moment', async () => {
      const empty = await t.api.get(`/risks?asOf=${encodeURIComponent(before)}`);
      expect(empty.status).toBe(200);
      expect(
        empty.body.items.filter((r: { riskId: string }) => streams.includes(r.riskId)),
      ).toEqual([]);
      const notYet = await t.api.get(`/risks/${riskB}?asOf=${encodeURIComponent(moments[0].at)}`);
      expect(notYet.status).toBe(404);
      expect(notYet.body.message).toBe(`risk ${riskB} was not in the register at ${moments[0].at}`);
      expect((await t.api.get(`/risks/${randomUUID()}?asOf=${moments[2].at}`)).status).toBe(404);
    });

    it('filters by area as the live register does, and takes other time zones', async () => {
      // The same instant as the third moment, written in Swedish winter time.
      const at = Date.parse(moments[2].at);
      const inStockholm = new Date(at + 3600_000).toISOString().replace('Z', '+01:00');
      const fire = await t.api.get(
        `/risks?area=FIRE_SAFETY&asOf=${encodeURIComponent(inStockholm)}`,
      );
      expect(fire.body.items.map((r: { riskId: string }) => r.riskId)).toEqual([riskB]);
      expect(fire.body.items[0]).toEqual(moments[2].entries.get(riskB));
    });

    it('counts the 5×5 matrix as of a moment the same as the live matrix counted then', async () => {
      const [, second] = moments;
      const asOf = await t.api.get(`/risks/matrix?asOf=${encodeURIComponent(second.at)}`);
      expect(asOf.status).toBe(200);
      expect(asOf.body.total).toBe(2);
      // Risk A at 4×4 by its first assessment then; B not assessed yet (it is 2×2 now).
      expect(asOf.body.current[3][3]).toBe(1);
      expect(asOf.body.current.flat().reduce((a: number, b: number) => a + b)).toBe(1);
      const now = await t.api.get('/risks/matrix');
      expect(now.body.current[0][3]).toBeGreaterThanOrEqual(1);
      expect(now.body.current[3][3]).toBe(asOf.body.current[3][3] - 1);
    });

    it('tells what appeared and what changed level between two moments', async () => {
      const [first, , third] = moments;
      const response = await t.api.get(
        `/risks/changes?from=${encodeURIComponent(first.at)}&to=${encodeURIComponent(third.at)}`,
      );
      expect(response.status).toBe(200);
      const mine = (list: { riskId: string }[]) =>
        list.filter((c) => streams.includes(c.riskId)).map((c) => c.riskId);
      expect(mine(response.body.appeared)).toEqual([riskB]);
      expect(response.body.levelChanged).toEqual([
        expect.objectContaining({
          riskId: riskA,
          before: { status: 'OPEN', level: 'HIGH' },
          after: { status: 'OPEN', level: 'MEDIUM' },
        }),
      ]);
      expect(response.body.closed).toEqual([]);
      const backwards = await t.api.get(
        `/risks/changes?from=${encodeURIComponent(third.at)}&to=${encodeURIComponent(first.at)}`,
      );
      expectInvalidField(backwards, 'from');
      expectInvalidField(await t.api.get(`/risks/changes?from=${first.at}`), 'to');
    });

    it('answers 400 for an asOf without a time zone', async () => {
      const response = await t.api.get(`/risks/${riskA}?asOf=2026-11-20T12:00:00`);
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('asOf');
    });
  });

  describe('GET /incidents/:id/history', () => {
    it('gives every event of the incident with who, when, why and the data in words', async () => {
      const risk = await identify();
      const incident = await reportIncident([risk], {
        'X-Actor': 'night.nurse@region.se',
        'X-Correlation-Id': 'case-history',
      });

      const response = await t.api.get(`/incidents/${incident}/history`);

      expect(response.status).toBe(200);
      const [stored] = await t.store.readStream(incident);
      expect(response.body).toEqual([
        expect.objectContaining({
          position: stored.position,
          version: 1,
          type: 'IncidentReported',
          recordedAt: stored.recordedAt.toISOString(),
          actor: 'night.nurse@region.se',
          reason: null,
          correlationId: 'case-history',
          causationId: expect.any(String),
          data: stored.data,
          hash: stored.hash,
          summary: expect.stringContaining('Incident reported: "Medicine room found open"'),
        }),
      ]);
    });

    it('answers 404 for an unknown id or the id of a risk, 400 for an id that is not a UUID', async () => {
      const risk = await identify();
      expect((await t.api.get(`/incidents/${randomUUID()}/history`)).status).toBe(404);
      expect((await t.api.get(`/incidents/${risk}/history`)).status).toBe(404);
      expect((await t.api.get(`/incidents/42/history`)).status).toBe(400);
    });
  });

  describe('GET /incidents/:id/chain', () => {
    it('lists, in log order, what followed from the incident: by correlation and by cause', async () => {
      const risk = await identify();
      const other = await identify({ title: 'Unrelated risk' });
      const incident = await reportIncident([risk], { 'X-Correlation-Id': 'case-7' });
      // The security officer reassesses in the same case (correlation) ...
      await t.api.post(
        `/risks/${risk}/assessments`,
        { likelihood: 5, consequence: 4, reason: 'Incident shows it happens' },
        { 'X-Correlation-Id': 'case-7' },
      );
      // ... and, separately, plans a mitigation that names the incident as its cause ...
      const planned = await t.api.post(
        `/risks/${other}/mitigations`,
        { title: 'Check all medicine rooms', kind: 'MONITOR' },
        { 'X-Causation-Id': incident },
      );
      // ... which in turn causes another change, naming that event.
      const [, plannedEvent] = await t.store.readStream(other);
      await t.api.post(
        `/risks/${other}/mitigations/${planned.body.mitigationId}/applied`,
        {},
        { 'X-Causation-Id': plannedEvent.eventId },
      );
      // Not part of the chain: the same risk, another flow.
      await t.api.post(`/risks/${risk}/assessments`, { likelihood: 3, consequence: 4 });
      await projectAll();

      const response = await t.api.get(`/incidents/${incident}/chain`);

      expect(response.status).toBe(200);
      expect(
        response.body.map((e: any) => [e.streamId, e.eventType, e.link, e.correlationId]),
      ).toEqual([
        [incident, 'IncidentReported', 'INCIDENT', 'case-7'],
        [risk, 'RiskAssessed', 'CORRELATED', 'case-7'],
        [other, 'MitigationPlanned', 'CAUSED', expect.any(String)],
        [other, 'MitigationApplied', 'CAUSED', expect.any(String)],
      ]);
      const positions = response.body.map((e: { position: number }) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(response.body[2].causationId).toBe(incident);
    });

    it('gives what followed from any event, to the end of the chain, in log order', async () => {
      const risk = await identify();
      const [identified] = await t.store.readStream(risk);
      const planned = await t.api.post(
        `/risks/${risk}/mitigations`,
        { title: 'Lock the door at night', kind: 'LIMIT' },
        { 'X-Causation-Id': identified.eventId },
      );
      const [, plannedEvent] = await t.store.readStream(risk);
      await t.api.post(
        `/risks/${risk}/mitigations/${planned.body.mitigationId}/applied`,
        {},
        { 'X-Causation-Id': plannedEvent.eventId },
      );
      // Not caused by it: the same risk, changed for another reason.
      await t.api.post(`/risks/${risk}/assessments`, { likelihood: 3, consequence: 4 });
      await projectAll();

      const followed = await t.api.get(`/traceability/${identified.position}/followed`);
      expect(followed.status).toBe(200);
      expect(followed.body.complete).toBe(true);
      expect(followed.body.entries.map((e: any) => [e.eventType, e.causationId])).toEqual([
        ['MitigationPlanned', identified.eventId],
        ['MitigationApplied', plannedEvent.eventId],
      ]);
      const last = followed.body.entries[1].position;
      expect((await t.api.get(`/traceability/${last}/followed`)).body.entries).toEqual([]);
      expect((await t.api.get('/traceability/999999999/followed')).status).toBe(404);
    });

    it('answers 404 for an incident the log does not hold, and for a risk', async () => {
      const risk = await identify();
      await projectAll();
      expect((await t.api.get(`/incidents/${randomUUID()}/chain`)).status).toBe(404);
      expect((await t.api.get(`/incidents/${risk}/chain`)).status).toBe(404);
    });
  });

  describe('GET /traceability, filtered', () => {
    let radiation: string;
    let start: string;

    beforeAll(async () => {
      start = new Date().toISOString();
      await sleep(5);
      radiation = await identify({ area: 'RADIATION_SAFETY' });
      await t.api.post(
        `/risks/${radiation}/assessments`,
        { likelihood: 3, consequence: 5 },
        { 'X-Actor': 'strål.expert@region.se', 'X-Correlation-Id': 'radiation-review' },
      );
      await t.api.post(
        `/risks/${radiation}/assessments`,
        { likelihood: 2, consequence: 5 },
        { 'X-Actor': 'strål.expert@region.se' },
      );
      await projectAll();
    });

    const streamOf = (body: any[]) => body.filter((e) => e.streamId === radiation);

    it('by area: later events of a risk carry the area named when it was identified', async () => {
      const response = await t.api.get('/traceability?area=RADIATION_SAFETY');
      expect(response.body.map((e: any) => [e.eventType, e.area])).toEqual([
        ['RiskIdentified', 'RADIATION_SAFETY'],
        ['RiskAssessed', 'RADIATION_SAFETY'],
        ['RiskAssessed', 'RADIATION_SAFETY'],
      ]);
    });

    it('by actor, event type and correlation id, combined', async () => {
      const byActor = await t.api.get(
        `/traceability?actor=${encodeURIComponent('strål.expert@region.se')}`,
      );
      expect(byActor.body.map((e: any) => e.streamVersion)).toEqual([2, 3]);
      const byType = await t.api.get(
        `/traceability?eventType=RiskAssessed&area=RADIATION_SAFETY&actor=${encodeURIComponent('strål.expert@region.se')}`,
      );
      expect(byType.body).toHaveLength(2);
      const byCorrelation = await t.api.get('/traceability?correlationId=radiation-review');
      expect(byCorrelation.body.map((e: any) => [e.streamId, e.streamVersion])).toEqual([
        [radiation, 2],
      ]);
      const incidents = await t.api.get('/traceability?streamType=incident&limit=1000');
      expect(incidents.body.every((e: any) => e.streamType === 'incident')).toBe(true);
    });

    it('by time range: from inclusive, to exclusive', async () => {
      const all = streamOf((await t.api.get(`/traceability?streamId=${radiation}`)).body);
      const second = all[1].recordedAt;
      const fromSecond = await t.api.get(
        `/traceability?streamId=${radiation}&from=${encodeURIComponent(second)}`,
      );
      expect(fromSecond.body.map((e: any) => e.streamVersion)).toEqual([2, 3]);
      const toSecond = await t.api.get(
        `/traceability?streamId=${radiation}&from=${encodeURIComponent(start)}&to=${encodeURIComponent(second)}`,
      );
      expect(toSecond.body.map((e: any) => e.streamVersion)).toEqual([1]);
    });

    it('pages with the after cursor, giving the next page in the Link header', async () => {
      const first = await t.api.get('/traceability?area=RADIATION_SAFETY&limit=2');
      expect(first.body).toHaveLength(2);
      const link = first.headers.get('link');
      expect(link).toBe(
        `</traceability?area=RADIATION_SAFETY&limit=2&after=${first.body[1].position}>; rel="next"`,
      );
      const next = await t.api.get(link!.slice(1, link!.indexOf('>')));
      expect(next.body.map((e: any) => e.streamVersion)).toEqual([3]);
      expect(next.headers.get('link')).toBeNull();
    });

    it('counts the entries of all pages on the first page', async () => {
      const first = await t.api.get('/traceability?area=RADIATION_SAFETY&limit=2');
      expect(first.headers.get('x-total-count')).toBe('3');
      const after = await t.api.get(
        `/traceability?area=RADIATION_SAFETY&limit=2&after=${first.body[1].position}`,
      );
      expect(after.headers.get('x-total-count')).toBeNull();
    });

    it('opens one entry with its event’s metadata and hash', async () => {
      const [identified] = streamOf((await t.api.get(`/traceability?streamId=${radiation}`)).body);
      const stored = (await t.store.readStream(radiation))[0];
      const response = await t.api.get(`/traceability/${identified.position}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        ...identified,
        schemaVersion: stored.schemaVersion,
        metadata: { actor: identified.actor, correlationId: identified.correlationId },
      });
      expect(response.body.hash).toMatch(/^[0-9a-f]{64}$/);
      expect((await t.api.get('/traceability/999999999')).status).toBe(404);
      expectInvalidField(await t.api.get('/traceability/1e3'), 'position');
    });
  });

  describe('GET /integrity', () => {
    it('tells its progress a line at a time when asked, then the report', async () => {
      await identify();
      const response = await fetch(`${t.baseUrl}/integrity`, {
        headers: {
          Authorization: `Bearer ${await bearerFor(ACTOR)}`,
          Accept: 'application/x-ndjson',
        },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      const lines = (await response.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      const progress = lines.slice(0, -1).map((line) => line.progress);
      expect(progress.length).toBeGreaterThan(0);
      const last = lines.at(-1);
      expect(last).toMatchObject({ status: 200, body: { intact: true } });
      // The verifier's steps (each event read, then checked against its seal) to the end.
      const { done, total } = progress.at(-1);
      expect(done).toBe(total);
      expect(total).toBeGreaterThanOrEqual(last.body.events);
    });

    it('seals what is new and reports the checked range, the head hash and no break', async () => {
      await identify();
      const events = await t.eventCount();

      // A seal covers only what no running transaction can still precede, and the tests share
      // one PostgreSQL server: another file's open transaction may hold the newest event back for
      // a moment. Asked again, the next seal takes it in.
      const response = await eventually(async () => {
        const answer = await t.api.get('/integrity');
        return answer.body.unsealedEvents === 0 ? answer : undefined;
      }, 15_000).catch(() => t.api.get('/integrity'));

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        intact: true,
        events,
        unsealedEvents: 0,
        sealedEvents: events,
        guardsEnabled: true,
        firstBreak: null,
        problems: [],
      });
      const [last] = await t.db.dataSource.query(
        `SELECT max(position)::int AS position FROM events`,
      );
      expect(response.body.lastPosition).toBe(last.position);
      expect(response.body.head.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(response.body.head.upTo.position).toBe(last.position);
    });

    it('reports the position of an event someone changed in the database', async () => {
      const risk = await identify();
      await t.api.get('/integrity');
      const [identified] = await t.store.readStream(risk);
      await t.db.dataSource.transaction(async (m) => {
        await m.query(`ALTER TABLE events DISABLE TRIGGER USER`);
        await m.query(
          `UPDATE events SET data = jsonb_set(data, '{title}', '"Nothing to see"') WHERE position = $1`,
          [identified.position],
        );
        await m.query(`ALTER TABLE events ENABLE TRIGGER USER`);
      });

      const response = await t.api.get('/integrity');

      expect(response.body).toMatchObject({
        intact: false,
        firstBreak: { kind: 'HASH_MISMATCH', position: identified.position, streamId: risk },
        problemCount: 1,
      });
    });
  });
  describe('GET /traceability by unit (last: once units are registered, risks must name one)', () => {
    it('by unit, with the units below it or without', async () => {
      for (const [code, kind, parentCode] of [
        ['RV', 'REGION'],
        ['ONK', 'DEPARTMENT', 'RV'],
        ['STRAL1', 'UNIT', 'ONK'],
      ]) {
        const unit = { code, name: code, kind, parentCode };
        expect((await t.api.post('/organisational-units', unit)).status).toBe(201);
      }
      const inWard = await identify({ area: 'RADIATION_SAFETY', unit: 'STRAL1' });
      await projectAll();
      const ofUnit = await t.api.get('/traceability?unit=STRAL1');
      expect(ofUnit.body.map((e: any) => [e.streamId, e.unit])).toEqual([[inWard, 'STRAL1']]);
      const below = await t.api.get('/traceability?unit=ONK&includeSubunits=true');
      expect(below.body.map((e: any) => e.streamId)).toEqual([inWard]);
      expect((await t.api.get('/traceability?unit=ONK')).body).toEqual([]);
      const refused = await t.api.get('/traceability?includeSubunits=true');
      expect([refused.status, refused.body.field]).toEqual([400, 'includeSubunits']);
    });
  });
});
