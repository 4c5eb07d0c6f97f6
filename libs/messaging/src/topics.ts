import { STREAM_TYPES, type StreamType } from '@riskledger/domain';
import { type EventEnvelope } from '@riskledger/contracts';

/** The one place that knows topic names: one topic per stream type, e.g. `riskledger.risk`. */
export function topicFor(prefix: string, streamType: string): string {
  return `${prefix}.${streamType}`;
}

/**
 * Events of restricted (säkerhetsskydd) streams, whatever their stream type: only riskledger's own
 * consumers read it (give integrations no ACL on it), so their payloads never reach integrations.
 */
export function restrictedTopic(prefix: string): string {
  return `${prefix}.restricted`;
}

/** Where an event is published: its stream type's topic, or the restricted topic. */
export function topicOf(prefix: string, envelope: EventEnvelope): string {
  return envelope.metadata.classification === 'RESTRICTED'
    ? restrictedTopic(prefix)
    : topicFor(prefix, envelope.streamType);
}

/** Every event topic, the restricted one included: what the projector consumes. */
export function allTopics(prefix: string): string[] {
  return [
    ...STREAM_TYPES.map((type: StreamType) => topicFor(prefix, type)),
    restrictedTopic(prefix),
  ];
}

/** Where consumers put messages they cannot process, with the reason in its headers. */
export function deadLetterTopic(prefix: string): string {
  return `${prefix}.dead-letter`;
}

/** Every topic the system creates: the event topics and the dead-letter topic. */
export function systemTopics(prefix: string): string[] {
  return [...allTopics(prefix), deadLetterTopic(prefix)];
}
