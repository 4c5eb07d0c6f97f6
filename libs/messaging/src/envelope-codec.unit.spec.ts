import { decodeEnvelope, encodeEnvelope, MalformedEnvelopeError } from './envelope-codec';
import type { EventEnvelope } from './event-envelope';

const envelope: EventEnvelope = {
  eventId: '6f1c1a52-3c1e-4d57-9f0e-0e6b7b0f7f11',
  type: 'RiskAssessed',
  schemaVersion: 1,
  streamType: 'risk',
  streamId: 'b3d0b1b2-7d7e-4a55-9d5e-2b8f3f9b1c11',
  streamVersion: 3,
  position: 1017,
  recordedAt: '2026-03-01T12:00:00.000Z',
  metadata: {
    actor: 'erik.lund@region.se',
    correlationId: 'req-77',
    causationId: 'cmd-12',
    reason: 'Dörrstängaren är bytt',
  },
  data: {
    riskId: 'b3d0b1b2-7d7e-4a55-9d5e-2b8f3f9b1c11',
    likelihood: 2,
    consequence: 4,
    score: 8,
    level: 'MEDIUM',
    matrixVersion: 1,
    nested: { list: [1, 'two', null], sv: 'Läkemedel × åtgärd' },
  },
};

/** The envelope as JSON text with one part replaced (or removed, for undefined). */
function jsonWith(change: (value: Record<string, any>) => void): string {
  const value = structuredClone(envelope) as unknown as Record<string, any>;
  change(value);
  return JSON.stringify(value);
}

function decodeError(value: Buffer | string | null): MalformedEnvelopeError {
  try {
    decodeEnvelope(value);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedEnvelopeError);
    return error as MalformedEnvelopeError;
  }
  throw new Error('decodeEnvelope accepted a malformed message');
}

describe('envelope codec', () => {
  it('decodes what it encodes, unchanged', () => {
    const encoded = encodeEnvelope(envelope);
    expect(Buffer.isBuffer(encoded)).toBe(true);
    expect(decodeEnvelope(encoded)).toEqual(envelope);
  });

  it('decodes a string value as well as a buffer', () => {
    expect(decodeEnvelope(encodeEnvelope(envelope).toString())).toEqual(envelope);
  });

  it('accepts null causation and reason', () => {
    const plain = {
      ...envelope,
      metadata: { ...envelope.metadata, causationId: null, reason: null },
    };
    expect(decodeEnvelope(encodeEnvelope(plain))).toEqual(plain);
  });

  it('passes an unknown event type through (readers skip it), as long as the envelope is sound', () => {
    const unknown = { ...envelope, type: 'RiskArchived', schemaVersion: 2 };
    expect(decodeEnvelope(encodeEnvelope(unknown))).toEqual(unknown);
  });

  it.each<[string, Buffer | string | null, string]>([
    ['a null value (a tombstone)', null, 'empty message'],
    ['text that is not JSON', '{"eventId": "6f1c', 'not JSON'],
    ['an empty buffer', Buffer.alloc(0), 'not JSON'],
    ['a JSON array', JSON.stringify([envelope]), 'not a JSON object'],
    ['JSON null', 'null', 'not a JSON object'],
    ['a JSON string', '"RiskAssessed"', 'not a JSON object'],
    ['a missing eventId', jsonWith((v) => delete v.eventId), 'eventId must be a non-empty string'],
    ['an empty type', jsonWith((v) => (v.type = '')), 'type must be a non-empty string'],
    [
      'a numeric streamId',
      jsonWith((v) => (v.streamId = 17)),
      'streamId must be a non-empty string',
    ],
    [
      'a missing recordedAt',
      jsonWith((v) => delete v.recordedAt),
      'recordedAt must be a non-empty string',
    ],
    [
      'streamVersion 0',
      jsonWith((v) => (v.streamVersion = 0)),
      'streamVersion must be a positive integer',
    ],
    [
      'a fractional schemaVersion',
      jsonWith((v) => (v.schemaVersion = 1.5)),
      'schemaVersion must be a positive integer',
    ],
    [
      'a position given as text',
      jsonWith((v) => (v.position = '1017')),
      'position must be a positive integer',
    ],
    ['no metadata', jsonWith((v) => delete v.metadata), 'metadata.actor must be a string'],
    [
      'metadata.actor missing',
      jsonWith((v) => delete v.metadata.actor),
      'metadata.actor must be a string',
    ],
    [
      'metadata.correlationId missing',
      jsonWith((v) => delete v.metadata.correlationId),
      'metadata.correlationId must be a string',
    ],
    [
      'a numeric metadata.causationId',
      jsonWith((v) => (v.metadata.causationId = 12)),
      'metadata.causationId must be a string or null',
    ],
    [
      'metadata.reason missing',
      jsonWith((v) => delete v.metadata.reason),
      'metadata.reason must be a string or null',
    ],
    ['data as a string', jsonWith((v) => (v.data = 'likelihood 2')), 'data must be a JSON object'],
    ['data as an array', jsonWith((v) => (v.data = [1, 2])), 'data must be a JSON object'],
    ['data null', jsonWith((v) => (v.data = null)), 'data must be a JSON object'],
    ['data missing', jsonWith((v) => delete v.data), 'data must be a JSON object'],
  ])('refuses %s, naming the problem', (_case, value, reason) => {
    const error = decodeError(value);
    expect(error.name).toBe('MalformedEnvelopeError');
    expect(error.message).toBe(`malformed event envelope: ${reason}`);
  });
});
