import { allProjections, verifyProjection } from '@riskledger/read-models';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AppName, type AppProcess, killAllApps } from '../faults/support/app-process';
import {
  acquireSuiteLock,
  buildApps,
  infrastructureSite,
  releaseSuiteLock,
} from '../faults/support/fault-infrastructure';
import {
  CommandLoad,
  FaultSystem,
  request,
  sleep,
  type SentCommand,
} from '../faults/support/fault-system';

/**
 * `npm run soak` (not part of `npm test`): for a fixed time, commands from many clients over HTTP
 * while a driver kills the relay, the projector and the notifier at random and restarts Kafka once
 * and PostgreSQL once; afterwards every command answered 2xx must be in the store, on Kafka (once
 * per event id after deduplication), in the read models and equal to a rebuild, with no 5xx but
 * 503 while PostgreSQL was away, and each process's memory flat. A broker and a PostgreSQL server
 * of its own (ports 29092 and 54349), never the shared ones.
 */
const MINUTES = Number(process.env.SOAK_MINUTES ?? '10');
const WRITERS = Number(process.env.SOAK_WRITERS ?? '12');
const READERS = Number(process.env.SOAK_READERS ?? '4');
const DURATION_MS = MINUTES * 60_000;
/** After PostgreSQL is back, requests already waiting on a dead connection may still fail. */
const OUTAGE_GRACE_MS = 10_000;

const site = infrastructureSite({
  name: 'soak',
  kafkaPort: 29092,
  kafkaControllerPort: 29093,
  postgresPort: 54349,
});

jest.setTimeout(DURATION_MS + 20 * 60_000);

const log = (line: string) => process.stdout.write(`[soak] ${line}\n`);

type Victim = Extract<AppName, 'relay' | 'projector' | 'notifier'>;
const VICTIMS: Victim[] = ['relay', 'projector', 'notifier'];
const READY: Record<Victim, RegExp> = {
  relay: /leading: relaying/,
  projector: /consuming /,
  notifier: /notifying /,
};

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

describe(`soak: ${MINUTES} min of commands while parts fail`, () => {
  let system: FaultSystem;
  let webhooks: Server;
  let webhookCalls = 0;
  const apps = new Map<AppName, AppProcess>();
  const incarnations: Record<Victim, number> = { relay: 0, projector: 0, notifier: 0 };

  beforeAll(async () => {
    await acquireSuiteLock(log, 30 * 60_000, site.lockDir);
    const started = Date.now();
    buildApps(site);
    await site.postgres.start();
    site.kafka.start();
    log(
      `apps built, PostgreSQL ${site.postgresUrl} and Kafka ${site.kafkaBrokers} up in ${Date.now() - started} ms`,
    );
    webhooks = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        webhookCalls++;
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => webhooks.listen(0, '127.0.0.1', resolve));
    const { port } = webhooks.address() as { port: number };
    system = await FaultSystem.create(
      'soak',
      {
        RATE_LIMIT_PER_MINUTE: '0',
        NOTIFIER_WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
        NOTIFIER_WEBHOOK_SECRET: 'soak-webhook-secret-0123456789',
        NOTIFIER_BACKOFF_MS: '200',
      },
      site,
    );
  });
  afterAll(async () => {
    await killAllApps();
    await site.postgres.start().catch(() => undefined);
    await system?.destroy();
    webhooks?.close();
    if (!process.env.KEEP_SOAK_INFRA) {
      site.kafka.stop();
      await site.postgres.stop();
    }
    releaseSuiteLock(site.lockDir);
  });

  async function start(app: Victim): Promise<void> {
    const name = `${app}-${incarnations[app]++}`;
    const process = system.spawn(name, app);
    apps.set(app, process);
    await process.waitFor(READY[app], 120_000);
  }

  it('loses nothing, doubles nothing downstream, answers no 5xx but 503 in the outage, memory flat', async () => {
    const api = await system.startApi('api');
    apps.set('api', api.process);
    for (const app of VICTIMS) await start(app);
    const baseUrl = api.baseUrl;

    const load = new CommandLoad(baseUrl, WRITERS, 100).start();
    const reads: SentCommand[] = [];
    let reading = true;
    const readers = Array.from({ length: READERS }, async () => {
      while (reading) {
        const id = load.riskIds[randomInt(Math.max(load.riskIds.length, 1))];
        const path = id && randomInt(2) === 0 ? `/risks/${id}` : '/risks?limit=20';
        const at = Date.now();
        reads.push({ ...(await request(baseUrl, 'GET', path)), path, at });
        await sleep(200);
      }
    });

    const began = Date.now();
    const deadline = began + DURATION_MS;
    const kills: Record<Victim, number> = { relay: 0, projector: 0, notifier: 0 };
    const memory = new Map<string, { pid: number; mb: number }[]>();
    const sampleMemory = (minute: number) => {
      const pids: [string, number | null][] = [
        ['api', api.process.pid],
        ...VICTIMS.map((app): [string, number | null] => [app, apps.get(app)?.pid ?? null]),
        ['kafka', site.kafka.pid()],
        ['soak driver', process.pid],
      ];
      const line = pids.map(([name, pid]) => {
        const mb = pid ? rssMb(pid) : null;
        if (mb !== null) memory.set(name, [...(memory.get(name) ?? []), { pid: pid!, mb }]);
        return `${name} ${mb ?? '-'} MB`;
      });
      const sent = load.sent.length;
      log(`minute ${minute}: RSS ${line.join(', ')}; ${sent} commands so far`);
    };
    sampleMemory(0);
    let minute = 0;
    const memoryTimer = setInterval(() => sampleMemory(++minute), 60_000);

    const kafkaAt = began + DURATION_MS * 0.3;
    const postgresAt = began + DURATION_MS * 0.6;
    let kafkaOutage: [number, number] | null = null;
    let postgresOutage: [number, number] | null = null;
    const restartFailures: string[] = [];
    try {
      while (Date.now() < deadline - 15_000) {
        await sleep(Math.min(8_000 + randomInt(17_000), Math.max(deadline - Date.now(), 0)));
        if (!kafkaOutage && Date.now() >= kafkaAt) {
          const down = Date.now();
          await site.kafka.stopInBackground();
          await sleep(5_000);
          await site.kafka.startInBackground();
          kafkaOutage = [down, Date.now()];
          log(`Kafka restarted: down ${kafkaOutage[1] - down} ms`);
          continue;
        }
        if (!postgresOutage && Date.now() >= postgresAt) {
          const down = Date.now();
          await site.postgres.stop();
          await sleep(5_000);
          await site.postgres.start();
          postgresOutage = [down, Date.now()];
          log(`PostgreSQL restarted: down ${postgresOutage[1] - down} ms`);
          continue;
        }
        const victim = VICTIMS[randomInt(VICTIMS.length)];
        await apps.get(victim)!.kill('SIGKILL');
        kills[victim]++;
        await sleep(500 + randomInt(2500));
        try {
          await start(victim);
        } catch (error) {
          restartFailures.push(`${victim}: ${(error as Error).message.split('\n')[0]}`);
          await apps.get(victim)!.kill('SIGKILL');
          await start(victim);
        }
      }
      await sleep(Math.max(deadline - Date.now(), 0));
    } finally {
      clearInterval(memoryTimer);
      await load.stop();
      reading = false;
      await Promise.all(readers);
    }
    sampleMemory(++minute);
    const loadEnded = Date.now();
    log(`load stopped after ${Math.round((loadEnded - began) / 1000)} s; checking`);

    const checks: Check[] = [];
    const check = async (name: string, probe: () => Promise<string>) => {
      try {
        checks.push({ name, ok: true, detail: await probe() });
      } catch (error) {
        checks.push({ name, ok: false, detail: (error as Error).message.split('\n')[0] });
      }
    };

    const answers = [...load.sent, ...reads];
    const inPostgresOutage = (at: number) =>
      postgresOutage !== null &&
      at >= postgresOutage[0] &&
      at <= postgresOutage[1] + OUTAGE_GRACE_MS;
    const accepted = load.sent.filter((c) => c.status >= 200 && c.status < 300);
    const refused503 = answers.filter((a) => a.status === 503);
    const forbidden5xx = answers.filter(
      (a) => a.status >= 500 && !(a.status === 503 && inPostgresOutage(a.at)),
    );
    const hung = answers.filter((a) => a.status === 0);
    const refusedCommands = load.sent.filter((a) => a.status >= 300 && a.status < 500);
    // A risk just identified is not in the register until the projector has applied it.
    const notYetProjected = reads.filter((a) => a.status === 404);

    await check('no 5xx but 503 in the PostgreSQL outage, no hang', async () => {
      const bad = [...forbidden5xx, ...hung];
      if (bad.length > 0) {
        const sample = bad
          .slice(0, 3)
          .map((a) => `${a.status} ${a.path} +${a.at - began} ms ${JSON.stringify(a.body)}`);
        throw new Error(`${bad.length} answers: ${sample.join('; ')}`);
      }
      return `${refused503.length} answered 503, all in the outage`;
    });
    await check('no command refused (4xx)', async () => {
      if (refusedCommands.length > 0) {
        const first = refusedCommands[0];
        throw new Error(`${refusedCommands.length}: ${first.status} ${first.path}`);
      }
      return 'none';
    });

    for (const app of VICTIMS) if (!apps.get(app)!.alive) await start(app);
    await check('read models caught up', async () => {
      const ms = await system.caughtUp(10 * 60_000);
      return `${Math.round(ms / 100) / 10} s after the load ended`;
    });

    await check('every 2xx command is in the store', async () => {
      const versions = new Map<string, number>(
        (
          await system.dataSource.query(
            `SELECT stream_id, max(stream_version)::int AS version FROM events GROUP BY stream_id`,
          )
        ).map((r: { stream_id: string; version: number }) => [r.stream_id, r.version]),
      );
      const missing = accepted.filter((c) => {
        const [, , id] = c.path.split('/');
        const stream = c.path === '/risks' ? c.body.id : id;
        const version = c.path === '/risks' ? 1 : c.body.version;
        return !((versions.get(stream) ?? 0) >= version);
      });
      if (missing.length > 0) throw new Error(`${missing.length} missing, e.g. ${missing[0].path}`);
      return `${accepted.length} of ${accepted.length}`;
    });
    let onKafka = '';
    await check('on Kafka once per event id (deduped), each stream in order', async () => {
      const { events, duplicates } = await system.expectTopicsHoldTheStoreInOrder();
      onKafka = `${events} events, ${events + duplicates} messages (${duplicates} relay duplicates)`;
      return onKafka;
    });
    await check('in the read models', async () => {
      const rows: { risk_id: string }[] = await system.dataSource.query(
        `SELECT risk_id FROM risk_register`,
      );
      const registered = new Set(rows.map((r) => r.risk_id));
      const absent = load.riskIds.filter((id) => !registered.has(id));
      if (absent.length > 0) throw new Error(`${absent.length} risks absent from the register`);
      return `${load.riskIds.length} risks in the register`;
    });
    // verify-projection's own comparison: batched, so that a long soak's log is rebuilt in time.
    await check('read models equal a rebuild', async () => {
      const compared = [];
      for (const projection of allProjections()) {
        compared.push(await verifyProjection(system.dataSource, system.store, projection));
      }
      const differing = compared.filter((c) => !c.identical);
      if (differing.length > 0) {
        throw new Error(
          differing
            .map(
              (c) => `${c.projection}: ${c.differenceCount + c.checkpointDifferenceCount} differ`,
            )
            .join('; '),
        );
      }
      return `${compared.length} projections, row for row`;
    });
    // Judged for the processes that ran the whole time (the API, and any app the dice spared): a
    // killed one lives seconds to a few minutes, too short to show a leak.
    await check('memory flat', async () => {
      const whole = [...memory.entries()].filter(
        ([name, samples]) =>
          name !== 'soak driver' && new Set(samples.map((s) => s.pid)).size === 1,
      );
      const growing = whole
        .filter(([, samples]) => !flat(samples.map((s) => s.mb)))
        .map(([name, samples]) => `${name} ${samples.map((s) => s.mb).join('→')} MB`);
      if (growing.length > 0) throw new Error(`growing: ${growing.join('; ')}`);
      return `${whole.map(([name]) => name).join(', ')}: no growth past the first minutes`;
    });

    const stat = (ms: number[]) =>
      ms.length === 0 ? '-' : `p50 ${percentile(ms, 50)} ms, p99 ${percentile(ms, 99)} ms`;
    const rows: [string, string][] = [
      ['duration', `${MINUTES} min; ${WRITERS} writers, ${READERS} readers over HTTP`],
      [
        'commands',
        `${load.sent.length} sent, ${accepted.length} 2xx (${stat(accepted.map((c) => c.ms))})`,
      ],
      [
        'reads',
        `${reads.length} sent, ${reads.filter((r) => r.status === 200).length} 200, ` +
          `${notYetProjected.length} 404 (not yet projected)`,
      ],
      [
        'faults',
        `relay killed ${kills.relay}x, projector ${kills.projector}x, notifier ${kills.notifier}x; ` +
          `Kafka restarted once (down ${span(kafkaOutage)}), PostgreSQL once (down ${span(postgresOutage)})`,
      ],
      ['restarts that needed a second try', restartFailures.join('; ') || 'none'],
      ['webhooks received', String(webhookCalls)],
      ...[...memory.entries()].map(([name, samples]): [string, string] => [
        `RSS ${name} (MB, per minute; / a restart)`,
        samples
          .map((s, i) => (i > 0 && samples[i - 1].pid !== s.pid ? `/ ${s.mb}` : String(s.mb)))
          .join(' '),
      ]),
      ...checks.map((c): [string, string] => [`${c.ok ? 'PASS' : 'FAIL'} ${c.name}`, c.detail]),
    ];
    // A Markdown table, as the README shows it.
    const width = Math.max(...rows.map(([k]) => k.length));
    const valueWidth = Math.max(...rows.map(([, v]) => v.length));
    const line = (k: string, v: string) => `| ${k.padEnd(width)} | ${v.padEnd(valueWidth)} |`;
    const table = [
      line('measure', 'result'),
      line('-'.repeat(width), '-'.repeat(valueWidth)),
      ...rows.map(([k, v]) => line(k, v)),
    ];
    log(`summary\n${table.join('\n')}`);

    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });
});

function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** Flat: the last minutes stay within a quarter (and 48 MB) of the highest of the first minutes. */
function flat(samples: number[]): boolean {
  if (samples.length < 4) return true;
  const half = Math.ceil(samples.length / 2);
  const early = Math.max(...samples.slice(1, half));
  const late = Math.max(...samples.slice(half));
  return late <= Math.max(early * 1.25, early + 48);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

function span(window: [number, number] | null): string {
  return window ? `${Math.round((window[1] - window[0]) / 100) / 10} s` : 'not reached';
}
