import type { ReportingStage } from './reporting-obligation';

/** The obligation as an administrator sends it: unchecked strings, checked by the decider. */
export interface ReportingObligationInput {
  code: string;
  authority: string;
  sv: string;
  en: string;
  kinds: string[];
  personalData: boolean;
  stages: ReportingStage[];
}

export interface RegisterReportingObligation extends ReportingObligationInput {
  type: 'RegisterReportingObligation';
  /** Only the seeding of the four obligations sets it. */
  builtIn?: boolean;
}

export interface ReviseReportingObligation extends ReportingObligationInput {
  type: 'ReviseReportingObligation';
}

export interface RetireReportingObligation {
  type: 'RetireReportingObligation';
  code: string;
  reason: string;
}

export type ReportingObligationCommand =
  RegisterReportingObligation | ReviseReportingObligation | RetireReportingObligation;
