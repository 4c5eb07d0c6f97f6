import { envelopeOf } from '@riskledger/contracts';
import { PostgresEventStore, type StoredEvent } from '@riskledger/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import type { RiskStanding } from './risk-standing';
import {
  nextRiskYearVersion,
  standingFromStored,
  type RiskYearVersion,
  type StoredStanding,
} from './risk-year-version';
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

/** A risk as the report reads it at one moment: its version recorded last before the moment. */
interface AtMoment {
  identifiedAt: Date;
  identifiedRestricted: boolean;
  area: string;
  title: string;
  standing: RiskStanding;
  counts: Counts;
}

/** One risk's versions at the year's end and before the year began, and how its stream runs. */
interface RiskVersions {
  riskId: string;
  atYearEnd: AtMoment | null;
  atPreviousYearEnd: AtMoment | null;
  irregular: boolean;
  reclassified: boolean;
}

/**
 * The risks of a year's annual report from their versions (RiskYearVersionsProjection): for each
 * risk identified before the year's end, the version recorded last before the end and the one
 * before the year began, the counts of the year being their difference. The risks the projector
 * has not caught up with yet (events recorded before the year's end past their checkpoint, or
 * not met at all) are read from their streams in the log instead, in the same snapshot, so that
 * the report is exact while the register is a moment behind the log under steady writes.
 */
export class RiskYearStandings {
  private readonly log: PostgresEventStore;

  constructor(private readonly dataSource: DataSource) {
    this.log = new PostgresEventStore(dataSource);
  }

  /**
   * The risks as the report's fold of the log up to `yearEnd` has them, for a caller who sees
   * restricted events or not; null when the versions cannot give exactly that, and the caller
   * must fold the log: a stream is irregular (RiskYearVersion), or, for a caller who is not
   * cleared, a risk's events are restricted in part.
   */
  async of(period: { from: Date; yearEnd: Date }, cleared: boolean): Promise<RiskInYear[] | null> {
    // One snapshot for the checkpoints, the versions and the log, so that they agree.
    const read = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // Thousands of index probes, each cheap: compiling the plan would cost more than it saves.
      await manager.query(`SET LOCAL jit = off`);
      const rows = await versionsAt(manager, period);
      const unusual = await unusualRisks(manager);
      const behind = [
        ...rows.filter((row) => !row.applied_all).map((row) => row.risk_id),
        ...(await risksNotFollowed(manager, period.yearEnd)),
      ];
      const followed = rows
        .filter((row) => row.applied_all)
        .map((row) => versionsOfRow(row, unusual.get(row.risk_id)));
      return [...followed, ...versionsFromLog(await this.log.readStreams(behind, manager), period)];
    });
    const risks: RiskInYear[] = [];
    for (const risk of read) {
      if (risk.irregular) return null;
      const end = risk.atYearEnd;
      if (end === null) continue; // identified at or after the year's end
      if (!cleared && end.identifiedRestricted) continue;
      if (!cleared && risk.reclassified) return null;
      const inYear = (count: keyof Counts) =>
        end.counts[count] - (risk.atPreviousYearEnd?.counts[count] ?? 0);
      risks.push({
        riskId: risk.riskId,
        area: end.area,
        title: end.title,
        atPreviousYearEnd: risk.atPreviousYearEnd?.standing ?? null,
        atYearEnd: end.standing,
        identifiedInYear: end.identifiedAt.getTime() >= period.from.getTime(),
        assessedInYear: inYear('assessed') > 0,
        closedInYear: inYear('closed'),
        appliedInYear: inYear('applied'),
        verifiedInYear: inYear('verified'),
      });
    }
    return risks;
  }
}

function countsOf(count: (name: keyof Counts) => number): Counts {
  return {
    assessed: count('assessed'),
    closed: count('closed'),
    applied: count('applied'),
    verified: count('verified'),
  };
}

function versionsOfRow(
  row: Row,
  unusual: { irregular: boolean; reclassified: boolean } | undefined,
): RiskVersions {
  const moment = (standing: StoredStanding | null, prefix: '' | 'previous_'): AtMoment | null =>
    standing && {
      identifiedAt: row.identified_at!,
      identifiedRestricted: row.identified_restricted!,
      area: row.area!,
      title: row.title!,
      standing: standingFromStored(standing),
      counts: countsOf((count) => row[`${prefix}${count}`] ?? 0),
    };
  return {
    riskId: row.risk_id,
    atYearEnd: moment(row.standing, ''),
    atPreviousYearEnd: moment(row.previous_standing, 'previous_'),
    irregular: unusual?.irregular ?? false,
    reclassified: unusual?.reclassified ?? false,
  };
}

/**
 * The versions of risks read from their whole streams, as the projection would make them
 * (nextRiskYearVersion), and the one recorded last before each moment, as versionsAt picks it.
 */
function versionsFromLog(
  events: readonly StoredEvent[],
  period: { from: Date; yearEnd: Date },
): RiskVersions[] {
  const byRisk = new Map<string, RiskYearVersion[]>();
  for (const event of events) {
    const versions = byRisk.get(event.streamId) ?? [];
    const version = nextRiskYearVersion(versions.at(-1) ?? null, envelopeOf(event));
    if (version) versions.push(version);
    byRisk.set(event.streamId, versions);
  }
  const yearStart = Math.min(period.from.getTime(), period.yearEnd.getTime());
  return [...byRisk].map(([riskId, versions]) => {
    const at = (moment: number): AtMoment | null => {
      const version = versions.findLast((v) => Date.parse(v.recordedAt) < moment);
      if (!version) return null;
      return {
        identifiedAt: new Date(version.identifiedAt!),
        identifiedRestricted: version.identifiedRestricted,
        area: version.area,
        title: version.title,
        standing: version.standing,
        counts: countsOf((count) => version[count]),
      };
    };
    return {
      riskId,
      atYearEnd: at(period.yearEnd.getTime()),
      atPreviousYearEnd: at(yearStart),
      irregular: versions.some((v) => !v.regular),
      reclassified: versions.some((v) => v.restricted !== v.identifiedRestricted),
    };
  });
}

/**
 * The risks identified before `yearEnd` that the projector has not met yet (no checkpoint, so
 * versionsAt does not see them). Two counts on indexes tell whether there are any; only then is
 * the log's RiskIdentified held against the checkpoints.
 */
async function risksNotFollowed(manager: EntityManager, yearEnd: Date): Promise<string[]> {
  const [{ logged, followed }]: { logged: number; followed: number }[] = await manager.query(
    `SELECT (SELECT count(*) FROM events WHERE event_type = 'RiskIdentified')::int AS logged,
       (SELECT count(*) FROM ${projection.table} WHERE identifies)::int AS followed`,
  );
  if (logged === followed) return [];
  const rows: { stream_id: string }[] = await manager.query(
    `SELECT DISTINCT e.stream_id FROM events e
     WHERE e.event_type = 'RiskIdentified' AND e.recorded_at < $1
       AND NOT EXISTS (SELECT FROM projection_checkpoints cp
                       WHERE cp.projection = $2 AND cp.stream_id = e.stream_id)`,
    [yearEnd, projection.name],
  );
  return rows.map((row) => row.stream_id);
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
