import type { DataSource, EntityManager } from 'typeorm';
import type { RiskStanding } from './risk-standing';
import { standingFromStored, type StoredStanding } from './risk-year-version';
import { RiskYearVersionsProjection } from './risk-year-versions.projection';

/** A risk in a year's report: as it stood at the year's end and the year before, and its year. */
export interface RiskInYear {
  riskId: string;
  area: string;
  title: string;
  /** Null when it was identified in the year. */
  atPreviousYearEnd: RiskStanding | null;
  atYearEnd: RiskStanding;
  identifiedInYear: boolean;
  assessedInYear: boolean;
  closedInYear: number;
  appliedInYear: number;
  verifiedInYear: number;
}

interface Counts {
  assessed: number;
  closed: number;
  applied: number;
  verified: number;
}

type Row = {
  risk_id: string;
  applied_all: boolean;
  /** Of the version at the year's end; null when there is none. */
  identified_at: Date | null;
  identified_restricted: boolean | null;
  area: string | null;
  title: string | null;
  standing: StoredStanding | null;
  /** Of the version before the year; null when there is none. */
  previous_standing: StoredStanding | null;
} & Partial<Record<`${'' | 'previous_'}${keyof Counts}`, number>>;

const projection = new RiskYearVersionsProjection();
const COUNTS: readonly (keyof Counts)[] = ['assessed', 'closed', 'applied', 'verified'];

/**
 * The risks of a year's annual report from their versions (RiskYearVersionsProjection): for each
 * risk identified before the year's end, the version recorded last before the end and the one
 * before the year began, the counts of the year being their difference. What the projector has
 * not applied yet is noticed rather than left out: the log's RiskIdentified events are counted
 * against the versions', and each risk's checkpoint is held against its stream in the log.
 */
export class RiskYearStandings {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The risks as the report's fold of the log up to `yearEnd` has them, for a caller who sees
   * restricted events or not; null when the versions cannot give exactly that, and the caller
   * must fold the log: the projector has not applied some event recorded before `yearEnd` yet (or
   * was never run on this log: rebuild the projection), a stream is irregular (RiskYearVersion),
   * or, for a caller who is not cleared, a risk's events are restricted in part.
   */
  async of(period: { from: Date; yearEnd: Date }, cleared: boolean): Promise<RiskInYear[] | null> {
    // One snapshot for the counts, the checkpoints and the versions, so that they agree.
    const read = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      if (!(await everyRiskFollowed(manager))) return null;
      // Thousands of index probes, each cheap: compiling the plan would cost more than it saves.
      await manager.query(`SET LOCAL jit = off`);
      return { rows: await versionsAt(manager, period), unusual: await unusualRisks(manager) };
    });
    if (!read) return null;
    const risks: RiskInYear[] = [];
    for (const row of read.rows) {
      const risk = read.unusual.get(row.risk_id);
      if (!row.applied_all || risk?.irregular) return null;
      if (row.standing === null) continue; // identified at or after the year's end
      if (!cleared && row.identified_restricted) continue;
      if (!cleared && risk?.reclassified) return null;
      const inYear = (count: keyof Counts) => row[count]! - (row[`previous_${count}`] ?? 0);
      risks.push({
        riskId: row.risk_id,
        area: row.area!,
        title: row.title!,
        atPreviousYearEnd: row.previous_standing && standingFromStored(row.previous_standing),
        atYearEnd: standingFromStored(row.standing),
        identifiedInYear: row.identified_at!.getTime() >= period.from.getTime(),
        assessedInYear: inYear('assessed') > 0,
        closedInYear: inYear('closed'),
        appliedInYear: inYear('applied'),
        verifiedInYear: inYear('verified'),
      });
    }
    return risks;
  }
}

/**
 * Whether every RiskIdentified of the log has a version: two counts on indexes. A risk the
 * projector has not reached has no checkpoint, and versionsAt would not see it.
 */
async function everyRiskFollowed(manager: EntityManager): Promise<boolean> {
  const [{ logged, followed }]: { logged: number; followed: number }[] = await manager.query(
    `SELECT (SELECT count(*) FROM events WHERE event_type = 'RiskIdentified')::int AS logged,
       (SELECT count(*) FROM ${projection.table} WHERE identifies)::int AS followed`,
  );
  return logged === followed;
}

/**
 * For each risk the versions follow: whether the projector has applied all its events recorded
 * before the year's end (none in the log past its checkpoint: an empty index range), and its
 * versions at the end and before the year began.
 */
function versionsAt(manager: EntityManager, period: { from: Date; yearEnd: Date }): Promise<Row[]> {
  const t = projection.table;
  const yearStart = new Date(Math.min(period.from.getTime(), period.yearEnd.getTime()));
  const atMoment = (moment: string) =>
    `SELECT * FROM ${t} WHERE risk_id = cp.stream_id AND recorded_at < ${moment}
     ORDER BY recorded_at DESC, stream_version DESC LIMIT 1`;
  return manager.query(
    `SELECT cp.stream_id AS risk_id,
       NOT EXISTS (SELECT FROM events h WHERE h.stream_id = cp.stream_id
         AND h.stream_version > cp.version AND h.recorded_at < $1) AS applied_all,
       y.identified_at, y.identified_restricted, y.area, y.title, y.standing,
       ${COUNTS.map((c) => `y.${c}, p.${c} AS previous_${c}`).join(', ')},
       p.standing AS previous_standing
     FROM projection_checkpoints cp
     LEFT JOIN LATERAL (${atMoment('$1')}) y ON true
     LEFT JOIN LATERAL (${atMoment('$2')}) p ON true
     WHERE cp.projection = $3`,
    [period.yearEnd, yearStart, projection.name],
  );
}

/** The few risks whose versions are irregular or reclassified (a partial index holds them). */
async function unusualRisks(
  manager: EntityManager,
): Promise<Map<string, { irregular: boolean; reclassified: boolean }>> {
  const rows: { risk_id: string; irregular: boolean; reclassified: boolean }[] =
    await manager.query(
      `SELECT risk_id, bool_or(NOT regular) AS irregular,
         bool_or(restricted <> identified_restricted) AS reclassified
       FROM ${projection.table} WHERE NOT regular OR restricted <> identified_restricted
       GROUP BY risk_id`,
    );
  return new Map(rows.map((r) => [r.risk_id, r]));
}
