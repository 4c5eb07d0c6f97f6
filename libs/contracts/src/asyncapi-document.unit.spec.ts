import { Parser } from '@asyncapi/parser';
import { STREAM_TYPES } from '@riskledger/domain';
import { buildAsyncApiDocument } from './asyncapi-document';
import { EVENT_CONTRACTS } from './event-contracts';

const document = buildAsyncApiDocument({
  topicFor: (streamType) => `riskledger.${streamType}`,
  brokers: ['127.0.0.1:9092'],
  partitions: 3,
  replicationFactor: 1,
  version: '0.1.0',
});

describe('the AsyncAPI document', () => {
  it('is valid AsyncAPI 3 for the official parser, with no errors', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(parsed).toBeDefined();
    expect(
      parsed!
        .channels()
        .all()
        .map((c) => c.address()),
    ).toEqual(STREAM_TYPES.map((t) => `riskledger.${t}`));
    expect(
      parsed!
        .messages()
        .all()
        .map((m) => m.id())
        .sort(),
    ).toEqual(EVENT_CONTRACTS.map((c) => `${c.type}.v${c.version}`).sort());
  });

  it('carries each published schema as the message payload', () => {
    const messages = (document.components as { messages: Record<string, { payload: object }> })
      .messages;
    for (const contract of EVENT_CONTRACTS) {
      const { $id, ...schema } = contract.schema;
      expect(messages[`${contract.type}.v${contract.version}`].payload).toEqual(schema);
    }
  });
});
