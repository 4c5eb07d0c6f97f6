import 'reflect-metadata';
import { assess, EVERYTHING, type DomainEvent } from '@riskledger/domain';
import { findCheckoutRoot, localPostgres } from '@riskledger/database';
import { PostgresEventStore } from '@riskledger/event-store';
import {
  projectionNamed,
  replayProjection,
  RiskLevelTrend,
  RiskRegisterCounts,
} from '@riskledger/read-models';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { RiskOverview } from '../apps/api/src/risks/overview/risk-overview';
import { Clock } from '../apps/api/src/platform/clock';
import type { RiskMoments } from '../apps/api/src/risks/risk-moments';
import { RiskTrend } from '../apps/api/src/risks/trend/risk-trend';
import { newEvent } from './bench-events';
import { createDatabase, openDatabase } from './bench-database';

/**
 * `npm run bench:dashboard`: the dashboard's reads at 10,000 risks and about 100,000 events, on a
 * database of its own (created here, dropped at the end) on TEST_DATABASE_SERVER_URL, else the
 * local server. The risks' lives are spread over the last 30 months; one in five is closed, and
 * some of those reopened. Prints the figures docs/lifecycle.md quotes. BENCH_KEEP_DATABASE=1 keeps
 * the database for a closer look; BENCH_DATABASE=<name> measures a kept one again.
 */

const RISKS = 10_000;
const UNITS = 20;
const WRITERS = 16;
const REPEAT = 5;
const MONTH = 30 * 86_400_000;

const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

async function main(): Promise<void> {
  const server =
    process.env.TEST_DATABASE_SERVER_URL ??
    (await localPostgres(join(findCheckoutRoot(__dirname), '.data/postgres'), out)).serverUrl;
  const reused = process.env.BENCH_DATABASE;
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  const db = reused
    ? await openDatabase(server, reused, WRITERS + 4)
    : await createDatabase(server, `riskledger_bench_${suffix}`, WRITERS + 4);
  try {
    out(`riskledger dashboard benchmark (PostgreSQL at ${new URL(server).host})`);
    const store = new PostgresEventStore(db.dataSource);
    if (!reused) {
      let started = process.hrtime.bigint();
      await fill(db.dataSource);
      out(`  ${RISKS} risks appended in ${(ms(started) / 1000).toFixed(0)} s`);
      started = process.hrtime.bigint();
      await replayProjection(db.dataSource, store, projectionNamed('risk-register'));
      out(`  risk register projected in ${(ms(started) / 1000).toFixed(0)} s`);
      await db.dataSource.query(`ANALYZE`);
    }
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    out(`  ${n} events`);

    const counts = new RiskRegisterCounts(db.dataSource);
    const clock = new Clock();
    const trend = new RiskTrend(new RiskLevelTrend(db.dataSource), clock);
    const moments = { at: async () => ({ today: clock.today(), matrixVersion: 1 }) };
    const overview = new RiskOverview(counts, moments as unknown as RiskMoments, clock);
    const unit = { unit: 'UNIT-1' };
    out();
    out('| read | median of 5 |');
    out('| --- | --- |');
    for (const [what, run] of [
      ['GET /risks/trend?months=24, whole region', () => trend.of(EVERYTHING, {}, 24)],
      ['GET /risks/trend?months=120, whole region', () => trend.of(EVERYTHING, {}, 120)],
      [
        `GET /risks/trend?months=24&unit= (one unit of ${UNITS})`,
        () => trend.of(EVERYTHING, unit, 24),
      ],
      ['GET /risks/overview, whole region', () => overview.of(EVERYTHING, {})],
      [`GET /risks/overview?unit= (one unit of ${UNITS})`, () => overview.of(EVERYTHING, unit)],
    ] as [string, () => Promise<unknown>][]) {
      out(`| ${what} | ${(await timeIt(run)).toFixed(0)} ms |`);
    }
  } finally {
    if (reused || process.env.BENCH_KEEP_DATABASE) await db.close();
    else await db.drop();
    if (!reused && process.env.BENCH_KEEP_DATABASE) out(`kept riskledger_bench_${suffix}`);
  }
}

async function timeIt(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = process.hrtime.bigint();
    await run();
    times.push(ms(started));
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEAT / 2)];
}

/** Appends the risks' lives, each append recorded at its moment, from WRITERS writers. */
async function fill(dataSource: DataSource): Promise<void> {
  let next = 0;
  const now = Date.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < RISKS) {
        const i = next++;
        const riskId = randomUUID();
        const born = now - 30 * MONTH + Math.floor(((i * 7919) % RISKS) * ((29 * MONTH) / RISKS));
        let version = 0;
        for (const [offset, events] of lifeOf(riskId, i)) {
          const at = new Date(Math.min(now - 1000, born + offset));
          const store = new PostgresEventStore(dataSource, () => at);
          await store.append('risk', riskId, version, events.map(newEvent));
          version += events.length;
        }
      }
    }),
  );
}

/** A risk's ten or so events, in the appends a user's commands would make, and when. */
function lifeOf(riskId: string, i: number): [number, DomainEvent[]][] {
  const assessed = (
    basis: 'INHERENT' | 'CURRENT',
    likelihood: number,
    consequence: number,
  ): DomainEvent => ({
    type: 'RiskAssessed',
    data: { riskId, basis, warnings: [], ...assess({ likelihood, consequence }) },
  });
  const mitigation = (n: number, type: 'MitigationPlanned' | 'MitigationApplied'): DomainEvent =>
    type === 'MitigationPlanned'
      ? {
          type,
          data: {
            riskId,
            mitigationId: `${riskId}-m${n}`,
            title: `Measure ${n}`,
            kind: 'LIMIT',
            owner: 'facilities@region.se',
            dueDate: '2027-06-30',
            expectedEffect: null,
            supplier: null,
          },
        }
      : { type, data: { riskId, mitigationId: `${riskId}-m${n}`, note: 'Done' } };
  const life: [number, DomainEvent[]][] = [
    [
      0,
      [
        {
          type: 'RiskIdentified',
          data: {
            riskId,
            title: 'Unlocked medicine room',
            description: 'Because the door closer is broken, unauthorised people can enter.',
            cause: null,
            event: null,
            consequence: null,
            threat: null,
            area: ['PHARMACEUTICALS', 'FIRE_SAFETY', 'IT_SECURITY'][i % 3],
            additionalAreas: [],
            unit: `UNIT-${i % UNITS}`,
            owner: 'ward.manager@region.se',
            supplier: null,
            contract: null,
            classification: i % 10 === 0 ? 'RESTRICTED' : 'OPEN',
            nextReviewDate: '2027-11-20',
            sourceIncidentId: null,
          },
        },
        assessed('INHERENT', 1 + (i % 5), 1 + ((i >> 2) % 5)),
      ],
    ],
    [MONTH / 2, [1, 2, 3].map((n) => mitigation(n, 'MitigationPlanned'))],
    [MONTH, [mitigation(1, 'MitigationApplied'), assessed('CURRENT', 1 + ((i >> 1) % 5), 3)]],
    [
      2 * MONTH,
      [
        mitigation(2, 'MitigationApplied'),
        mitigation(3, 'MitigationApplied'),
        assessed('CURRENT', 1 + ((i >> 3) % 5), 2),
      ],
    ],
  ];
  if (i % 5 === 0) {
    life.push([3 * MONTH, [{ type: 'RiskClosed', data: { riskId, reason: 'Done' } }]]);
    if (i % 10 === 0) {
      life.push([5 * MONTH, [{ type: 'RiskReopened', data: { riskId, reason: 'Back' } }]]);
    }
  }
  return life;
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
