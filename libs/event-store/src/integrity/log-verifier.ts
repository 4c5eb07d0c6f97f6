import type { DataSource } from 'typeorm';
import { commitOrderPage, commitOrderParameters } from '../commit-order';
import { HASHED_EVENT_COLUMNS, hashedFieldsOf, type HashedEventRow } from '../event-row';
import { LOG_START, type LogCheckpoint } from '../stored-event';
import { eventHash, sealHash, type SealedEvent } from './event-hash';
import { SEAL_COLUMNS, sealOf, type LogSeal, type SealRow } from './log-sealer';

export type IntegrityProblemKind =
  /** The stored hash does not match the event's content, position or link to its predecessor. */
  | 'HASH_MISMATCH'
  /** A stream has a gap: the versions before this event are missing. */
  | 'VERSION_MISSING'
  /** A sealed event is no longer in the log at its position. */
  | 'EVENT_MISSING'
  /** An event sits in a sealed range of the log that its seal does not list. */
  | 'EVENT_NOT_SEALED'
  /** The event at a sealed position is not the one sealed (another hash or transaction). */
  | 'SEAL_MISMATCH'
  /** A seal's own hash, its number or its link to the previous seal does not hold. */
  | 'SEAL_BROKEN';

export interface IntegrityProblem {
  kind: IntegrityProblemKind;
  /** Where the log breaks: the position of the event concerned (or of a broken seal's first event). */
  position: number;
  streamId: string | null;
  streamVersion: number | null;
  sealNo: number | null;
  detail: string;
}

export interface IntegrityReport {
  intact: boolean;
  checkedAt: string;
  durationMs: number;
  /** Events checked, and the range of positions they span. */
  events: number;
  streams: number;
  firstPosition: number | null;
  lastPosition: number | null;
  seals: number;
  sealedEvents: number;
  /** Events after the last seal: their stream chains are checked; order and deletion are not yet. */
  unsealedEvents: number;
  /** The last seal: record its hash elsewhere to be able to prove later that nothing was rewritten. */
  head: LogSeal | null;
  /** Whether the triggers that refuse UPDATE, DELETE and TRUNCATE on the log are enabled. */
  guardsEnabled: boolean;
  /** The problem with the lowest position: where the log first breaks. */
  firstBreak: IntegrityProblem | null;
  /** Problems in position order (the first `maxProblems`). */
  problems: IntegrityProblem[];
  problemCount: number;
}

export interface VerifyOptions {
  batchSize?: number;
  maxProblems?: number;
  /** Called as work advances: `done` of `total` steps (each event is visited twice). */
  onProgress?: (done: number, total: number) => void;
}

interface CommitOrderRow {
  position: string;
  transaction_id: string;
  hash: string;
  stream_id: string;
  stream_version: number;
}

interface FullSealRow extends SealRow {
  positions: string[];
  transaction_ids: string[];
  event_hashes: string[];
}

/**
 * Checks the whole log against its hashes and seals, in two passes: each stream in version order
 * (every event's hash recomputed from its row and its predecessor's hash), then the log in commit
 * order against the seals (nothing sealed missing, moved, replaced or slipped in). Reads only.
 */
export class LogVerifier {
  constructor(private readonly dataSource: DataSource) {}

  async verify(options: VerifyOptions = {}): Promise<IntegrityReport> {
    const started = Date.now();
    const batchSize = options.batchSize ?? 2000;
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    const total = n * 2;
    let done = 0;
    const progress = (count: number) => {
      done += count;
      options.onProgress?.(Math.min(done, total), total);
    };
    options.onProgress?.(0, total);
    const problems: IntegrityProblem[] = [];
    const streams = await this.checkStreams(batchSize, problems, progress);
    const sealing = await this.checkSeals(batchSize, problems, progress);
    problems.sort((a, b) => a.position - b.position || a.kind.localeCompare(b.kind));
    const maxProblems = options.maxProblems ?? 100;
    return {
      intact: problems.length === 0,
      checkedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      events: streams.events,
      streams: streams.streams,
      firstPosition: streams.firstPosition,
      lastPosition: streams.lastPosition,
      seals: sealing.seals,
      sealedEvents: sealing.sealedEvents,
      unsealedEvents: sealing.unsealedEvents,
      head: sealing.head,
      guardsEnabled: await this.guardsEnabled(),
      firstBreak: problems[0] ?? null,
      problems: problems.slice(0, maxProblems),
      problemCount: problems.length,
    };
  }

  private async checkStreams(
    batchSize: number,
    problems: IntegrityProblem[],
    progress: (count: number) => void,
  ) {
    let events = 0;
    let streams = 0;
    let firstPosition: number | null = null;
    let lastPosition: number | null = null;
    let previous: { streamId: string; version: number; hash: string } | null = null;
    let after = { streamId: '', version: 0 };
    for (;;) {
      const rows: HashedEventRow[] = await this.dataSource.query(
        `SELECT ${HASHED_EVENT_COLUMNS} FROM events WHERE (stream_id, stream_version) > ($1, $2)
         ORDER BY stream_id, stream_version LIMIT $3`,
        [after.streamId, after.version, batchSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const position = Number(row.position);
        events++;
        firstPosition = firstPosition === null ? position : Math.min(firstPosition, position);
        lastPosition = lastPosition === null ? position : Math.max(lastPosition, position);
        const sameStream: boolean = previous?.streamId === row.stream_id;
        if (!sameStream) streams++;
        const expected: number = sameStream ? previous!.version + 1 : 1;
        const where = { position, streamId: row.stream_id, streamVersion: row.stream_version };
        if (row.stream_version !== expected) {
          problems.push({
            kind: 'VERSION_MISSING',
            ...where,
            sealNo: null,
            detail:
              `stream ${row.stream_id} has no version ` +
              (expected === row.stream_version - 1
                ? `${expected}`
                : `${expected} to ${row.stream_version - 1}`) +
              ` before this event: events were deleted`,
          });
        } else {
          const link = sameStream ? previous!.hash : null;
          if (eventHash(hashedFieldsOf(row), link) !== row.hash) {
            problems.push({
              kind: 'HASH_MISMATCH',
              ...where,
              sealNo: null,
              detail:
                `the stored hash does not match the event's content, position or link to ` +
                (link ? `version ${expected - 1}` : 'the start of its stream') +
                `: the event was changed`,
            });
          }
        }
        previous = { streamId: row.stream_id, version: row.stream_version, hash: row.hash };
      }
      const last = rows[rows.length - 1];
      after = { streamId: last.stream_id, version: last.stream_version };
      progress(rows.length);
    }
    return { events, streams, firstPosition, lastPosition };
  }

  private async checkSeals(
    batchSize: number,
    problems: IntegrityProblem[],
    progress: (count: number) => void,
  ) {
    const log = new CommitOrderCursor(this.dataSource, batchSize, progress);
    let seals = 0;
    let sealedEvents = 0;
    let head: LogSeal | null = null;
    let afterSealNo = 0;
    for (;;) {
      const page: FullSealRow[] = await this.dataSource.query(
        `SELECT ${SEAL_COLUMNS}, positions::text[] AS positions,
                transaction_ids::text[] AS transaction_ids, event_hashes
         FROM log_seals WHERE seal_no > $1 ORDER BY seal_no LIMIT 20`,
        [afterSealNo],
      );
      if (page.length === 0) break;
      for (const row of page) {
        const seal = sealOf(row);
        const sealed: SealedEvent[] = row.positions.map((position, i) => ({
          position: Number(position),
          transactionId: row.transaction_ids[i],
          hash: row.event_hashes[i],
        }));
        this.checkSealItself(seal, sealed, head, problems);
        const actual = await log.takeUpTo(seal.upTo);
        compareSealed(seal, sealed, actual, problems);
        seals++;
        sealedEvents += sealed.length;
        head = seal;
        afterSealNo = seal.sealNo;
      }
    }
    const unsealedEvents = await log.drain();
    return { seals, sealedEvents, unsealedEvents, head };
  }

  private checkSealItself(
    seal: LogSeal,
    sealed: SealedEvent[],
    previous: LogSeal | null,
    problems: IntegrityProblem[],
  ): void {
    const position = sealed.length
      ? Math.min(...sealed.map((e) => e.position))
      : seal.upTo.position;
    const broken = (detail: string) =>
      problems.push({
        kind: 'SEAL_BROKEN',
        position,
        streamId: null,
        streamVersion: null,
        sealNo: seal.sealNo,
        detail,
      });
    const expectedNo = (previous?.sealNo ?? 0) + 1;
    if (seal.sealNo !== expectedNo) {
      broken(`seal ${expectedNo} is missing before seal ${seal.sealNo}`);
    } else if (seal.previousHash !== (previous?.hash ?? null)) {
      broken(`seal ${seal.sealNo} does not link to the hash of seal ${expectedNo - 1}`);
    }
    const last = sealed[sealed.length - 1] ?? { position: -1, transactionId: '' };
    if (
      sealHash({ sealNo: seal.sealNo, previousHash: seal.previousHash, events: sealed }) !==
        seal.hash ||
      last.position !== seal.upTo.position ||
      last.transactionId !== seal.upTo.transactionId
    ) {
      broken(`seal ${seal.sealNo} does not match its own hash: the seal was changed`);
    }
  }

  private async guardsEnabled(): Promise<boolean> {
    const rows: { enabled: boolean }[] = await this.dataSource.query(
      `SELECT tgenabled <> 'D' AS enabled FROM pg_trigger
       WHERE tgrelid = 'events'::regclass AND NOT tgisinternal`,
    );
    return rows.length >= 2 && rows.every((r) => r.enabled);
  }
}

function compareSealed(
  seal: LogSeal,
  sealed: SealedEvent[],
  actual: CommitOrderRow[],
  problems: IntegrityProblem[],
): void {
  const actualAt = new Map(actual.map((row) => [Number(row.position), row]));
  const sealedPositions = new Set(sealed.map((e) => e.position));
  for (const expected of sealed) {
    const row = actualAt.get(expected.position);
    if (!row) {
      problems.push({
        kind: 'EVENT_MISSING',
        position: expected.position,
        streamId: null,
        streamVersion: null,
        sealNo: seal.sealNo,
        detail: `seal ${seal.sealNo} lists an event at this position (hash ${expected.hash}); the log no longer has it there: the event was deleted or moved`,
      });
    } else if (row.hash !== expected.hash || row.transaction_id !== expected.transactionId) {
      problems.push({
        kind: 'SEAL_MISMATCH',
        position: expected.position,
        streamId: row.stream_id,
        streamVersion: row.stream_version,
        sealNo: seal.sealNo,
        detail: `the event at this position is not the one seal ${seal.sealNo} recorded (hash ${expected.hash}, transaction ${expected.transactionId}): it was replaced, rewritten or reordered`,
      });
    }
  }
  for (const row of actual) {
    if (sealedPositions.has(Number(row.position))) continue;
    problems.push({
      kind: 'EVENT_NOT_SEALED',
      position: Number(row.position),
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      sealNo: seal.sealNo,
      detail: `this event lies in the range of the log seal ${seal.sealNo} covers, which does not list it: it was inserted or moved there afterwards`,
    });
  }
}

/** The whole log in commit order, every committed row, a page at a time. */
class CommitOrderCursor {
  private buffer: CommitOrderRow[] = [];
  private after: LogCheckpoint = LOG_START;
  private exhausted = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly batchSize: number,
    private readonly progress: (count: number) => void,
  ) {}

  /** Every row up to and including the checkpoint (in commit order). */
  async takeUpTo(upTo: { transactionId: string; position: number }): Promise<CommitOrderRow[]> {
    const taken: CommitOrderRow[] = [];
    for (;;) {
      const next = await this.peek();
      if (!next || compareKeys(next, upTo) > 0) return taken;
      taken.push(this.buffer.shift()!);
    }
  }

  /** Reads to the end; returns how many rows were left. */
  async drain(): Promise<number> {
    let left = 0;
    while (await this.peek()) {
      left += this.buffer.length;
      this.buffer = [];
    }
    return left;
  }

  private async peek(): Promise<CommitOrderRow | undefined> {
    if (this.buffer.length === 0 && !this.exhausted) {
      this.buffer = await this.dataSource.query(
        commitOrderPage(
          'position, transaction_id::text AS transaction_id, hash, stream_id, stream_version',
          { settledOnly: false },
        ),
        commitOrderParameters(this.after, this.batchSize),
      );
      if (this.buffer.length === 0) this.exhausted = true;
      else {
        const last = this.buffer[this.buffer.length - 1];
        this.after = { transactionId: last.transaction_id, position: Number(last.position) };
        this.progress(this.buffer.length);
      }
    }
    return this.buffer[0];
  }
}

function compareKeys(
  row: CommitOrderRow,
  checkpoint: { transactionId: string; position: number },
): number {
  const byTransaction = BigInt(row.transaction_id) - BigInt(checkpoint.transactionId);
  if (byTransaction !== 0n) return byTransaction < 0n ? -1 : 1;
  return Number(row.position) - checkpoint.position;
}
