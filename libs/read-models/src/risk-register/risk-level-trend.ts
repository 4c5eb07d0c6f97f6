import { RISK_LEVELS, type RiskLevel } from '@riskledger/domain';
import type { DataSource } from 'typeorm';
import {
  riskRegisterWhere,
  type RiskRegisterFilter,
  type RiskRegisterScope,
} from './risk-register.queries';

/** Open risks at one moment: how many in all, and how many at each headline level. */
export type OpenRisksByLevel = Record<RiskLevel, number> & { open: number };

/**
 * The trend, folded from the log in one statement. Each risk event that bears on the trend starts
 * a state of its risk: open or not (the last of identified, closed, reopened), and its headline
 * level (the last current assessment's, else the last inherent one's; an assessment of schema
 * version 1 has no basis and scored the current risk, as its upcaster says). A state holds from
 * the moment its event was recorded until the next one of its risk, a stream's events taken in
 * log order. `$ends` are the moments plus one microsecond, so that `width_bucket` (how many
 * thresholds are at or below a value) counts the moments strictly before one: a state counts at
 * the moments from the first at or after its start to the last before its end. Each open state
 * adds one at its first moment and takes it away after its last, so the counts are a running sum
 * of a few hundred rows, not a join of every state with every moment.
 */
const TREND = (scope: string, types: string, ends: string) => `
  WITH changes AS MATERIALIZED (
    SELECT e.stream_id, e.position, e.recorded_at,
      CASE e.event_type WHEN 'RiskClosed' THEN 0 WHEN 'RiskAssessed' THEN NULL ELSE 1 END AS open,
      CASE WHEN e.event_type = 'RiskAssessed' AND coalesce(e.data->>'basis', 'CURRENT') = 'CURRENT'
        THEN e.data->>'level' END AS current_level,
      CASE WHEN e.event_type = 'RiskAssessed' AND e.data->>'basis' = 'INHERENT'
        THEN e.data->>'level' END AS inherent_level
    FROM events e
    WHERE e.event_type = ANY(${types}::text[])
      AND e.stream_id IN (SELECT risk_id FROM risk_register WHERE ${scope})
  ),
  states AS (
    SELECT recorded_at AS since, lead(recorded_at) OVER w AS until,
      (array_agg(open) FILTER (WHERE open IS NOT NULL) OVER w)[count(open) OVER w] AS open,
      coalesce(
        (array_agg(current_level) FILTER (WHERE current_level IS NOT NULL) OVER w)
          [count(current_level) OVER w],
        (array_agg(inherent_level) FILTER (WHERE inherent_level IS NOT NULL) OVER w)
          [count(inherent_level) OVER w]) AS level
    FROM changes WINDOW w AS (PARTITION BY stream_id ORDER BY position)
  ),
  spans AS (
    SELECT level, width_bucket(since, ${ends}::timestamptz[]) + 1 AS first,
      coalesce(width_bucket(until, ${ends}::timestamptz[]), cardinality(${ends}::timestamptz[])) AS last
    FROM states WHERE open = 1
  )
  SELECT moment, level, sum(delta)::int AS delta FROM (
    SELECT first AS moment, level, 1 AS delta FROM spans WHERE first <= last
    UNION ALL
    SELECT last + 1, level, -1 FROM spans
    WHERE first <= last AND last < cardinality(${ends}::timestamptz[])
  ) deltas
  GROUP BY moment, level`;

/** The events that decide whether a risk is open and at which headline level. */
const TREND_EVENT_TYPES = ['RiskIdentified', 'RiskAssessed', 'RiskClosed', 'RiskReopened'];

const isRiskLevel = (value: unknown): value is RiskLevel =>
  RISK_LEVELS.includes(value as RiskLevel);

/** How many scopes' settled months are remembered: a region's staff look at a few scopes each. */
const REMEMBERED_SCOPES = 200;

/**
 * The open risks at each of these moments (ascending), by headline level as the register held it
 * then (recorded with the matrix version the assessment used: the register never re-judges a
 * level; a newer matrix makes the risk need review instead), for the risks a register filter finds
 * (a caller's scope: a risk's unit, areas and classification are set when it is identified and
 * never change, so the live register's answer is the log's). A risk counts as open but at no
 * level while it is not assessed.
 */
export class RiskLevelTrend {
  /** Settled answers by scope, the oldest asked first out (a Map keeps insertion order). */
  private readonly settled = new Map<string, OpenRisksByLevel[]>();

  constructor(private readonly dataSource: DataSource) {}

  /** Folded from the log, every time. */
  async at(
    moments: readonly Date[],
    filter: RiskRegisterFilter,
    scope: RiskRegisterScope,
  ): Promise<OpenRisksByLevel[]> {
    const { where, parameters } = riskRegisterWhere(filter, scope);
    const types = `$${parameters.length + 1}`;
    const ends = `$${parameters.length + 2}`;
    const deltas: { moment: number; level: string | null; delta: number }[] =
      await this.dataSource.query(TREND(where, types, ends), [
        ...parameters,
        TREND_EVENT_TYPES,
        moments.map((m) => `${m.toISOString().slice(0, -1)}001Z`),
      ]);
    const running: OpenRisksByLevel = { LOW: 0, MEDIUM: 0, HIGH: 0, VERY_HIGH: 0, open: 0 };
    return moments.map((_, i) => {
      for (const { moment, level, delta } of deltas) {
        if (moment !== i + 1) continue;
        running.open += delta;
        if (isRiskLevel(level)) running[level] += delta;
      }
      return { ...running };
    });
  }

  /**
   * As `at`, for moments that are all settled: past, by more than any append takes, so that no
   * event recorded at or before them can still come (an event is recorded as it is appended).
   * Their answer then changes only with the organisational tree, which decides which units a
   * scope covers, and with the risks the register holds (it finds the risks in scope; one that
   * catches up after a restore adds risks), so it is remembered per scope, tree and register
   * size: a dashboard reads 23 settled months and folds the log when a risk is identified or a
   * unit moves, not on every load.
   */
  async atSettled(
    moments: readonly Date[],
    filter: RiskRegisterFilter,
    scope: RiskRegisterScope,
  ): Promise<OpenRisksByLevel[]> {
    const [{ stamp }]: { stamp: string }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) || '@' || coalesce(max(updated_at)::text, '')
               FROM organisational_units) || '#' || (SELECT count(*) FROM risk_register) AS stamp`,
    );
    const key = JSON.stringify([moments, filter, scope.visibility ?? null, stamp]);
    const known = this.settled.get(key);
    if (known) return known;
    const counts = await this.at(moments, filter, scope);
    this.settled.set(key, counts);
    if (this.settled.size > REMEMBERED_SCOPES) {
      this.settled.delete(this.settled.keys().next().value as string);
    }
    return counts;
  }

  /** The open risks by headline level as the live register holds them now. */
  async now(filter: RiskRegisterFilter, scope: RiskRegisterScope): Promise<OpenRisksByLevel> {
    const { where, parameters } = riskRegisterWhere({ ...filter, status: 'OPEN' }, scope);
    const rows: { level: string | null; n: number }[] = await this.dataSource.query(
      `SELECT level, count(*)::int AS n FROM risk_register WHERE ${where} GROUP BY level`,
      parameters,
    );
    const counts: OpenRisksByLevel = { LOW: 0, MEDIUM: 0, HIGH: 0, VERY_HIGH: 0, open: 0 };
    for (const { level, n } of rows) {
      counts.open += n;
      if (isRiskLevel(level)) counts[level] += n;
    }
    return counts;
  }
}
