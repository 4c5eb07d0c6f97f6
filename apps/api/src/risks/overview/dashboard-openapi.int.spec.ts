import { startApi, type ApiUnderTest } from '../../../../../test/support/api-under-test';

interface Parameter {
  name: string;
  in: string;
  description?: string;
  example?: unknown;
  schema?: { example?: unknown };
}

/** The dashboard's endpoints and filters are in the OpenAPI document, each with an example. */
describe('the OpenAPI document of the dashboard', () => {
  let t: ApiUnderTest;
  let paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; responses: Record<string, unknown> }>
  >;
  let schemas: Record<string, { properties?: Record<string, unknown> }>;

  beforeAll(async () => {
    t = await startApi();
    const document = (await t.client().get('/docs-json')).body;
    paths = document.paths;
    schemas = document.components.schemas;
  }, 60_000);
  afterAll(() => t?.stop());

  it.each([
    ['/risks/overview', ['area', 'unit', 'includeSubunits', 'owner', 'classification']],
    ['/risks/trend', ['months', 'area', 'unit', 'includeSubunits']],
    ['/incidents/overview', ['area', 'unit', 'includeSubunits']],
    ['/risks', ['reviewDueBefore', 'acceptanceLapsesBefore', 'basis', 'likelihood', 'consequence']],
    [
      '/risks/export.csv',
      ['reviewDueBefore', 'acceptanceLapsesBefore', 'basis', 'likelihood', 'consequence'],
    ],
    ['/incidents', ['open', 'outwardReportsMissing']],
    ['/incidents/export.csv', ['open', 'outwardReportsMissing']],
  ])('describes GET %s with %s, each with an example', (path, names) => {
    const parameters = paths[path]?.get?.parameters ?? [];
    for (const name of names) {
      const parameter = parameters.find((p) => p.name === name && p.in === 'query');
      expect([name, parameter?.description]).toEqual([name, expect.any(String)]);
      expect([name, parameter?.example ?? parameter?.schema?.example]).toEqual([
        name,
        expect.anything(),
      ]);
    }
  });

  it('names the response schemas, every field of them documented', () => {
    for (const name of [
      'RiskOverviewResponse',
      'LevelCountsResponse',
      'AreaLevelCountsResponse',
      'ReviewCountsResponse',
      'AcceptanceCountsResponse',
      'MitigationCountsResponse',
      'RiskTrendResponse',
      'RiskTrendMonthResponse',
      'IncidentOverviewResponse',
      'IncidentKindCountResponse',
    ]) {
      expect([name, Object.keys(schemas[name]?.properties ?? {}).length > 0]).toEqual([name, true]);
    }
    expect(Object.keys(schemas.RiskOverviewResponse.properties ?? {}).sort()).toEqual(
      [
        'acceptances',
        'asOf',
        'byAreaAndLevel',
        'byLevel',
        'horizon',
        'mitigations',
        'needsReview',
        'open',
        'reviews',
        'today',
      ].sort(),
    );
  });
});
