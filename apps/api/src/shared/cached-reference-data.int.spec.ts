import type { AppConfig } from '@riskledger/config';
import { PostgresEventStore } from '@riskledger/event-store';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { randomUUID } from 'node:crypto';
import {
  expectInvalidField,
  riskBody,
  registerUnits,
  startApi,
  type ApiUnderTest,
} from '../../../../test/support/api-under-test';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { StreamVisibility } from '../access/stream-visibility';
import { ReferenceDataSeeding } from '../reference-data/reference-data-seeding';
import { CachedReferenceData } from './cached-reference-data';
import { CommandExecutor } from './command-executor';
import { StoredReferenceData } from './reference-data';
import { announceReferenceDataChange } from './reference-data-changes';
import { securityAreaWrite } from './stream-writes';

const UNIT = 'Hospital North / Ward 12';

/** The reference-data check of new risks and incidents, kept between requests: when it reads again. */
describe('CachedReferenceData', () => {
  let db: TestDatabase;
  let queries: ReferenceDataQueries;
  let cache: CachedReferenceData;
  const caches: CachedReferenceData[] = [];

  async function listeningCache(): Promise<CachedReferenceData> {
    const started = new CachedReferenceData(queries, { DATABASE_URL: db.url } as AppConfig);
    caches.push(started);
    started.onModuleInit();
    for (let waited = 0; !started['listening']; waited += 10) {
      if (waited > 5000) throw new Error('the cache never listened');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return started;
  }

  const retired = async (code: string) =>
    !(await cache.forNewRecord(UNIT)).activeAreas.includes(code);

  beforeAll(async () => {
    db = await createTestDatabase();
    queries = new ReferenceDataQueries(db.dataSource);
    const store = new PostgresEventStore(db.dataSource);
    await new ReferenceDataSeeding(
      store,
      db.dataSource,
      new StoredReferenceData(queries),
    ).seedMissing();
  });
  beforeEach(async () => {
    cache = await listeningCache();
    jest.spyOn(queries, 'forNewRecord');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(caches.splice(0).map((c) => c.onModuleDestroy()));
  });
  afterAll(() => db?.drop());

  it('reads once per unit, then answers from memory, for at most a second without news', async () => {
    const first = await cache.forNewRecord(UNIT);
    expect(first.activeAreas).toContain('FIRE_SAFETY');
    expect(first).toMatchObject({ unitKnown: true, matrix: { version: 1 } });
    await db.dataSource.query(
      `UPDATE security_areas SET retired = true WHERE code = 'FIRE_SAFETY'`,
    );
    try {
      // Changed past the API, without a notification: still the first read.
      expect(await cache.forNewRecord(UNIT)).toEqual(first);
      expect(queries.forNewRecord).toHaveBeenCalledTimes(1);
      await cache.forNewRecord('Hospital South');
      expect(queries.forNewRecord).toHaveBeenCalledTimes(2);

      const now = Date.now();
      jest.spyOn(Date, 'now').mockReturnValue(now + 1001);
      expect(await retired('FIRE_SAFETY')).toBe(true);
    } finally {
      await db.dataSource.query(
        `UPDATE security_areas SET retired = false WHERE code = 'FIRE_SAFETY'`,
      );
    }
  });

  it('reads again when another process commits a change, and not for one rolled back', async () => {
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now); // no second passes: only the notification tells
    expect(await retired('IT_SECURITY')).toBe(false);

    await db.dataSource
      .transaction(async (manager) => {
        await manager.query(`UPDATE security_areas SET retired = true WHERE code = 'IT_SECURITY'`);
        await announceReferenceDataChange(manager);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(queries.forNewRecord).toHaveBeenCalledTimes(1);

    await db.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE security_areas SET retired = true WHERE code = 'IT_SECURITY'`);
      await announceReferenceDataChange(manager);
    });
    for (let waited = 0; !(await retired('IT_SECURITY')); waited += 10) {
      if (waited > 5000) throw new Error('the change was never noticed');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await db.dataSource.query(
      `UPDATE security_areas SET retired = false WHERE code = 'IT_SECURITY'`,
    );
  });

  it("forgets this process's own change once it commits, before the writer answers", async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.now());
    const executor = new CommandExecutor(
      new PostgresEventStore(db.dataSource),
      new StreamVisibility(cache),
      db.dataSource,
      cache,
    );
    expect(await retired('PATIENT_SAFETY')).toBe(false);
    // Deaf to notifications, as if this one were late: only what the writer does counts here.
    await cache.onModuleDestroy();
    cache['listening'] = true;

    await executor.execute(
      securityAreaWrite(
        { type: 'RetireSecurityArea', code: 'PATIENT_SAFETY', reason: 'merged' },
        {
          actor: 'admin@region.se',
          actorName: 'admin@region.se',
          roles: ['ADMINISTRATOR'],
          requestId: randomUUID(),
          correlationId: randomUUID(),
        },
      ),
    );

    expect(await retired('PATIENT_SAFETY')).toBe(true);
  });

  it("remembers a unit's subtree (a grant's reach) until a change is announced", async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.now());
    jest.spyOn(queries, 'unitSubtreeCodes');
    const unit = (code: string, parent: string[]) =>
      db.dataSource.query(
        `INSERT INTO organisational_units (code, name, kind, parent_code, path, open, registered_at, updated_at, updated_by)
         VALUES ($1, $1, 'UNIT', $2, $3, true, now(), now(), 'test')`,
        [code, parent.at(-1) ?? null, [...parent, code]],
      );
    await unit('SUB-RV', []);
    expect(await cache.unitSubtree('SUB-RV')).toEqual(['SUB-RV']);

    await unit('SUB-HN', ['SUB-RV']);
    expect(await cache.unitSubtree('SUB-RV')).toEqual(['SUB-RV']);
    expect(queries.unitSubtreeCodes).toHaveBeenCalledTimes(1);

    await db.dataSource.transaction((manager) => announceReferenceDataChange(manager));
    for (let waited = 0; (await cache.unitSubtree('SUB-RV')).length < 2; waited += 10) {
      if (waited > 5000) throw new Error('the change was never noticed');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await cache.unitSubtree('SUB-RV')).toEqual(['SUB-RV', 'SUB-HN']);
    await db.dataSource.query(`DELETE FROM organisational_units WHERE code LIKE 'SUB-%'`);
  });

  it('keeps nothing while it does not listen (notifications could be missed)', async () => {
    const deaf = new CachedReferenceData(queries, { DATABASE_URL: db.url } as AppConfig);
    await deaf.forNewRecord(UNIT);
    await deaf.forNewRecord(UNIT);
    expect(queries.forNewRecord).toHaveBeenCalledTimes(2);
  });
});

describe('the reference data of an API process, after changes made through it', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  it('lets a caller limited to a unit write at once on a unit registered below it', async () => {
    await registerUnits(t.api, [['RV'], ['HN', 'RV']]);
    const ownerOfHN = { 'X-Actor': 'hn.owner', 'X-Actor-Role': 'RISK_OWNER:unit=HN' };
    // Read (and kept) twice: the unit's reach and the checks of a new risk on it.
    for (let i = 0; i < 2; i++) {
      expect((await t.api.post('/risks', riskBody({ unit: 'HN' }), ownerOfHN)).status).toBe(201);
    }
    expect(
      (
        await t.api.post('/organisational-units', {
          code: 'HN-W7',
          name: 'Ward 7',
          kind: 'UNIT',
          parentCode: 'HN',
        })
      ).status,
    ).toBe(201);

    expect((await t.api.post('/risks', riskBody({ unit: 'HN-W7' }), ownerOfHN)).status).toBe(201);
  });

  it('refuses at once an area retired through it, after risks in it were checked', async () => {
    expect((await t.api.post('/risks', riskBody({ area: 'FIRE_SAFETY', unit: 'HN' }))).status).toBe(
      201,
    );
    const retired = await t.api.post('/security-areas/FIRE_SAFETY/retirement', {
      reason: 'merged',
    });
    expect(retired.status).toBe(201);

    expectInvalidField(
      await t.refused(() => t.api.post('/risks', riskBody({ area: 'FIRE_SAFETY', unit: 'HN' }))),
      'area',
    );
  });
});
