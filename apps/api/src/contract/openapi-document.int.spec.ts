import { startApi, type ApiUnderTest } from '../../../../test/support/api-under-test';

interface SchemaProperty {
  description?: string;
  example?: unknown;
  $ref?: string;
  allOf?: unknown[];
  type?: string;
}

/** The OpenAPI document describes every field and parameter, each value field with an example. */
describe('the OpenAPI document', () => {
  let t: ApiUnderTest;
  let document: {
    components: { schemas: Record<string, { properties?: Record<string, SchemaProperty> }> };
    paths: Record<
      string,
      Record<string, { parameters?: { name: string; description?: string }[] }>
    >;
  };

  beforeAll(async () => {
    t = await startApi();
    document = (await t.client().get('/docs-json')).body;
  });
  afterAll(() => t?.stop());

  it('describes every property of every request and response, with an example', () => {
    const missing: string[] = [];
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        if (!property.description) missing.push(`${name}.${field}: no description`);
        const composite =
          property.$ref || property.allOf || ['array', 'object'].includes(property.type ?? '');
        if (property.example === undefined && !composite)
          missing.push(`${name}.${field}: no example`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes every parameter of every operation', () => {
    const missing = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        (operation.parameters ?? [])
          .filter((parameter) => !parameter.description)
          .map((parameter) => `${method.toUpperCase()} ${path} ${parameter.name}`),
      ),
    );
    expect(missing).toEqual([]);
  });
});
