import {
  digestIsDue,
  evolveReminderDigest,
  retryAfterFailure,
  type ReminderDigest,
} from './reminder-digest';
import { isReminderEvent, REMINDER_EVENT_TYPES, type ReminderEvent } from './reminder.events';
import { reminderKey, remindersDue, type RiskToRemind } from './reminders-due';

const risk = (overrides: Partial<RiskToRemind> = {}): RiskToRemind => ({
  riskId: 'r1',
  owner: 'anna',
  status: 'OPEN',
  nextReviewDate: null,
  mitigations: [],
  acceptance: null,
  ...overrides,
});

describe('remindersDue', () => {
  const today = '2026-12-05';

  it('reminds the owner of reviews due within 30 days and overdue, not of later ones', () => {
    const due = remindersDue(
      [
        risk({ riskId: 'soon', nextReviewDate: '2027-01-04' }),
        risk({ riskId: 'late', nextReviewDate: '2026-12-04' }),
        risk({ riskId: 'later', nextReviewDate: '2027-01-05' }),
        risk({ riskId: 'closed', nextReviewDate: '2026-12-01', status: 'CLOSED' }),
        risk({ riskId: 'nobody', nextReviewDate: '2026-12-01', owner: null }),
      ],
      today,
    );
    expect([...due.keys()]).toEqual(['anna']);
    expect(due.get('anna')!.map((r) => [r.riskId, r.kind])).toEqual([
      ['soon', 'REVIEW_DUE'],
      ['late', 'REVIEW_OVERDUE'],
    ]);
  });

  it("reminds a mitigation's own owner of it when past due, else the risk's owner", () => {
    const due = remindersDue(
      [
        risk({
          mitigations: [
            { mitigationId: 'm1', owner: 'bo', dueDate: '2026-12-04', status: 'IN_PROGRESS' },
            { mitigationId: 'm2', owner: null, dueDate: '2026-12-01', status: 'PLANNED' },
            { mitigationId: 'm3', owner: null, dueDate: '2026-12-05', status: 'PLANNED' },
            { mitigationId: 'm4', owner: null, dueDate: '2026-12-01', status: 'APPLIED' },
          ],
        }),
      ],
      today,
    );
    expect(due.get('bo')).toEqual([
      {
        kind: 'MITIGATION_OVERDUE',
        riskId: 'r1',
        mitigationId: 'm1',
        acceptanceId: null,
        date: '2026-12-04',
      },
    ]);
    expect(due.get('anna')!.map((r) => r.mitigationId)).toEqual(['m2']);
  });

  it('reminds of acceptances in force lapsing within 30 days', () => {
    const due = remindersDue(
      [
        risk({
          riskId: 'a',
          acceptance: { acceptanceId: 'x', lapsesOn: '2027-01-04', status: 'IN_FORCE' },
        }),
        risk({
          riskId: 'b',
          acceptance: { acceptanceId: 'y', lapsesOn: '2027-01-05', status: 'IN_FORCE' },
        }),
        risk({
          riskId: 'c',
          acceptance: { acceptanceId: 'z', lapsesOn: '2026-12-10', status: 'REVOKED' },
        }),
      ],
      today,
    );
    expect(due.get('anna')!.map((r) => [r.kind, r.acceptanceId])).toEqual([
      ['ACCEPTANCE_LAPSING', 'x'],
    ]);
  });

  it('tells a review coming due from the same review overdue, and a moved date from the old', () => {
    const [due] = remindersDue([risk({ nextReviewDate: '2026-12-10' })], today).get('anna')!;
    const [overdue] = remindersDue([risk({ nextReviewDate: '2026-12-10' })], '2026-12-11').get(
      'anna',
    )!;
    const [moved] = remindersDue([risk({ nextReviewDate: '2026-12-12' })], today).get('anna')!;
    expect(new Set([reminderKey(due), reminderKey(overdue), reminderKey(moved)]).size).toBe(3);
  });
});

describe('a reminder digest', () => {
  const fold = (events: ReminderEvent[]) =>
    events.reduce<ReminderDigest | null>(evolveReminderDigest, null)!;
  const prepared: ReminderEvent = {
    type: 'ReminderDigestPrepared',
    data: { recipient: 'anna', day: '2026-12-05', reminders: [] },
  };
  const now = new Date('2026-12-05T08:00:00Z');

  it('is due once prepared, also after a process stopped before sending it', () => {
    expect(digestIsDue(fold([prepared]), now)).toBe(true);
  });

  it('is due again when its retry time has come, and never once sent or given up', () => {
    const failed = (retryAt: string | null): ReminderEvent => ({
      type: 'ReminderDigestSendFailed',
      data: { attempt: 1, error: 'refused', retryAt },
    });
    expect(digestIsDue(fold([prepared, failed('2026-12-05T08:01:00Z')]), now)).toBe(false);
    expect(digestIsDue(fold([prepared, failed('2026-12-05T07:59:00Z')]), now)).toBe(true);
    expect(digestIsDue(fold([prepared, failed(null)]), now)).toBe(false);
    const sent: ReminderEvent = {
      type: 'ReminderDigestSent',
      data: { attempt: 2, messageId: 'm' },
    };
    expect(digestIsDue(fold([prepared, failed('2026-12-05T07:59:00Z'), sent]), now)).toBe(false);
  });

  it('waits twice as long after each failure, and gives up after the last attempt', () => {
    const policy = { maxAttempts: 3, backoffMs: 1000 };
    expect(retryAfterFailure(1, policy, now)).toBe('2026-12-05T08:00:01.000Z');
    expect(retryAfterFailure(2, policy, now)).toBe('2026-12-05T08:00:02.000Z');
    expect(retryAfterFailure(3, policy, now)).toBeNull();
  });
});

describe('isReminderEvent', () => {
  it("tells the reminder stream's events from the others", () => {
    for (const type of REMINDER_EVENT_TYPES) expect(isReminderEvent({ type })).toBe(true);
    expect(isReminderEvent({ type: 'RiskIdentified' })).toBe(false);
    expect(isReminderEvent({ type: 'ReminderDigest' })).toBe(false);
  });
});
