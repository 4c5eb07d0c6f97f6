import type { Reminder, ReminderEvent } from './reminder.events';

/** One owner's digest of one day, folded from its stream. */
export interface ReminderDigest {
  recipient: string;
  day: string;
  reminders: Reminder[];
  /** Sends tried so far, failed or not. */
  attempts: number;
  sent: boolean;
  /** When a failed send is tried again (ISO 8601); null while none failed, or when given up. */
  retryAt: string | null;
  gaveUp: boolean;
}

export function evolveReminderDigest(
  digest: ReminderDigest | null,
  event: ReminderEvent,
): ReminderDigest | null {
  switch (event.type) {
    case 'ReminderDigestPrepared':
      return { ...event.data, attempts: 0, sent: false, retryAt: null, gaveUp: false };
    case 'ReminderDigestSent':
      return digest && { ...digest, attempts: event.data.attempt, sent: true, retryAt: null };
    case 'ReminderDigestSendFailed':
      return (
        digest && {
          ...digest,
          attempts: event.data.attempt,
          retryAt: event.data.retryAt,
          gaveUp: event.data.retryAt === null,
        }
      );
  }
}

/**
 * Whether the digest is to be sent now: prepared and not sent, never tried (also after a process
 * stopped between preparing and sending it), or failed and its retry time has come.
 */
export function digestIsDue(digest: ReminderDigest, now: Date): boolean {
  if (digest.sent || digest.gaveUp) return false;
  return digest.retryAt === null || Date.parse(digest.retryAt) <= now.getTime();
}

/**
 * When a failed attempt is tried again: after backoffMs, twice as long after each further
 * failure; null once maxAttempts have been made.
 */
export function retryAfterFailure(
  attempt: number,
  policy: { maxAttempts: number; backoffMs: number },
  now: Date,
): string | null {
  if (attempt >= policy.maxAttempts) return null;
  return new Date(now.getTime() + policy.backoffMs * 2 ** (attempt - 1)).toISOString();
}

/** At most one digest per owner and day: its stream is named by both. */
export function reminderDigestStreamId(recipient: string, day: string): string {
  return `reminder-digest:${day}:${recipient}`;
}
