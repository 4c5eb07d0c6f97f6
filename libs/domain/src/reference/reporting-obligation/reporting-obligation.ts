import type { IncidentKind, OutwardAuthority } from '../../incident/incident.events';

/**
 * One step of an outward report with its own deadline, counted from when the incident was
 * discovered. `withinHours` null means "utan dröjsmål" (without delay): the law gives no number of
 * hours, so the clock shows it as due from the moment of discovery, never as "overdue by".
 */
export interface ReportingStage {
  sv: string;
  en: string;
  withinHours: number | null;
}

/**
 * What a region must report outward, to whom and by when: reference data a region can change.
 * It applies to an incident of one of `kinds`, or (when `personalData`) to any incident where
 * personal data was affected.
 */
export interface ReportingObligation {
  code: string;
  authority: OutwardAuthority;
  sv: string;
  en: string;
  kinds: IncidentKind[];
  personalData: boolean;
  stages: ReportingStage[];
}

/**
 * The obligations every region starts with, as we read the rules (a region changes them):
 * - IMY: a personal data breach within 72 hours of becoming aware of it (GDPR art. 33).
 * - MSB: a significant incident under cybersäkerhetslagen (NIS2 art. 23): an early warning within
 *   24 hours and an incident notification within 72 hours. A region's healthcare is an essential
 *   service, so every IT incident is asked for; "not significant" is a judgement made by
 *   reporting or dismissing.
 * - Arbetsmiljöverket: a serious near miss without delay (Arbetsmiljöförordningen 2 §).
 * - IVO: a care injury without delay (lex Maria, Patientsäkerhetslagen 3 kap. 5 §); asked for
 *   every care injury, so that "not serious" is decided and recorded.
 */
export const SEEDED_REPORTING_OBLIGATIONS: readonly ReportingObligation[] = [
  {
    code: 'IMY_PERSONAL_DATA_BREACH',
    authority: 'IMY',
    sv: 'Personuppgiftsincident (dataskyddsförordningen art. 33)',
    en: 'Personal data breach (GDPR art. 33)',
    kinds: [],
    personalData: true,
    stages: [{ sv: 'Anmälan', en: 'Notification', withinHours: 72 }],
  },
  {
    code: 'MSB_SIGNIFICANT_IT_INCIDENT',
    authority: 'MSB',
    sv: 'Betydande IT-incident (cybersäkerhetslagen)',
    en: 'Significant IT incident (Cybersecurity Act, NIS2)',
    kinds: ['IT_INCIDENT'],
    personalData: false,
    stages: [
      { sv: 'Tidig varning', en: 'Early warning', withinHours: 24 },
      { sv: 'Incidentanmälan', en: 'Incident notification', withinHours: 72 },
    ],
  },
  {
    code: 'AV_SERIOUS_NEAR_MISS',
    authority: 'ARBETSMILJOVERKET',
    sv: 'Allvarligt tillbud (arbetsmiljöförordningen 2 §)',
    en: 'Serious near miss (Work Environment Ordinance s. 2)',
    kinds: ['SERIOUS_NEAR_MISS'],
    personalData: false,
    stages: [{ sv: 'Anmälan', en: 'Report', withinHours: null }],
  },
  {
    code: 'IVO_LEX_MARIA',
    authority: 'IVO',
    sv: 'Vårdskada (lex Maria)',
    en: 'Care injury (lex Maria)',
    kinds: ['CARE_INJURY'],
    personalData: false,
    stages: [{ sv: 'Anmälan', en: 'Report', withinHours: null }],
  },
];

/** What the obligations need to know of an incident to say whether they apply. */
export interface IncidentToReport {
  kind: IncidentKind | null;
  /** null: not recorded (reports from before it was asked), which does not count as yes. */
  personalDataAffected: boolean | null;
}

export function obligationApplies(
  obligation: ReportingObligation,
  incident: IncidentToReport,
): boolean {
  const byKind = incident.kind !== null && obligation.kinds.includes(incident.kind);
  return byKind || (obligation.personalData && incident.personalDataAffected === true);
}
