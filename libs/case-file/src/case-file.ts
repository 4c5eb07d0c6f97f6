import {
  CaseEvents,
  caseEventHashHolds,
  LogVerifier,
  type CaseEvent,
} from '@riskledger/event-store';
import { envelopeOf } from '@riskledger/contracts';
import { summarise, TraceabilityLogQueries } from '@riskledger/read-models';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CaseFileManifest } from './case-file-manifest';
import { summaryOf } from './case-file-summary';

export type CaseFileSelection = { streamId: string; chain?: boolean } | { from: Date; to: Date };

/** The two long steps: reading the selected events, then verifying the whole log. */
export type CaseFilePhase = 'events' | 'log';
export type CaseFileProgress = (phase: CaseFilePhase, done: number, total: number) => void;

/** The selection names a stream the log has never held. */
export class NoSuchStreamError extends Error {
  constructor(readonly streamId: string) {
    super(`the log has no stream ${streamId}`);
  }
}

/** The three files of a case file, by name, as the command line writes them into a directory. */
export interface CaseFile {
  files: { 'events.jsonl': string; 'summary.md': string; 'manifest.json': string };
  manifest: CaseFileManifest;
  /** What was selected, in words. */
  described: string;
  /** The events the file holds, as read from the store. */
  events: readonly CaseEvent[];
}

const PAGE = 2000;

/**
 * A self-contained case file: events.jsonl (one event a line, with what is needed to check its
 * hash), summary.md (for people) and manifest.json (the selection, counts, integrity, checksums).
 * One assembly for the command line and the API, so that both give the same bytes for the same
 * selection. Reads only.
 */
export async function assembleCaseFile(
  dataSource: DataSource,
  selection: CaseFileSelection,
  options: { now?: Date; onProgress?: CaseFileProgress } = {},
): Promise<CaseFile> {
  const now = options.now ?? new Date();
  const progress = options.onProgress ?? (() => undefined);
  const events = await selectEvents(dataSource, selection, (done, total) =>
    progress('events', done, total),
  );
  const integrity = await new LogVerifier(dataSource).verify({
    onProgress: (done, total) => progress('log', done, total),
  });
  const broken = events.filter((e) => !caseEventHashHolds(e)).map((e) => e.position);
  const lines = events.map((e) => JSON.stringify(lineOf(e)) + '\n').join('');
  const eventsSha256 = createHash('sha256').update(lines).digest('hex');
  const described = describeSelection(selection);
  const [{ db }] = await dataSource.query(`SELECT current_database() AS db`);
  const manifest: CaseFileManifest = {
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
  return {
    files: {
      'events.jsonl': lines,
      'summary.md': summaryOf(described, manifest, events),
      'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
    },
    manifest,
    described,
    events,
  };
}

async function selectEvents(
  dataSource: DataSource,
  selection: CaseFileSelection,
  progress: (done: number, total: number) => void,
): Promise<CaseEvent[]> {
  const store = new CaseEvents(dataSource);
  if ('streamId' in selection) {
    const own = await store.ofStream(selection.streamId);
    if (own.length === 0) throw new NoSuchStreamError(selection.streamId);
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

export function describeSelection(selection: CaseFileSelection): string {
  if ('streamId' in selection) {
    return `stream ${selection.streamId}${selection.chain ? ' and everything that followed from it' : ''}`;
  }
  return `events recorded from ${selection.from.toISOString()} to ${selection.to.toISOString()}`;
}
