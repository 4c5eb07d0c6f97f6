import type { ExportLanguage } from '../../platform/table-export';

/**
 * The document's own words, Swedish first. The headings of each area are those of the report a
 * region already writes (DOMAIN.md): övergripande mål, måluppfyllelse, riskanalyser, incidenter,
 * uppföljning och förbättringar. Levels, kinds and area names come from the export labels.
 */
const WORDS = {
  sv: {
    title: (year: number) => `Säkerhetsberättelse ${year}`,
    intro: (year: number) =>
      `Den årliga säkerhetsberättelsen för ${year}, beräknad ur riskregistrets händelselogg: ` +
      'per säkerhetsområde mål och måluppfyllelse, riskanalyser, incidenter samt uppföljning och förbättringar.',
    provenance: (asOf: string, position: string) =>
      `Beräknad ur händelseloggen som den var registrerad till ${asOf} (loggposition ${position}).`,
    hash: 'Innehållets kontrollsumma (SHA-256)',
    final:
      'Året är avslutat: berättelsen ändras inte längre. En rättelse som registreras senare redovisas i nästa års berättelse.',
    preliminary:
      'Preliminär: året och första kvartalet efter det, då årets mätvärden kommer in, är inte slut. Berättelsen kan ännu ändras.',
    reportDate: 'Loggen läst till',
    page: 'Sida',
    of: 'av',
    summary: 'Sammanfattning för regionen',
    summaryCaption: (year: number) => `Säkerhetsområdena ${year} i sammandrag`,
    area: 'Säkerhetsområde',
    total: 'Hela regionen',
    openRisks: 'Öppna risker vid årets slut',
    highRisks: 'Varav höga och mycket höga',
    changeOpen: 'Förändring mot föregående år',
    incidents: 'Incidenter',
    goalsMet: 'Mål uppfyllda',
    overdue: 'Försenade åtgärder',
    regionProfile: 'Regionens riskprofil vid årets slut',
    goals: 'Övergripande mål',
    noGoals: 'Inga mål sattes för året.',
    goal: 'Mål',
    indicator: 'Indikator',
    target: 'Målvärde',
    fulfilmentTitle: 'Måluppfyllelse',
    fulfilmentCounts: (
      met: number,
      partly: number,
      notMet: number,
      notMeasured: number,
      withdrawn: number,
    ) =>
      `${met} uppfyllda, ${partly} delvis uppfyllda, ${notMet} inte uppfyllda, ${notMeasured} inte mätta, ${withdrawn} återkallade.`,
    latest: 'Senaste värde',
    fulfilment: 'Uppfyllelse',
    fulfilments: {
      MET: 'Uppfyllt',
      PARTLY_MET: 'Delvis uppfyllt',
      NOT_MET: 'Inte uppfyllt',
      NOT_MEASURED: 'Inte mätt',
    } as Record<string, string>,
    withdrawn: (reason: string) => `Återkallat: ${reason}`,
    revised: (goal: string, from: number, to: number, reason: string) =>
      `Målvärdet för ”${goal}” ändrades från ${from} till ${to}: ${reason}`,
    atLeast: 'minst',
    atMost: 'högst',
    riskAnalyses: 'Riskanalyser',
    riskCounts: (identified: number, assessed: number, closed: number, open: number) =>
      `Under året identifierades ${identified} risker, ${assessed} bedömdes och ${closed} avslutades; ${open} var öppna vid årets slut.`,
    profile: 'Riskprofil vid årets slut',
    profileCaption: (area: string) =>
      `Öppna risker i ${area} vid årets slut efter sannolikhet och konsekvens (antal)`,
    likelihood: 'Sannolikhet',
    consequence: 'Konsekvens',
    unassessed: (count: number) => `${count} öppna risker var inte bedömda och saknas i matrisen.`,
    change: 'Förändring sedan föregående år',
    changeCaption: (area: string) => `Öppna risker i ${area} per nivå vid förra och detta års slut`,
    level: 'Nivå',
    previousYear: 'Föregående år',
    thisYear: 'I år',
    difference: 'Förändring',
    allOpen: 'Alla öppna',
    highest: 'Högsta risker',
    highestCaption: (area: string) => `De högst bedömda öppna riskerna i ${area} vid årets slut`,
    noHighest: 'Inga bedömda öppna risker vid årets slut.',
    risk: 'Risk',
    score: 'Riskvärde',
    incidentsTitle: 'Incidenter',
    incidentCounts: (count: number, previous: number) =>
      `${count} incidenter rapporterades under året (föregående år ${previous}).`,
    incidentCaption: (area: string) => `Incidenter i ${area} efter typ och allvarlighetsgrad`,
    kind: 'Typ',
    severity: (value: string) =>
      value === 'NOT_RECORDED' ? 'Ej angiven' : `Allvarlighet ${value}`,
    outward: 'Rapporter till myndigheter',
    outwardNone: 'Inga rapporter till myndigheter gjordes under året.',
    outwardMissing: (count: number) =>
      `${count} rapporter som incidenternas typ kräver saknades vid årets slut.`,
    authorities: {
      ARBETSMILJOVERKET: 'Arbetsmiljöverket',
      IVO: 'IVO',
      IMY: 'IMY',
      MSB: 'MSB',
      POLICE: 'Polisen',
      OTHER: 'Annan myndighet',
    } as Record<string, string>,
    followUp: 'Uppföljning och förbättringar',
    mitigations: (applied: number, verified: number, overdue: number) =>
      `${applied} åtgärder genomfördes och ${verified} följdes upp med verifierad effekt; ` +
      `${overdue} planerade åtgärder var försenade vid årets slut.`,
    quiet: 'Områden utan registrerad verksamhet under året',
    quietText: (areas: string) =>
      `Inga mål, risker, incidenter eller åtgärder registrerades för: ${areas}.`,
  },
  en: {
    title: (year: number) => `Annual security report ${year}`,
    intro: (year: number) =>
      `The annual security report (säkerhetsberättelse) for ${year}, computed from the risk ` +
      "register's event log: per security area goals and their fulfilment, risk analyses, incidents, follow-up and improvements.",
    provenance: (asOf: string, position: string) =>
      `Computed from the event log as recorded up to ${asOf} (log position ${position}).`,
    hash: 'Hash of the content (SHA-256)',
    final:
      'The year is closed: this report no longer changes. A correction recorded later is shown in the next report.',
    preliminary:
      'Preliminary: the year and the quarter after it, when its figures come in, have not ended. The report may still change.',
    reportDate: 'Log read up to',
    page: 'Page',
    of: 'of',
    summary: 'Summary for the region',
    summaryCaption: (year: number) => `The security areas in ${year} at a glance`,
    area: 'Security area',
    total: 'The whole region',
    openRisks: 'Open risks at year end',
    highRisks: 'Of which high and very high',
    changeOpen: 'Change from the year before',
    incidents: 'Incidents',
    goalsMet: 'Goals met',
    overdue: 'Overdue mitigations',
    regionProfile: "The region's risk profile at year end",
    goals: 'Overall goals',
    noGoals: 'No goals were set for the year.',
    goal: 'Goal',
    indicator: 'Indicator',
    target: 'Target',
    fulfilmentTitle: 'Goal fulfilment',
    fulfilmentCounts: (
      met: number,
      partly: number,
      notMet: number,
      notMeasured: number,
      withdrawn: number,
    ) =>
      `${met} met, ${partly} partly met, ${notMet} not met, ${notMeasured} not measured, ${withdrawn} withdrawn.`,
    latest: 'Latest value',
    fulfilment: 'Fulfilment',
    fulfilments: {
      MET: 'Met',
      PARTLY_MET: 'Partly met',
      NOT_MET: 'Not met',
      NOT_MEASURED: 'Not measured',
    } as Record<string, string>,
    withdrawn: (reason: string) => `Withdrawn: ${reason}`,
    revised: (goal: string, from: number, to: number, reason: string) =>
      `The target of “${goal}” was revised from ${from} to ${to}: ${reason}`,
    atLeast: 'at least',
    atMost: 'at most',
    riskAnalyses: 'Risk analyses',
    riskCounts: (identified: number, assessed: number, closed: number, open: number) =>
      `In the year ${identified} risks were identified, ${assessed} assessed and ${closed} closed; ${open} were open at year end.`,
    profile: 'Risk profile at year end',
    profileCaption: (area: string) =>
      `Open risks in ${area} at year end by likelihood and consequence (counts)`,
    likelihood: 'Likelihood',
    consequence: 'Consequence',
    unassessed: (count: number) =>
      `${count} open risks were not assessed and are not in the matrix.`,
    change: 'Change since the year before',
    changeCaption: (area: string) =>
      `Open risks in ${area} by level at the end of last year and this`,
    level: 'Level',
    previousYear: 'Year before',
    thisYear: 'This year',
    difference: 'Change',
    allOpen: 'All open',
    highest: 'Highest risks',
    highestCaption: (area: string) => `The highest assessed open risks in ${area} at year end`,
    noHighest: 'No assessed open risks at year end.',
    risk: 'Risk',
    score: 'Score',
    incidentsTitle: 'Incidents',
    incidentCounts: (count: number, previous: number) =>
      `${count} incidents were reported in the year (the year before: ${previous}).`,
    incidentCaption: (area: string) => `Incidents in ${area} by kind and severity`,
    kind: 'Kind',
    severity: (value: string) => (value === 'NOT_RECORDED' ? 'Not recorded' : `Severity ${value}`),
    outward: 'Reports to authorities',
    outwardNone: 'No reports were made to authorities in the year.',
    outwardMissing: (count: number) =>
      `${count} reports that the incidents' kinds require were missing at year end.`,
    authorities: {
      ARBETSMILJOVERKET: 'Swedish Work Environment Authority',
      IVO: 'IVO (Health and Social Care Inspectorate)',
      IMY: 'IMY (Authority for Privacy Protection)',
      MSB: 'MSB (Civil Contingencies Agency)',
      POLICE: 'The police',
      OTHER: 'Another authority',
    } as Record<string, string>,
    followUp: 'Follow-up and improvements',
    mitigations: (applied: number, verified: number, overdue: number) =>
      `${applied} mitigations were applied and ${verified} verified to have effect; ` +
      `${overdue} planned mitigations were overdue at year end.`,
    quiet: 'Areas with nothing recorded in the year',
    quietText: (areas: string) =>
      `No goals, risks, incidents or mitigations were recorded for: ${areas}.`,
  },
};

export type ReportWords = (typeof WORDS)['sv'];

export function reportWords(language: ExportLanguage): ReportWords {
  return WORDS[language];
}
