import type { EntityManager } from 'typeorm';
import { type EventEnvelope } from '@riskledger/contracts';
import type { Projection } from '../projection';
import { copyRows, type CopyValue } from '../copy-rows';
import { sqlIdentifier } from '../sql-identifier';
import {
  nextRiskYearVersion,
  standingFromStored,
  storedStanding,
  type RiskYearVersion,
  type StoredStanding,
} from './risk-year-version';

export interface RiskYearVersionRow {
  risk_id: string;
  stream_version: number;
  position: string;
  recorded_at: Date;
  identifies: boolean;
  identified_at: Date | null;
  identified_restricted: boolean;
  restricted: boolean;
  regular: boolean;
  area: string;
  title: string;
  standing: StoredStanding;
  assessed: number;
  closed: number;
  applied: number;
  verified: number;
}

/**
 * Every version of each risk as the annual security report reads it (RiskYearVersion), one per
 * event it reads, so that a year's report reads two versions per risk (RiskYearStandings) instead
 * of folding the whole log. A risk's own events arrive in version order (checkpoints), so each
 * new version follows the risk's latest one.
 */
export class RiskYearVersionsProjection implements Projection {
  readonly name = 'annual-report-risk-versions';
  readonly streamTypes = ['risk'];
  readonly table = 'annual_report_risk_versions';
  readonly key = 'version_id';

  async applyBatch(
    manager: EntityManager,
    table: string,
    envelopes: readonly EventEnvelope[],
  ): Promise<void> {
    const t = sqlIdentifier(table);
    const latest = await latestVersions(manager, t, [
      ...new Set(envelopes.filter((e) => e.streamType === 'risk').map((e) => e.streamId)),
    ]);
    const added: RiskYearVersion[] = [];
    for (const envelope of envelopes) {
      if (envelope.streamType !== 'risk') continue;
      const version = nextRiskYearVersion(latest.get(envelope.streamId) ?? null, envelope);
      if (!version) continue;
      latest.set(envelope.streamId, version);
      added.push(version);
    }
    // Each event's version is written once (its checkpoint), so COPY needs no ON CONFLICT.
    await copyRows(manager, table, VERSION_COLUMNS, added.map(rowOf));
  }
}

async function latestVersions(
  manager: EntityManager,
  t: string,
  riskIds: readonly string[],
): Promise<Map<string, RiskYearVersion>> {
  if (riskIds.length === 0) return new Map();
  const rows: RiskYearVersionRow[] = await manager.query(
    `SELECT v.* FROM unnest($1::text[]) AS r(risk_id)
     CROSS JOIN LATERAL (SELECT * FROM ${t} WHERE risk_id = r.risk_id
       ORDER BY stream_version DESC LIMIT 1) v`,
    [riskIds],
  );
  return new Map(rows.map((row) => [row.risk_id, versionOf(row)]));
}

const VERSION_COLUMNS = [
  'risk_id',
  'stream_version',
  'position',
  'recorded_at',
  'identifies',
  'identified_at',
  'identified_restricted',
  'restricted',
  'regular',
  'area',
  'title',
  'standing',
  'assessed',
  'closed',
  'applied',
  'verified',
];

/** A version's values, in the order of VERSION_COLUMNS. */
function rowOf(version: RiskYearVersion): CopyValue[] {
  return [
    version.riskId,
    version.streamVersion,
    version.position,
    version.recordedAt,
    version.identifies,
    version.identifiedAt,
    version.identifiedRestricted,
    version.restricted,
    version.regular,
    version.area,
    version.title,
    storedStanding(version.standing),
    version.assessed,
    version.closed,
    version.applied,
    version.verified,
  ];
}

export function versionOf(row: RiskYearVersionRow): RiskYearVersion {
  return {
    riskId: row.risk_id,
    streamVersion: row.stream_version,
    position: Number(row.position),
    recordedAt: row.recorded_at.toISOString(),
    identifies: row.identifies,
    identifiedAt: row.identified_at?.toISOString() ?? null,
    identifiedRestricted: row.identified_restricted,
    restricted: row.restricted,
    regular: row.regular,
    area: row.area,
    title: row.title,
    standing: standingFromStored(row.standing),
    assessed: row.assessed,
    closed: row.closed,
    applied: row.applied,
    verified: row.verified,
  };
}
