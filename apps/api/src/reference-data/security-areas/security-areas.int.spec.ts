import { SECURITY_AREAS, SEEDED_REPORTING_OBLIGATIONS } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import {
  ACTOR,
  expectInvalidField,
  riskBody,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';
import { createTestDatabase } from '../../../../../test/support/test-database';
import { ReferenceDataQueries } from '@riskledger/read-models';
import type { DataSource } from 'typeorm';
import { StoredReferenceData } from '../../shared/reference-data';
import { ReferenceDataSeeding, SEEDING_ACTOR } from '../reference-data-seeding';

const storedReferenceData = (dataSource: DataSource) =>
  new StoredReferenceData(new ReferenceDataQueries(dataSource));

const physicalSecurity = {
  code: 'PHYSICAL_SECURITY',
  sv: 'Fysisk säkerhet',
  en: 'Physical security',
};

describe('security areas', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  const area = async (code: string) =>
    (await t.api.get('/security-areas')).body.find((a: { code: string }) => a.code === code);

  describe('seeding at start', () => {
    it('registers the 14 areas of the annual security report, built in, and matrix version 1', async () => {
      const response = await t.api.get('/security-areas');

      expect(response.status).toBe(200);
      const builtIn = response.body.filter((a: { builtIn: boolean }) => a.builtIn);
      expect(builtIn.map((a: { code: string }) => a.code).sort()).toEqual(
        SECURITY_AREAS.map((a) => a.code).sort(),
      );
      expect(await area('FIRE_SAFETY')).toMatchObject({
        sv: 'Brandsäkerhet',
        en: 'Fire safety',
        builtIn: true,
        responsible: null,
        retired: false,
        updatedBy: SEEDING_ACTOR,
      });
      const [event] = await t.store.readStream('security-area:FIRE_SAFETY');
      expect(event).toMatchObject({
        streamType: 'security-area',
        type: 'SecurityAreaRegistered',
        metadata: { actor: SEEDING_ACTOR, reason: 'Built-in reference data' },
      });
      expect(await t.store.readStream('risk-matrix')).toHaveLength(1);
    });

    it('adds nothing when run again', async () => {
      const before = await t.eventCount();
      const seeding = new ReferenceDataSeeding(
        t.store,
        t.db.dataSource,
        storedReferenceData(t.db.dataSource),
      );

      expect(await seeding.seedMissing()).toBe(0);
      await seeding.onApplicationBootstrap();
      expect(await t.eventCount()).toBe(before);
    });

    it('seeds each stream once when several processes start at once', async () => {
      const db = await createTestDatabase();
      try {
        const store = new PostgresEventStore(db.dataSource);
        const seedings = Array.from(
          { length: 4 },
          () => new ReferenceDataSeeding(store, db.dataSource, storedReferenceData(db.dataSource)),
        );

        await Promise.all(seedings.map((s) => s.onApplicationBootstrap()));

        const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM events`);
        expect(n).toBe(SECURITY_AREAS.length + 1 + SEEDED_REPORTING_OBLIGATIONS.length);
        const [{ areas }] = await db.dataSource.query(
          `SELECT count(*)::int AS areas FROM security_areas`,
        );
        expect(areas).toBe(SECURITY_AREAS.length);
      } finally {
        await db.drop();
      }
    });
  });

  describe('POST /security-areas', () => {
    it("registers the region's own area, usable at once for a new risk", async () => {
      const response = await t.api.post('/security-areas', {
        ...physicalSecurity,
        responsible: ' erik.lind@region.se ',
      });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ code: 'PHYSICAL_SECURITY', version: 1 });
      const [event] = await t.store.readStream('security-area:PHYSICAL_SECURITY');
      expect(event).toMatchObject({
        type: 'SecurityAreaRegistered',
        data: { ...physicalSecurity, builtIn: false, responsible: 'erik.lind@region.se' },
        metadata: { actor: ACTOR },
      });
      expect(await area('PHYSICAL_SECURITY')).toMatchObject({
        builtIn: false,
        retired: false,
        responsible: 'erik.lind@region.se',
        updatedBy: ACTOR,
      });
      const risk = await t.api.post('/risks', riskBody({ area: 'PHYSICAL_SECURITY' }));
      expect(risk.status).toBe(201);
    });

    it('refuses a code already registered with 409, saying so', async () => {
      const response = await t.refused(() =>
        t.api.post('/security-areas', { ...physicalSecurity, code: 'FIRE_SAFETY' }),
      );

      expect(response.status).toBe(409);
      expect(response.body.message).toBe('security area FIRE_SAFETY is already registered');
    });

    it.each([
      ['code', { ...physicalSecurity, code: 'physical security' }],
      ['sv', { ...physicalSecurity, code: 'PROTECTIVE_SECURITY', sv: '' }],
      ['en', { code: 'PROTECTIVE_SECURITY', sv: 'Säkerhetsskydd' }],
    ])('refuses a bad %s with 400 naming the field', async (field, body) => {
      expectInvalidField(await t.refused(() => t.api.post('/security-areas', body)), field);
    });

    it('refuses a write without a token (401)', async () => {
      const response = await t.refused(() =>
        t.client().post('/security-areas', { ...physicalSecurity, code: 'PROTECTIVE_SECURITY' }),
      );
      expect(response.status).toBe(401);
    });
  });

  describe('POST /security-areas/:code/responsible', () => {
    it('assigns a responsible person to a built-in area, with the reason', async () => {
      const response = await t.api.post('/security-areas/PATIENT_SAFETY/responsible', {
        responsible: 'sara.ek@region.se',
        reason: 'Appointed by the board',
      });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ code: 'PATIENT_SAFETY', version: 2 });
      const [, event] = await t.store.readStream('security-area:PATIENT_SAFETY');
      expect(event).toMatchObject({
        type: 'SecurityAreaResponsibleAssigned',
        data: { code: 'PATIENT_SAFETY', responsible: 'sara.ek@region.se' },
        metadata: { reason: 'Appointed by the board' },
      });
      expect(await area('PATIENT_SAFETY')).toMatchObject({ responsible: 'sara.ek@region.se' });
    });

    it('refuses with 409 when If-Match no longer holds', async () => {
      const response = await t.refused(() =>
        t.api.post(
          '/security-areas/PATIENT_SAFETY/responsible',
          { responsible: 'nils.holm@region.se' },
          { 'If-Match': '"1"' },
        ),
      );
      expect(response.status).toBe(409);
    });

    it('answers 404 for an unknown area', async () => {
      const response = await t.refused(() =>
        t.api.post('/security-areas/NO_SUCH_AREA/responsible', { responsible: 'a@region.se' }),
      );
      expect(response.status).toBe(404);
      expect(response.body.message).toBe('security area NO_SUCH_AREA does not exist');
    });

    it('refuses a code no area can have with 400', async () => {
      const response = await t.refused(() =>
        t.api.post('/security-areas/fire%00safety/responsible', { responsible: 'a@region.se' }),
      );
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('code must be a security area code');
    });

    it('refuses a missing responsible person with 400 naming the field', async () => {
      expectInvalidField(
        await t.refused(() => t.api.post('/security-areas/PATIENT_SAFETY/responsible', {})),
        'responsible',
      );
    });
  });

  describe('POST /security-areas/:code/retirement', () => {
    it('retires an area: still listed, flagged, and refused for new risks', async () => {
      await t.api.post('/security-areas', { ...physicalSecurity, code: 'PERSONAL_SECURITY' });

      const response = await t.api.post('/security-areas/PERSONAL_SECURITY/retirement', {
        reason: 'Merged into physical security',
      });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ code: 'PERSONAL_SECURITY', version: 2 });
      expect(await area('PERSONAL_SECURITY')).toMatchObject({
        retired: true,
        retiredReason: 'Merged into physical security',
      });
      expectInvalidField(
        await t.refused(() => t.api.post('/risks', riskBody({ area: 'PERSONAL_SECURITY' }))),
        'area',
      );
    });

    it('refuses to retire an area twice, or to give it a responsible person, with 409', async () => {
      const again = await t.refused(() =>
        t.api.post('/security-areas/PERSONAL_SECURITY/retirement', { reason: 'Again' }),
      );
      expect(again.status).toBe(409);
      expect(again.body.message).toBe(
        'security area PERSONAL_SECURITY is retired, so you cannot retire it again',
      );
      const assign = await t.refused(() =>
        t.api.post('/security-areas/PERSONAL_SECURITY/responsible', { responsible: 'a@region.se' }),
      );
      expect(assign.status).toBe(409);
    });

    it('refuses a missing reason with 400 naming the field', async () => {
      expectInvalidField(
        await t.refused(() =>
          t.api.post('/security-areas/FIRE_SAFETY/retirement', { reason: ' ' }),
        ),
        'reason',
      );
    });
  });
});
