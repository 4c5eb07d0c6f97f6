import {
  EVERYTHING,
  type AssessmentBasis,
  type RiskClassification,
  type RiskLevel,
  type Visibility,
} from '@riskledger/domain';
import type { DataSource } from 'typeorm';
import { unitSubtreeCondition } from '../reference-data/reference-data.queries';
import { visibilityCondition } from '../visibility-condition';
import type { RiskRegisterEntry } from './risk-register-entry';
import { entryOf, type RiskRegisterRow } from './risk-register.table';
import type { ViewMoment } from './risk-register-entry';

export interface RiskRegisterFilter {
  /** The primary area or any additional one. */
  area?: string;
  unit?: string;
  /** With `unit`: the unit and every unit below it in the organisational tree. */
  includeSubunits?: boolean;
  /** The headline level: the current one, or the inherent one while no current exists. */
  level?: RiskLevel;
  status?: 'OPEN' | 'CLOSED';
  owner?: string;
  classification?: RiskClassification;
  /** As RiskRegisterView.needsReview says it on the day and matrix version of the moment. */
  needsReview?: boolean;
  /** The next review date is before the moment's day (open risks). */
  reviewOverdue?: boolean;
  /** A planned or started mitigation is due before the moment's day (open risks). */
  mitigationOverdue?: boolean;
  /** Words the title, description or scenario contains, in any case. */
  q?: string;
  /** Open risks whose next review date is on or before this day (YYYY-MM-DD). */
  reviewDueBefore?: string;
  /** Risks with an acceptance in force that lapses on or before this day (YYYY-MM-DD). */
  acceptanceLapsesBefore?: string;
  /** Risks whose assessment of this basis lies in this row, column or cell of the matrix. */
  cell?: MatrixCellFilter;
}

/** A basis alone: risks assessed on it (in some cell); with likelihood and/or consequence: there. */
export interface MatrixCellFilter {
  basis: AssessmentBasis;
  likelihood?: number;
  consequence?: number;
}

/** Whom the register is read for, and on which day against which matrix version. */
export interface RiskRegisterScope {
  /** What the caller may see; everything when absent (tools, never the API). */
  visibility?: Visibility;
  /** Needed by the needsReview, reviewOverdue and mitigationOverdue filters. */
  moment?: ViewMoment;
}

const LEVEL_RANK =
  `CASE level WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 ` +
  `WHEN 'VERY_HIGH' THEN 4 END`;

/** What the register can be sorted by, and the column (or expression) each is. */
export const RISK_SORT_COLUMNS = {
  identifiedAt: 'identified_at',
  score: 'score',
  level: LEVEL_RANK,
  inherentScore: 'inherent_score',
  targetScore: 'target_score',
  nextReviewDate: 'next_review_date',
  title: 'title',
  area: 'area',
  unit: 'unit',
  owner: 'owner',
  status: 'status',
  updatedAt: 'updated_at',
} as const;
export type RiskSortKey = keyof typeof RISK_SORT_COLUMNS;
export const RISK_SORT_KEYS = Object.keys(RISK_SORT_COLUMNS) as RiskSortKey[];

export interface RiskSort {
  key: RiskSortKey;
  descending: boolean;
}

export const DEFAULT_RISK_SORT: RiskSort = { key: 'identifiedAt', descending: false };

export interface RiskRegisterPage<T = RiskRegisterEntry> {
  items: T[];
  /** How many risks match the filter (and are visible), on all pages. */
  total: number;
  limit: number;
  offset: number;
}

/** Rows: likelihood 1..5, columns: consequence 1..5 (counts[likelihood - 1][consequence - 1]). */
export type MatrixCounts = number[][];

export interface RiskMatrixCounts {
  inherent: MatrixCounts;
  /** The headline assessment: the current one, or the inherent one while no current exists. */
  current: MatrixCounts;
  /** The target (residual) assessment. */
  target: MatrixCounts;
  /** Risks matching the filter, assessed or not. */
  total: number;
}

export const emptyMatrixCounts = (): MatrixCounts =>
  Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 0));

/**
 * Where the register's reads find its rows: a relation named risk_register with the live
 * register's filter, order and visibility columns, the values it needs numbered from $1, and how
 * a row gives its whole entry.
 */
export interface RiskRegisterSource {
  relation: string;
  parameters: readonly unknown[];
  /** The columns read for whole entries. */
  entryColumns: string;
  entryOf(row: Record<string, unknown>): RiskRegisterEntry;
}

/** The live register: the table the projector keeps. */
const LIVE_REGISTER: RiskRegisterSource = {
  relation: 'risk_register',
  parameters: [],
  entryColumns: '*',
  entryOf: (row) => entryOf(row as unknown as RiskRegisterRow),
};

/** What the register's changes between two moments tell of each risk (registerChanges). */
export type RiskRegisterLine = Pick<
  RiskRegisterEntry,
  'riskId' | 'title' | 'area' | 'unit' | 'status' | 'level' | 'classification'
>;

/**
 * The register's filtered, ordered, paged and counted reads over a source: the live register, or
 * the register as of a past moment (RiskRegisterAsOf), with the same SQL for both.
 */
export class RiskRegisterReads {
  constructor(
    protected readonly dataSource: DataSource,
    private readonly source: RiskRegisterSource = LIVE_REGISTER,
  ) {}

  /** Every matching risk (at most `max`), e.g. for the export. */
  async list(
    filter: RiskRegisterFilter = {},
    scope: RiskRegisterScope = {},
    sort: RiskSort = DEFAULT_RISK_SORT,
    max = 100_000,
  ): Promise<RiskRegisterEntry[]> {
    const { where, parameters } = this.where(filter, scope);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.source.entryColumns} FROM ${this.source.relation}
       WHERE ${where} ORDER BY ${orderOf(sort)} LIMIT $${parameters.length + 1}`,
      [...parameters, max],
    );
    return rows.map(this.source.entryOf);
  }

  /** A page of the matching risks, and how many match in all. */
  async page(
    filter: RiskRegisterFilter,
    scope: RiskRegisterScope,
    options: { sort?: RiskSort; limit: number; offset: number },
  ): Promise<RiskRegisterPage> {
    const { where, parameters } = this.where(filter, scope);
    const order = orderOf(options.sort ?? DEFAULT_RISK_SORT);
    const n = parameters.length;
    // The page and the count apart: a count over the page's window reads every matching row
    // (a fifth of a second on 10,000 risks), where the page alone follows an index.
    const [rows, total] = await Promise.all([
      this.dataSource.query(
        `SELECT ${this.source.entryColumns} FROM ${this.source.relation} WHERE ${where}
         ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...parameters, options.limit, options.offset],
      ) as Promise<Record<string, unknown>[]>,
      this.count(where, parameters),
    ]);
    return {
      items: rows.map(this.source.entryOf),
      total,
      limit: options.limit,
      offset: options.offset,
    };
  }

  /** The matching risks' lines, in the register's default order. */
  async lines(filter: RiskRegisterFilter, scope: RiskRegisterScope): Promise<RiskRegisterLine[]> {
    const { where, parameters } = this.where(filter, scope);
    const rows: RiskRegisterLine[] = await this.dataSource.query(
      `SELECT risk_id AS "riskId", title, area, unit, status, level, classification
       FROM ${this.source.relation} WHERE ${where} ORDER BY ${orderOf(DEFAULT_RISK_SORT)}`,
      parameters,
    );
    return rows;
  }

  /**
   * How many matching risks lie in each cell of the 5×5 matrix, per basis, and in all. One pass
   * over the register: a grouping set per basis and an empty one for the total (a union of three
   * reads of a CTE cost four to eight times as much on 10,000 risks).
   */
  async matrix(filter: RiskRegisterFilter, scope: RiskRegisterScope): Promise<RiskMatrixCounts> {
    const { where, parameters } = this.where(filter, scope);
    const rows: Record<string, number | null>[] = await this.dataSource.query(
      `SELECT ${MATRIX_BASES.map(
        (b, i) =>
          `${b.likelihood} AS l${i}, ${b.consequence} AS c${i}, GROUPING(${b.likelihood}) AS g${i}`,
      ).join(', ')}, count(*)::int AS n
       FROM ${this.source.relation} WHERE ${where}
       GROUP BY GROUPING SETS (${MATRIX_BASES.map((b) => `(${b.likelihood}, ${b.consequence})`).join(', ')}, ())`,
      parameters,
    );
    const counts = {
      inherent: emptyMatrixCounts(),
      current: emptyMatrixCounts(),
      target: emptyMatrixCounts(),
      total: 0,
    };
    for (const row of rows) {
      const i = MATRIX_BASES.findIndex((_, b) => row[`g${b}`] === 0);
      if (i < 0) {
        counts.total = Number(row.n);
        continue;
      }
      const [l, c] = [row[`l${i}`], row[`c${i}`]];
      if (l === null || c === null || l < 1 || l > 5 || c < 1 || c > 5) continue;
      counts[MATRIX_BASES[i].key][l - 1][c - 1] = Number(row.n);
    }
    return counts;
  }

  /** The risk, if it exists and is visible (everything is, when no visibility is given). */
  async get(
    riskId: string,
    visibility: Visibility = EVERYTHING,
  ): Promise<RiskRegisterEntry | null> {
    const parameters: unknown[] = [...this.source.parameters, riskId];
    const id = parameters.length;
    const visible = visibilityCondition(visibility, RISK_VISIBILITY_COLUMNS, parameters);
    const [row]: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.source.entryColumns} FROM ${this.source.relation}
       WHERE risk_id = $${id} AND ${visible}`,
      parameters,
    );
    return row ? this.source.entryOf(row) : null;
  }

  private where(filter: RiskRegisterFilter, scope: RiskRegisterScope) {
    return riskRegisterWhere(filter, scope, this.source.parameters);
  }

  private async count(where: string, parameters: unknown[]): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${this.source.relation} WHERE ${where}`,
      parameters,
    );
    return n;
  }
}

/** Reads of the live risk register, as the API serves them. */
export class RiskRegisterQueries extends RiskRegisterReads {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * The acceptances in force whose lapse date is on or before `today`. The register follows the
   * log, so one that lapsed a moment ago may still be listed: whoever acts on it checks again.
   */
  async acceptancesDue(today: string): Promise<{ riskId: string; acceptanceId: string }[]> {
    const rows: { risk_id: string; acceptance_id: string }[] = await this.dataSource.query(
      `SELECT risk_id, acceptance->>'acceptanceId' AS acceptance_id FROM risk_register
       WHERE acceptance_lapses_on <= $1::date ORDER BY acceptance_lapses_on, risk_id`,
      [today],
    );
    return rows.map((r) => ({ riskId: r.risk_id, acceptanceId: r.acceptance_id }));
  }
}

/**
 * Where the matrix reads each basis: CURRENT is the headline (the current assessment, or the
 * inherent one while no current exists). The matrix counts and the cell filter both read these,
 * so that a cell's count is the register's total for that cell.
 */
const MATRIX_BASES = [
  {
    basis: 'INHERENT',
    key: 'inherent',
    likelihood: `(assessments->'inherent'->>'likelihood')::int`,
    consequence: `(assessments->'inherent'->>'consequence')::int`,
  },
  { basis: 'CURRENT', key: 'current', likelihood: 'likelihood', consequence: 'consequence' },
  {
    basis: 'TARGET',
    key: 'target',
    likelihood: `(assessments->'target'->>'likelihood')::int`,
    consequence: `(assessments->'target'->>'consequence')::int`,
  },
] as const;

export const RISK_VISIBILITY_COLUMNS = {
  unitColumn: 'unit',
  areasColumn: 'areas',
  classificationColumn: 'classification',
};

/** `%text%` for ILIKE, its wildcards and backslashes taken literally. */
export function containsPattern(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The SQL condition (and its values) of a filter within a scope: the one way the register filters.
 * Its values follow `before` (a source's own values, numbered from $1).
 */
export function riskRegisterWhere(
  filter: RiskRegisterFilter,
  scope: RiskRegisterScope,
  before: readonly unknown[] = [],
): { where: string; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [...before];
  const add = (condition: (p: string) => string, value: unknown) => {
    parameters.push(value);
    conditions.push(condition(`$${parameters.length}`));
  };
  const flag = (wanted: boolean | undefined, condition: string) => {
    if (wanted !== undefined) conditions.push(wanted ? condition : `NOT ${condition}`);
  };
  const moment = () => {
    if (!scope.moment)
      throw new Error('this filter needs the day and matrix version it is read on');
    return scope.moment;
  };
  conditions.push(
    visibilityCondition(scope.visibility ?? EVERYTHING, RISK_VISIBILITY_COLUMNS, parameters),
  );
  if (filter.area !== undefined) add((p) => `areas @> ARRAY[${p}::text]`, filter.area);
  if (filter.unit !== undefined) {
    if (filter.includeSubunits) {
      parameters.push(filter.unit);
      conditions.push(unitSubtreeCondition('unit', parameters.length));
    } else {
      add((p) => `unit = ${p}`, filter.unit);
    }
  }
  if (filter.level !== undefined) add((p) => `level = ${p}`, filter.level);
  if (filter.status !== undefined) add((p) => `status = ${p}`, filter.status);
  if (filter.owner !== undefined) add((p) => `owner = ${p}`, filter.owner);
  if (filter.classification !== undefined) {
    add((p) => `classification = ${p}`, filter.classification);
  }
  if (filter.needsReview !== undefined) {
    parameters.push(moment().matrixVersion);
    flag(
      filter.needsReview,
      `coalesce(status = 'OPEN' AND (needs_review OR matrix_version < $${parameters.length}), false)`,
    );
  }
  if (filter.reviewOverdue !== undefined) {
    parameters.push(moment().today);
    flag(
      filter.reviewOverdue,
      `coalesce(status = 'OPEN' AND next_review_date < $${parameters.length}::date, false)`,
    );
  }
  if (filter.mitigationOverdue !== undefined) {
    parameters.push(moment().today);
    flag(
      filter.mitigationOverdue,
      `coalesce(status = 'OPEN' AND open_mitigation_due < $${parameters.length}::date, false)`,
    );
  }
  if (filter.reviewDueBefore !== undefined) {
    add((p) => `(status = 'OPEN' AND next_review_date <= ${p}::date)`, filter.reviewDueBefore);
  }
  if (filter.acceptanceLapsesBefore !== undefined) {
    add((p) => `acceptance_lapses_on <= ${p}::date`, filter.acceptanceLapsesBefore);
  }
  if (filter.cell !== undefined) {
    const { basis, likelihood, consequence } = filter.cell;
    const b = MATRIX_BASES.find((m) => m.basis === basis)!;
    conditions.push(`(${b.likelihood} BETWEEN 1 AND 5 AND ${b.consequence} BETWEEN 1 AND 5)`);
    if (likelihood !== undefined) add((p) => `${b.likelihood} = ${p}`, likelihood);
    if (consequence !== undefined) add((p) => `${b.consequence} = ${p}`, consequence);
  }
  if (filter.q !== undefined && filter.q.trim() !== '') {
    add(
      (p) =>
        `(title ILIKE ${p} ESCAPE '\\' OR description ILIKE ${p} ESCAPE '\\' OR ` +
        `concat_ws(' ', scenario->>'cause', scenario->>'event', scenario->>'consequence') ` +
        `ILIKE ${p} ESCAPE '\\')`,
      containsPattern(filter.q),
    );
  }
  return { where: conditions.join(' AND '), parameters };
}

function orderOf(sort: RiskSort): string {
  const column = RISK_SORT_COLUMNS[sort.key];
  const direction = sort.descending ? 'DESC' : 'ASC';
  return `${column} ${direction} NULLS LAST, risk_id ${direction}`;
}
