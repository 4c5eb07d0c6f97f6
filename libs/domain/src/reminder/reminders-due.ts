import { addDays } from '../risk/calendar-days';
import type { Reminder } from './reminder.events';

/** Reviews coming due and acceptances lapsing within this many days are reminded of. */
export const REMINDER_HORIZON_DAYS = 30;

/** A risk as far as reminders read it (the register's entry has these fields). */
export interface RiskToRemind {
  riskId: string;
  owner: string | null;
  status: 'OPEN' | 'CLOSED';
  nextReviewDate: string | null;
  mitigations: readonly {
    mitigationId: string;
    owner: string | null;
    dueDate: string | null;
    status: string;
  }[];
  acceptance: { acceptanceId: string; lapsesOn: string; status: string } | null;
}

/**
 * The reminders due on `today`, by whom they go to: the risk's owner, or for a mitigation its own
 * owner when it has one. Closed risks and risks without an owner remind nobody.
 */
export function remindersDue(
  risks: readonly RiskToRemind[],
  today: string,
): Map<string, Reminder[]> {
  const horizon = addDays(today, REMINDER_HORIZON_DAYS);
  const due = new Map<string, Reminder[]>();
  const remind = (recipient: string | null, reminder: Reminder) => {
    if (!recipient) return;
    due.set(recipient, [...(due.get(recipient) ?? []), reminder]);
  };
  for (const risk of risks) {
    if (risk.status !== 'OPEN') continue;
    const base = { riskId: risk.riskId, mitigationId: null, acceptanceId: null };
    const review = risk.nextReviewDate;
    if (review !== null && review <= horizon) {
      remind(risk.owner, {
        ...base,
        kind: review < today ? 'REVIEW_OVERDUE' : 'REVIEW_DUE',
        date: review,
      });
    }
    for (const m of risk.mitigations) {
      const open = m.status === 'PLANNED' || m.status === 'IN_PROGRESS';
      if (!open || m.dueDate === null || m.dueDate >= today) continue;
      remind(m.owner ?? risk.owner, {
        ...base,
        kind: 'MITIGATION_OVERDUE',
        mitigationId: m.mitigationId,
        date: m.dueDate,
      });
    }
    const acceptance = risk.acceptance;
    if (acceptance?.status === 'IN_FORCE' && acceptance.lapsesOn <= horizon) {
      remind(risk.owner, {
        ...base,
        kind: 'ACCEPTANCE_LAPSING',
        acceptanceId: acceptance.acceptanceId,
        date: acceptance.lapsesOn,
      });
    }
  }
  return due;
}

/**
 * What makes a reminder the same one: a review is reminded once when it comes due and once when
 * it is overdue, and again if its date moves; a mitigation once per due date; an acceptance once.
 */
export function reminderKey(reminder: Reminder): string {
  return [
    reminder.kind,
    reminder.riskId,
    reminder.mitigationId ?? '',
    reminder.acceptanceId ?? '',
    reminder.date,
  ].join('|');
}
