import { Kafka as CloudEventsKafka } from 'cloudevents';
import { EventValidator } from '@riskledger/contracts';
import {
  decodeEnvelope,
  encodeEnvelope,
  MalformedEnvelopeError,
  type IncomingMessage,
} from './envelope-codec';
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
    actor: 'Åsa Öberg',
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
  },
};

/** The message as a consumer receives it: every header and the value as bytes. */
function received(message = encodeEnvelope(envelope)): IncomingMessage {
  return {
    key: Buffer.from(message.key),
    value: message.value,
    headers: Object.fromEntries(
      Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)]),
    ),
  };
}

function withHeader(name: string, value: string | undefined): IncomingMessage {
  const message = encodeEnvelope(envelope);
  const headers = { ...message.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = value;
  return received({ ...message, headers });
}

function decodeError(message: IncomingMessage): string {
  try {
    decodeEnvelope(message);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedEnvelopeError);
    return (error as Error).message;
  }
  throw new Error('decodeEnvelope accepted a malformed message');
}

describe('the Kafka message of an event (CloudEvents, binary mode)', () => {
  it('decodes what it encodes, unchanged, UTF-8 included', () => {
    expect(decodeEnvelope(received())).toEqual(envelope);
  });

  it('carries the data alone as the value, keyed by stream id, everything else in ce_ headers', () => {
    const message = encodeEnvelope(envelope);
    expect(message.key).toBe(envelope.streamId);
    expect(JSON.parse(message.value.toString())).toEqual(envelope.data);
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: envelope.eventId,
      ce_source: '/riskledger/risk',
      ce_type: 'RiskAssessed',
      ce_time: '2026-03-01T12:00:00.000Z',
      ce_subject: envelope.streamId,
      ce_dataschema: 'urn:riskledger:event:RiskAssessed:v1',
      ce_streamversion: '3',
      ce_position: '1017',
      ce_schemaversion: '1',
      ce_actor: 'Åsa Öberg',
      ce_correlationid: 'req-77',
      ce_causationid: 'cmd-12',
      ce_reason: 'Dörrstängaren är bytt',
      'content-type': 'application/json',
    });
  });

  it('parses with the official CloudEvents SDK, as an integrator would read it', () => {
    const message = encodeEnvelope(envelope);
    const event = CloudEventsKafka.toEvent({
      key: message.key,
      value: message.value,
      headers: message.headers,
      body: undefined,
      timestamp: '0',
    } as never) as unknown as Record<string, unknown>;
    expect(event).toMatchObject({
      specversion: '1.0',
      id: envelope.eventId,
      type: 'RiskAssessed',
      source: '/riskledger/risk',
      subject: envelope.streamId,
      dataschema: 'urn:riskledger:event:RiskAssessed:v1',
      streamversion: '3',
      position: '1017',
      actor: 'Åsa Öberg',
      correlationid: 'req-77',
      partitionkey: envelope.streamId,
    });
    expect(event.data).toEqual(envelope.data);
    expect(new EventValidator().problems('RiskAssessed', 1, event.data)).toEqual([]);
  });

  it('carries the spreadsheet row an import made the event from', () => {
    const imported = {
      ...envelope,
      metadata: { ...envelope.metadata, importedFrom: { fileSha256: 'ab'.repeat(32), row: 7 } },
    };
    const message = encodeEnvelope(imported);
    expect(message.headers).toMatchObject({ ce_importfile: 'ab'.repeat(32), ce_importrow: '7' });
    expect(decodeEnvelope(message)).toEqual(imported);
  });

  it('leaves out causation and reason when there are none', () => {
    const plain = {
      ...envelope,
      metadata: { ...envelope.metadata, causationId: null, reason: null },
    };
    const message = encodeEnvelope(plain);
    expect(message.headers).not.toHaveProperty('ce_causationid');
    expect(message.headers).not.toHaveProperty('ce_reason');
    expect(decodeEnvelope(received(message))).toEqual(plain);
  });

  it('carries the store that recorded the event in the source, and reads sources without one', () => {
    const storeId = '0d6f6a4e-8c1b-4a53-9a3e-2f1f4b8d7c10';
    const message = encodeEnvelope({ ...envelope, storeId });
    expect(message.headers.ce_source).toBe(`/riskledger/${storeId}/${envelope.streamType}`);
    expect(decodeEnvelope(received(message))).toEqual({ ...envelope, storeId });
    expect(encodeEnvelope(envelope).headers.ce_source).toBe(`/riskledger/${envelope.streamType}`);
  });

  it('passes an unknown event type through (readers decide), as long as the message is sound', () => {
    const unknown = { ...envelope, type: 'RiskArchived', schemaVersion: 2 };
    expect(decodeEnvelope(received(encodeEnvelope(unknown)))).toEqual(unknown);
  });

  it.each<[string, IncomingMessage, string]>([
    ['a tombstone', { ...received(), value: null }, 'empty message'],
    ['an empty value', { ...received(), value: Buffer.alloc(0) }, 'empty message'],
    ['data that is not JSON', { ...received(), value: '{"riskId": "b3' }, 'data is not JSON'],
    ['data that is an array', { ...received(), value: '[1]' }, 'data must be a JSON object'],
    ['no headers at all', { value: received().value }, 'ce_specversion must be 1.0'],
    [
      'another CloudEvents version',
      withHeader('ce_specversion', '0.3'),
      'ce_specversion must be 1.0',
    ],
    [
      'a foreign source',
      withHeader('ce_source', '/elsewhere/risk'),
      'ce_source must be /riskledger/<store id>/<stream type> (or /riskledger/<stream type>)',
    ],
    [
      'a store id that is not one',
      withHeader('ce_source', '/riskledger/staging/risk'),
      'ce_source must be /riskledger/<store id>/<stream type> (or /riskledger/<stream type>)',
    ],
    ['no event id', withHeader('ce_id', undefined), 'ce_id must be a non-empty string'],
    ['no type', withHeader('ce_type', ''), 'ce_type must be a non-empty string'],
    ['no subject', withHeader('ce_subject', undefined), 'ce_subject must be a non-empty string'],
    ['an unreadable time', withHeader('ce_time', 'yesterday'), 'ce_time must be an RFC 3339 time'],
    [
      'stream version 0',
      withHeader('ce_streamversion', '0'),
      'ce_streamversion must be a positive integer',
    ],
    [
      'a fractional position',
      withHeader('ce_position', '1.5'),
      'ce_position must be a positive integer',
    ],
    [
      'no schema version',
      withHeader('ce_schemaversion', undefined),
      'ce_schemaversion must be a non-empty string',
    ],
    ['no actor', withHeader('ce_actor', undefined), 'ce_actor must be a non-empty string'],
    [
      'no correlation id',
      withHeader('ce_correlationid', undefined),
      'ce_correlationid must be a non-empty string',
    ],
  ])('refuses %s, saying what is wrong', (_, message, reason) => {
    expect(decodeError(message)).toBe(`malformed event envelope: ${reason}`);
  });
});
