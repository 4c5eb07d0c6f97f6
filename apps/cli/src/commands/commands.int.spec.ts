import { createHash, randomUUID } from 'node:crypto';
import { envelopeOf } from '@riskledger/contracts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, type StoredEvent } from '@riskledger/event-store';
import { allProjections, project } from '@riskledger/read-models';
import type { DataSource } from 'typeorm';
import {
  incidentReported,
  newEvent,
  riskAssessed,
  riskIdentified,
} from '../../../../test/support/domain-events';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { eventHash } from '@riskledger/event-store';
import type { CliIo } from '../cli-io';
import { buildProgram } from '../cli.program';
import { exportCommand } from './export.command';
import { replayCommand } from './replay.command';
import { verifyLogCommand } from './verify-log.command';
import { verifyProjectionCommand } from './verify-projection.command';

/** An io that keeps what a command prints, and counts the progress it reports. */
function capture(): CliIo & { lines: string[]; errors: string[]; progressCalls: number } {
  const io = {
    lines: [] as string[],
    errors: [] as string[],
    progressCalls: 0,
    out: (line: string) => io.lines.push(line),
    err: (line: string) => io.errors.push(line),
    progress: () => Object.assign(() => void io.progressCalls++, { stop: () => undefined }),
  };
  return io;
}

describe('the investigators’ CLI commands', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let dir: string;
  const [riskA, riskB, incident] = [randomUUID(), randomUUID(), randomUUID()];
  let events: StoredEvent[];

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = db.dataSource;
    store = new PostgresEventStore(dataSource);
    dir = mkdtempSync(join(tmpdir(), 'riskledger-case-'));
    const meta = { correlationId: 'case-12', actor: 'anna.berg@region.se' };
    await store.append('risk', riskA, 0, [newEvent(riskIdentified(riskA), meta)]);
    await store.append('risk', riskB, 0, [
      newEvent(riskIdentified(riskB, { area: 'IT_SECURITY' })),
    ]);
    await store.append('incident', incident, 0, [
      newEvent(incidentReported(incident, [riskA]), meta),
    ]);
    await store.append('risk', riskA, 1, [
      newEvent(riskAssessed(riskA, 5, 4), { ...meta, reason: 'The incident | shows it' }),
    ]);
    await store.append('risk', riskB, 1, [newEvent(riskAssessed(riskB, 1, 1))]);
    events = (await Promise.all([riskA, riskB, incident].map((id) => store.readStream(id))))
      .flat()
      .sort((a, b) => a.position - b.position);
    for (const event of events) {
      for (const projection of allProjections()) {
        await project(dataSource, projection, envelopeOf(event));
      }
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('replay rebuilds each projection and reports the rate; verify-projection then finds it identical', async () => {
    for (const { name } of allProjections()) {
      const io = capture();
      expect(await replayCommand(io, dataSource, name, { batchSize: 2 })).toBe(0);
      expect(io.lines.join('\n')).toMatch(
        new RegExp(
          `^${name}: rebuilt from 5 events into \\d+ rows .* events/s\\), up to position \\d+; swapped in$`,
        ),
      );
      expect(io.progressCalls).toBeGreaterThan(1);
      const verify = capture();
      expect(await verifyProjectionCommand(verify, dataSource, name)).toBe(0);
      expect(verify.lines[0]).toContain(`${name}: identical to a rebuild from 5 events`);
    }
  });

  it('verify-projection exits 1 and names every live row that differs', async () => {
    await dataSource.query(`UPDATE risk_register SET owner = 'mallory' WHERE risk_id = $1`, [
      riskB,
    ]);
    const io = capture();

    const code = await verifyProjectionCommand(io, dataSource, 'risk-register');

    expect(code).toBe(1);
    expect(io.lines).toEqual([
      'risk-register: DIFFERS from a rebuild from 5 events (2 live rows, 2 rebuilt)',
      `  risk_id ${riskB} differs in owner: live owner="mallory", log owner="ward.manager@region.se"`,
    ]);
    const json = capture();
    expect(await verifyProjectionCommand(json, dataSource, 'risk-register', { json: true })).toBe(
      1,
    );
    expect(JSON.parse(json.lines[0])).toMatchObject({ identical: false, differenceCount: 1 });
    await replayCommand(capture(), dataSource, 'risk-register');
  });

  it('export --stream --chain writes a case file whose every line can be checked on its own', async () => {
    const out = join(dir, 'incident');
    const io = capture();

    expect(await exportCommand(io, dataSource, { streamId: incident, chain: true }, { out })).toBe(
      0,
    );

    const lines = readFileSync(join(out, 'events.jsonl'), 'utf8').trimEnd().split('\n');
    const exported = lines.map((line) => JSON.parse(line));
    // The incident, and the assessment made in the same case (correlation id).
    expect(exported.map((e) => [e.streamId, e.type])).toEqual([
      [riskA, 'RiskIdentified'],
      [incident, 'IncidentReported'],
      [riskA, 'RiskAssessed'],
    ]);
    for (const e of exported) {
      const { previousHash, hash, summary, transactionId, ...fields } = e;
      expect(eventHash(fields, previousHash)).toBe(hash);
      expect(typeof summary).toBe('string');
      expect(transactionId).toMatch(/^\d+$/);
    }
    expect(exported[2].previousHash).toBe(exported[0].hash);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      events: 3,
      streams: 2,
      eventHashesHold: true,
      logIntegrity: { intact: true },
      eventsSha256: createHash('sha256')
        .update(readFileSync(join(out, 'events.jsonl')))
        .digest('hex'),
    });
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain(
      `# Case file: stream ${incident} and everything that followed from it`,
    );
    expect(summary).toContain('| RiskAssessed | anna.berg@region.se | The incident \\| shows it |');
    expect(io.lines[0]).toMatch(/^wrote 3 events .* event hashes hold; log intact$/);
  });

  it('export --stream without --chain holds the stream only; --from/--to a time range', async () => {
    await exportCommand(capture(), dataSource, { streamId: riskB }, { out: join(dir, 'b') });
    const b = readFileSync(join(dir, 'b', 'events.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(b.map((l) => JSON.parse(l).streamVersion)).toEqual([1, 2]);

    const [, second, , fourth] = events;
    await exportCommand(
      capture(),
      dataSource,
      { from: second.recordedAt, to: fourth.recordedAt },
      { out: join(dir, 'range') },
    );
    const range = readFileSync(join(dir, 'range', 'events.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(range.map((l) => JSON.parse(l).position)).toEqual([second.position, events[2].position]);
    await expect(
      exportCommand(capture(), dataSource, { streamId: riskB }, { out: join(dir, 'b') }),
    ).rejects.toThrow(/exists and is not empty/);
    await expect(
      exportCommand(capture(), dataSource, { streamId: randomUUID() }, { out: join(dir, 'none') }),
    ).rejects.toThrow(/the log has no stream/);
  });

  it('verify-log exits 0 on an intact log, and 1 with the exact position once an event is deleted', async () => {
    const intact = capture();
    expect(await verifyLogCommand(intact, dataSource)).toBe(0);
    expect(intact.lines).toEqual([
      expect.stringMatching(/^checked 5 events in 3 streams, positions \d+ to \d+ in/),
      'seals: 1 covering 5 events; 0 not sealed yet',
      expect.stringMatching(/^head: seal 1 up to position \d+, hash [0-9a-f]{64}$/),
      'intact: every hash and seal holds',
    ]);
    const target = events[2]; // the incident's only event
    await dataSource.transaction(async (m) => {
      await m.query(`ALTER TABLE events DISABLE TRIGGER USER`);
      await m.query(`DELETE FROM events WHERE position = $1`, [target.position]);
      await m.query(`ALTER TABLE events ENABLE TRIGGER USER`);
    });

    const broken = capture();
    expect(await verifyLogCommand(broken, dataSource, { seal: false })).toBe(1);
    expect(broken.lines).toContain(
      `BROKEN at position ${target.position}: EVENT_MISSING: seal 1 lists an event at this ` +
        `position (hash ${target.hash}); the log no longer has it there: the event was deleted or moved`,
    );
    const json = capture();
    expect(await verifyLogCommand(json, dataSource, { json: true })).toBe(1);
    expect(JSON.parse(json.lines[0]).firstBreak.position).toBe(target.position);
  });

  describe('the command line', () => {
    function parse(args: string[]) {
      const io = capture();
      const ran: string[] = [];
      const program = buildProgram(io, async (run) => {
        ran.push('database');
        await run(dataSource);
      });
      return { io, ran, done: program.parseAsync(['node', 'riskledger', ...args]) };
    }

    it('refuses an unknown projection, naming the ones there are', async () => {
      const { io, ran, done } = parse(['replay', 'audit-trail']);
      await expect(done).rejects.toMatchObject({ code: 'commander.invalidArgument' });
      expect(io.errors.join('\n')).toContain(
        'Allowed choices are risk-register, risk-register-versions, traceability-log',
      );
      expect(ran).toEqual([]);
    });

    it.each([
      [['export'], 'export needs --stream <id>, or both --from <time> and --to <time>'],
      [['export', '--from', '2026-11-01T00:00:00'], 'must be an ISO 8601 time with its time zone'],
      [['export', '--stream', 'x', '--from', '2026-11-01T00:00:00Z'], 'cannot be used with'],
    ])('refuses export %j', async (args, message) => {
      const { io, ran, done } = parse(args);
      await expect(done).rejects.toThrow();
      expect(io.errors.join('\n')).toContain(message);
      expect(ran).toEqual([]);
    });

    it('runs verify-projection against the database it is given', async () => {
      const { io, ran, done } = parse(['verify-projection', 'traceability-log']);
      await done;
      expect(ran).toEqual(['database']);
      expect(io.lines[0]).toMatch(/^traceability-log: /);
    });
  });
});
