import type { EventEnvelope } from '@riskledger/contracts';

/**
 * The PostgreSQL channel on which the projector announces which records its read models changed.
 * A NOTIFY is delivered when, and only when, its transaction commits, in commit order: an open
 * console hears of a change exactly when the register holds it, never before and never from an
 * in-process bus that would lose it.
 */
export const READ_MODEL_CHANGES_CHANNEL = 'read_model_changes';

/** The kinds of record a page shows, whose changes are announced. */
export const ANNOUNCED_STREAM_TYPES = ['risk', 'incident', 'goal'] as const;
export type AnnouncedStreamType = (typeof ANNOUNCED_STREAM_TYPES)[number];

/** One record a committed batch changed, and the newest log position applied to it. */
export interface ReadModelChange {
  streamType: AnnouncedStreamType;
  streamId: string;
  position: number;
  eventType: string;
}

/** PostgreSQL refuses a payload of 8,000 bytes or more; a big batch is told in several. */
const PAYLOAD_LIMIT = 7000;

/**
 * The NOTIFY payloads that announce the records a batch changed; the projector sends them with
 * the statement that moves the batch's checkpoints (applyToTargets), inside its transaction.
 */
export function announcementsOf(applied: readonly EventEnvelope[]): string[] {
  return payloadsOf(changesOf(applied));
}

/** The newest change per record, of the kinds announced. */
export function changesOf(applied: readonly EventEnvelope[]): ReadModelChange[] {
  const newest = new Map<string, ReadModelChange>();
  for (const e of applied) {
    if (!isAnnounced(e.streamType)) continue;
    const known = newest.get(e.streamId);
    if (known && known.position > e.position) continue;
    newest.set(e.streamId, {
      streamType: e.streamType,
      streamId: e.streamId,
      position: e.position,
      eventType: e.type,
    });
  }
  return [...newest.values()];
}

/** JSON arrays of changes, each under PostgreSQL's payload limit. */
export function payloadsOf(changes: readonly ReadModelChange[]): string[] {
  const payloads: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const change of changes) {
    const text = JSON.stringify(change);
    if (current.length > 0 && size + text.length + 1 > PAYLOAD_LIMIT) {
      payloads.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(text);
    size += text.length + 1;
  }
  if (current.length > 0) payloads.push(`[${current.join(',')}]`);
  return payloads;
}

/** Reads a payload back; anything that is not a list of changes reads as none. */
export function parseChanges(payload: string): ReadModelChange[] {
  try {
    const parsed: unknown = JSON.parse(payload);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (c): c is ReadModelChange =>
        typeof c === 'object' &&
        c !== null &&
        isAnnounced((c as ReadModelChange).streamType) &&
        typeof (c as ReadModelChange).streamId === 'string' &&
        typeof (c as ReadModelChange).position === 'number',
    );
  } catch {
    return [];
  }
}

function isAnnounced(streamType: string): streamType is AnnouncedStreamType {
  return (ANNOUNCED_STREAM_TYPES as readonly string[]).includes(streamType);
}
