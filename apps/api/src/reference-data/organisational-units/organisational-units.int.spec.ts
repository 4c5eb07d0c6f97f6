import {
  OrganisationalUnitsProjection,
  ReferenceDataQueries,
  unitSubtreeCondition,
  verifyProjection,
} from '@riskledger/read-models';
import {
  ACTOR,
  expectInvalidField,
  riskBody,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';
import { untilLogSettled } from '../../../../../test/support/log-settled';

interface Node {
  code: string;
  path: string[];
  open: boolean;
  children: Node[];
}

/** The tree as codes, e.g. { RV: { HSV: { MED: {} } } }, to compare shapes at a glance. */
const shape = (nodes: Node[]): Record<string, unknown> =>
  Object.fromEntries(nodes.map((n) => [n.code, shape(n.children)]));

describe('organisational units', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  const register = (code: string, parentCode: string | null, kind: string, name = `Unit ${code}`) =>
    t.api.post('/organisational-units', {
      code,
      name,
      kind,
      ...(parentCode === null ? {} : { parentCode }),
    });

  it('accepts any unit text on risks while the region has registered no units', async () => {
    const response = await t.api.post('/risks', riskBody({ unit: 'Hospital North / Ward 12' }));
    expect(response.status).toBe(201);
  });

  describe('POST /organisational-units', () => {
    it('registers the region and the tree below it, one stream for the whole organisation', async () => {
      const region = await register('RV', null, 'REGION', 'Region Värmland');
      expect(region.status).toBe(201);
      expect(region.body).toEqual({ code: 'RV', version: 1 });
      for (const [code, parent, kind] of [
        ['HSV', 'RV', 'ADMINISTRATION'],
        ['FTV', 'RV', 'COMPANY'],
        ['MED', 'HSV', 'DEPARTMENT'],
        ['SURG', 'HSV', 'DEPARTMENT'],
        ['WARD12', 'MED', 'UNIT'],
        ['WARD14', 'MED', 'UNIT'],
      ]) {
        expect((await register(code, parent, kind)).status).toBe(201);
      }

      const events = await t.store.readStream('organisation');
      expect(events).toHaveLength(7);
      expect(events[5]).toMatchObject({
        streamType: 'organisation',
        type: 'OrganisationalUnitRegistered',
        data: { code: 'WARD12', name: 'Unit WARD12', parentCode: 'MED', kind: 'UNIT' },
        metadata: { actor: ACTOR },
      });
      const tree = await t.api.get('/organisational-units');
      expect(tree.status).toBe(200);
      expect(shape(tree.body)).toEqual({
        RV: { FTV: {}, HSV: { MED: { WARD12: {}, WARD14: {} }, SURG: {} } },
      });
    });

    it('refuses a unit under an unknown parent with 400 naming parentCode', async () => {
      expectInvalidField(await t.refused(() => register('X1', 'NOPE', 'UNIT')), 'parentCode');
    });

    it('refuses a second region and a taken code with 409, saying why', async () => {
      const region = await t.refused(() => register('RV2', null, 'REGION'));
      expect(region.status).toBe(409);
      expect(region.body.message).toBe(
        'the organisation already has its region RV; register the new unit below it',
      );
      const taken = await t.refused(() => register('MED', 'HSV', 'DEPARTMENT'));
      expect(taken.status).toBe(409);
    });

    it.each([
      ['code', { code: 'ward 12', name: 'W', kind: 'UNIT', parentCode: 'MED' }],
      ['name', { code: 'W1', name: '', kind: 'UNIT', parentCode: 'MED' }],
      ['kind', { code: 'W1', name: 'W', kind: 'WARD', parentCode: 'MED' }],
    ])('refuses a bad %s with 400 naming the field', async (field, body) => {
      expectInvalidField(await t.refused(() => t.api.post('/organisational-units', body)), field);
    });
  });

  describe('GET /organisational-units/:code', () => {
    it('answers the unit with everything below it', async () => {
      const response = await t.api.get('/organisational-units/HSV');

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ code: 'HSV', path: ['RV', 'HSV'], open: true });
      expect(shape([response.body])).toEqual({
        HSV: { MED: { WARD12: {}, WARD14: {} }, SURG: {} },
      });
    });

    it('answers 404 for an unknown unit', async () => {
      expect((await t.api.get('/organisational-units/NOPE')).status).toBe(404);
    });

    it('answers 400 for a code no unit can have, e.g. with a NUL byte', async () => {
      const response = await t.api.get('/organisational-units/%00');
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('code must be a unit code');
    });
  });

  describe('once units are registered, risks must name an open one', () => {
    it('accepts a registered unit and refuses an unknown one with 400 naming unit', async () => {
      expect((await t.api.post('/risks', riskBody({ unit: 'WARD12' }))).status).toBe(201);
      expectInvalidField(
        await t.refused(() => t.api.post('/risks', riskBody({ unit: 'Hospital North / Ward 12' }))),
        'unit',
      );
    });
  });

  describe('POST /organisational-units/:code/name', () => {
    it('renames a unit, keeping its code', async () => {
      const response = await t.api.post('/organisational-units/MED/name', {
        name: 'Medicin och akut',
        reason: 'Merged with the emergency department',
      });

      expect(response.status).toBe(201);
      expect((await t.api.get('/organisational-units/MED')).body.name).toBe('Medicin och akut');
    });

    it('answers 404 for an unknown unit and 400 naming name for a blank one', async () => {
      expect(
        (await t.refused(() => t.api.post('/organisational-units/NOPE/name', { name: 'X' })))
          .status,
      ).toBe(404);
      expectInvalidField(
        await t.refused(() => t.api.post('/organisational-units/MED/name', { name: ' ' })),
        'name',
      );
    });
  });

  describe('POST /organisational-units/:code/parent', () => {
    it('moves a department with its units; their paths follow', async () => {
      const response = await t.api.post('/organisational-units/MED/parent', { parentCode: 'FTV' });

      expect(response.status).toBe(201);
      const [, , moved] = (await t.store.readStream('organisation')).slice(-3);
      expect(moved).toMatchObject({
        type: 'OrganisationalUnitMoved',
        data: { code: 'MED', parentCode: 'FTV', previousParentCode: 'HSV' },
      });
      expect((await t.api.get('/organisational-units/WARD14')).body.path).toEqual([
        'RV',
        'FTV',
        'MED',
        'WARD14',
      ]);
      expect(shape((await t.api.get('/organisational-units')).body)).toEqual({
        RV: { FTV: { MED: { WARD12: {}, WARD14: {} } }, HSV: { SURG: {} } },
      });
    });

    it('refuses to move a unit below itself with 409 saying it would make a cycle', async () => {
      const response = await t.refused(() =>
        t.api.post('/organisational-units/FTV/parent', { parentCode: 'WARD12' }),
      );

      expect(response.status).toBe(409);
      expect(response.body.message).toContain('the tree would become a cycle');
    });

    it('refuses with 409 when If-Match names an older version of the organisation', async () => {
      const response = await t.refused(() =>
        t.api.post(
          '/organisational-units/WARD12/parent',
          { parentCode: 'SURG' },
          { 'If-Match': '"3"' },
        ),
      );
      expect(response.status).toBe(409);
    });

    it('refuses a missing parentCode with 400 naming the field', async () => {
      expectInvalidField(
        await t.refused(() => t.api.post('/organisational-units/WARD12/parent', {})),
        'parentCode',
      );
    });
  });

  describe('POST /organisational-units/:code/closure', () => {
    it('refuses to close a unit with open units below it, naming them', async () => {
      const response = await t.refused(() =>
        t.api.post('/organisational-units/MED/closure', { reason: 'Reorganised' }),
      );
      expect(response.status).toBe(409);
      expect(response.body.message).toContain('(WARD12, WARD14)');
    });

    it('closes a unit: still in the tree, flagged, and refused on new risks', async () => {
      const response = await t.api.post('/organisational-units/WARD14/closure', {
        reason: 'Merged with ward 12',
      });

      expect(response.status).toBe(201);
      expect((await t.api.get('/organisational-units/WARD14')).body).toMatchObject({
        open: false,
        closedReason: 'Merged with ward 12',
      });
      expectInvalidField(
        await t.refused(() => t.api.post('/risks', riskBody({ unit: 'WARD14' }))),
        'unit',
      );
    });

    it('refuses a missing reason with 400 naming the field', async () => {
      expectInvalidField(
        await t.refused(() => t.api.post('/organisational-units/WARD12/closure', {})),
        'reason',
      );
    });
  });

  describe('the subtree of a unit, for register queries', () => {
    it('lists the codes of a unit and everything below it', async () => {
      const queries = new ReferenceDataQueries(t.db.dataSource);
      expect(await queries.unitSubtreeCodes('FTV')).toEqual(['FTV', 'MED', 'WARD12', 'WARD14']);
      expect(await queries.unitSubtreeCodes('NOPE')).toEqual([]);
    });

    it('gives a SQL condition matching the unit, its subtree, and free text only by itself', async () => {
      const rows: { unit: string }[] = await t.db.dataSource.query(
        `SELECT unit FROM (VALUES ('WARD12'), ('SURG'), ('MED'), ('Hospital North')) AS r(unit)
         WHERE ${unitSubtreeCondition('unit', 1)} ORDER BY unit`,
        ['FTV'],
      );
      expect(rows.map((r) => r.unit)).toEqual(['MED', 'WARD12']);
      const free: unknown[] = await t.db.dataSource.query(
        `SELECT unit FROM (VALUES ('Hospital North')) AS r(unit) WHERE ${unitSubtreeCondition('unit', 1)}`,
        ['Hospital North'],
      );
      expect(free).toHaveLength(1);
    });
  });

  it('keeps a read model equal to one rebuilt from the log', async () => {
    await untilLogSettled(t.db.dataSource);
    const comparison = await verifyProjection(
      t.db.dataSource,
      t.store,
      new OrganisationalUnitsProjection(),
    );
    expect(comparison.differences).toEqual([]);
    expect(comparison).toMatchObject({
      identical: true,
      liveRows: 7,
      checkpointDifferenceCount: 0,
    });
  });
});
