import { STREAM_TYPES, type StreamType } from '@riskledger/domain';

/** The one place that knows topic names: one topic per stream type, e.g. `riskledger.risk`. */
export function topicFor(prefix: string, streamType: string): string {
  return `${prefix}.${streamType}`;
}

export function allTopics(prefix: string): string[] {
  return STREAM_TYPES.map((type: StreamType) => topicFor(prefix, type));
}

/** Where consumers put messages they cannot process, with the reason in its headers. */
export function deadLetterTopic(prefix: string): string {
  return `${prefix}.dead-letter`;
}

/** Every topic the system creates: the event topics and the dead-letter topic. */
export function systemTopics(prefix: string): string[] {
  return [...allTopics(prefix), deadLetterTopic(prefix)];
}
