import { CLOUDEVENTS_SPEC_VERSION, CONTENT_TYPE } from './cloudevents-headers';
import type { EventEnvelope } from './event-envelope';

/** A message that cannot be read as an event; says what is wrong with it. */
export class MalformedEnvelopeError extends Error {
  constructor(reason: string) {
    super(`malformed event envelope: ${reason}`);
    this.name = 'MalformedEnvelopeError';
  }
}

/** A Kafka message as the client hands it over. */
export interface IncomingMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

export interface OutgoingMessage {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export const SOURCE_PREFIX = '/riskledger/';

const STORE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `/riskledger/<store id>/<stream type>`; `/riskledger/<stream type>` before stores had an id. */
function sourceOf(envelope: EventEnvelope): string {
  const store = envelope.storeId === undefined ? '' : `${envelope.storeId}/`;
  return `${SOURCE_PREFIX}${store}${envelope.streamType}`;
}

function parseSource(source: string | undefined): { storeId?: string; streamType: string } {
  const rest = source?.startsWith(SOURCE_PREFIX) ? source.slice(SOURCE_PREFIX.length) : '';
  const [first, second, ...more] = rest.split('/');
  if (second === undefined && first) return { streamType: first };
  if (STORE_ID.test(first) && second && more.length === 0) {
    return { storeId: first, streamType: second };
  }
  throw new MalformedEnvelopeError(
    `ce_source must be ${SOURCE_PREFIX}<store id>/<stream type> (or ${SOURCE_PREFIX}<stream type>)`,
  );
}

export function dataSchemaOf(type: string, schemaVersion: number): string {
  return `urn:riskledger:event:${type}:v${schemaVersion}`;
}

/**
 * The CloudEvents Kafka protocol binding, binary mode: the event data is the message value, every
 * other attribute a `ce_` header, the key the stream id. Any CloudEvents SDK reads it.
 */
export function encodeEnvelope(envelope: EventEnvelope): OutgoingMessage {
  const { metadata } = envelope;
  const headers: Record<string, string> = {
    ce_specversion: CLOUDEVENTS_SPEC_VERSION,
    ce_id: envelope.eventId,
    ce_source: sourceOf(envelope),
    ce_type: envelope.type,
    ce_time: envelope.recordedAt,
    ce_subject: envelope.streamId,
    ce_dataschema: dataSchemaOf(envelope.type, envelope.schemaVersion),
    ce_streamversion: String(envelope.streamVersion),
    ce_position: String(envelope.position),
    ce_schemaversion: String(envelope.schemaVersion),
    ce_actor: metadata.actor,
    ce_correlationid: metadata.correlationId,
    'content-type': CONTENT_TYPE,
  };
  if (metadata.actorName !== undefined) headers.ce_actorname = metadata.actorName;
  if (metadata.classification !== undefined) headers.ce_classification = metadata.classification;
  if (metadata.causationId !== null) headers.ce_causationid = metadata.causationId;
  if (metadata.reason !== null) headers.ce_reason = metadata.reason;
  if (metadata.importedFrom) {
    headers.ce_importfile = metadata.importedFrom.fileSha256;
    headers.ce_importrow = String(metadata.importedFrom.row);
  }
  return { key: envelope.streamId, value: Buffer.from(JSON.stringify(envelope.data)), headers };
}

/** Decodes and checks a Kafka message: nothing of unknown shape passes this edge. */
export function decodeEnvelope(message: IncomingMessage): EventEnvelope {
  const header = headerReader(message.headers ?? {});
  if (message.value === null || message.value.length === 0) {
    throw new MalformedEnvelopeError('empty message');
  }
  const specversion = header('ce_specversion');
  if (specversion !== CLOUDEVENTS_SPEC_VERSION) {
    throw new MalformedEnvelopeError(`ce_specversion must be ${CLOUDEVENTS_SPEC_VERSION}`);
  }
  const source = parseSource(header('ce_source'));
  const required = (name: string) => {
    const value = header(name);
    if (!value) throw new MalformedEnvelopeError(`${name} must be a non-empty string`);
    return value;
  };
  const positive = (name: string) => {
    const value = Number(required(name));
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new MalformedEnvelopeError(`${name} must be a positive integer`);
    }
    return value;
  };
  const recordedAt = required('ce_time');
  if (Number.isNaN(Date.parse(recordedAt))) {
    throw new MalformedEnvelopeError('ce_time must be an RFC 3339 time');
  }
  let data: unknown;
  try {
    data = JSON.parse(message.value.toString());
  } catch {
    throw new MalformedEnvelopeError('data is not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new MalformedEnvelopeError('data must be a JSON object');
  }
  return {
    eventId: required('ce_id'),
    type: required('ce_type'),
    schemaVersion: positive('ce_schemaversion'),
    streamType: source.streamType,
    streamId: required('ce_subject'),
    streamVersion: positive('ce_streamversion'),
    position: positive('ce_position'),
    recordedAt,
    metadata: {
      actor: required('ce_actor'),
      ...(header('ce_actorname') === undefined ? {} : { actorName: header('ce_actorname') }),
      ...(header('ce_classification') === 'RESTRICTED'
        ? { classification: 'RESTRICTED' as const }
        : {}),
      correlationId: required('ce_correlationid'),
      causationId: header('ce_causationid') ?? null,
      reason: header('ce_reason') ?? null,
      ...importedFromOf(header),
    },
    data: data as Record<string, unknown>,
    ...(source.storeId === undefined ? {} : { storeId: source.storeId }),
  };
}

function importedFromOf(header: (name: string) => string | undefined) {
  const fileSha256 = header('ce_importfile');
  if (fileSha256 === undefined) return {};
  const row = Number(header('ce_importrow'));
  if (!/^[0-9a-f]{64}$/.test(fileSha256) || !Number.isSafeInteger(row) || row < 1) {
    throw new MalformedEnvelopeError(
      'ce_importfile must be a SHA-256 with a positive ce_importrow',
    );
  }
  return { importedFrom: { fileSha256, row } };
}

function headerReader(headers: NonNullable<IncomingMessage['headers']>) {
  return (name: string): string | undefined => {
    const value = headers[name];
    const single = Array.isArray(value) ? value[0] : value;
    return single === undefined ? undefined : single.toString();
  };
}
