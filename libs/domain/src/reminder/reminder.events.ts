import type { TypedEvent } from '../shared/decider';

/**
 * What an owner is reminded of: a review coming due within the horizon or overdue, a mitigation
 * past its due date, an acceptance that lapses within the horizon.
 */
export const REMINDER_KINDS = [
  'REVIEW_DUE',
  'REVIEW_OVERDUE',
  'MITIGATION_OVERDUE',
  'ACCEPTANCE_LAPSING',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface Reminder {
  kind: ReminderKind;
  riskId: string;
  /** The mitigation, for MITIGATION_OVERDUE. */
  mitigationId: string | null;
  /** The acceptance, for ACCEPTANCE_LAPSING. */
  acceptanceId: string | null;
  /** The review date, the mitigation's due date or the acceptance's lapse date (YYYY-MM-DD). */
  date: string;
}

/**
 * A digest of reminders was put together for one owner on one day, before it is sent: each
 * reminder is in one digest only, so a restart or a second instance never sends it again. Ids
 * only: the mail names the risks as the register has them when it is sent.
 */
export type ReminderDigestPrepared = TypedEvent<
  'ReminderDigestPrepared',
  { recipient: string; day: string; reminders: Reminder[] }
>;

export type ReminderDigestSent = TypedEvent<
  'ReminderDigestSent',
  { attempt: number; messageId: string }
>;

/** A send failed; it is tried again at retryAt, or never (null) when the attempts are used up. */
export type ReminderDigestSendFailed = TypedEvent<
  'ReminderDigestSendFailed',
  { attempt: number; error: string; retryAt: string | null }
>;

export type ReminderEvent = ReminderDigestPrepared | ReminderDigestSent | ReminderDigestSendFailed;

/** Every type of the reminder stream's events. */
export const REMINDER_EVENT_TYPES: readonly ReminderEvent['type'][] = [
  'ReminderDigestPrepared',
  'ReminderDigestSent',
  'ReminderDigestSendFailed',
];

export function isReminderEvent(event: { type: string }): event is ReminderEvent {
  return (REMINDER_EVENT_TYPES as readonly string[]).includes(event.type);
}
