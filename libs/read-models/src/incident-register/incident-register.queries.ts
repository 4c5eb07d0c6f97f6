import { EVERYTHING, type Visibility } from '@riskledger/domain';
import type { DataSource } from 'typeorm';
import { unitSubtreeCondition } from '../reference-data/reference-data.queries';
import { visibilityCondition } from '../visibility-condition';
import type { IncidentRegisterEntry } from './incident-register-entry';
import { entryOf, type IncidentRegisterRow } from './incident-register.table';

export interface IncidentRegisterFilter {
  area?: string;
  unit?: string;
  /** With `unit`: the unit and every unit below it in the organisational tree. */
  includeSubunits?: boolean;
  kind?: string;
  status?: string;
  /** Severity at least this (incidents without a severity are left out). */
  minSeverity?: number;
  /** Occurred at or after. */
  occurredFrom?: Date;
  /** Occurred at or before. */
  occurredTo?: Date;
  /** Words the title or description contains, in any case. */
  q?: string;
  /** true: only incidents still handled (not CLOSED or DISMISSED); false: only those ended. */
  open?: boolean;
  /** true: only incidents with an outward report required and not yet made; false: the others. */
  outwardReportsMissing?: boolean;
}

/** What the register can be sorted by, and the column each is. */
export const INCIDENT_SORT_COLUMNS = {
  occurredAt: 'occurred_at',
  reportedAt: 'reported_at',
  severity: 'severity',
  title: 'title',
  kind: 'kind',
  area: 'area',
  status: 'status',
} as const;
export type IncidentSortKey = keyof typeof INCIDENT_SORT_COLUMNS;
export const INCIDENT_SORT_KEYS = Object.keys(INCIDENT_SORT_COLUMNS) as IncidentSortKey[];

export interface IncidentSort {
  key: IncidentSortKey;
  descending: boolean;
}

export const DEFAULT_INCIDENT_SORT: IncidentSort = { key: 'occurredAt', descending: true };

export interface IncidentRegisterPage {
  items: IncidentRegisterEntry[];
  /** How many incidents match the filter, on all pages. */
  total: number;
  limit: number;
  offset: number;
}

/** Reads of the incident register, as the API serves them. Pending records are never shown. */
export class IncidentRegisterQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    filter: IncidentRegisterFilter,
    options: { sort?: IncidentSort; limit: number; offset: number; visibility?: Visibility },
  ): Promise<IncidentRegisterPage> {
    const { where, parameters } = incidentRegisterWhere(filter, options.visibility);
    const order = orderOf(options.sort ?? DEFAULT_INCIDENT_SORT);
    const n = parameters.length;
    const rows: (IncidentRegisterRow & { total: string })[] = await this.dataSource.query(
      `SELECT *, count(*) OVER () AS total FROM incident_register WHERE ${where}
       ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...parameters, options.limit, options.offset],
    );
    const total = rows.length > 0 ? Number(rows[0].total) : await this.count(where, parameters);
    return { items: rows.map(entryOf), total, limit: options.limit, offset: options.offset };
  }

  /** Every matching incident, for the export (at most `max`). */
  async all(
    filter: IncidentRegisterFilter,
    sort: IncidentSort = DEFAULT_INCIDENT_SORT,
    max = 100_000,
    visibility: Visibility = EVERYTHING,
  ): Promise<IncidentRegisterEntry[]> {
    const { where, parameters } = incidentRegisterWhere(filter, visibility);
    const rows: IncidentRegisterRow[] = await this.dataSource.query(
      `SELECT * FROM incident_register WHERE ${where} ORDER BY ${orderOf(sort)}
       LIMIT $${parameters.length + 1}`,
      [...parameters, max],
    );
    return rows.map(entryOf);
  }

  /** The incident, if it is reported and visible (everything is, when no visibility is given). */
  async get(
    incidentId: string,
    visibility: Visibility = EVERYTHING,
  ): Promise<IncidentRegisterEntry | null> {
    const parameters: unknown[] = [incidentId];
    const visible = visibilityCondition(visibility, INCIDENT_VISIBILITY_COLUMNS, parameters);
    const [row]: IncidentRegisterRow[] = await this.dataSource.query(
      `SELECT * FROM incident_register
       WHERE incident_id = $1 AND status IS NOT NULL AND ${visible}`,
      parameters,
    );
    return row ? entryOf(row) : null;
  }

  /**
   * Open incidents that may owe an outward report: of one of `kinds`, or (with `personalData`)
   * where personal data was affected. Whether a report is still due is the reporting clock's to say.
   */
  async openOwingReports(
    owed: { kinds: readonly string[]; personalData: boolean },
    visibility: Visibility = EVERYTHING,
  ): Promise<IncidentRegisterEntry[]> {
    const { where, parameters } = incidentRegisterWhere({ open: true }, visibility);
    const n = parameters.length;
    const rows: IncidentRegisterRow[] = await this.dataSource.query(
      `SELECT * FROM incident_register
       WHERE ${where} AND (kind = ANY($${n + 1}) OR ($${n + 2} AND personal_data_affected))
       ORDER BY discovered_at, incident_id`,
      [...parameters, owed.kinds, owed.personalData],
    );
    return rows.map(entryOf);
  }

  private async count(where: string, parameters: unknown[]): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM incident_register WHERE ${where}`,
      parameters,
    );
    return n;
  }
}

export const INCIDENT_VISIBILITY_COLUMNS = {
  unitColumn: 'unit',
  areaColumn: 'area',
  reportedByColumn: 'reported_by',
};

/** The SQL condition (and its values) of a filter: the one way the incident register filters. */
export function incidentRegisterWhere(
  filter: IncidentRegisterFilter,
  visibility: Visibility = EVERYTHING,
): { where: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const conditions = [
    'status IS NOT NULL',
    visibilityCondition(visibility, INCIDENT_VISIBILITY_COLUMNS, parameters),
  ];
  const add = (condition: (p: string) => string, value: unknown) => {
    parameters.push(value);
    conditions.push(condition(`$${parameters.length}`));
  };
  if (filter.area !== undefined) add((p) => `area = ${p}`, filter.area);
  if (filter.unit !== undefined) {
    if (filter.includeSubunits) {
      parameters.push(filter.unit);
      conditions.push(unitSubtreeCondition('unit', parameters.length));
    } else {
      add((p) => `unit = ${p}`, filter.unit);
    }
  }
  if (filter.kind !== undefined) add((p) => `kind = ${p}`, filter.kind);
  if (filter.status !== undefined) add((p) => `status = ${p}`, filter.status);
  if (filter.minSeverity !== undefined) add((p) => `severity >= ${p}`, filter.minSeverity);
  if (filter.occurredFrom !== undefined) add((p) => `occurred_at >= ${p}`, filter.occurredFrom);
  if (filter.occurredTo !== undefined) add((p) => `occurred_at <= ${p}`, filter.occurredTo);
  const flag = (wanted: boolean | undefined, condition: string) => {
    if (wanted !== undefined) conditions.push(wanted ? condition : `NOT ${condition}`);
  };
  flag(filter.open, `status NOT IN ('CLOSED', 'DISMISSED')`);
  flag(
    filter.outwardReportsMissing,
    `jsonb_array_length(coalesce(outward_reports_missing, '[]'::jsonb)) > 0`,
  );
  if (filter.q !== undefined && filter.q.trim() !== '') {
    add(
      (p) => `(title ILIKE ${p} ESCAPE '\\' OR description ILIKE ${p} ESCAPE '\\')`,
      `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  }
  return { where: conditions.join(' AND '), parameters };
}

function orderOf(sort: IncidentSort): string {
  const column = INCIDENT_SORT_COLUMNS[sort.key];
  const direction = sort.descending ? 'DESC' : 'ASC';
  return `${column} ${direction} NULLS LAST, incident_id ${direction}`;
}
