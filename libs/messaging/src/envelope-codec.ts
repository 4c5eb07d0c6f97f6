import type { EventEnvelope } from './event-envelope';

/** A message that cannot be read as an event envelope; says what is wrong with it. */
export class MalformedEnvelopeError extends Error {
  constructor(reason: string) {
    super(`malformed event envelope: ${reason}`);
    this.name = 'MalformedEnvelopeError';
  }
}

export function encodeEnvelope(envelope: EventEnvelope): Buffer {
  return Buffer.from(JSON.stringify(envelope));
}

/** Decodes and checks a Kafka message value: nothing of unknown shape passes this edge. */
export function decodeEnvelope(value: Buffer | string | null): EventEnvelope {
  if (value === null) throw new MalformedEnvelopeError('empty message');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch {
    throw new MalformedEnvelopeError('not JSON');
  }
  if (!isRecord(parsed)) throw new MalformedEnvelopeError('not a JSON object');
  const strings = ['eventId', 'type', 'streamType', 'streamId', 'recordedAt'] as const;
  for (const key of strings) {
    if (typeof parsed[key] !== 'string' || parsed[key] === '') {
      throw new MalformedEnvelopeError(`${key} must be a non-empty string`);
    }
  }
  if (Number.isNaN(Date.parse(parsed.recordedAt as string))) {
    throw new MalformedEnvelopeError('recordedAt must be an ISO 8601 time');
  }
  for (const key of ['schemaVersion', 'streamVersion', 'position'] as const) {
    if (!Number.isInteger(parsed[key]) || (parsed[key] as number) < 1) {
      throw new MalformedEnvelopeError(`${key} must be a positive integer`);
    }
  }
  const metadata = parsed.metadata;
  if (!isRecord(metadata) || typeof metadata.actor !== 'string') {
    throw new MalformedEnvelopeError('metadata.actor must be a string');
  }
  if (typeof metadata.correlationId !== 'string') {
    throw new MalformedEnvelopeError('metadata.correlationId must be a string');
  }
  for (const key of ['causationId', 'reason'] as const) {
    if (metadata[key] !== null && typeof metadata[key] !== 'string') {
      throw new MalformedEnvelopeError(`metadata.${key} must be a string or null`);
    }
  }
  if (!isRecord(parsed.data)) throw new MalformedEnvelopeError('data must be a JSON object');
  return parsed as unknown as EventEnvelope;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
