import { Parser } from '@asyncapi/parser';
import { STREAM_TYPES } from '@riskledger/domain';
import { startApi, type ApiUnderTest } from '../../../../test/support/api-under-test';

describe('the event contract served to integrators', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    process.env.KAFKA_TOPIC_PREFIX = 'contract-test';
    t = await startApi();
  });
  afterAll(() => t?.stop());

  it('serves a valid AsyncAPI 3 document naming the configured topics', async () => {
    const response = await t.api.get('/asyncapi.json');
    expect(response.status).toBe(200);
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(response.body));
    expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
    expect(
      document!
        .channels()
        .all()
        .map((c) => c.address()),
    ).toEqual(STREAM_TYPES.map((type) => `contract-test.${type}`));
  });

  it('serves a page a person can read, listing every event and the ce_ headers', async () => {
    const response = await t.api.get('/asyncapi');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    for (const text of [
      'contract-test.risk',
      'RiskIdentified',
      'IncidentReported',
      'ce_correlationid',
      'likelihood',
    ]) {
      expect(response.body).toContain(text);
    }
  });

  it('serves each published schema, and 404 for one that does not exist', async () => {
    const schema = await t.api.get('/schemas/RiskAssessed.v1.json');
    expect(schema.status).toBe(200);
    expect(schema.body).toMatchObject({
      $id: 'urn:riskledger:event:RiskAssessed:v1',
      required: expect.arrayContaining(['likelihood']),
    });
    expect((await t.api.get('/schemas/RiskAssessed.v9.json')).status).toBe(404);
  });
});
