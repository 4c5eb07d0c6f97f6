import { writeFileSync } from 'node:fs';
import {
  eventsAfterCheckpoint,
  LogEras,
  LogIntegrity,
  PostgresEventStore,
  RELAY_CHECKPOINT,
} from '@riskledger/event-store';
import {
  allTopics,
  moveGroupToEnd,
  scanTopics,
  type CarriedEvent,
  type Kafka,
} from '@riskledger/messaging';
import { allProjections, replayProjection } from '@riskledger/read-models';
import type { DataSource } from 'typeorm';
import type { CliIo } from '../cli-io';

export interface AfterRestoreSettings {
  kafka: Kafka;
  topicPrefix: string;
  projectorGroupId: string;
  /** Where the events that exist downstream only are listed, one JSON object a line. */
  reportFile: string;
}

const LOOKUP_BATCH = 1000;

/**
 * `after-restore`: what is done once after restoring the database from a backup, before the apps
 * start: by the operator, or by `npm start` itself when the log's era has not been settled yet. The log re-anchors its transaction ids on a new server by itself (see
 * AnchorLogTransactions) and the relay goes on from its restored checkpoint; what a backup cannot
 * restore is agreement with what Kafka already carried:
 *
 * - events on Kafka that the restored store lacks (a backup older than the last events) exist
 *   downstream only: they are listed in the report, never published again nor dropped silently;
 * - the read models were saved at the backup's moment while the projector's Kafka offsets went on,
 *   so they are rebuilt from the store, and the projector's group is moved to the end of its
 *   topics: everything before that end is either in the rebuild or not in the store.
 *
 * Exit code 1 when events exist downstream only (the work is still done), 2 when it cannot run.
 */
export async function afterRestoreCommand(
  io: CliIo,
  dataSource: DataSource,
  settings: AfterRestoreSettings,
): Promise<number> {
  const admin = settings.kafka.admin();
  await admin.connect();
  try {
    const [group] = (await admin.describeGroups([settings.projectorGroupId])).groups;
    if (group && group.members.length > 0) {
      io.err(
        `the projector group ${settings.projectorGroupId} has ${group.members.length} running ` +
          'member(s): stop the projector (and npm start) first, then run after-restore again',
      );
      return 2;
    }

    const eras = new LogEras(dataSource);
    const era = await eras.anchor();
    io.out(
      era.era === 1
        ? `log era 1: the log has stayed on the server it began on (system ${era.systemIdentifier})`
        : `log era ${era.era}: restored onto server ${era.systemIdentifier} on ` +
            `${era.beganAt.toISOString()}, after position ${era.afterPosition}; new transaction ids ` +
            `are shifted by ${era.xidOffset} so that they follow the restored ones`,
    );

    const report = await withProgress(io, 'verify-log', (onProgress) =>
      new LogIntegrity(dataSource).check({ seal: true, onProgress }),
    );
    if (!report.intact) {
      io.out(`the log is BROKEN at position ${report.firstBreak!.position}: run verify-log`);
      return 1;
    }
    io.out(`log intact: ${report.events} events, ${report.seals} seals`);

    const topics = allTopics(settings.topicPrefix);
    const carried = new Map<string, CarriedEvent>();
    const scan = await withProgress(io, 'read Kafka', (onProgress) =>
      scanTopics(
        settings.kafka,
        topics,
        (event) =>
          void (carried.has(event.envelope.eventId) || carried.set(event.envelope.eventId, event)),
        onProgress,
      ),
    );
    const lost = await notInStore(dataSource, carried);
    writeFileSync(
      settings.reportFile,
      lost
        .map(
          ({ topic, partition, offset, envelope }) =>
            `${JSON.stringify({ topic, partition, offset, ...envelopeSummary(envelope) })}\n`,
        )
        .join(''),
    );
    io.out(
      `Kafka: ${scan.messages} messages, ${carried.size} distinct events` +
        (scan.undecodable > 0 ? `, ${scan.undecodable} not events` : ''),
    );
    if (lost.length > 0) {
      io.out(
        `${lost.length} events on Kafka are NOT in the restored store: they exist downstream only ` +
          `(integrations may have acted on them). Listed in ${settings.reportFile}; they are not ` +
          'published again. Later events of the same streams take the same stream versions.',
      );
    } else {
      io.out('every event on Kafka is in the store');
    }
    const pending = await eventsAfterCheckpoint(dataSource, RELAY_CHECKPOINT);
    io.out(
      `the relay goes on from its restored checkpoint: ${pending} events to publish ` +
        '(those already on Kafka come again; consumers dedupe by event id)',
    );

    const store = new PostgresEventStore(dataSource);
    for (const projection of allProjections()) {
      const result = await withProgress(io, `rebuild ${projection.name}`, (onProgress) =>
        replayProjection(dataSource, store, projection, { onProgress }),
      );
      io.out(`${projection.name}: rebuilt from ${result.events} events (${result.rows} rows)`);
    }
    await moveGroupToEnd(settings.kafka, admin, settings.projectorGroupId, topics);
    io.out(
      `the projector group ${settings.projectorGroupId} now starts at the end of its topics; ` +
        'start the apps',
    );
    await eras.settle(era.era, lost.length);
    return lost.length > 0 ? 1 : 0;
  } finally {
    await admin.disconnect();
  }
}

async function notInStore(
  dataSource: DataSource,
  carried: Map<string, CarriedEvent>,
): Promise<CarriedEvent[]> {
  const ids = [...carried.keys()];
  const lost: CarriedEvent[] = [];
  for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
    const batch = ids.slice(i, i + LOOKUP_BATCH);
    const found: { event_id: string }[] = await dataSource.query(
      `SELECT event_id::text AS event_id FROM events WHERE event_id = ANY($1::uuid[])`,
      [batch],
    );
    const stored = new Set(found.map((row) => row.event_id));
    lost.push(...batch.filter((id) => !stored.has(id)).map((id) => carried.get(id)!));
  }
  return lost.sort((a, b) => a.envelope.position - b.envelope.position);
}

function envelopeSummary(envelope: CarriedEvent['envelope']) {
  const { eventId, type, streamType, streamId, streamVersion, position, recordedAt, metadata } =
    envelope;
  return {
    eventId,
    type,
    streamType,
    streamId,
    streamVersion,
    position,
    recordedAt,
    actor: metadata.actor,
  };
}

async function withProgress<T>(
  io: CliIo,
  label: string,
  work: (onProgress: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  const progress = io.progress(label);
  try {
    return await work(progress);
  } finally {
    progress.stop();
  }
}
