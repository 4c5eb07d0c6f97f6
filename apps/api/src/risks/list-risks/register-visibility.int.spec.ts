import type { Grant, Role } from '@riskledger/domain';
import fc from 'fast-check';
import { startApi, type ApiUnderTest } from '../../../../../test/support/api-under-test';
import { httpClient } from '../../../../../test/support/http';
import { signedIn } from '../../../../../test/support/sign-in';
import { PERMISSIONS } from '../../access/permissions';

/**
 * Visibility over both registers, generated: for random callers (roles, unit and area scopes,
 * cleared or not) over a fixed set of risks and incidents in a small organisation, every read
 * (list, total, CSV, matrix counts, one record, now and as of now) shows exactly what the rule
 * below allows. The rule is written here once, as plain code, independently of the SQL.
 */

const TREE: Record<string, string | null> = {
  RV: null,
  HSV: 'RV',
  FTV: 'RV',
  MED: 'HSV',
  SURG: 'HSV',
  WARD12: 'MED',
  WARD14: 'MED',
};
const KINDS: Record<string, string> = {
  RV: 'REGION',
  HSV: 'ADMINISTRATION',
  FTV: 'COMPANY',
  MED: 'DEPARTMENT',
  SURG: 'DEPARTMENT',
  WARD12: 'UNIT',
  WARD14: 'UNIT',
};
const UNITS = Object.keys(TREE);
const AREAS = ['PHARMACEUTICALS', 'IT_SECURITY', 'FIRE_SAFETY'];
const REPORTERS = ['rep.a', 'rep.b'];

/** Whether `unit` is `ancestor` or lies below it. */
function within(unit: string, ancestor: string): boolean {
  for (let u: string | null = unit; u !== null; u = TREE[u] ?? null) {
    if (u === ancestor) return true;
  }
  return false;
}

interface Caller {
  subject: string;
  grants: Grant[];
  cleared: boolean;
}

interface RiskRecord {
  id: string;
  unit: string;
  areas: string[];
  classification: 'OPEN' | 'RESTRICTED';
  inherent: [number, number] | null;
  current: [number, number] | null;
  target: [number, number] | null;
}

interface IncidentRecord {
  id: string;
  unit: string;
  area: string;
  reportedBy: string;
}

/** The grants through which `permission` reaches the caller; none means 403. */
type ReadPermission = 'risks.read' | 'incidents.read' | 'history.read';

const grantsFor = (caller: Caller, permission: ReadPermission) =>
  caller.grants.filter((g) => (PERMISSIONS[permission] as readonly Role[]).includes(g.role));

/** The rule: in a grant's units (subtrees) and areas; a reporter only their own; restricted only if cleared. */
function sees(
  caller: Caller,
  permission: ReadPermission,
  record: { unit: string; areas: string[]; restricted: boolean; reportedBy: string | null },
): boolean {
  if (record.restricted && !caller.cleared) return false;
  return grantsFor(caller, permission).some(
    (g) =>
      (g.units === null || g.units.some((u) => within(record.unit, u))) &&
      (g.areas === null || g.areas.some((a) => record.areas.includes(a))) &&
      (g.role !== 'REPORTER' || record.reportedBy === caller.subject),
  );
}

const riskVisible = (caller: Caller, r: RiskRecord, permission: ReadPermission = 'risks.read') =>
  sees(caller, permission, {
    unit: r.unit,
    areas: r.areas,
    restricted: r.classification === 'RESTRICTED',
    reportedBy: null,
  });

/** A history: 403 without the permission, else as the record's visibility through it. */
const historyStatus = (caller: Caller, visible: boolean) =>
  grantsFor(caller, 'history.read').length === 0 ? 403 : visible ? 200 : 404;

const incidentVisible = (
  caller: Caller,
  i: IncidentRecord,
  permission: ReadPermission = 'incidents.read',
) =>
  sees(caller, permission, {
    unit: i.unit,
    areas: [i.area],
    restricted: false,
    reportedBy: i.reportedBy,
  });

function matrixOf(cells: ([number, number] | null)[]): number[][] {
  const m = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 0));
  for (const cell of cells) if (cell) m[cell[0] - 1][cell[1] - 1] += 1;
  return m;
}

/** The first cell of each data row (the id), from an export. */
const csvIds = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split(',')[0]);

const sorted = (ids: string[]) => [...ids].sort();

describe('what each caller sees of the registers (property-based)', () => {
  let t: ApiUnderTest;
  const risks: RiskRecord[] = [];
  const incidents: IncidentRecord[] = [];

  beforeAll(async () => {
    t = await startApi();
    for (const [code, parent] of Object.entries(TREE)) {
      const registered = await t.api.post('/organisational-units', {
        code,
        name: `Unit ${code}`,
        kind: KINDS[code],
        ...(parent === null ? {} : { parentCode: parent }),
      });
      expect(registered.status).toBe(201);
    }
    const riskSpecs: Omit<RiskRecord, 'id'>[] = [
      ['WARD12', ['PHARMACEUTICALS'], 'OPEN', [4, 4], null, [2, 4]],
      ['WARD14', ['IT_SECURITY', 'FIRE_SAFETY'], 'RESTRICTED', [3, 5], [2, 5], null],
      ['MED', ['FIRE_SAFETY'], 'OPEN', null, null, null],
      ['SURG', ['IT_SECURITY'], 'OPEN', [5, 5], [4, 5], [1, 5]],
      ['HSV', ['PHARMACEUTICALS'], 'RESTRICTED', [1, 3], null, null],
      ['FTV', ['FIRE_SAFETY', 'PHARMACEUTICALS'], 'OPEN', [3, 3], null, [1, 1]],
      ['RV', ['IT_SECURITY'], 'OPEN', [4, 2], null, null],
      ['WARD12', ['FIRE_SAFETY'], 'RESTRICTED', [2, 3], [2, 2], null],
      ['SURG', ['PHARMACEUTICALS', 'IT_SECURITY'], 'OPEN', [4, 4], null, null],
    ].map(([unit, areas, classification, inherent, current, target]) => ({
      unit,
      areas,
      classification,
      inherent,
      current,
      target,
    })) as Omit<RiskRecord, 'id'>[];
    for (const spec of riskSpecs) {
      const [area, ...additionalAreas] = spec.areas;
      const id = await t.givenRisk({
        unit: spec.unit,
        area,
        additionalAreas,
        classification: spec.classification,
      });
      for (const [basis, cell] of [
        ['INHERENT', spec.inherent],
        ['CURRENT', spec.current],
        ['TARGET', spec.target],
      ] as const) {
        if (cell) {
          const assessed = await t.api.post(`/risks/${id}/assessments`, {
            basis,
            likelihood: cell[0],
            consequence: cell[1],
          });
          expect(assessed.status).toBe(201);
        }
      }
      await t.projectStream(id);
      risks.push({ id, ...spec });
    }
    const incidentSpecs: Omit<IncidentRecord, 'id'>[] = [
      { unit: 'WARD12', area: 'PHARMACEUTICALS', reportedBy: 'rep.a' },
      { unit: 'WARD14', area: 'IT_SECURITY', reportedBy: 'rep.b' },
      { unit: 'MED', area: 'FIRE_SAFETY', reportedBy: 'rep.a' },
      { unit: 'SURG', area: 'PHARMACEUTICALS', reportedBy: 'rep.b' },
      { unit: 'FTV', area: 'IT_SECURITY', reportedBy: 'rep.a' },
      { unit: 'RV', area: 'FIRE_SAFETY', reportedBy: 'rep.b' },
    ];
    for (const spec of incidentSpecs) {
      const reported = await t.api.post(
        '/incidents',
        {
          title: `Incident at ${spec.unit}`,
          description: 'Found during the round',
          kind: 'DEVIATION',
          area: spec.area,
          unit: spec.unit,
          occurredAt: '2026-11-20T03:10:00+01:00',
        },
        { 'X-Actor': spec.reportedBy },
      );
      expect(reported.status).toBe(201);
      await t.projectStream(reported.body.id);
      incidents.push({ id: reported.body.id, ...spec });
    }
  }, 120_000);
  afterAll(() => t?.stop());

  const grant: fc.Arbitrary<Grant> = fc.record({
    role: fc.constantFrom<Role>(
      'ADMINISTRATOR',
      'SECURITY_COORDINATOR',
      'AREA_RESPONSIBLE',
      'RISK_OWNER',
      'REPORTER',
      'INVESTIGATOR',
    ),
    units: fc.option(fc.subarray(UNITS, { minLength: 1, maxLength: 3 }), { nil: null }),
    areas: fc.option(fc.subarray(AREAS, { minLength: 1, maxLength: 2 }), { nil: null }),
  });
  const caller: fc.Arbitrary<Caller> = fc.record({
    subject: fc.constantFrom(...REPORTERS, 'someone.else'),
    grants: fc.array(grant, { minLength: 1, maxLength: 3 }),
    cleared: fc.boolean(),
  });
  const RUNS = Number(process.env.VISIBILITY_RUNS ?? 30);

  async function as(c: Caller) {
    const token = await signedIn({ subject: c.subject, grants: c.grants, cleared: c.cleared });
    return httpClient(t.baseUrl, { Authorization: `Bearer ${token}` });
  }

  it('shows every caller exactly the risks the rule allows: list, total, CSV, matrix, one risk, history', async () => {
    await fc.assert(
      fc.asyncProperty(caller, async (c) => {
        const api = await as(c);
        if (grantsFor(c, 'risks.read').length === 0) {
          expect((await api.get('/risks')).status).toBe(403);
          return;
        }
        const visible = risks.filter((r) => riskVisible(c, r));
        const ids = sorted(visible.map((r) => r.id));

        const list = await api.get('/risks?limit=500');
        expect(list.status).toBe(200);
        expect(sorted(list.body.items.map((r: { riskId: string }) => r.riskId))).toEqual(ids);
        expect(list.body.total).toBe(ids.length);

        const page = await api.get('/risks?limit=2&offset=1&sort=-score');
        expect(page.body.total).toBe(ids.length);
        expect(page.body.items).toHaveLength(Math.max(0, Math.min(2, ids.length - 1)));

        const asOf = await api.get(
          `/risks?limit=500&asOf=${encodeURIComponent(new Date().toISOString())}`,
        );
        expect(asOf.status).toBe(200);
        expect(sorted(asOf.body.items.map((r: { riskId: string }) => r.riskId))).toEqual(ids);
        expect(asOf.body.total).toBe(ids.length);

        const csv = await api.get('/risks/export.csv');
        expect(csv.status).toBe(200);
        expect(sorted(csvIds(csv.body))).toEqual(ids);

        const matrix = await api.get('/risks/matrix');
        expect(matrix.status).toBe(200);
        expect(matrix.body).toEqual({
          inherent: matrixOf(visible.map((r) => r.inherent)),
          current: matrixOf(visible.map((r) => r.current ?? r.inherent)),
          target: matrixOf(visible.map((r) => r.target)),
          total: ids.length,
        });

        const now = encodeURIComponent(new Date().toISOString());
        for (const risk of risks) {
          const expected = riskVisible(c, risk) ? 200 : 404;
          expect((await api.get(`/risks/${risk.id}`)).status).toBe(expected);
          expect((await api.get(`/risks/${risk.id}?asOf=${now}`)).status).toBe(expected);
          expect((await api.get(`/risks/${risk.id}/history`)).status).toBe(
            historyStatus(c, riskVisible(c, risk, 'history.read')),
          );
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('shows every caller exactly the incidents the rule allows: list, total, CSV, one, history', async () => {
    await fc.assert(
      fc.asyncProperty(caller, async (c) => {
        const api = await as(c);
        if (grantsFor(c, 'incidents.read').length === 0) {
          expect((await api.get('/incidents')).status).toBe(403);
          return;
        }
        const ids = sorted(incidents.filter((i) => incidentVisible(c, i)).map((i) => i.id));

        const list = await api.get('/incidents?limit=500');
        expect(list.status).toBe(200);
        expect(sorted(list.body.items.map((i: { incidentId: string }) => i.incidentId))).toEqual(
          ids,
        );
        expect(list.body.total).toBe(ids.length);

        const csv = await api.get('/incidents/export.csv');
        expect(csv.status).toBe(200);
        expect(sorted(csvIds(csv.body))).toEqual(ids);

        for (const incident of incidents) {
          expect((await api.get(`/incidents/${incident.id}`)).status).toBe(
            incidentVisible(c, incident) ? 200 : 404,
          );
          expect((await api.get(`/incidents/${incident.id}/history`)).status).toBe(
            historyStatus(c, incidentVisible(c, incident, 'history.read')),
          );
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('records each showing of restricted risks to the caller, and only those', async () => {
    const cleared = await as({
      subject: 'cleared.reader',
      grants: [{ role: 'SECURITY_COORDINATOR', units: null, areas: null }],
      cleared: true,
    });
    const restricted = risks.filter((r) => r.classification === 'RESTRICTED').map((r) => r.id);
    const reads = async () =>
      (
        await t.db.dataSource.query(
          `SELECT data FROM events WHERE event_type = 'RestrictedRiskRead' AND metadata->>'actor' = $1
           ORDER BY position`,
          ['cleared.reader'],
        )
      ).map((e: { data: { riskIds: string[]; what: string } }) => e.data);

    await cleared.get(`/risks/${restricted[0]}`);
    await cleared.get(`/risks?limit=500`);
    await cleared.get('/risks/export.csv');
    await cleared.get(`/risks/${risks[0].id}`);

    const recorded = await reads();
    expect(recorded).toHaveLength(3);
    expect(recorded[0].riskIds).toEqual([restricted[0]]);
    expect(sorted(recorded[1].riskIds)).toEqual(sorted(restricted));
    expect(sorted(recorded[2].riskIds)).toEqual(sorted(restricted));
  });
});
