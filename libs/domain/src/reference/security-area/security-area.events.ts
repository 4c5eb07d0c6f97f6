import type { TypedEvent } from '../../shared/decider';

export type SecurityAreaRegistered = TypedEvent<
  'SecurityAreaRegistered',
  {
    code: string;
    sv: string;
    en: string;
    /** One of the 14 areas of the annual security report, seeded at start; else added by the region. */
    builtIn: boolean;
    /** The area's responsible person (funktionsområdesansvarig), when named. */
    responsible: string | null;
  }
>;

export type SecurityAreaResponsibleAssigned = TypedEvent<
  'SecurityAreaResponsibleAssigned',
  { code: string; responsible: string }
>;

export type SecurityAreaRetired = TypedEvent<
  'SecurityAreaRetired',
  { code: string; reason: string }
>;

export type SecurityAreaEvent =
  SecurityAreaRegistered | SecurityAreaResponsibleAssigned | SecurityAreaRetired;
