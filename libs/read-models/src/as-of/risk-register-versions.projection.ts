import type { EntityManager } from 'typeorm';
import { type EventEnvelope } from '@riskledger/contracts';
import type { Projection } from '../projection';
import { copyRows, textArray, type CopyValue } from '../copy-rows';
import { sqlIdentifier } from '../sql-identifier';
import { PendingLinks } from '../risk-register/pending-links';
import type { RiskRegisterEntry } from '../risk-register/risk-register-entry';
import { rowOf } from '../risk-register/risk-register.table';
import { evolveRiskRegisterEntry, riskIdsTouchedBy } from '../risk-register/risk-register.evolve';

/**
 * The live register's columns that its filters, order, visibility and matrix counts read
 * (riskRegisterWhere), which each version has too (migration 1732300018400), and their types.
 */
const REGISTER_COLUMNS = {
  title: 'text',
  description: 'text',
  scenario: 'jsonb',
  area: 'text',
  areas: 'text[]',
  unit: 'text',
  owner: 'text',
  classification: 'text',
  status: 'text',
  likelihood: 'integer',
  consequence: 'integer',
  score: 'integer',
  level: 'text',
  matrix_version: 'integer',
  inherent_score: 'integer',
  target_score: 'integer',
  assessments: 'jsonb',
  open_mitigation_due: 'date',
  acceptance_lapses_on: 'date',
  next_review_date: 'date',
  needs_review: 'boolean',
  identified_at: 'timestamptz',
  updated_at: 'timestamptz',
} as const;

/**
 * The entry's values of those columns, as the live register's row has them (rowOf), but for
 * `assessments`: of each basis only what the cell filter reads, not the whole assessment.
 */
function registerColumnsOf(entry: RiskRegisterEntry): Record<string, unknown> {
  const row = rowOf(entry);
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(REGISTER_COLUMNS) as (keyof typeof REGISTER_COLUMNS)[]) {
    values[name] = row[name];
  }
  const cell = (a: { likelihood: number; consequence: number; score: number } | null) =>
    a && { likelihood: a.likelihood, consequence: a.consequence, score: a.score };
  values.assessments = {
    inherent: cell(entry.assessments.inherent),
    target: cell(entry.assessments.target),
  };
  return values;
}

/** One version of a register entry, as loaded or made by this batch. */
interface EntryVersion {
  /** From when it held (ms): the recorded time of the events folded in last. */
  recordedAt: number;
  /** The log position of the last event folded in. */
  position: number;
  entry: RiskRegisterEntry;
  /** The stored row's valid_to; undefined for a version this batch adds. */
  storedValidTo: number | null | undefined;
  /** Its entry is new or changed. */
  changed: boolean;
}

interface VersionRow {
  risk_id: string;
  recorded_at: Date;
  position: string;
  valid_to: Date | null;
  entry: RiskRegisterEntry;
}

/**
 * Every version of every risk's register entry, each with the time from which it held: the
 * register as of any moment is one indexed query (RiskRegisterAsOf). Computed by the live
 * register's own evolve function, event by event, so that the version holding at T is the fold of
 * the risk's events recorded at or before T. The events of one append share their recorded time,
 * so they make one version: no moment could see the states between them.
 *
 * Versions are ordered by recorded time, not by arrival: incident events travel on their own topic
 * and may arrive after later events of the risk. Such a late event gets its version between the
 * ones around it, and is folded into each later version too; that gives what the log's order would
 * have, because evolve places a link by its log position whatever the arrival order.
 * The risk's own events arrive in version order (checkpoints), and a stream's events are recorded
 * in version order (each append's clock is read after the stream's head).
 */
export class RiskRegisterVersionsProjection implements Projection {
  readonly name = 'risk-register-versions';
  readonly streamTypes = ['risk', 'incident'];
  readonly table = 'risk_register_versions';
  readonly key = 'version_id';

  /** A risk's versions: its own events write them, and the incident events that link it. */
  sharedRecordsOf(envelope: EventEnvelope): readonly string[] {
    return riskIdsTouchedBy(envelope);
  }

  async applyBatch(
    manager: EntityManager,
    table: string,
    envelopes: readonly EventEnvelope[],
  ): Promise<void> {
    const followed = envelopes
      .filter((e) => this.streamTypes.includes(e.streamType))
      .map((envelope) => ({ envelope, riskIds: [...new Set(riskIdsTouchedBy(envelope))] }))
      .filter(({ riskIds }) => riskIds.length > 0);
    if (followed.length === 0) return;
    const t = sqlIdentifier(table);
    const histories = await loadHistories(manager, t, followed);
    const unknown = followed.flatMap((e) => e.riskIds).filter((riskId) => !histories.has(riskId));
    const pending = await PendingLinks.load(manager, table, unknown);
    for (const { envelope, riskIds } of followed) {
      for (const riskId of riskIds) {
        const history = histories.get(riskId) ?? [];
        histories.set(riskId, history);
        const first = history.length === 0;
        if (first && envelope.streamType === 'incident') {
          await pending.keep(riskId, envelope);
          continue;
        }
        if (addVersion(history, envelope) && first) {
          for (const link of pending.take(riskId)) addVersion(history, link);
        }
      }
    }
    await pending.removeTaken();
    await writeHistories(manager, table, histories);
  }
}

/**
 * For each risk the batch touches, the version before its earliest event in the batch and every
 * version after that event: normally just the latest version.
 */
async function loadHistories(
  manager: EntityManager,
  t: string,
  followed: readonly { envelope: EventEnvelope; riskIds: string[] }[],
): Promise<Map<string, EntryVersion[]>> {
  const earliest = new Map<string, string>();
  for (const { envelope, riskIds } of followed) {
    for (const riskId of riskIds) {
      const known = earliest.get(riskId);
      if (!known || Date.parse(envelope.recordedAt) < Date.parse(known)) {
        earliest.set(riskId, envelope.recordedAt);
      }
    }
  }
  const rows: VersionRow[] = await manager.query(
    `SELECT v.risk_id, v.recorded_at, v.position, v.valid_to, v.entry
     FROM unnest($1::text[], $2::timestamptz[]) AS b(risk_id, recorded_at)
     CROSS JOIN LATERAL (
       (SELECT * FROM ${t} v WHERE v.risk_id = b.risk_id AND v.recorded_at < b.recorded_at
        ORDER BY v.recorded_at DESC LIMIT 1)
       UNION ALL
       (SELECT * FROM ${t} v WHERE v.risk_id = b.risk_id AND v.recorded_at >= b.recorded_at)) v`,
    [[...earliest.keys()], [...earliest.values()]],
  );
  const histories = new Map<string, EntryVersion[]>();
  for (const row of rows) {
    const history = histories.get(row.risk_id) ?? [];
    history.push({
      recordedAt: row.recorded_at.getTime(),
      position: Number(row.position),
      entry: row.entry,
      storedValidTo: row.valid_to?.getTime() ?? null,
      changed: false,
    });
    histories.set(row.risk_id, history);
  }
  for (const history of histories.values()) history.sort((x, y) => x.recordedAt - y.recordedAt);
  return histories;
}

/**
 * Folds the event into the history at its place; false when it changes nothing (or finds no
 * entry to change: an incident event recorded before the risk, which the log's fold ignores too).
 */
function addVersion(history: EntryVersion[], envelope: EventEnvelope): boolean {
  const recordedAt = Date.parse(envelope.recordedAt);
  let at = history.length;
  while (at > 0 && history[at - 1].recordedAt > recordedAt) at--;
  const same = at > 0 && history[at - 1].recordedAt === recordedAt ? history[at - 1] : null;
  const before = same ? same.entry : at > 0 ? history[at - 1].entry : null;
  const entry = evolveRiskRegisterEntry(before, envelope);
  if (!entry || entry === before) return false;
  for (const later of history.slice(at)) {
    later.entry = evolveRiskRegisterEntry(later.entry, envelope) ?? later.entry;
    later.changed = true;
  }
  if (same) {
    Object.assign(same, { entry, position: Math.max(same.position, envelope.position) });
    same.changed = true;
  } else {
    const version = { recordedAt, position: envelope.position, entry };
    history.splice(at, 0, { ...version, storedValidTo: undefined, changed: true });
  }
  return true;
}

/**
 * Writes the new and changed versions by COPY, after deleting the stored rows of those changed
 * (normally none: a late incident event, or an append split between two batches), and sets
 * valid_to alone on those that a new version now follows (normally the latest version of each
 * risk the batch touches). COPY, not an upsert from one JSON document: taking apart a document of
 * whole entries was about half of PostgreSQL's time in this projection.
 */
async function writeHistories(
  manager: EntityManager,
  table: string,
  histories: ReadonlyMap<string, EntryVersion[]>,
): Promise<void> {
  const written: CopyValue[][] = [];
  const replaced = { riskIds: [] as string[], recordedAt: [] as string[] };
  const ended = {
    riskIds: [] as string[],
    recordedAt: [] as string[],
    validTo: [] as (string | null)[],
  };
  for (const [riskId, history] of histories) {
    history.forEach((version, i) => {
      const validTo = history[i + 1]?.recordedAt ?? null;
      const recordedAt = new Date(version.recordedAt).toISOString();
      const validToText = validTo === null ? null : new Date(validTo).toISOString();
      if (version.changed) {
        written.push(versionRow(riskId, recordedAt, version, validToText));
        if (version.storedValidTo === undefined) return;
        replaced.riskIds.push(riskId);
        replaced.recordedAt.push(recordedAt);
      } else if (version.storedValidTo !== validTo) {
        ended.riskIds.push(riskId);
        ended.recordedAt.push(recordedAt);
        ended.validTo.push(validToText);
      }
    });
  }
  if (ended.riskIds.length > 0 || replaced.riskIds.length > 0) {
    const t = sqlIdentifier(table);
    // One round trip; the two sets of rows are disjoint.
    await manager.query(
      `WITH ended AS (
         UPDATE ${t} v SET valid_to = e.valid_to
         FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[])
           AS e(risk_id, recorded_at, valid_to)
         WHERE v.risk_id = e.risk_id AND v.recorded_at = e.recorded_at)
       DELETE FROM ${t} v USING unnest($4::text[], $5::timestamptz[]) AS r(risk_id, recorded_at)
       WHERE v.risk_id = r.risk_id AND v.recorded_at = r.recorded_at`,
      [ended.riskIds, ended.recordedAt, ended.validTo, replaced.riskIds, replaced.recordedAt],
    );
  }
  await copyRows(manager, table, VERSION_COLUMNS, written);
}

const VERSION_COLUMNS = [
  'risk_id',
  'recorded_at',
  'position',
  'valid_to',
  'entry',
  ...Object.keys(REGISTER_COLUMNS),
];

/** A version's values, in the order of VERSION_COLUMNS. */
function versionRow(
  riskId: string,
  recordedAt: string,
  version: EntryVersion,
  validTo: string | null,
): CopyValue[] {
  const columns = registerColumnsOf(version.entry);
  return [
    riskId,
    recordedAt,
    version.position,
    validTo,
    version.entry,
    ...Object.entries(REGISTER_COLUMNS).map(([name, type]): CopyValue => {
      const value = columns[name] as CopyValue;
      return type === 'text[]' && value !== null ? textArray(value as string[]) : value;
    }),
  ];
}
