import type { Reminder, ReminderKind } from '@riskledger/domain';

/** What the mail says of a risk: its title, unless it is restricted (säkerhetsskydd). */
export interface RemindedRisk {
  title: string;
  restricted: boolean;
  mitigations: ReadonlyMap<string, string>;
}

const ORDER: readonly ReminderKind[] = [
  'REVIEW_OVERDUE',
  'REVIEW_DUE',
  'MITIGATION_OVERDUE',
  'ACCEPTANCE_LAPSING',
];

const WORDS = {
  sv: {
    subject: (count: number) =>
      `Påminnelse från riskregistret: ${count} ${count === 1 ? 'sak' : 'saker'} att ta hand om`,
    greeting: (day: string) => `Hej!\n\nDet här är dina påminnelser från riskregistret ${day}.`,
    headings: {
      REVIEW_OVERDUE: 'Granskningar som är försenade',
      REVIEW_DUE: 'Granskningar inom 30 dagar',
      MITIGATION_OVERDUE: 'Åtgärder som har passerat sitt slutdatum',
      ACCEPTANCE_LAPSING: 'Riskacceptanser som upphör inom 30 dagar',
    },
    line: {
      REVIEW_OVERDUE: (risk: string, date: string) => `${risk}: skulle ha granskats ${date}`,
      REVIEW_DUE: (risk: string, date: string) => `${risk}: ska granskas senast ${date}`,
      MITIGATION_OVERDUE: (risk: string, date: string, mitigation: string) =>
        `${mitigation} (${risk}): skulle ha varit klar ${date}`,
      ACCEPTANCE_LAPSING: (risk: string, date: string) => `${risk}: acceptansen upphör ${date}`,
    },
    restricted: 'en risk med säkerhetsskydd',
    risk: (title: string) => `”${title}”`,
    mitigation: (title: string) => `Åtgärden ”${title}”`,
    someMitigation: 'En åtgärd',
    footer:
      'Risk-id står inom hakparentes; öppna risken i riskregistret för att göra det som behövs.\n' +
      'Meddelandet skickades automatiskt. Du påminns om varje sak en gång.',
  },
  en: {
    subject: (count: number) =>
      `Reminder from the risk register: ${count} ${count === 1 ? 'thing' : 'things'} to see to`,
    greeting: (day: string) =>
      `Hello,\n\nthese are your reminders from the risk register on ${day}.`,
    headings: {
      REVIEW_OVERDUE: 'Reviews overdue',
      REVIEW_DUE: 'Reviews due within 30 days',
      MITIGATION_OVERDUE: 'Mitigations past their due date',
      ACCEPTANCE_LAPSING: 'Risk acceptances lapsing within 30 days',
    },
    line: {
      REVIEW_OVERDUE: (risk: string, date: string) => `${risk}: review was due ${date}`,
      REVIEW_DUE: (risk: string, date: string) => `${risk}: review due by ${date}`,
      MITIGATION_OVERDUE: (risk: string, date: string, mitigation: string) =>
        `${mitigation} (${risk}): was due ${date}`,
      ACCEPTANCE_LAPSING: (risk: string, date: string) => `${risk}: the acceptance lapses ${date}`,
    },
    restricted: 'a risk under protective security',
    risk: (title: string) => `“${title}”`,
    mitigation: (title: string) => `The mitigation “${title}”`,
    someMitigation: 'A mitigation',
    footer:
      'Risk ids are in square brackets; open the risk in the risk register to do what is needed.\n' +
      'This message was sent automatically. You are reminded of each thing once.',
  },
} as const;

/**
 * The digest as plain text, grouped by what is to be done, the most urgent first. A restricted
 * risk's title stays out of e-mail: the mail names it by id only.
 */
export function reminderMail(
  digest: { day: string; reminders: readonly Reminder[] },
  risks: ReadonlyMap<string, RemindedRisk>,
  language: 'sv' | 'en',
): { subject: string; text: string } {
  const w = WORDS[language];
  const name = (riskId: string) => {
    const risk = risks.get(riskId);
    const title = !risk || risk.restricted ? w.restricted : w.risk(risk.title);
    return `${title} [${riskId}]`;
  };
  const sections = ORDER.flatMap((kind) => {
    const of = digest.reminders.filter((r) => r.kind === kind);
    if (of.length === 0) return [];
    const lines = of.map((r) => {
      const risk = risks.get(r.riskId);
      const mitigation = risk?.mitigations.get(r.mitigationId ?? '');
      const what = risk?.restricted || !mitigation ? w.someMitigation : w.mitigation(mitigation);
      return `- ${w.line[kind](name(r.riskId), r.date, what)}`;
    });
    return [`${w.headings[kind]}:\n${lines.join('\n')}`];
  });
  return {
    subject: w.subject(digest.reminders.length),
    text: [w.greeting(digest.day), ...sections, w.footer].join('\n\n') + '\n',
  };
}
