import { STREAM_TYPES, type StreamType } from '@riskledger/domain';
import { CLOUDEVENTS_HEADERS, CONTENT_TYPE } from './cloudevents-headers';
import { EVENT_CONTRACTS } from './event-contracts';

export interface AsyncApiSettings {
  topicFor: (streamType: StreamType) => string;
  brokers: string[];
  partitions: number;
  replicationFactor: number;
  version: string;
}

const REQUIRED_HEADERS = [
  'id',
  'source',
  'type',
  'specversion',
  'time',
  'subject',
  'dataschema',
  'streamversion',
  'position',
  'schemaversion',
  'actor',
  'correlationid',
];

/**
 * The AsyncAPI 3 document of every topic and event version, generated from the same contract
 * registry the code validates with, so that it cannot drift from what is published.
 */
export function buildAsyncApiDocument(settings: AsyncApiSettings): Record<string, unknown> {
  const messageKey = (type: string, version: number) => `${type}.v${version}`;
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const streamType of STREAM_TYPES) {
    const contracts = EVENT_CONTRACTS.filter((c) => c.streamType === streamType);
    const topic = settings.topicFor(streamType);
    channels[streamType] = {
      address: topic,
      title: `${streamType} events`,
      description:
        `Every event of every ${streamType} stream, keyed by the ${streamType} id: ordered per key, ` +
        'delivered at least once. The event store in PostgreSQL is the system of record; this topic can be replayed from it.',
      messages: Object.fromEntries(
        contracts.map((c) => [
          messageKey(c.type, c.version),
          { $ref: `#/components/messages/${messageKey(c.type, c.version)}` },
        ]),
      ),
      bindings: {
        kafka: {
          topic,
          partitions: settings.partitions,
          replicas: settings.replicationFactor,
          topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': -1 },
          bindingVersion: '0.5.0',
        },
      },
    };
    operations[`receive${capitalise(streamType)}Events`] = {
      action: 'receive',
      title: `Subscribe to ${streamType} events`,
      summary: `Consume ${topic} with your own consumer group; deduplicate on ce_id or on (ce_subject, ce_streamversion).`,
      channel: { $ref: `#/channels/${streamType}` },
      messages: contracts.map((c) => ({
        $ref: `#/channels/${streamType}/messages/${messageKey(c.type, c.version)}`,
      })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'riskledger events',
      version: settings.version,
      description:
        'Domain events of riskledger, the security risk register, as CloudEvents 1.0 in Kafka binary mode: ' +
        'the data is the JSON message value, the other attributes are ce_ headers, the key is the stream id.',
    },
    defaultContentType: CONTENT_TYPE,
    servers: Object.fromEntries(
      settings.brokers.map((host, i) => [
        `broker${i + 1}`,
        { host, protocol: 'kafka', description: 'Kafka bootstrap server' },
      ]),
    ),
    channels,
    operations,
    components: {
      schemas: {
        CloudEventHeaders: {
          type: 'object',
          required: REQUIRED_HEADERS.map(
            (name) => CLOUDEVENTS_HEADERS[name as keyof typeof CLOUDEVENTS_HEADERS].header,
          ),
          properties: Object.fromEntries(
            Object.values(CLOUDEVENTS_HEADERS).map(({ header, description }) => [
              header,
              { type: 'string', description },
            ]),
          ),
        },
      },
      messages: Object.fromEntries(
        EVENT_CONTRACTS.map((c) => [
          messageKey(c.type, c.version),
          {
            name: c.type,
            title: `${c.type} (schema version ${c.version})`,
            summary: c.schema.description,
            contentType: CONTENT_TYPE,
            headers: { $ref: '#/components/schemas/CloudEventHeaders' },
            payload: stripSchemaId(c.schema),
            bindings: {
              kafka: { key: { type: 'string', format: 'uuid' }, bindingVersion: '0.5.0' },
            },
          },
        ]),
      ),
    },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** AsyncAPI resolves `$id` as a base URI; the payload is embedded, so it goes. */
function stripSchemaId(schema: Record<string, unknown>): Record<string, unknown> {
  const { $id, ...rest } = schema;
  return rest;
}
