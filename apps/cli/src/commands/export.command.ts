import {
  CaseEvents,
  caseEventHashHolds,
  LogVerifier,
  type CaseEvent,
  type IntegrityReport,
} from '@riskledger/event-store';
import { envelopeOf } from '@riskledger/contracts';
import { summarise, TraceabilityLogQueries } from '@riskledger/read-models';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { CliIo, ProgressReporter } from '../cli-io';

export type ExportSelection = { streamId: string; chain?: boolean } | { from: Date; to: Date };

export interface CaseFile {
  dir: string;
  events: number;
  eventsSha256: string;
  hashesHold: boolean;
}

const PAGE = 2000;

/**
 * `export --stream <id> [--chain]` / `export --from <time> --to <time>`: writes a self-contained
 * case file into a new directory: events.jsonl (one event a line, with what is needed to check its
 * hash), summary.md (for people) and manifest.json (the selection, counts, integrity, checksums).
 * Reads only.
 */
export async function exportCommand(
  io: CliIo,
  dataSource: DataSource,
  selection: ExportSelection,
  options: { out?: string; now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const dir = resolve(options.out ?? `case-${now.toISOString().replace(/[:.]/g, '-')}`);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} exists and is not empty; name another directory with --out`);
  }
  const progress = io.progress('export');
  let events: CaseEvent[];
  let integrity: IntegrityReport;
  try {
    events = await selectEvents(dataSource, selection, progress);
    integrity = await new LogVerifier(dataSource).verify({ onProgress: progress });
  } finally {
    progress.stop();
  }
  const broken = events.filter((e) => !caseEventHashHolds(e)).map((e) => e.position);
  const lines = events.map((e) => JSON.stringify(lineOf(e)) + '\n').join('');
  const eventsSha256 = createHash('sha256').update(lines).digest('hex');
  const described = describeSelection(selection);
  const [{ db }] = await dataSource.query(`SELECT current_database() AS db`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'events.jsonl'), lines);
  const manifest = {
    caseFile: 'riskledger case file, format 1',
    selection: described,
    exportedAt: now.toISOString(),
    database: db,
    events: events.length,
    streams: new Set(events.map((e) => e.streamId)).size,
    firstPosition: events[0]?.position ?? null,
    lastPosition: events[events.length - 1]?.position ?? null,
    eventsSha256,
    eventHashesHold: broken.length === 0,
    eventsWhoseHashDoesNotHold: broken,
    logIntegrity: {
      intact: integrity.intact,
      checkedEvents: integrity.events,
      firstBreak: integrity.firstBreak,
      head: integrity.head,
      unsealedEvents: integrity.unsealedEvents,
    },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(dir, 'summary.md'), summaryOf(described, manifest, events));
  io.out(
    `wrote ${events.length} events (${described}) to ${dir}: events.jsonl, summary.md, ` +
      `manifest.json; event hashes ${broken.length === 0 ? 'hold' : `DO NOT HOLD at ${broken.join(', ')}`}; ` +
      `log ${integrity.intact ? 'intact' : `BROKEN at position ${integrity.firstBreak?.position}`}`,
  );
  return 0;
}

async function selectEvents(
  dataSource: DataSource,
  selection: ExportSelection,
  progress: ProgressReporter,
): Promise<CaseEvent[]> {
  const store = new CaseEvents(dataSource);
  if ('streamId' in selection) {
    const own = await store.ofStream(selection.streamId);
    if (own.length === 0) throw new Error(`the log has no stream ${selection.streamId}`);
    if (!selection.chain) return own;
    const chain = await new TraceabilityLogQueries(dataSource).chainOf(
      selection.streamId,
      true, // the command line reads the database itself: it sees everything
    );
    const ids = new Set([...own.map((e) => e.eventId), ...chain.map((e) => e.eventId)]);
    return store.withIds([...ids]);
  }
  const total = await store.countRecordedBetween(selection.from, selection.to);
  const events: CaseEvent[] = [];
  for (;;) {
    const page = await store.recordedBetween(
      selection.from,
      selection.to,
      events[events.length - 1]?.position ?? 0,
      PAGE,
    );
    events.push(...page);
    progress(events.length, total);
    if (page.length < PAGE) return events;
  }
}

/** One line of events.jsonl: the event as stored, its hash inputs and its meaning in words. */
function lineOf(e: CaseEvent) {
  return {
    position: e.position,
    transactionId: e.transactionId,
    eventId: e.eventId,
    streamType: e.streamType,
    streamId: e.streamId,
    streamVersion: e.streamVersion,
    type: e.type,
    schemaVersion: e.schemaVersion,
    recordedAt: e.recordedAtExact,
    metadata: e.metadata,
    data: e.data,
    summary: summarise(envelopeOf(e)),
    previousHash: e.previousHash,
    hash: e.hash,
    hashVersion: e.hashVersion,
  };
}

function describeSelection(selection: ExportSelection): string {
  if ('streamId' in selection) {
    return `stream ${selection.streamId}${selection.chain ? ' and everything that followed from it' : ''}`;
  }
  return `events recorded from ${selection.from.toISOString()} to ${selection.to.toISOString()}`;
}

const cell = (value: unknown) =>
  String(value ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

function summaryOf(
  described: string,
  manifest: {
    exportedAt: string;
    database: string;
    streams: number;
    eventsSha256: string;
    eventsWhoseHashDoesNotHold: number[];
    logIntegrity: {
      intact: boolean;
      checkedEvents: number;
      firstBreak: IntegrityReport['firstBreak'];
      head: IntegrityReport['head'];
      unsealedEvents: number;
    };
  },
  events: CaseEvent[],
): string {
  const integrity = manifest.logIntegrity;
  const lines = [
    `# Case file: ${described}`,
    '',
    `Exported ${manifest.exportedAt} from the riskledger event log (database ${manifest.database}).`,
    '',
    `- Events: ${events.length} in ${manifest.streams} stream(s)` +
      (events.length
        ? `, log positions ${events[0].position} to ${events[events.length - 1].position}`
        : ''),
    `- Each event's hash, recomputed from its line in events.jsonl: ` +
      (manifest.eventsWhoseHashDoesNotHold.length === 0
        ? 'all hold'
        : `does NOT hold at positions ${manifest.eventsWhoseHashDoesNotHold.join(', ')}`),
    `- The whole log (${integrity.checkedEvents} events) at export: ` +
      (integrity.intact
        ? 'intact'
        : `BROKEN, first at position ${integrity.firstBreak?.position} (${integrity.firstBreak?.kind}: ${integrity.firstBreak?.detail})`),
    integrity.head
      ? `- Head seal: ${integrity.head.sealNo}, up to position ${integrity.head.upTo.position}, hash \`${integrity.head.hash}\`` +
        (integrity.unsealedEvents
          ? ` (${integrity.unsealedEvents} later events not sealed yet)`
          : '')
      : '- No seal yet',
    `- SHA-256 of events.jsonl: \`${manifest.eventsSha256}\``,
    '',
    '## Streams',
    '',
    '| stream | type | events | first recorded | last recorded |',
    '| --- | --- | --- | --- | --- |',
  ];
  const streams = new Map<string, CaseEvent[]>();
  for (const e of events) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
  for (const [id, list] of streams) {
    lines.push(
      `| ${id} | ${list[0].streamType} | ${list.length} | ${list[0].recordedAt.toISOString()} | ${list[list.length - 1].recordedAt.toISOString()} |`,
    );
  }
  lines.push(
    '',
    '## Timeline',
    '',
    '| recorded (UTC) | position | stream | version | event | actor | reason | what happened | correlation | causation |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const e of events) {
    lines.push(
      `| ${e.recordedAt.toISOString()} | ${e.position} | ${e.streamId} | ${e.streamVersion} | ${e.type} | ${cell(e.metadata.actor)} | ${cell(e.metadata.reason)} | ${cell(summarise(envelopeOf(e)))} | ${cell(e.metadata.correlationId)} | ${cell(e.metadata.causationId)} |`,
    );
  }
  lines.push(
    '',
    '## Checking this file without the system',
    '',
    "Each line of events.jsonl holds an event with `previousHash` (the hash of the stream's event " +
      'before it, null for the first) and `hash`. The hash is SHA-256, in hex, of the object ' +
      '`{"scheme","previousHash","position","eventId","streamId","streamType","streamVersion",' +
      '"type","schemaVersion","data","metadata","recordedAt"}` taken from the line, written out as ' +
      "the line's `hashVersion` says: 1, canonical JSON (keys sorted, no whitespace: RFC 8785) " +
      'with scheme "riskledger.event.v1"; 2, PostgreSQL\'s jsonb text (keys shorter first, then ' +
      'by their UTF-8 bytes; ", " and ": " between items; numbers without exponents) with scheme ' +
      '"riskledger.event.v2". Within a stream, each `previousHash` is the ' +
      '`hash` of the line before it. The checksum above covers events.jsonl as a whole; compare the ' +
      'head seal hash with one recorded elsewhere to show the log was not rewritten since.',
    '',
  );
  return lines.join('\n');
}
