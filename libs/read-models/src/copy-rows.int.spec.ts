import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { copyRows, textArray } from './copy-rows';

describe('rows written by COPY (PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(
      `CREATE TABLE copied (t text, a text[], j jsonb, d date, b boolean, v varchar(3))`,
    );
  });
  afterAll(() => db?.drop());

  it('reads back every value as written: escapes, arrays, JSON, NULL', async () => {
    const awkward = 'tab\there, "quoted", back\\slash, {braces}, new\nline, NULL, \\N';
    const values = [awkward, '', 'NULL', 'a,b'];
    await db.dataSource.transaction((manager) =>
      copyRows(
        manager,
        'copied',
        ['t', 'a', 'j', 'd', 'b'],
        [
          [awkward, textArray(values), { note: awkward, list: [1, null] }, '2026-12-06', true],
          [null, textArray([]), null, null, false],
        ],
      ),
    );
    const rows = await db.dataSource.query(`SELECT t, a, j, d::text AS d, b FROM copied`);
    expect(rows).toEqual([
      { t: awkward, a: values, j: { note: awkward, list: [1, null] }, d: '2026-12-06', b: true },
      { t: null, a: [], j: null, d: null, b: false },
    ]);
  });

  it("fails with the server's refusal, and writes nothing of it", async () => {
    await expect(
      db.dataSource.transaction((manager) =>
        copyRows(
          manager,
          'copied',
          ['t', 'v'],
          [
            ['kept?', 'abc'],
            ['refused', 'abcd'],
          ],
        ),
      ),
    ).rejects.toThrow(/too long for type character varying\(3\)/);
    expect(
      await db.dataSource.query(`SELECT t FROM copied WHERE t IN ('kept?', 'refused')`),
    ).toEqual([]);
  });
});
