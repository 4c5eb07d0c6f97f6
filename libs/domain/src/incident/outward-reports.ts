import type { IncidentKind, OutwardAuthority } from './incident.events';

/**
 * The outward reports a kind of incident always requires, as we read the rules:
 * - SERIOUS_NEAR_MISS → Arbetsmiljöverket: an employer must report a serious near miss (allvarligt
 *   tillbud) at once (Arbetsmiljöförordningen 2 § / AML 3 kap. 3 a §).
 * - CARE_INJURY → IVO: a care injury is reported under lex Maria (Patientsäkerhetslagen 3 kap. 5 §).
 *   The law asks it for serious care injuries; we ask it for every care injury, so that the
 *   judgement "not serious" is made, and recorded, by reporting or by dismissing the incident.
 * - IT_INCIDENT → MSB: incidents in network and information systems of essential services, which a
 *   region's healthcare is, are reported to MSB (NIS, now cybersäkerhetslagen).
 * Not required by kind alone: an ACCIDENT goes to Arbetsmiljöverket only when it caused death or
 * serious injury, a personal data breach to IMY only when personal data was affected, a crime to
 * the police when someone decides to report it. Those reports are recorded when made, not demanded.
 */
export const OUTWARD_REPORTS_REQUIRED: Readonly<Record<IncidentKind, readonly OutwardAuthority[]>> =
  {
    DEFICIENCY: [],
    DEVIATION: [],
    NEAR_MISS: [],
    SERIOUS_NEAR_MISS: ['ARBETSMILJOVERKET'],
    ACCIDENT: [],
    CARE_INJURY: ['IVO'],
    IT_INCIDENT: ['MSB'],
  };

/**
 * Kinds that must be investigated (findings and root cause) before they are closed: DOMAIN.md says
 * a serious near miss must be investigated; an accident and a care injury harmed someone, and the
 * lex Maria report itself asks for the investigation.
 */
export const KINDS_TO_INVESTIGATE: readonly IncidentKind[] = [
  'SERIOUS_NEAR_MISS',
  'ACCIDENT',
  'CARE_INJURY',
];

/** Reports made before kinds were recorded (kind null) require nothing: nobody can say what. */
export function outwardReportsRequired(kind: IncidentKind | null): readonly OutwardAuthority[] {
  return kind === null ? [] : OUTWARD_REPORTS_REQUIRED[kind];
}

/** The required authorities not yet reported to. */
export function outwardReportsMissing(
  kind: IncidentKind | null,
  reportedTo: readonly OutwardAuthority[],
): OutwardAuthority[] {
  return outwardReportsRequired(kind).filter((authority) => !reportedTo.includes(authority));
}

export function mustBeInvestigated(kind: IncidentKind | null): boolean {
  return kind !== null && KINDS_TO_INVESTIGATE.includes(kind);
}
