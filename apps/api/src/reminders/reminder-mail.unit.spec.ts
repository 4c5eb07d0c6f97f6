import type { Reminder } from '@riskledger/domain';
import { reminderAddress } from './reminder-address';
import { reminderMail, type RemindedRisk } from './reminder-mail';

const reminder = (overrides: Partial<Reminder>): Reminder => ({
  kind: 'REVIEW_DUE',
  riskId: 'r1',
  mitigationId: null,
  acceptanceId: null,
  date: '2027-01-04',
  ...overrides,
});

describe('reminderMail', () => {
  const risks = new Map<string, RemindedRisk>([
    [
      'r1',
      {
        title: 'Olåst läkemedelsrum',
        restricted: false,
        mitigations: new Map([['m1', 'Kortläsare']]),
      },
    ],
    [
      'r2',
      { title: 'Hemlig anläggning', restricted: true, mitigations: new Map([['m2', 'Stängsel']]) },
    ],
  ]);

  it('groups the reminders in Swedish, the overdue first', () => {
    const { subject, text } = reminderMail(
      {
        day: '2026-12-05',
        reminders: [
          reminder({}),
          reminder({ kind: 'MITIGATION_OVERDUE', mitigationId: 'm1', date: '2026-12-01' }),
          reminder({ kind: 'REVIEW_OVERDUE', date: '2026-12-04' }),
          reminder({ kind: 'ACCEPTANCE_LAPSING', acceptanceId: 'a1', date: '2026-12-20' }),
        ],
      },
      risks,
      'sv',
    );
    expect(subject).toBe('Påminnelse från riskregistret: 4 saker att ta hand om');
    expect(text.indexOf('Granskningar som är försenade')).toBeLessThan(
      text.indexOf('Granskningar inom 30 dagar'),
    );
    expect(text).toContain(
      '- Åtgärden ”Kortläsare” (”Olåst läkemedelsrum” [r1]): skulle ha varit klar 2026-12-01',
    );
    expect(text).toContain(
      'Riskacceptanser som upphör inom 30 dagar:\n- ”Olåst läkemedelsrum” [r1]: acceptansen upphör 2026-12-20',
    );
  });

  it('never names a restricted risk or its mitigation, only its id', () => {
    const { text } = reminderMail(
      {
        day: '2026-12-05',
        reminders: [reminder({ riskId: 'r2', kind: 'MITIGATION_OVERDUE', mitigationId: 'm2' })],
      },
      risks,
      'sv',
    );
    expect(text).not.toMatch(/Hemlig|Stängsel/);
    expect(text).toContain('En åtgärd (en risk med säkerhetsskydd [r2])');
  });

  it('writes English when asked', () => {
    const { subject } = reminderMail({ day: '2026-12-05', reminders: [reminder({})] }, risks, 'en');
    expect(subject).toBe('Reminder from the risk register: 1 thing to see to');
  });
});

describe('reminderAddress', () => {
  it('uses an owner id that is an address, else the mail domain, else none', () => {
    expect(reminderAddress('anna.berg@region.se', undefined)).toBe('anna.berg@region.se');
    expect(reminderAddress('anna.berg', 'region.se')).toBe('anna.berg@region.se');
    expect(reminderAddress('anna.berg', undefined)).toBeNull();
    expect(reminderAddress('two words', 'region.se')).toBeNull();
  });
});
