import { STREAM_TYPES, type StreamType } from '@riskledger/domain';

/** The one place that knows topic names: one topic per stream type, e.g. `riskledger.risk`. */
export function topicFor(prefix: string, streamType: string): string {
  return `${prefix}.${streamType}`;
}

export function allTopics(prefix: string): string[] {
  return STREAM_TYPES.map((type: StreamType) => topicFor(prefix, type));
}

export const EVENT_TYPE_HEADER = 'event-type';
export const SCHEMA_VERSION_HEADER = 'schema-version';
