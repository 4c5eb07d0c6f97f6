import type { Visibility, VisibilityWindow } from '@riskledger/domain';
import { unitSubtreeCondition } from './reference-data/reference-data.queries';

/** Where a register keeps what visibility is decided on. */
export interface VisibilityColumns {
  /** The record's organisational unit (text). */
  unitColumn: string;
  /** The record's security areas (text[]): a risk's primary and additional areas. */
  areasColumn?: string;
  /** The record's one security area (text): an incident's. */
  areaColumn?: string;
  /** OPEN or RESTRICTED; a register without it holds nothing restricted. */
  classificationColumn?: string;
  /** Who reported the record; a register without it matches no reporter window. */
  reportedByColumn?: string;
}

/**
 * The SQL condition a register row must meet to be visible to a caller, its values appended to
 * `parameters` (so it composes with the filters before and after it). The one place both
 * registers turn a Visibility into SQL: a record is visible when it is not restricted (or the
 * caller is cleared) and lies in some window: within the subtree of one of the window's units
 * (unitSubtreeCondition), in one of its areas, and, for a reporter's window, reported by them.
 */
export function visibilityCondition(
  visibility: Visibility,
  columns: VisibilityColumns,
  parameters: unknown[],
): string {
  const conditions: string[] = [];
  if (!visibility.cleared && columns.classificationColumn) {
    conditions.push(`${columns.classificationColumn} = 'OPEN'`);
  }
  if (visibility.windows !== null) {
    const windows = visibility.windows.map((w) => windowCondition(w, columns, parameters));
    conditions.push(windows.length === 0 ? 'FALSE' : `(${windows.join(' OR ')})`);
  }
  return conditions.length === 0 ? 'TRUE' : `(${conditions.join(' AND ')})`;
}

function windowCondition(
  window: VisibilityWindow,
  columns: VisibilityColumns,
  parameters: unknown[],
): string {
  const parts: string[] = [];
  const add = (value: unknown) => {
    parameters.push(value);
    return parameters.length;
  };
  if (window.units !== null) {
    const units = window.units.map((unit) => unitSubtreeCondition(columns.unitColumn, add(unit)));
    parts.push(units.length === 0 ? 'FALSE' : `(${units.join(' OR ')})`);
  }
  if (window.areas !== null) {
    if (columns.areasColumn) {
      parts.push(`${columns.areasColumn} && $${add([...window.areas])}::text[]`);
    } else if (columns.areaColumn) {
      parts.push(`${columns.areaColumn} = ANY($${add([...window.areas])}::text[])`);
    } else {
      parts.push('FALSE');
    }
  }
  if (window.reportedBy !== null) {
    parts.push(
      columns.reportedByColumn
        ? `${columns.reportedByColumn} = $${add(window.reportedBy)}`
        : 'FALSE',
    );
  }
  return parts.length === 0 ? 'TRUE' : `(${parts.join(' AND ')})`;
}

/** A record as the in-memory rule sees it (the register as of a past moment is not a table). */
export interface VisibleRecord {
  unit: string;
  areas: readonly string[];
  classification?: string;
  /** Absent for risks: a reporter window never matches them. */
  reportedBy?: string;
}

/**
 * The same rule as visibilityCondition, for records computed in memory. `subtreeOf(unit)` gives
 * the codes of the unit and every unit below it in the organisation as it stands now.
 */
export function isVisible(
  record: VisibleRecord,
  visibility: Visibility,
  subtreeOf: (unit: string) => ReadonlySet<string>,
): boolean {
  if (!visibility.cleared && record.classification !== undefined) {
    if (record.classification !== 'OPEN') return false;
  }
  if (visibility.windows === null) return true;
  return visibility.windows.some(
    (w) =>
      (w.units === null ||
        w.units.some((u) => u === record.unit || subtreeOf(u).has(record.unit))) &&
      (w.areas === null || w.areas.some((a) => record.areas.includes(a))) &&
      (w.reportedBy === null ||
        (record.reportedBy !== undefined && record.reportedBy === w.reportedBy)),
  );
}

/** The units named by a visibility's windows, whose subtrees `isVisible` needs. */
export function unitsNamedBy(visibility: Visibility): string[] {
  return [...new Set((visibility.windows ?? []).flatMap((w) => w.units ?? []))];
}
