import { EVENT_CATALOGUE, isDomainEventType } from '@riskledger/domain';
import { contractProblems, type EventEnvelope } from '@riskledger/contracts';

/**
 * Why a consumer set a message aside instead of processing it. The first three are the message's
 * own fault and are known before any handler runs; the last two come from the handler.
 */
export type DeadLetterReason =
  /** Not an event at all (not JSON, missing attributes, a tombstone), or data that breaks its schema. */
  | 'malformed'
  /** A sound envelope of a type this version of riskledger does not know (a newer producer's). */
  | 'unknown-event-type'
  /** A known type in a schema version newer than the catalogue knows. */
  | 'unsupported-schema-version'
  /** An event of another store (another installation publishing to the same topics). */
  | 'foreign-store'
  /** An earlier event of the same stream was set aside: applying this one would skip it. */
  | 'stream-gap'
  /** The handler kept failing on it, for a reason that another attempt does not cure. */
  | 'handler-failed';

export const DEAD_LETTER_REASONS: readonly DeadLetterReason[] = [
  'malformed',
  'unknown-event-type',
  'unsupported-schema-version',
  'foreign-store',
  'stream-gap',
  'handler-failed',
];

/** Headers added to a message on the dead-letter topic; the original headers stay as they were. */
export const DEAD_LETTER_HEADERS = {
  reason: 'dead-letter-reason',
  detail: 'dead-letter-detail',
  topic: 'dead-letter-original-topic',
  partition: 'dead-letter-original-partition',
  offset: 'dead-letter-original-offset',
  group: 'dead-letter-consumer-group',
  time: 'dead-letter-time',
} as const;

/** Set on a message an operator re-drove: the id of the dead letter it came from. */
export const REDRIVEN_FROM_HEADER = 'redriven-from';

/** A handler's way to say "this message can never be processed as it is": no retries. */
export class UnprocessableMessageError extends Error {
  constructor(
    readonly reason: DeadLetterReason,
    message: string,
  ) {
    super(message);
    this.name = 'UnprocessableMessageError';
  }
}

/** A message's headers as raw bytes, in the order they came, so a re-drive can repeat them. */
export type RawHeaders = [name: string, value: Buffer][];

/** A message a consumer set aside, with where it came from and why. */
export interface DeadLetter {
  consumerGroup: string;
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: RawHeaders;
  reason: DeadLetterReason;
  detail: string;
  deadLetteredAt: Date;
}

/**
 * Whether this version of riskledger can read a decoded event: its type must be in the catalogue,
 * in a schema version no newer than the catalogue's (older ones are upcast on read).
 */
export function unreadableBecause(
  envelope: EventEnvelope,
): { reason: DeadLetterReason; detail: string } | null {
  if (!isDomainEventType(envelope.type)) {
    return {
      reason: 'unknown-event-type',
      detail: `event type ${envelope.type} is not in the event catalogue`,
    };
  }
  const known = EVENT_CATALOGUE[envelope.type].schemaVersion;
  if (envelope.schemaVersion > known) {
    return {
      reason: 'unsupported-schema-version',
      detail: `${envelope.type} schema version ${envelope.schemaVersion} is newer than the known version ${known}`,
    };
  }
  const problems = contractProblems(envelope);
  if (problems.length > 0) {
    return {
      reason: 'malformed',
      detail: `${envelope.type} v${envelope.schemaVersion} does not match its JSON Schema: ${problems.join('; ')}`,
    };
  }
  return null;
}

/** The message for the dead-letter topic: the original bytes, key and headers, and why. */
export function deadLetterMessage(letter: DeadLetter): {
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | Buffer[]>;
} {
  const headers = kafkaHeadersOf(letter.headers);
  const add = (name: string, value: string) => (headers[name] = Buffer.from(value));
  add(DEAD_LETTER_HEADERS.reason, letter.reason);
  add(DEAD_LETTER_HEADERS.detail, letter.detail);
  add(DEAD_LETTER_HEADERS.topic, letter.topic);
  add(DEAD_LETTER_HEADERS.partition, String(letter.partition));
  add(DEAD_LETTER_HEADERS.offset, letter.offset);
  add(DEAD_LETTER_HEADERS.group, letter.consumerGroup);
  add(DEAD_LETTER_HEADERS.time, letter.deadLetteredAt.toISOString());
  return { key: letter.key, value: letter.value, headers };
}

/** Raw name/value pairs as Kafka headers again (a repeated name becomes a list). */
export function kafkaHeadersOf(raw: RawHeaders): Record<string, Buffer | Buffer[]> {
  const headers: Record<string, Buffer | Buffer[]> = {};
  for (const [name, value] of raw) {
    const existing = headers[name];
    if (existing === undefined) headers[name] = value;
    else headers[name] = [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return headers;
}

/** Kafka headers (as kafkajs hands them over) as raw name/value pairs. */
export function rawHeadersOf(
  headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
): RawHeaders {
  const raw: RawHeaders = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) {
      raw.push([name, Buffer.isBuffer(one) ? one : Buffer.from(one)]);
    }
  }
  return raw;
}
