import { ROLES, type Role } from '@riskledger/domain';
import { randomUUID } from 'node:crypto';
import { startApi, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { httpClient } from '../../../../test/support/http';
import { bearerFor } from '../../../../test/support/sign-in';
import { PERMISSIONS, type Permission } from './permissions';
import { PERMISSION_EXTENSION } from './requires.decorator';

interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** The path as the document gives it, with its {parameters}. */
  template: string;
  permission: Permission | 'public' | undefined;
}

/** A value for each path parameter that passes its pipe, so that only access decides the outcome. */
function concretePath(
  path: string,
  parameters: { name: string; schema?: { type?: string; format?: string } }[] = [],
) {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const schema = parameters.find((p) => p.name === name)?.schema ?? {};
    if (schema.type === 'integer' || schema.type === 'number') return '1';
    if (schema.format === 'uuid' || /id$/i.test(name)) return randomUUID();
    return 'SAMPLE_CODE';
  });
}

describe('who may call what (generated from the permissions table and the OpenAPI document)', () => {
  let system: ApiUnderTest;
  let operations: Operation[];

  beforeAll(async () => {
    system = await startApi();
    const document = (await system.client().get('/docs-json')).body;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Record<string, unknown>>).map(([method, op]) => ({
        method: method as Operation['method'],
        path: concretePath(path, op.parameters as never),
        template: path,
        permission: op[PERMISSION_EXTENSION] as Operation['permission'],
      })),
    );
  }, 60_000);
  afterAll(() => system.stop());

  const send = async (operation: Operation, headers: Record<string, string>) => {
    if (operation.path === '/live') return firstOfStream(operation.path, headers);
    const client = httpClient(system.baseUrl, headers);
    return operation.method === 'get'
      ? client.get(operation.path)
      : client.post(operation.path, {}, {});
  };

  /** An event stream never ends: its status and headers, and the body only when it is a refusal. */
  const firstOfStream = async (path: string, headers: Record<string, string>) => {
    const abort = new AbortController();
    const response = await fetch(`${system.baseUrl}${path}`, { headers, signal: abort.signal });
    const refusal = response.headers.get('content-type')?.startsWith('application/json');
    const body = refusal ? await response.json() : {};
    abort.abort();
    return { status: response.status, headers: response.headers, body };
  };

  it('finds every endpoint, and every one declares a permission or is public', () => {
    expect(operations.length).toBeGreaterThan(20);
    const undeclared = operations.filter((o) => o.permission === undefined);
    expect(undeclared.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([]);
  });

  it('refuses every non-public endpoint without a token, with 401 and WWW-Authenticate', async () => {
    for (const operation of operations.filter((o) => o.permission !== 'public')) {
      const response = await send(operation, {});
      expect([operation.path, response.status]).toEqual([operation.path, 401]);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it.each(ROLES)(
    'gives %s exactly what the table grants it',
    async (role: Role) => {
      const token = await bearerFor(`someone-${role.toLowerCase()}`, role);
      for (const operation of operations) {
        const response = await send(operation, { Authorization: `Bearer ${token}` });
        const where = `${operation.method.toUpperCase()} ${operation.path}`;
        const granted =
          operation.permission === 'public' ||
          (PERMISSIONS[operation.permission as Permission] as readonly Role[]).includes(role);
        if (granted) {
          expect([where, response.status]).not.toEqual([where, 403]);
          expect([where, response.status]).not.toEqual([where, 401]);
        } else {
          expect([where, response.status]).toEqual([where, 403]);
          expect(response.body.message).toContain(operation.permission);
          // What would be needed and what is held, for a client to say in its own words.
          expect(response.body).toMatchObject({
            permission: operation.permission,
            requiredRoles: PERMISSIONS[operation.permission as Permission],
            heldRoles: [role],
          });
        }
      }
    },
    60_000,
  );

  describe('in scope and out of scope', () => {
    let riskId: string;
    let incidentId: string;

    beforeAll(async () => {
      for (const [code, parentCode] of [
        ['RV', undefined],
        ['UNIT-A', 'RV'],
        ['UNIT-B', 'RV'],
      ]) {
        const unit = { code, name: code, kind: parentCode ? 'UNIT' : 'REGION', parentCode };
        expect((await system.api.post('/organisational-units', unit)).status).toBe(201);
      }
      riskId = await system.givenRisk({ unit: 'UNIT-A', area: 'PHARMACEUTICALS' });
      const incident = await system.api.post('/incidents', {
        title: 'Medicine room found open',
        description: 'Open at 03:10.',
        kind: 'DEVIATION',
        area: 'PHARMACEUTICALS',
        unit: 'UNIT-A',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        riskIds: [riskId],
      });
      incidentId = incident.body.id;
      await system.projectStream(riskId);
      await system.projectStream(incidentId);
    });

    /** Every GET of one risk or incident in the document, with the record's real id. */
    const recordReads = () =>
      operations
        .filter((o) => o.method === 'get' && /^\/(risks|incidents)\/\{id\}/.test(o.template))
        .map((o) => ({
          ...o,
          path: o.template.replace('{id}', o.template.startsWith('/risks') ? riskId : incidentId),
        }));

    it('finds the reads of one record to check', () => {
      expect(recordReads().map((o) => o.template)).toEqual(
        expect.arrayContaining(['/risks/{id}', '/risks/{id}/history', '/incidents/{id}/chain']),
      );
    });

    it.each(ROLES)('shows %s a record inside its unit, and nothing (404) outside', async (role) => {
      for (const operation of recordReads()) {
        const roles = PERMISSIONS[operation.permission as Permission] as readonly Role[];
        if (!roles.includes(role)) continue;
        const where = `${role} GET ${operation.template}`;
        for (const [unit, expected] of [
          ['UNIT-A', 200],
          ['UNIT-B', 404],
        ] as const) {
          // A reporter sees only their own reports, whatever the unit.
          const sees = role === 'REPORTER' ? 404 : expected;
          const token = await bearerFor(`someone-${unit}`, `${role}:unit=${unit}`);
          const response = await send(operation, { Authorization: `Bearer ${token}` });
          expect([where, unit, response.status]).toEqual([where, unit, sees]);
        }
      }
    });
  });

  it.each([
    ['a forged signature', (t: string) => `${t.slice(0, -4)}AAAA`, 'signature'],
    ['garbage', () => 'not-a-token', 'malformed'],
  ])('refuses a token with %s, saying why', async (_, spoil, why) => {
    const token = spoil(await bearerFor('mallory', 'ADMINISTRATOR'));
    const response = await httpClient(system.baseUrl, { Authorization: `Bearer ${token}` }).get(
      '/risks',
    );
    expect(response.status).toBe(401);
    expect(response.body.message).toContain(why);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('records the token subject as the actor, whatever X-Actor says', async () => {
    const token = await bearerFor('u-4711', 'RISK_OWNER');
    const response = await httpClient(system.baseUrl, {
      Authorization: `Bearer ${token}`,
      'X-Actor': 'somebody-else',
    }).post('/risks', {
      title: 'Server room door propped open',
      description: 'Because the lock is slow, staff prop the door open.',
      area: 'IT_SECURITY',
      unit: 'UNIT-A',
    });
    expect(response.status).toBe(201);
    const [event] = await system.store.readStream(response.body.id);
    expect(event.metadata.actor).toBe('u-4711');
  });
});
