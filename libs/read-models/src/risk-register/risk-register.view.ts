import type { RiskRegisterEntry } from './risk-register-entry';

/** What a register entry says only in relation to a day and the matrix in force. */
export interface RiskRegisterView extends RiskRegisterEntry {
  /** The next review date has passed without a review (an open risk only). */
  reviewOverdue: boolean;
  /** A planned or started mitigation is past its due date (an open risk only). */
  mitigationOverdue: boolean;
  /**
   * An incident was linked to the risk since its last review or assessment, or its headline
   * assessment used an older matrix version than the one in force.
   */
  needsReview: boolean;
  /** Why it needs review, in words. */
  needsReviewBecause: string[];
}

export interface ViewMoment {
  /** The calendar day (YYYY-MM-DD) the entry is looked at. */
  today: string;
  /** The version of the risk matrix in force. */
  matrixVersion: number;
}

/**
 * Computed when read, never stored: overdue-ness moves with the calendar and a new matrix version
 * applies to every risk at once, without an event on each.
 */
export function viewOf(entry: RiskRegisterEntry, moment: ViewMoment): RiskRegisterView {
  const open = entry.status === 'OPEN';
  const outdated =
    entry.matrixVersion !== null && entry.matrixVersion < moment.matrixVersion
      ? [
          `assessed with matrix version ${entry.matrixVersion}; version ${moment.matrixVersion} is in force`,
        ]
      : [];
  const because = open ? [...entry.reviewReasons, ...outdated] : [];
  return {
    ...entry,
    reviewOverdue: open && entry.nextReviewDate !== null && entry.nextReviewDate < moment.today,
    mitigationOverdue:
      open &&
      entry.mitigations.some(
        (m) =>
          (m.status === 'PLANNED' || m.status === 'IN_PROGRESS') &&
          m.dueDate !== null &&
          m.dueDate < moment.today,
      ),
    needsReview: because.length > 0,
    needsReviewBecause: because,
  };
}
