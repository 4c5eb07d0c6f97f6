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
import type { RiskRegisterSummary, RiskRegisterSummaryView, ViewMoment } from './risk-register-entry';

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

/** Reads of the risk register, as the API serves them. */
export class RiskRegisterQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Every matching risk (at most `max`), e.g. for the export. */
  async list(
    filter: RiskRegisterFilter = {},
    scope: RiskRegisterScope = {},
    sort: RiskSort = DEFAULT_RISK_SORT,
    max = 100_000,
  ): Promise<RiskRegisterEntry[]> {
    const { where, parameters } = riskRegisterWhere(filter, scope);
    const rows: RiskRegisterRow[] = await this.dataSource.query(
      `SELECT * FROM risk_register WHERE ${where} ORDER BY ${orderOf(sort)}
       LIMIT $${parameters.length + 1}`,
      [...parameters, max],
    );
    return rows.map(entryOf);
  }

  /** A page of the matching risks, and how many match in all. */
  async page(
    filter: RiskRegisterFilter,
    scope: RiskRegisterScope,
    options: { sort?: RiskSort; limit: number; offset: number },
  ): Promise<RiskRegisterPage> {
    const { where, parameters } = riskRegisterWhere(filter, scope);
    const order = orderOf(options.sort ?? DEFAULT_RISK_SORT);
    const n = parameters.length;
    // The page and the count apart: a count over the page's window reads every matching row
    // (a fifth of a second on 10,000 risks), where the page alone follows an index.
    const [rows, total] = await Promise.all([
      this.dataSource.query(
        `SELECT * FROM risk_register WHERE ${where}
         ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...parameters, options.limit, options.offset],
      ) as Promise<RiskRegisterRow[]>,
      this.count(where, parameters),
    ]);
    return { items: rows.map(entryOf), total, limit: options.limit, offset: options.offset };
  }

  /**
   * How many matching risks lie in each cell of the 5×5 matrix, per basis, and in all. One pass
   * over the register: a grouping set per basis and an empty one for the total (a union of three
   * reads of a CTE cost four to eight times as much on 10,000 risks).
   */
  async matrix(filter: RiskRegisterFilter, scope: RiskRegisterScope): Promise<RiskMatrixCounts> {
    const { where, parameters } = riskRegisterWhere(filter, scope);
    const rows: Record<string, number | null>[] = await this.dataSource.query(
      `SELECT ${MATRIX_BASES.map(
        (b, i) =>
          `${b.likelihood} AS l${i}, ${b.consequence} AS c${i}, GROUPING(${b.likelihood}) AS g${i}`,
      ).join(', ')}, count(*)::int AS n
       FROM risk_register WHERE ${where}
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

  /** The risk, if it exists and is visible (everything is, when no visibility is given). */
  async get(
    riskId: string,
    visibility: Visibility = EVERYTHING,
  ): Promise<RiskRegisterEntry | null> {
    const parameters: unknown[] = [riskId];
    const visible = visibilityCondition(visibility, RISK_VISIBILITY_COLUMNS, parameters);
    const [row]: RiskRegisterRow[] = await this.dataSource.query(
      `SELECT * FROM risk_register WHERE risk_id = $1 AND ${visible}`,
      parameters,
    );
    return row ? entryOf(row) : null;
  }

  private async count(where: string, parameters: unknown[]): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM risk_register WHERE ${where}`,
      parameters,
    );
    return n;
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

/** The SQL condition (and its values) of a filter within a scope: the one way the register filters. */
export function riskRegisterWhere(
  filter: RiskRegisterFilter,
  scope: RiskRegisterScope,
): { where: string; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
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

const LEVEL_ORDER: Record<RiskLevel, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, VERY_HIGH: 4 };

/**
 * The same filter as the SQL, over views computed in memory (the register as of a past moment).
 * `subunits` holds the filter unit's subtree when includeSubunits is asked for.
 */
export function riskViewMatches(
  view: RiskRegisterSummaryView,
  filter: RiskRegisterFilter,
  subunits: ReadonlySet<string> = new Set(),
): boolean {
  const q = filter.q?.trim().toLowerCase();
  const text = [
    view.title,
    view.description,
    view.scenario?.cause,
    view.scenario?.event,
    view.scenario?.consequence,
  ]
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.toLowerCase());
  const is = (wanted: boolean | undefined, actual: boolean) =>
    wanted === undefined || wanted === actual;
  const onOrBefore = (day: string | undefined, actual: string | null | undefined) =>
    day === undefined || (actual !== null && actual !== undefined && actual <= day);
  return (
    (filter.area === undefined ||
      view.area === filter.area ||
      view.additionalAreas.includes(filter.area)) &&
    (filter.unit === undefined ||
      view.unit === filter.unit ||
      (filter.includeSubunits === true && subunits.has(view.unit))) &&
    (filter.level === undefined || view.level === filter.level) &&
    (filter.status === undefined || view.status === filter.status) &&
    (filter.owner === undefined || view.owner === filter.owner) &&
    (filter.classification === undefined || view.classification === filter.classification) &&
    is(filter.needsReview, view.needsReview) &&
    is(filter.reviewOverdue, view.reviewOverdue) &&
    is(filter.mitigationOverdue, view.mitigationOverdue) &&
    (filter.reviewDueBefore === undefined || view.status === 'OPEN') &&
    onOrBefore(filter.reviewDueBefore, view.nextReviewDate) &&
    onOrBefore(filter.acceptanceLapsesBefore, view.acceptance?.lapsesOn) &&
    (filter.cell === undefined || inCell(view, filter.cell)) &&
    (!q || text.some((t) => t.includes(q)))
  );
}

/** Whether the view's assessment of the cell's basis lies in it, as MATRIX_BASES reads it. */
function inCell(view: RiskRegisterSummaryView, cell: MatrixCellFilter): boolean {
  const assessed =
    cell.basis === 'INHERENT'
      ? view.assessments.inherent
      : cell.basis === 'TARGET'
        ? view.assessments.target
        : view.likelihood !== null && view.consequence !== null
          ? { likelihood: view.likelihood, consequence: view.consequence }
          : null;
  return (
    assessed !== null &&
    (cell.likelihood === undefined || assessed.likelihood === cell.likelihood) &&
    (cell.consequence === undefined || assessed.consequence === cell.consequence)
  );
}

/** The SQL order in memory: nulls last either way, then the risk id in the same direction. */
export function compareRisks(
  sort: RiskSort,
): (a: RiskRegisterSummary, b: RiskRegisterSummary) => number {
  const value = (e: RiskRegisterSummary): string | number | null => {
    switch (sort.key) {
      case 'identifiedAt':
        return e.identifiedAt;
      case 'score':
        return e.score;
      case 'level':
        return e.level === null ? null : LEVEL_ORDER[e.level];
      case 'inherentScore':
        return e.assessments.inherent?.score ?? null;
      case 'targetScore':
        return e.assessments.target?.score ?? null;
      case 'nextReviewDate':
        return e.nextReviewDate;
      case 'title':
        return e.title;
      case 'area':
        return e.area;
      case 'unit':
        return e.unit;
      case 'owner':
        return e.owner;
      case 'status':
        return e.status;
      case 'updatedAt':
        return e.updatedAt;
    }
  };
  const sign = sort.descending ? -1 : 1;
  return (a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return (x < y ? -1 : 1) * sign;
    }
    return (a.riskId < b.riskId ? -1 : a.riskId > b.riskId ? 1 : 0) * sign;
  };
}
