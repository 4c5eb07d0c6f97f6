import {
  obligationApplies,
  SEEDED_REPORTING_OBLIGATIONS,
} from '../reference/reporting-obligation/reporting-obligation';
import { INCIDENT_KINDS, type IncidentKind, type OutwardAuthority } from './incident.events';

/**
 * The outward reports a kind of incident always requires: the authorities of the seeded reporting
 * obligations (reference/reporting-obligation, which says why each is there) that apply to it.
 * Not required by kind alone: an ACCIDENT goes to Arbetsmiljöverket only when it caused death or
 * serious injury, a crime to the police when someone decides to report it; a personal data breach
 * goes to IMY when personal data was affected (an incident says so at report or later). Those
 * reports are recorded when made, not demanded by kind.
 */
export const OUTWARD_REPORTS_REQUIRED: Readonly<Record<IncidentKind, readonly OutwardAuthority[]>> =
  Object.fromEntries(
    INCIDENT_KINDS.map((kind) => [kind, authoritiesOwed(kind, null)]),
  ) as unknown as Record<IncidentKind, readonly OutwardAuthority[]>;

function authoritiesOwed(
  kind: IncidentKind | null,
  personalDataAffected: boolean | null,
): OutwardAuthority[] {
  const owed = SEEDED_REPORTING_OBLIGATIONS.filter((o) =>
    obligationApplies(o, { kind, personalDataAffected }),
  ).map((o) => o.authority);
  return [...new Set(owed)];
}

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

/**
 * Reports made before kinds were recorded (kind null) require nothing by kind: nobody can say
 * what. Personal data affected (true) adds IMY; unknown (null) does not.
 */
export function outwardReportsRequired(
  kind: IncidentKind | null,
  personalDataAffected: boolean | null = null,
): readonly OutwardAuthority[] {
  return authoritiesOwed(kind, personalDataAffected);
}

/** The required authorities not yet reported to. */
export function outwardReportsMissing(
  kind: IncidentKind | null,
  reportedTo: readonly OutwardAuthority[],
  personalDataAffected: boolean | null = null,
): OutwardAuthority[] {
  return outwardReportsRequired(kind, personalDataAffected).filter(
    (authority) => !reportedTo.includes(authority),
  );
}

export function mustBeInvestigated(kind: IncidentKind | null): boolean {
  return kind !== null && KINDS_TO_INVESTIGATE.includes(kind);
}
