import { randomUUID } from 'node:crypto';
import {
  ACTOR,
  expectInvalidField,
  startApi,
  UUID,
  type ApiUnderTest,
} from '../../../../test/support/api-under-test';

/** The writes on an identified risk: assess it, plan a mitigation, apply it; each may be conditional. */
describe('changing a risk', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  describe('POST /risks/:id/assessments', () => {
    const assessment = { likelihood: 2, consequence: 4 };

    it('answers 201 with the new version and appends RiskAssessed with the reason, trimmed', async () => {
      const riskId = await t.givenRisk({ likelihood: 4, consequence: 4 });

      const response = await t.api.post(`/risks/${riskId}/assessments`, {
        ...assessment,
        reason: '  Door closer replaced  ',
      });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ version: 3, warnings: [] });
      const events = await t.store.readStream(riskId);
      expect(events).toHaveLength(3);
      expect(events[2]).toMatchObject({
        streamVersion: 3,
        type: 'RiskAssessed',
        data: {
          riskId,
          likelihood: 2,
          consequence: 4,
          score: 8,
          level: 'MEDIUM',
          matrixVersion: 1,
        },
        metadata: {
          actor: ACTOR,
          reason: 'Door closer replaced',
          causationId: response.headers.get('x-request-id'),
        },
      });
    });

    it('stores no reason when none is given', async () => {
      const riskId = await t.givenRisk();

      const response = await t.api.post(`/risks/${riskId}/assessments`, assessment);

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ version: 2, warnings: [] });
      const [, assessed] = await t.store.readStream(riskId);
      expect(assessed.metadata.reason).toBeNull();
    });

    it('answers 404 for a risk that does not exist', async () => {
      const riskId = randomUUID();

      const response = await t.refused(() =>
        t.api.post(`/risks/${riskId}/assessments`, assessment),
      );

      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({
        error: 'Not Found',
        message: `risk ${riskId} does not exist`,
      });
    });

    it('answers 404 for the id of an incident, which is no risk', async () => {
      const incident = await t.api.post('/incidents', {
        title: 'Door found open',
        description: 'Found open at night.',
        area: 'PHARMACEUTICALS',
        unit: 'Ward 12',
        kind: 'DEVIATION',
        occurredAt: '2026-01-10T03:10:00+01:00',
      });
      expect(incident.status).toBe(201);

      const response = await t.refused(() =>
        t.api.post(`/risks/${incident.body.id}/assessments`, assessment),
      );

      expect(response.status).toBe(404);
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const response = await t.refused(() =>
        t.api.post('/risks/not-a-uuid/assessments', assessment),
      );

      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/uuid/i);
    });

    it.each([
      ['likelihood', { consequence: 3 }],
      ['likelihood', { likelihood: 0, consequence: 3 }],
      ['likelihood', { likelihood: 2.5, consequence: 3 }],
      ['consequence', { likelihood: 3, consequence: 6 }],
      ['consequence', { likelihood: 3, consequence: '4' }],
      ['reason', { ...assessment, reason: 7 }],
      ['score', { ...assessment, score: 8 }],
    ])('refuses a wrong %s: %j', async (field, body) => {
      const riskId = await t.givenRisk();

      expectInvalidField(
        await t.refused(() => t.api.post(`/risks/${riskId}/assessments`, body)),
        field,
      );
    });

    describe('with If-Match', () => {
      it.each(['"1"', 'W/"1"', '1'])(
        'appends when %s is the version of the risk',
        async (ifMatch) => {
          const riskId = await t.givenRisk();

          const response = await t.api.post(`/risks/${riskId}/assessments`, assessment, {
            'If-Match': ifMatch,
          });

          expect(response.status).toBe(201);
          expect(response.body).toEqual({ version: 2, warnings: [] });
        },
      );

      it('answers 409 with the current version when the risk has moved on', async () => {
        const riskId = await t.givenRisk({ likelihood: 1, consequence: 1 });

        const response = await t.refused(() =>
          t.api.post(`/risks/${riskId}/assessments`, assessment, { 'If-Match': '"1"' }),
        );

        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({
          statusCode: 409,
          error: 'Conflict',
          currentVersion: 2,
        });
        expect(response.body.message).toContain('version 2');
      });

      it.each(['abc', '*', '"-1"', '"1.5"', '"1234567890"'])(
        'answers 400 for the malformed If-Match %s',
        async (ifMatch) => {
          const riskId = await t.givenRisk();

          const response = await t.refused(() =>
            t.api.post(`/risks/${riskId}/assessments`, assessment, { 'If-Match': ifMatch }),
          );

          expect(response.status).toBe(400);
          expect(response.body.message).toContain('If-Match');
        },
      );

      it('lets exactly one of 50 concurrent writers with the same If-Match win; versions stay gapless', async () => {
        const riskId = await t.givenRisk({ likelihood: 3, consequence: 3 });

        const responses = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            t.api.post(
              `/risks/${riskId}/assessments`,
              { likelihood: (i % 5) + 1, consequence: 2, reason: `writer ${i}` },
              { 'If-Match': '"2"' },
            ),
          ),
        );

        const won = responses.filter((r) => r.status === 201);
        const lost = responses.filter((r) => r.status === 409);
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(49);
        expect(won[0].body).toEqual({ version: 3, warnings: [] });
        // A writer that read version 2 after the winner committed learns the current version; one
        // that lost the race on the insert itself only learns that it lost (currentVersion null).
        for (const loser of lost) expect([3, null]).toContain(loser.body.currentVersion);
        const events = await t.store.readStream(riskId);
        expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
        expect(events[2].metadata.causationId).toBe(won[0].headers.get('x-request-id'));
      });
    });

    it('without If-Match, 50 concurrent writers each commit or get 409; none is lost, versions stay gapless', async () => {
      const riskId = await t.givenRisk({ likelihood: 3, consequence: 3 });

      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          t.api.post(`/risks/${riskId}/assessments`, {
            likelihood: (i % 5) + 1,
            consequence: 2,
            reason: `writer ${i}`,
          }),
        ),
      );

      const won = responses.filter((r) => r.status === 201);
      const lost = responses.filter((r) => r.status === 409);
      expect(won.length + lost.length).toBe(50);
      // A lost race is decided again (up to three attempts) when the caller named no version.
      expect(won.length).toBeGreaterThan(1);
      const events = await t.store.readStream(riskId);
      expect(events.map((e) => e.streamVersion)).toEqual(
        Array.from({ length: events.length }, (_, i) => i + 1),
      );
      const appended = events.slice(2);
      expect(appended.every((e) => e.type === 'RiskAssessed')).toBe(true);
      expect(appended).toHaveLength(won.length);
      // Each 201 is exactly one appended assessment, by its request, at the version it answered.
      expect(appended.map((e) => e.metadata.causationId).sort()).toEqual(
        won.map((r) => r.headers.get('x-request-id')).sort(),
      );
      expect(won.map((r) => r.body.version).sort((a, b) => a - b)).toEqual(
        appended.map((e) => e.streamVersion),
      );
      for (const loser of lost) expect(loser.body.message).toMatch(/version|concurrently/);
      process.stdout.write(
        `[int] 50 concurrent assessments without If-Match: ${won.length} committed, ` +
          `${lost.length} got 409 after three attempts; versions 1..${events.length} gapless\n`,
      );
    });
  });

  describe('POST /risks/:id/mitigations', () => {
    const mitigation = {
      title: 'Card access on the medicine room',
      kind: 'LIMIT',
      owner: 'facilities@region.se',
      dueDate: '2026-12-31',
    };

    it('answers 201 with the mitigation id and the new version, and appends MitigationPlanned', async () => {
      const riskId = await t.givenRisk();

      const response = await t.api.post(`/risks/${riskId}/mitigations`, {
        ...mitigation,
        title: ' Card access on the medicine room ',
      });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ mitigationId: expect.stringMatching(UUID), version: 2 });
      const [, planned] = await t.store.readStream(riskId);
      expect(planned).toMatchObject({
        streamVersion: 2,
        type: 'MitigationPlanned',
        data: { riskId, mitigationId: response.body.mitigationId, ...mitigation },
        metadata: { actor: ACTOR, causationId: response.headers.get('x-request-id') },
      });
    });

    it('plans without owner and due date', async () => {
      const riskId = await t.givenRisk();

      const response = await t.api.post(`/risks/${riskId}/mitigations`, {
        title: 'Log checks',
        kind: 'MONITOR',
      });

      expect(response.status).toBe(201);
      const [, planned] = await t.store.readStream(riskId);
      expect(planned.data).toMatchObject({ kind: 'MONITOR', owner: null, dueDate: null });
    });

    it.each([
      ['kind', { kind: 'AVOID' }],
      ['kind', { kind: undefined }],
      ['title', { title: undefined }],
      ['title', { title: '   ' }],
      ['dueDate', { dueDate: '2026-02-30' }],
      ['dueDate', { dueDate: '2026-1-1' }],
      ['dueDate', { dueDate: 20261231 }],
      ['owner', { owner: ['a'] }],
      ['cost', { cost: 100 }],
    ])('refuses a wrong %s: %j', async (field, overrides) => {
      const riskId = await t.givenRisk();

      const response = await t.refused(() =>
        t.api.post(`/risks/${riskId}/mitigations`, { ...mitigation, ...overrides }),
      );

      expectInvalidField(response, field);
    });

    it('names dueDate from the domain for a date that is not in the calendar', async () => {
      const riskId = await t.givenRisk();

      const response = await t.refused(() =>
        t.api.post(`/risks/${riskId}/mitigations`, { ...mitigation, dueDate: '2026-02-30' }),
      );

      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        field: 'dueDate',
      });
    });

    it('answers 404 for a risk that does not exist, 400 for an id that is not a UUID', async () => {
      const unknown = await t.refused(() =>
        t.api.post(`/risks/${randomUUID()}/mitigations`, mitigation),
      );
      const malformed = await t.refused(() => t.api.post('/risks/12/mitigations', mitigation));

      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toMatch(/^risk .* does not exist$/);
      expect(malformed.status).toBe(400);
    });

    it('answers 409 with the current version when If-Match is behind', async () => {
      const riskId = await t.givenRisk({ likelihood: 2, consequence: 2 });

      const response = await t.refused(() =>
        t.api.post(`/risks/${riskId}/mitigations`, mitigation, { 'If-Match': '"1"' }),
      );

      expect(response.status).toBe(409);
      expect(response.body.currentVersion).toBe(2);
    });
  });

  describe('POST /risks/:id/mitigations/:mitigationId/applied', () => {
    /** A risk with one planned mitigation: version 2. */
    async function givenPlannedMitigation(): Promise<{ riskId: string; mitigationId: string }> {
      const riskId = await t.givenRisk();
      const planned = await t.api.post(`/risks/${riskId}/mitigations`, {
        title: 'Card access',
        kind: 'LIMIT',
      });
      expect(planned.status).toBe(201);
      return { riskId, mitigationId: planned.body.mitigationId };
    }

    it('answers 201 with the new version and appends MitigationApplied with the note', async () => {
      const { riskId, mitigationId } = await givenPlannedMitigation();

      const response = await t.api.post(`/risks/${riskId}/mitigations/${mitigationId}/applied`, {
        note: 'Card reader installed',
      });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ version: 3 });
      const events = await t.store.readStream(riskId);
      expect(events[2]).toMatchObject({
        streamVersion: 3,
        type: 'MitigationApplied',
        data: { riskId, mitigationId, note: 'Card reader installed' },
        metadata: { actor: ACTOR, causationId: response.headers.get('x-request-id') },
      });
    });

    it('applies without a body', async () => {
      const { riskId, mitigationId } = await givenPlannedMitigation();

      const response = await t.api.post(`/risks/${riskId}/mitigations/${mitigationId}/applied`);

      expect(response.status).toBe(201);
      expect((await t.store.readStream(riskId))[2].data).toMatchObject({ note: null });
    });

    it('answers 404 for a mitigation that was never planned on the risk', async () => {
      const { riskId } = await givenPlannedMitigation();
      const unknown = randomUUID();

      const response = await t.refused(() =>
        t.api.post(`/risks/${riskId}/mitigations/${unknown}/applied`),
      );

      expect(response.status).toBe(404);
      expect(response.body.message).toBe(`mitigation ${unknown} does not exist`);
    });

    it('answers 404 for a risk that does not exist', async () => {
      const { mitigationId } = await givenPlannedMitigation();

      const response = await t.refused(() =>
        t.api.post(`/risks/${randomUUID()}/mitigations/${mitigationId}/applied`),
      );

      expect(response.status).toBe(404);
    });

    it('answers 409 naming the rule when the mitigation is applied a second time', async () => {
      const { riskId, mitigationId } = await givenPlannedMitigation();
      const path = `/risks/${riskId}/mitigations/${mitigationId}/applied`;
      expect((await t.api.post(path)).status).toBe(201);

      const response = await t.refused(() => t.api.post(path, { note: 'again' }));

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        error: 'Conflict',
        rule: 'mitigation-already-applied',
        message: `mitigation ${mitigationId} has already been applied`,
      });
    });

    it.each([
      ['id', (m: string) => `/risks/nope/mitigations/${m}/applied`],
      ['mitigationId', () => `/risks/${randomUUID()}/mitigations/nope/applied`],
    ])('answers 400 when %s is not a UUID', async (_, path) => {
      const { mitigationId } = await givenPlannedMitigation();

      const response = await t.refused(() => t.api.post(path(mitigationId)));

      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/uuid/i);
    });

    it.each([
      ['note', { note: 42 }],
      ['note', { note: 'x'.repeat(2001) }],
      ['appliedAt', { appliedAt: '2026-01-01' }],
    ])('refuses a wrong %s', async (field, body) => {
      const { riskId, mitigationId } = await givenPlannedMitigation();

      const response = await t.refused(() =>
        t.api.post(`/risks/${riskId}/mitigations/${mitigationId}/applied`, body),
      );

      expectInvalidField(response, field);
    });

    it('answers 409 with the current version when If-Match is behind', async () => {
      const { riskId, mitigationId } = await givenPlannedMitigation();

      const response = await t.refused(() =>
        t.api.post(
          `/risks/${riskId}/mitigations/${mitigationId}/applied`,
          {},
          { 'If-Match': '"1"' },
        ),
      );

      expect(response.status).toBe(409);
      expect(response.body.currentVersion).toBe(2);
    });
  });
});
