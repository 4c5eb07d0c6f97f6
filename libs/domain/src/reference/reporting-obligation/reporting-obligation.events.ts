import type { TypedEvent } from '../../shared/decider';
import type { ReportingObligation } from './reporting-obligation';

export type ReportingObligationRegistered = TypedEvent<
  'ReportingObligationRegistered',
  ReportingObligation & {
    /** One of the four seeded at start; else added by the region. */
    builtIn: boolean;
  }
>;

/** The whole obligation as it reads from now on: authority, what it applies to, its stages. */
export type ReportingObligationRevised = TypedEvent<
  'ReportingObligationRevised',
  ReportingObligation
>;

export type ReportingObligationRetired = TypedEvent<
  'ReportingObligationRetired',
  { code: string; reason: string }
>;

export type ReportingObligationEvent =
  ReportingObligationRegistered | ReportingObligationRevised | ReportingObligationRetired;
