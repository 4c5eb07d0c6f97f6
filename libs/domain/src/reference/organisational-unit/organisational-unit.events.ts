import type { TypedEvent } from '../../shared/decider';

/**
 * The levels of a region's organisation: the region itself, its administrations (förvaltningar)
 * and companies, their departments (divisions, clinics) and the units (wards, offices) below them.
 */
export const ORGANISATIONAL_UNIT_KINDS = [
  'REGION',
  'ADMINISTRATION',
  'COMPANY',
  'DEPARTMENT',
  'UNIT',
] as const;
export type OrganisationalUnitKind = (typeof ORGANISATIONAL_UNIT_KINDS)[number];

export type OrganisationalUnitRegistered = TypedEvent<
  'OrganisationalUnitRegistered',
  { code: string; name: string; parentCode: string | null; kind: OrganisationalUnitKind }
>;

export type OrganisationalUnitRenamed = TypedEvent<
  'OrganisationalUnitRenamed',
  { code: string; name: string; previousName: string }
>;

export type OrganisationalUnitMoved = TypedEvent<
  'OrganisationalUnitMoved',
  { code: string; parentCode: string; previousParentCode: string }
>;

export type OrganisationalUnitClosed = TypedEvent<
  'OrganisationalUnitClosed',
  { code: string; reason: string }
>;

export type OrganisationalUnitEvent =
  | OrganisationalUnitRegistered
  | OrganisationalUnitRenamed
  | OrganisationalUnitMoved
  | OrganisationalUnitClosed;
