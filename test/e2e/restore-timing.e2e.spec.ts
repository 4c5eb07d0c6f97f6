import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { databaseUrl, dataSourceOptions, migrate } from '@riskledger/database';
import { LogIntegrity, PostgresEventStore } from '@riskledger/event-store';
import { createKafka, scanTopics, type Kafka } from '@riskledger/messaging';
import { allProjections, verifyProjection } from '@riskledger/read-models';
import { loadConfig } from '@riskledger/config';
import { afterRestoreCommand } from '../../apps/cli/src/commands/after-restore.command';
import { settleRestoreAtStart } from '../../apps/launcher/src/settle-restore';
import type { CliIo } from '../../apps/cli/src/cli-io';
import { httpClient } from '../support/http';
import { deleteTopicsOf, eventually, startApps } from '../support/running-system';
import { pgTool, startSecondPostgres } from '../support/second-postgres';
import { createTestDatabase } from '../support/test-database';

jest.setTimeout(240_000);

const riskBody = (title: string) => ({
  title,
  scenario: { cause: 'a broken closer', event: 'someone enters', consequence: 'theft' },
  area: 'PHARMACEUTICALS',
  unit: 'Hospital North / Ward 12',
  owner: 'ward.manager',
  likelihood: 3,
  consequence: 4,
});

/**
 * A region's restore, as an operator does it: `pg_dump` of the running system, more writes that
 * reach Kafka, then `pg_restore` into a new PostgreSQL server (whose transaction ids count from far
 * below the old server's), the restore settled, and the apps started against it. Settled once by
 * `after-restore`, as the runbook says, and once by nothing but the start itself (`npm start`
 * runs the launcher's settleRestoreAtStart before the apps, with no step by hand).
 */
describe('restore from a pg_dump onto a new PostgreSQL server', () => {
  let kafka: Kafka;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(() => {
    kafka = createKafka({ clientId: 'e2e-restore', brokers: brokers() });
  });
  afterEach(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    closers.length = 0;
  });

  it('after-restore: relays new writes, keeps the seals and read models whole, and reports what Kafka carried that the backup lacks', async () => {
    await restoreAndRun(async ({ restored, env, dir, lostEventIds, lostRisks }) => {
      const io = capture();
      const report = join(dir, 'report.jsonl');
      const code = await afterRestoreCommand(io, restored, {
        kafka,
        topicPrefix: env.KAFKA_TOPIC_PREFIX,
        projectorGroupId: env.PROJECTOR_GROUP_ID,
        reportFile: report,
      });
      expect(io.lines.join('\n')).toMatch(/log era 2: restored onto server/);
      expect(io.lines.join('\n')).toMatch(/events on Kafka are NOT in the restored store/);
      expect(code).toBe(1);
      expectReported(report, lostEventIds, lostRisks);
    });
  });

  it('npm start: settles the restore by itself before the apps run, once, with no after-restore by hand', async () => {
    await restoreAndRun(async ({ url, env, dir, lostEventIds, lostRisks }) => {
      const config = loadConfig({ ...process.env, ...env, DATABASE_URL: url });
      const lines: string[] = [];
      const log = (line: string) => void lines.push(line);
      expect(await settleRestoreAtStart(config, dir, log)).toBe('settled');
      expect(lines.join('\n')).toMatch(/restored onto this server \(log era 2\)/);
      expect(lines.join('\n')).toMatch(/events on Kafka are NOT in the restored store/);
      expectReported(join(dir, 'restore-report-era-2.jsonl'), lostEventIds, lostRisks);
      // The next start finds it settled.
      expect(await settleRestoreAtStart(config, dir, log)).toBe('nothing to settle');
    });
  });

  /**
   * The old system with a backup taken while it runs and more writes after it, restored onto a
   * new server and settled by `settle`; then the apps on the restored database, with no hand edits.
   */
  async function restoreAndRun(
    settle: (restore: {
      restored: DataSource;
      url: string;
      env: Record<string, string>;
      dir: string;
      lostEventIds: string[];
      lostRisks: string[];
    }) => Promise<void>,
  ): Promise<void> {
    const T0 = Date.now();
    const run = randomUUID().slice(0, 8);
    process.stderr.write(`T ${Date.now()-T0} L95\n`);
    const env = {
      KAFKA_TOPIC_PREFIX: `e2e-restore-${run}`,
      PROJECTOR_GROUP_ID: `e2e-restore-projector-${run}`,
      KAFKA_CLIENT_ID: `e2e-restore-${run}`,
    };
    process.stderr.write(`T ${Date.now()-T0} L100\n`);
    const dir = mkdtempSync(join(tmpdir(), 'riskledger-dump-'));
    process.stderr.write(`T ${Date.now()-T0} L101\n`);
    const [source, target] = await Promise.all([createTestDatabase(), startSecondPostgres()]);
    process.stderr.write(`T ${Date.now()-T0} L102\n`);
    closers.push(async () => {
      await target.stop();
      await source.drop();
      await deleteTopicsOf(env.KAFKA_TOPIC_PREFIX).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    });
    process.stderr.write(`T ${Date.now()-T0} L108\n`);
    const onKafka = () => eventsOnKafka(`${env.KAFKA_TOPIC_PREFIX}.risk`);
    process.stderr.write(`T ${Date.now()-T0} L109\n`);

    // The system running on the old server; the backup taken while it runs.
    const before = await startApps({ ...env, DATABASE_URL: source.url });
    process.stderr.write(`T ${Date.now()-T0} L112\n`);
    closers.push(before.close);
    process.stderr.write(`T ${Date.now()-T0} L113\n`);
    const api = httpClient(before.baseUrl, { 'X-Actor': 'anna.berg@region.se' });
    process.stderr.write(`T ${Date.now()-T0} L114\n`);
    const kept = await createRisks(api, ['Kept A', 'Kept B', 'Kept C']);
    process.stderr.write(`T ${Date.now()-T0} L115\n`);
    const dump = join(dir, 'riskledger.dump');
    process.stderr.write(`T ${Date.now()-T0} L116\n`);
    pgTool('pg_dump', ['--format=custom', `--file=${dump}`, source.url]);
    process.stderr.write(`T ${Date.now()-T0} L117\n`);
    const lostRisks = await createRisks(api, ['Lost D', 'Lost E']);
    process.stderr.write(`T ${Date.now()-T0} L118\n`);
    await eventually(async () => ((await onKafka()).size >= 5 ? true : undefined), 60_000);
    process.stderr.write(`T ${Date.now()-T0} L119\n`);
    const lostEventIds = (
      await source.dataSource.query(
        `SELECT event_id::text AS id FROM events WHERE stream_id = ANY($1) ORDER BY position`,
        [lostRisks],
      )
    ).map((row: { id: string }) => row.id);
    process.stderr.write(`T ${Date.now()-T0} L125\n`);
    expect(lostEventIds.length).toBeGreaterThanOrEqual(2);
    process.stderr.write(`T ${Date.now()-T0} L126\n`);
    await before.close();
    process.stderr.write(`T ${Date.now()-T0} L127\n`);
    closers.pop();
    process.stderr.write(`T ${Date.now()-T0} L128\n`);

    // Restored onto a new server.
    const url = databaseUrl(target.serverUrl, 'riskledger');
    process.stderr.write(`T ${Date.now()-T0} L131\n`);
    pgTool('psql', [target.serverUrl, '-c', 'CREATE DATABASE riskledger']);
    process.stderr.write(`T ${Date.now()-T0} L132\n`);
    pgTool('pg_restore', ['--no-owner', `--dbname=${url}`, dump]);
    process.stderr.write(`T ${Date.now()-T0} L133\n`);
    expect(await migrate(url)).toEqual([]);
    process.stderr.write(`T ${Date.now()-T0} L134\n`);
    const restored = await new DataSource(dataSourceOptions(url)).initialize();
    process.stderr.write(`T ${Date.now()-T0} L135\n`);
    closers.push(() => restored.destroy());
    process.stderr.write(`T ${Date.now()-T0} L136\n`);
    const [{ server, stored }] = await restored.query(
      `SELECT pg_current_xact_id()::text AS server, max(transaction_id)::text AS stored FROM events`,
    );
    process.stderr.write(`T ${Date.now()-T0} L139\n`);
    // What made the relay pass over every new event: the new server counts from below the old ids.
    expect(BigInt(server)).toBeLessThan(BigInt(stored));
    process.stderr.write(`T ${Date.now()-T0} L141\n`);

    await settle({ restored, url, env, dir, lostEventIds, lostRisks });
    process.stderr.write(`T ${Date.now()-T0} L143\n`);

    // The apps on the restored database, with no hand edits: new writes flow.
    const after = await startApps({ ...env, DATABASE_URL: url });
    process.stderr.write(`T ${Date.now()-T0} L146\n`);
    closers.push(after.close);
    process.stderr.write(`T ${Date.now()-T0} L147\n`);
    const api2 = httpClient(after.baseUrl, { 'X-Actor': 'anna.berg@region.se' });
    process.stderr.write(`T ${Date.now()-T0} L148\n`);
    const [fresh] = await createRisks(api2, ['After the restore']);
    process.stderr.write(`T ${Date.now()-T0} L149\n`);
    const reassessed = await api2.post(
      `/risks/${kept[0]}/assessments`,
      { basis: 'TARGET', likelihood: 1, consequence: 4, reason: 'After the restore' },
      { 'If-Match': '"2"' },
    );
    process.stderr.write(`T ${Date.now()-T0} L154\n`);
    expect(reassessed.status).toBe(201);
    process.stderr.write(`T ${Date.now()-T0} L155\n`);
    const newEvents: { id: string; transaction_id: string }[] = await restored.query(
      `SELECT event_id::text AS id, transaction_id::text AS transaction_id FROM events
       WHERE position > (SELECT after_position FROM log_eras WHERE era = 2)`,
    );
    process.stderr.write(`T ${Date.now()-T0} L159\n`);
    expect(newEvents.length).toBeGreaterThanOrEqual(2);
    process.stderr.write(`T ${Date.now()-T0} L160\n`);
    for (const event of newEvents)
      expect(BigInt(event.transaction_id)).toBeGreaterThan(BigInt(stored));
    const carried = await eventually(async () => {
      const seen = await onKafka();
      return newEvents.every((e) => seen.has(e.id)) ? seen : undefined;
    }, 60_000);
    process.stderr.write(`T ${Date.now()-T0} L166\n`);
    // Reported, never published again.
    for (const id of lostEventIds) expect(carried.get(id)).toBe(1);
    process.stderr.write(`T ${Date.now()-T0} L168\n`);
    await eventually(async () => {
      const entry = await api2.get(`/risks/${kept[0]}`);
      return entry.status === 200 && entry.body.version === 3 ? true : undefined;
    }, 60_000);
    process.stderr.write(`T ${Date.now()-T0} L172\n`);
    await eventually(
      async () => (await api2.get(`/risks/${fresh}`)).status === 200 || undefined,
      60_000,
    );
    process.stderr.write(`T ${Date.now()-T0} L176\n`);
    expect((await api2.get(`/risks/${lostRisks[0]}`)).status).toBe(404);
    process.stderr.write(`T ${Date.now()-T0} L177\n`);

    // Seals and hashes hold across the two servers; every read model equals a rebuild.
    const integrity = await eventually(async () => {
      const check = await new LogIntegrity(restored).check();
      return check.unsealedEvents === 0 ? check : undefined;
    }, 30_000);
    process.stderr.write(`T ${Date.now()-T0} L183\n`);
    expect(integrity).toMatchObject({ intact: true });
    process.stderr.write(`T ${Date.now()-T0} L184\n`);
    const store = new PostgresEventStore(restored);
    process.stderr.write(`T ${Date.now()-T0} L185\n`);
    for (const projection of allProjections()) {
      const comparison = await verifyProjection(restored, store, projection);
      expect({ projection: projection.name, identical: comparison.identical }).toEqual({
        projection: projection.name,
        identical: true,
      });
    }
  }

  /** How often each event id is on the installation's topics. */
  async function eventsOnKafka(topic: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    await scanTopics(kafka, [topic], ({ envelope }) =>
      counts.set(envelope.eventId, (counts.get(envelope.eventId) ?? 0) + 1),
    );
    return counts;
  }
});

async function createRisks(
  api: ReturnType<typeof httpClient>,
  titles: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const title of titles) {
    const created = await api.post('/risks', riskBody(title));
    expect(created.status).toBe(201);
    ids.push(created.body.id);
  }
  for (const id of ids) {
    await eventually(
      async () => (await api.get(`/risks/${id}`)).status === 200 || undefined,
      60_000,
    );
  }
  return ids;
}

function expectReported(file: string, lostEventIds: string[], lostRisks: string[]): void {
  const reported = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(reported.map((entry) => entry.eventId)).toEqual(lostEventIds);
  expect(new Set(reported.map((entry) => entry.streamId))).toEqual(new Set(lostRisks));
}

function capture(): CliIo & { lines: string[] } {
  const io = {
    lines: [] as string[],
    out: (line: string) => { process.stderr.write(`IO ${Date.now()} ${line}\n`); io.lines.push(line); },
    err: (line: string) => { process.stderr.write(`IO ${Date.now()} ${line}\n`); io.lines.push(line); },
    progress: (label: string) => Object.assign((d: number, t: number) => { if (d === t) process.stderr.write(`IO ${Date.now()} ${label} ${d}/${t}\n`); }, { stop: () => process.stderr.write(`IO ${Date.now()} stop\n`) }),
  };
  return io;
}

function brokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '').split(',');
}
