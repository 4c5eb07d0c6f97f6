import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { riskBody, startApi, type ApiUnderTest } from '../../../test/support/api-under-test';
import { bearerFor } from '../../../test/support/sign-in';

/**
 * Fault 7: bad input on every endpoint. The endpoints and their request schemas come from the
 * API's own OpenAPI document, so an endpoint added later is fuzzed too. Each generated request is
 * wrong in at least one way (a wrong type, a missing or unknown field, text too long or that
 * PostgreSQL cannot store, a number out of range, an invalid date, a value outside its set, a
 * body that is not an object, too big or too deep, a hostile path or query): the answer must be
 * a 4xx with a clear message, never a 5xx, and nothing may be appended.
 */

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: Schema;
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
}

interface WriteEndpoint {
  /** e.g. POST /risks/{id}/assessments */
  name: string;
  path: string;
  body: Schema;
  /** The success the document declares: 201 for a write, 200 or 202 for a POST that writes nothing. */
  success: number;
}

/** What a request may be sent as: a JSON value, raw text (not necessarily JSON), or raw bytes. */
type Body = { json: unknown } | { raw: string } | { bytes: Buffer };

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 150);
// Hundreds of requests per test; on a loaded machine starting the API alone can take seconds.
jest.setTimeout(300_000);

/** Strings that are fine as text but hostile elsewhere: SQL, script, path and format tricks. */
const HOSTILE = [
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  '1; SELECT pg_sleep(10)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '%00',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '\u202eevil',
  'Ａ',
  '🔥',
  'NaN',
  'null',
  '-1',
  '1e309',
  '0x1F',
];

/** Text that PostgreSQL cannot store in text or jsonb. */
const UNSTORABLE = ['\u0000', 'a\u0000b', '\ud800', 'broken \udfff end', '\ud83d'];

/** Invalid both as a calendar date (YYYY-MM-DD) and as an instant (with time and zone). */
const INVALID_DATES = [
  '2026-02-30',
  '2026-13-01',
  '2026-1-1',
  '31/12/2026',
  '2026-11-20T25:00:00Z',
  'yesterday',
  '',
  '0000-00-00T00:00:00Z',
  '2026-11-20T03:10:00+99:00',
  '+275760-09-13T00:00:00.001Z',
];

describe('bad input on every endpoint (property-based)', () => {
  let t: ApiUnderTest;
  let document: any;
  let riskId: string;
  let mitigationId: string;
  let incidentId: string;

  beforeAll(async () => {
    t = await startApi();
    document = (await t.api.get('/docs-json')).body;
    riskId = await t.givenRisk({ likelihood: 3, consequence: 3 });
    mitigationId = (
      await t.api.post(`/risks/${riskId}/mitigations`, { title: 'Card access', kind: 'LIMIT' })
    ).body.mitigationId;
    const incident = await t.api.post('/incidents', validBody(schemaOf('POST', '/incidents')));
    incidentId = incident.body?.id ?? randomUUID();
  });
  afterAll(() => t?.stop());

  /** The request body schema of an operation, with $refs resolved. */
  function schemaOf(method: string, path: string): Schema {
    const operation = document.paths[path]?.[method.toLowerCase()];
    const schema = operation?.requestBody?.content?.['application/json']?.schema;
    return schema ? resolve(schema) : {};
  }

  function resolve(schema: Schema): Schema {
    if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  }

  function property(schema: Schema, name: string): Schema {
    return resolve(schema.properties![name]);
  }

  /** A body the endpoint accepts, from the examples in the OpenAPI document. */
  function validBody(schema: Schema): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const [name, declared] of Object.entries(schema.properties ?? {})) {
      const p = property(schema, name);
      // An object field's example stands beside the $ref to its schema, which resolving drops.
      const example = declared.example ?? p.example;
      if (name === 'riskIds') body[name] = [];
      else if (name === 'sourceIncidentId') body[name] = incidentId;
      else if (example !== undefined) body[name] = example;
      else if (p.enum) body[name] = p.enum[0];
    }
    return body;
  }

  function pathOf(template: string): string {
    return (
      template
        .replace('{mitigationId}', mitigationId)
        .replace(/\{id\}/, template.startsWith('/incidents') ? incidentId : riskId)
        // A seeded area that no other test here uses; a well-formed unit code that names nothing.
        .replace(
          '{code}',
          template.startsWith('/security-areas') ? 'RADIATION_SAFETY' : 'NO_SUCH_UNIT',
        )
        .replace('{year}', '2026')
        .replace('{version}', '1')
        .replace(/\{[^}]+\}/g, randomUUID())
    );
  }

  function writeEndpoints(): WriteEndpoint[] {
    return Object.entries(
      document.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>,
    )
      .filter(([, methods]) => 'post' in methods)
      .map(([path, methods]) => ({
        name: `POST ${path}`,
        path,
        body: schemaOf('POST', path),
        success: Number(Object.keys(methods.post.responses ?? {}).find((code) => /^2/.test(code))),
      }))
      .filter((e) => Object.keys(e.body.properties ?? {}).length > 0);
  }

  async function send(method: 'GET' | 'POST', path: string, body?: Body) {
    const response = await fetch(`${t.baseUrl}${path}`, {
      method,
      // A redirect is the endpoint's answer; following it would test the page it points to.
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await bearerFor('fuzzer@region.se')}`,
      },
      body:
        body === undefined || method === 'GET'
          ? undefined
          : 'raw' in body
            ? body.raw
            : 'bytes' in body
              ? new Uint8Array(body.bytes)
              : JSON.stringify(body.json),
    });
    const text = await response.text();
    let parsed: any;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: response.status, text, body: parsed };
  }

  /** The answer to bad input: a 4xx in JSON that says what is wrong, and no stack trace. */
  function expectClearRefusal(answer: { status: number; text: string; body: any }, what: string) {
    const context = `${what} -> ${answer.status} ${answer.text.slice(0, 300)}`;
    expect({ context, clientError: answer.status >= 400 && answer.status < 500 }).toEqual({
      context,
      clientError: true,
    });
    expect(answer.body?.statusCode).toBe(answer.status);
    expect(typeof answer.body?.message === 'string' && answer.body.message.length > 0).toBe(true);
    expect(answer.text).not.toMatch(/\bat .+\.(js|ts):\d+|node_modules|QueryFailedError/);
  }

  const CORE_ENDPOINTS = [
    'POST /risks',
    'POST /risks/{id}/assessments',
    'POST /risks/{id}/mitigations',
    'POST /incidents',
  ];

  it('finds every write endpoint in the OpenAPI document, and accepts its example body', async () => {
    const endpoints = writeEndpoints();
    expect(endpoints.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'POST /risks',
        'POST /risks/{id}/assessments',
        'POST /risks/{id}/mitigations',
        'POST /risks/{id}/mitigations/{mitigationId}/applied',
        'POST /incidents',
      ]),
    );
    // The generator starts from these: each must be valid, so that what it changes is the fault.
    for (const endpoint of endpoints.filter(
      (e) => e.name !== 'POST /risks/{id}/mitigations/{mitigationId}/applied',
    )) {
      const answer = await send('POST', pathOf(endpoint.path), { json: validBody(endpoint.body) });
      // A lifecycle step (close, reopen, verify, ...) may be refused by the state the shared risk
      // is in (404/409), or by the domain because an id in the example names nothing here (a 400
      // with `field`, not the validation's `fields`); its example body must still pass validation.
      const refusedByDomain = answer.status === 400 && typeof answer.body?.field === 'string';
      const expected = CORE_ENDPOINTS.includes(endpoint.name)
        ? 201
        : [endpoint.success, 404, 409].includes(answer.status) || refusedByDomain
          ? answer.status
          : `${endpoint.success}, or 404/409 from the state`;
      expect({ endpoint: endpoint.name, status: answer.status }).toEqual({
        endpoint: endpoint.name,
        status: expected,
      });
    }
  });

  describe.each([
    'POST /risks',
    'POST /risks/{id}/assessments',
    'POST /risks/{id}/mitigations',
    'POST /risks/{id}/mitigations/{mitigationId}/applied',
    'POST /incidents',
  ])('%s', (name) => {
    it(`refuses ${RUNS} generated bad bodies with a 4xx, never a 5xx, appending nothing`, async () => {
      const endpoint = writeEndpoints().find((e) => e.name === name)!;
      const base = validBody(endpoint.body);
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(badBody(endpoint.body, base), async ({ body, what }) => {
          const before = await t.eventCount();
          const answer = await send('POST', pathOf(endpoint.path), body);
          expectClearRefusal(answer, what);
          expect(await t.eventCount()).toBe(before);
          refused++;
        }),
        { numRuns: RUNS },
      );
      expect(refused).toBeGreaterThanOrEqual(RUNS);
    });
  });

  it('answers every endpoint with a hostile path or query with a 4xx, never a 5xx', async () => {
    const operations = Object.entries(
      document.paths as Record<string, Record<string, any>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase() as 'GET' | 'POST',
        path,
        query: (operation.parameters ?? [])
          .filter((p: { in: string }) => p.in === 'query')
          .map((p: { name: string }) => p.name) as string[],
      })),
    );
    const hostile = fc.oneof(
      fc.constantFrom(...HOSTILE, ...UNSTORABLE, ...INVALID_DATES, ...RAW_ESCAPES),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    const withParams = operations.filter((o) => o.path.includes('{') || o.query.length > 0);
    expect(withParams.length).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...withParams),
        hostile,
        fc.boolean(),
        async (operation, value, inPath) => {
          const before = await t.eventCount();
          const encoded = percentEncoded(value);
          let path = pathOf(operation.path);
          let what = `${operation.method} ${operation.path}`;
          if (inPath && operation.path.includes('{')) {
            path = operation.path.replace(/\{[^}]+\}/g, encoded);
            what += ` with path parameters ${JSON.stringify(value)}`;
            if (!path.replace(/\{/g, '').includes(encoded) || encoded === '') return;
          } else if (operation.query.length > 0) {
            path += `?${operation.query.map((q) => `${q}=${encoded}`).join('&')}`;
            what += ` with query ${JSON.stringify(value)}`;
          } else {
            return;
          }
          const answer = await send(operation.method, path, { json: {} });
          // A hostile value may still be a valid filter (a stream id is free text): 200 is fine,
          // and so is the sign-out redirect, which ignores what it cannot use.
          if ([200, 302].includes(answer.status) && operation.method === 'GET') return;
          if (answer.status === 404 && !inPath) return;
          expectClearRefusal(answer, what);
          expect(await t.eventCount()).toBe(before);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('answers every query and path parameter of every endpoint, given extreme numbers and shapes, with a 4xx naming it (numbers and enums) and never a 5xx', async () => {
    interface Parameter {
      name: string;
      in: 'query' | 'path';
      schema?: Schema;
    }
    const numeric = (p: Parameter) =>
      ['integer', 'number'].includes(resolve(p.schema ?? {}).type ?? '');
    const enumerated = (p: Parameter) => (resolve(p.schema ?? {}).enum?.length ?? 0) > 0;
    const values: [string, string][] = [
      ['beyond 2^53', '9007199254740993'],
      ['beyond bigint', '99999999999999999999'],
      ['below -bigint', '-99999999999999999999'],
      ['exponent notation', '1e3'],
      ['an overflowing exponent', '1e309'],
      ['hexadecimal', '0x10'],
      ['an unknown enum value', 'NOT_A_VALUE'],
      ['overlong', 'x'.repeat(20_000)],
      ['NUL-bearing', 'a%00b'],
      ['invalid UTF-8', '%C3%28'],
    ];
    const operations = Object.entries(
      document.paths as Record<string, Record<string, { parameters?: Parameter[] }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => method === 'get' || method === 'post')
        .map(([method, operation]) => ({
          method: method.toUpperCase() as 'GET' | 'POST',
          path,
          parameters: (operation.parameters ?? []).filter(
            (p) => p.in === 'query' || p.in === 'path',
          ),
        })),
    );
    const failures: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      for (const parameter of operation.parameters) {
        const cases: [string, string][] = [...values];
        if (parameter.in === 'query') cases.push(['repeated', 'REPEATED']);
        for (const [what, value] of cases) {
          const encoded =
            value === 'REPEATED' ? '' : /%/.test(value) ? value : encodeURIComponent(value);
          let path = operation.path;
          let query = '';
          if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encoded);
          else if (value === 'REPEATED') query = `?${parameter.name}=1&${parameter.name}=2`;
          else query = `?${parameter.name}=${encoded}`;
          const before = await t.eventCount();
          const answer = await send(operation.method, `${pathOf(path)}${query}`, { json: {} });
          sent++;
          const where = `${operation.method} ${operation.path} ${parameter.in} ${parameter.name} ${what}`;
          if (answer.status >= 500) failures.push(`${where} -> ${answer.status}`);
          else if (operation.method === 'POST' && answer.status < 300) {
            failures.push(`${where} -> ${answer.status}: accepted`);
          }
          const mustRefuse =
            (numeric(parameter) && !['an unknown enum value'].includes(what)) ||
            (enumerated(parameter) && what === 'an unknown enum value');
          // A URL too long for the server, or one it cannot decode, is refused before any field.
          const beforeFields =
            [414, 431].includes(answer.status) || /^Failed to decode/.test(answer.body?.message);
          if (mustRefuse && answer.status !== 404 && !beforeFields) {
            const named =
              answer.status >= 400 &&
              answer.status < 500 &&
              String(answer.body?.message ?? '').includes(parameter.name);
            if (!named) failures.push(`${where} -> ${answer.status} ${answer.text.slice(0, 120)}`);
          }
          if ((await t.eventCount()) !== before) failures.push(`${where}: appended`);
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('answers every body field of every POST endpoint, given extreme numbers and shapes, with a 4xx naming it, never a 5xx, appending nothing', async () => {
    // Each value as the JSON text (or bytes) that stands in the body for the field.
    const numbers: [string, string][] = [
      ['beyond 2^53', '9007199254740993'],
      ['beyond bigint', '99999999999999999999'],
      ['below -bigint', '-99999999999999999999'],
      ['exponent notation', '1e3'],
      ['an overflowing exponent', '1e309'],
    ];
    const texts = (p: Schema): [string, string | Buffer][] => [
      ['an unknown enum value', '"NOT_A_VALUE"'],
      ['overlong', JSON.stringify('x'.repeat((p.maxLength ?? 10_000) + 1))],
      ['NUL-bearing', '"a\\u0000b"'],
      ['invalid UTF-8', Buffer.from([0x22, 0x61, 0xc3, 0x28, 0x62, 0x22])],
    ];
    const failures: string[] = [];
    let sent = 0;
    for (const endpoint of writeEndpoints()) {
      const base = validBody(endpoint.body);
      // Every field, and each field of an object field (scenario.cause), by its path.
      const fields: { path: string[]; schema: Schema }[] = [];
      for (const name of Object.keys(endpoint.body.properties ?? {})) {
        const p = property(endpoint.body, name);
        fields.push({ path: [name], schema: p });
        for (const inner of Object.keys(p.properties ?? {})) {
          fields.push({ path: [name, inner], schema: property(p, inner) });
        }
      }
      for (const { path, schema: p } of fields) {
        const field = path.join('.');
        const numeric = p.type === 'integer' || p.type === 'number';
        // Plain text takes any words: only a value outside its set, form or length is wrong.
        const plainText = p.type === 'string' && !p.enum && !p.format;
        for (const [what, value] of [...numbers, ...texts(p)]) {
          const mayPass =
            (numeric && what === 'exponent notation' && (p.maximum ?? Infinity) >= 1000) ||
            (plainText && what === 'an unknown enum value');
          const before = await t.eventCount();
          const answer = await send('POST', pathOf(endpoint.path), bodyWith(base, path, value));
          sent++;
          const where = `${endpoint.name} ${field} ${what}`;
          if (answer.status >= 500) failures.push(`${where} -> ${answer.status}`);
          // A value that may be valid passed validation: the endpoint may take it, or refuse it
          // for the state the shared records are in (404/409), or for another field.
          if (mayPass) continue;
          const named =
            answer.status >= 400 &&
            answer.status < 500 &&
            String(answer.body?.message ?? '').includes(field);
          if (!named) failures.push(`${where} -> ${answer.status} ${answer.text.slice(0, 160)}`);
          if ((await t.eventCount()) !== before) failures.push(`${where}: appended`);
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('stores hostile but valid text verbatim: SQL and script are data, not code', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HOSTILE),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
        async (hostile, around) => {
          const title = `${around.trim() || 'x'} ${hostile}`.slice(0, 200);
          const description = `${hostile} ${around}`.trim() || 'x';
          const answer = await t.api.post('/risks', riskBody({ title, description }));
          expect(answer.status).toBe(201);
          const [identified] = await t.store.readStream(answer.body.id);
          expect(identified.data).toMatchObject({ title: title.trim(), description });
        },
      ),
      { numRuns: 40 },
    );
  });

  /** Bodies wrong in one to three ways (no change below makes a wrong body right again). */
  function badBody(schema: Schema, base: Record<string, unknown>) {
    const names = Object.keys(schema.properties ?? {});
    const required = schema.required ?? [];
    type Change = { what: string; apply: (body: Record<string, unknown>) => void };
    const set = (name: string, value: unknown, what: string): Change => ({
      what: `${name} ${what}: ${safe(value)}`,
      apply: (body) => void (body[name] = value),
    });
    const changes: fc.Arbitrary<Change>[] = [
      // An unknown field, with any value (also __proto__ and constructor).
      fc
        .tuple(
          fc.oneof(
            fc.constantFrom(
              ...Object.getOwnPropertyNames(Object.prototype),
              'prototype',
              'tenant',
              'version',
              'id',
            ),
            fc.string({ minLength: 1, maxLength: 20 }),
          ),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .filter(([name]) => !names.includes(name))
        .map(([name, value]) => ({
          what: `unknown field ${JSON.stringify(name)}`,
          apply: (body) =>
            Object.defineProperty(body, name, {
              value,
              enumerable: true,
              configurable: true,
              writable: true,
            }),
        })),
    ];
    if (required.length > 0) {
      changes.push(
        fc.constantFrom(...required).map((name) => ({
          what: `${name} missing`,
          apply: (body) => void delete body[name],
        })),
      );
    }
    for (const name of names) {
      const p = property(schema, name);
      const isRequired = required.includes(name);
      const wrongTypes: fc.Arbitrary<unknown>[] = [
        fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), {
          maxKeys: 3,
        }),
      ];
      // A true or false is the right type for a boolean field, not a wrong one.
      if (p.type !== 'boolean') wrongTypes.push(fc.boolean());
      if (p.type !== 'array') {
        wrongTypes.push(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }));
      }
      if (isRequired) wrongTypes.push(fc.constant(null));
      if (p.type === 'string') {
        wrongTypes.push(
          fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        );
        changes.push(
          fc
            .tuple(fc.constantFrom(...UNSTORABLE), fc.string({ maxLength: 10 }))
            .map(([bad, text]) => set(name, `${text}${bad}${text}`, 'unstorable')),
        );
        if (p.maxLength) {
          changes.push(
            fc
              .integer({ min: 1, max: 3 * p.maxLength })
              .map((extra) => set(name, 'x'.repeat(p.maxLength! + extra), 'too long')),
          );
        }
        if (isRequired && !p.enum) {
          changes.push(
            fc
              .constantFrom('', ' ', '   ', '\t\n', '\u3000', '\u00a0\u2003')
              .map((blank) => set(name, blank, 'blank')),
          );
        }
        if (p.enum) {
          changes.push(
            fc
              .oneof(
                fc.constantFrom(...HOSTILE),
                fc.string({ maxLength: 30 }),
                fc.constantFrom(...p.enum.map((v) => String(v).toLowerCase())),
              )
              .filter((v) => !p.enum!.includes(v))
              .map((v) => set(name, v, 'not one of the allowed values')),
          );
        }
        if (/At$/.test(name)) {
          const instants = [...INVALID_DATES, '2026-11-20', '2026-11-20T03:10:00'];
          changes.push(fc.constantFrom(...instants).map((v) => set(name, v, 'invalid instant')));
        }
        if (/Date$/.test(name)) {
          const dates = [...INVALID_DATES, '2026-11-20T03:10:00Z', '20261120'];
          changes.push(fc.constantFrom(...dates).map((v) => set(name, v, 'invalid date')));
        }
      }
      if (p.type === 'integer' || p.type === 'number') {
        wrongTypes.push(fc.oneof(fc.constantFrom('3', '1e1', ''), fc.constantFrom(...HOSTILE)));
        const min = p.minimum ?? Number.MIN_SAFE_INTEGER;
        const max = p.maximum ?? Number.MAX_SAFE_INTEGER;
        changes.push(
          fc
            .oneof(
              fc.integer({ min: -1_000_000, max: min - 1 }),
              fc.integer({ min: max + 1, max: max + 1_000_000 }),
              fc.constantFrom(1e308, -1e308, 2 ** 53, min + 0.5, -0.5),
            )
            .map((v) => set(name, v, 'out of range')),
        );
      }
      if (p.type === 'array') {
        wrongTypes.push(fc.string({ maxLength: 10 }));
        changes.push(
          fc
            .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.integer()), {
              minLength: 1,
              maxLength: 3,
            })
            .map((items) => set(name, items, 'with items of the wrong kind')),
          fc.constant(
            set(
              name,
              Array.from({ length: 51 }, () => randomUUID()),
              'too many',
            ),
          ),
        );
      }
      changes.push(fc.oneof(...wrongTypes).map((v) => set(name, v, 'of the wrong type')));
    }
    const objectBodies = fc
      .array(fc.oneof(...changes), { minLength: 1, maxLength: 3 })
      .map((list) => {
        const body: Record<string, unknown> = { ...base };
        for (const change of list) change.apply(body);
        return labelled({ json: body }, list.map((c) => c.what).join('; '));
      });
    const notObjects = fc
      .oneof(
        // An empty body is no body: wrong only where some field is required.
        fc.constantFrom(...(required.length > 0 ? [''] : []), 'null'),
        fc.constantFrom(
          '[]',
          '[{}]',
          '"a risk"',
          '42',
          'true',
          '{',
          '{"title": ',
          "{'title': 'x'}",
          '{"title": "x",}',
          `{"title": "${'\\ud800'}"}`,
        ),
        fc.constant('['.repeat(20000) + ']'.repeat(20000)),
        fc.constant(JSON.stringify({ ...base, padding: 'x'.repeat(200_000) })),
        fc
          .string({ unit: 'binary', maxLength: 50 })
          .filter((s) => s.trim() !== '' && !isJsonObject(s)),
      )
      .map((raw) => labelled({ raw }, `a body that is not a JSON object: ${safe(raw)}`));
    return fc.oneof({ weight: 4, arbitrary: objectBodies }, { weight: 1, arbitrary: notObjects });
  }
});

const PLACEHOLDER = '"__the value under test__"';

/** `base` with the field at `path` set to `value`, given as JSON text or bytes. */
function bodyWith(base: Record<string, unknown>, path: string[], value: string | Buffer): Body {
  const body = structuredClone(base);
  let holder: Record<string, unknown> = body;
  for (const name of path.slice(0, -1)) {
    holder[name] = { ...((holder[name] as Record<string, unknown>) ?? {}) };
    holder = holder[name] as Record<string, unknown>;
  }
  holder[path[path.length - 1]] = JSON.parse(PLACEHOLDER);
  const [before, after] = JSON.stringify(body).split(PLACEHOLDER);
  return typeof value === 'string'
    ? { raw: `${before}${value}${after}` }
    : { bytes: Buffer.concat([Buffer.from(before), value, Buffer.from(after)]) };
}

/** Percent escapes sent as they are: malformed, overlong, a surrogate, a NUL. */
const RAW_ESCAPES = ['%', '%zz', '%C0%AF', '%ED%A0%80', '%00', '%FF%FE'];

function percentEncoded(value: string): string {
  if (RAW_ESCAPES.includes(value)) return value;
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate has no UTF-8: send the bytes an encoder that does not check would send.
    return value.replace(/[\s\S]/gu, (c) =>
      /\p{Cs}/u.test(c) ? '%ED%A0%80' : encodeURIComponent(c),
    );
  }
}

function isJsonObject(text: string): boolean {
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function safe(value: unknown): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** A generated case that fast-check prints by its description, not its (possibly huge) body. */
function labelled(body: Body, what: string): { body: Body; what: string } {
  return { body, what, [fc.toStringMethod]: () => what } as { body: Body; what: string };
}
