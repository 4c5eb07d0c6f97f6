import { EVERYTHING } from '@riskledger/domain';
import { PostgresEventStore, type StreamAppend } from '@riskledger/event-store';
import {
  allProjections,
  replayProjection,
  RiskRegisterAsOf,
  RiskYearStandings,
} from '@riskledger/read-models';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { GetAnnualSecurityReportHandler } from '../../apps/api/src/reports/annual-security-report/get-annual-security-report.handler';
import { GetAnnualSecurityReportQuery } from '../../apps/api/src/reports/annual-security-report/get-annual-security-report.query';
import type { Clock } from '../../apps/api/src/platform/clock';
import type { ReferenceData } from '../../apps/api/src/shared/reference-data';
import { assessed, lifeOf, newEvent } from './risk-life';

/** Streams per transaction of the fill's later appends (appendStreams, one round trip each). */
const STREAMS_PER_ROUND = 500;
const WRITERS = 8;

export interface ScaleSettings {
  events: number;
  risks: number;
}

/**
 * `npm run bench:investigation -- --scale 1000000 --risks 10000`: a large log for the reads of the
 * past: each risk's life (10 events), then one-event reassessments of every risk in turn, 500 risks
 * per transaction, until the log holds `events`; the versions table rebuilt from it.
 */
export async function fillAtScale(
  dataSource: DataSource,
  settings: ScaleSettings,
  note: (what: string, value: string) => void,
): Promise<void> {
  const store = new PostgresEventStore(dataSource);
  const ids = Array.from({ length: settings.risks }, () => randomUUID());
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        let version = 0;
        for (const batch of lifeOf(id)) {
          await store.append('risk', id, version, batch.map(newEvent));
          version += batch.length;
        }
      }
    }),
  );
  const versions = new Map(ids.map((id) => [id, 10]));
  let events = settings.risks * 10;
  let round = 0;
  const rounds: StreamAppend[][] = [];
  while (events < settings.events) {
    const from = (round++ * STREAMS_PER_ROUND) % ids.length;
    const streams = ids.slice(from, from + STREAMS_PER_ROUND);
    events += streams.length;
    rounds.push(
      streams.map((id) => {
        const version = versions.get(id) ?? 0;
        versions.set(id, version + 1);
        const likelihood = 1 + (round % 4);
        return {
          streamType: 'risk',
          streamId: id,
          expectedVersion: version,
          events: [newEvent(assessed(id, likelihood, 4))],
        };
      }),
    );
  }
  // One round at a time: the next round may append to the same risks.
  for (const appends of rounds) {
    await dataSource.transaction((m) => store.appendStreams(appends, m));
  }
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM events`);
  note(
    `fill: ${n} events, ${settings.risks} risks`,
    `${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  await dataSource.query(`ANALYZE events`);
  await replay(dataSource, store, 'risk-register-versions', note);
}

async function replay(
  dataSource: DataSource,
  store: PostgresEventStore,
  name: string,
  note: (what: string, value: string) => void,
): Promise<void> {
  const projection = allProjections().find((p) => p.name === name);
  if (!projection) throw new Error(`no ${name} projection`);
  const started = Date.now();
  const replayed = await replayProjection(dataSource, store, projection);
  note(
    `replay ${name}`,
    `${((Date.now() - started) / 1000).toFixed(0)} s, ${replayed.eventsPerSecond} events/s (${replayed.rows} rows)`,
  );
}

/**
 * The register as of a moment (every entry whole, and the first page with its count that
 * GET /risks?asOf= reads, filtered, ordered and seen by a caller of one area), one risk as of a moment, and the annual security report of the year
 * (the GET /reports/annual/{year} handler), on a log filled by fillAtScale in this run or kept
 * from another (`--reuse <database>`, migrated first).
 */
export async function readAtScale(
  dataSource: DataSource,
  note: (what: string, value: string) => void,
  timeIt: (run: () => Promise<unknown>) => Promise<number>,
): Promise<void> {
  const store = new PostgresEventStore(dataSource);
  // A log kept by a build before the annual report's versions has none yet.
  const [{ built }] = await dataSource.query(
    `SELECT count(*) > 0 AS built FROM projection_checkpoints WHERE projection = $1`,
    ['annual-report-risk-versions'],
  );
  if (!built) await replay(dataSource, store, 'annual-report-risk-versions', note);
  let started = Date.now();
  // What autovacuum does on a running system: every new version ends the one before it (an
  // UPDATE), and the dead row versions would otherwise send the validity index to the heap; and
  // an append-only table's visibility map lets a count read its index alone.
  await dataSource.query(
    `VACUUM ANALYZE risk_register_versions, events, annual_report_risk_versions,
       projection_checkpoints`,
  );
  note('vacuum the log and the versions', `${((Date.now() - started) / 1000).toFixed(0)} s`);
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM events`);
  const asOf = new RiskRegisterAsOf(dataSource);
  const latest = new Date(Date.now() + 1000);
  const [{ at: midpoint }] = await dataSource.query(
    `SELECT recorded_at AS at FROM events ORDER BY position OFFSET $1 LIMIT 1`,
    [Math.floor(n / 2)],
  );
  const everything = { visibility: EVERYTHING, moment: { today: '2026-12-05', matrixVersion: 1 } };
  const firstPage = { limit: 50, offset: 0 };
  for (const [when, moment] of [
    ['now', latest],
    ['the middle of the log', midpoint],
  ] as const) {
    const register = asOf.at(moment);
    note(
      `register as of ${when}, every entry whole (${(await register.list()).length} risks)`,
      `${(await timeIt(() => register.list())).toFixed(0)} ms`,
    );
    note(
      `GET /risks?asOf=<${when}>: the first 50, counted (${(await register.page({}, everything, firstPage)).total} risks)`,
      `${(await timeIt(() => register.page({}, everything, firstPage))).toFixed(1)} ms`,
    );
  }
  const register = asOf.at(midpoint);
  // A filter, an order without an index, a page further on and a caller of one area.
  const open = { status: 'OPEN' as const, needsReview: false };
  const byScore = { sort: { key: 'score' as const, descending: true }, limit: 50, offset: 500 };
  note(
    'the same, status=OPEN&needsReview=false&sort=-score&offset=500',
    `${(await timeIt(() => register.page(open, everything, byScore))).toFixed(1)} ms`,
  );
  const oneArea = {
    ...everything,
    visibility: {
      cleared: false,
      windows: [{ units: null, areas: ['IT_SECURITY'], reportedBy: null }],
    },
  };
  note(
    'the same, a caller of an area none of them is in, not cleared',
    `${(await timeIt(() => register.page({}, oneArea, firstPage))).toFixed(1)} ms`,
  );
  note(
    'GET /risks/matrix?asOf=<the middle of the log>',
    `${(await timeIt(() => register.matrix({}, everything))).toFixed(1)} ms`,
  );
  const { items } = await register.page({}, everything, { limit: 1, offset: 5_000 });
  note(
    'one risk as of the middle of the log',
    `${(await timeIt(() => register.get(items[0].riskId, EVERYTHING))).toFixed(2)} ms`,
  );
  const clock = { now: () => new Date() } as Clock;
  // The areas an installation seeds, as its security-area events would name them.
  const referenceData = {
    activeAreaCodes: async () => ['PHARMACEUTICALS'],
  } as unknown as ReferenceData;
  const standings = new RiskYearStandings(dataSource);
  const report = new GetAnnualSecurityReportHandler(store, referenceData, clock, standings);
  const year = new Date().getUTCFullYear();
  // One moment for every run, so that the reports, and so their hashes, can be compared.
  const asOfNow = new Date();
  const query = new GetAnnualSecurityReportQuery(year, undefined, asOfNow, EVERYTHING);
  // Two runs, not the median of five: at a million events the fold takes tens of seconds.
  let fast = '';
  for (const run of ['first', 'second']) {
    started = Date.now();
    fast = (await report.execute(query)).contentHash;
    note(`annual security report ${year}, ${run} run`, `${Date.now() - started} ms`);
  }
  const noVersions = { of: async () => null } as unknown as RiskYearStandings;
  const fold = new GetAnnualSecurityReportHandler(store, referenceData, clock, noVersions);
  started = Date.now();
  const folded = (await fold.execute(query)).contentHash;
  note(
    `annual security report ${year}, the fold of the whole log`,
    `${Date.now() - started} ms, ${folded === fast ? 'the same' : 'NOT the same'} hash`,
  );
  await reportWithProjectorBehind({ store, report, fold, year, note });
}

/** Risks the bench leaves unprojected: a projector a moment behind steady writes. */
const RISKS_BEHIND = 20;

/**
 * The report while the projector is behind: new risks and reassessments appended and not applied
 * to the versions, as under steady writes. Those risks are read from their streams (RiskYearStandings).
 */
async function reportWithProjectorBehind({
  store,
  report,
  fold,
  year,
  note,
}: {
  store: PostgresEventStore;
  report: GetAnnualSecurityReportHandler;
  fold: GetAnnualSecurityReportHandler;
  year: number;
  note: (what: string, value: string) => void;
}): Promise<void> {
  const newRisks = Array.from({ length: RISKS_BEHIND }, () => randomUUID());
  for (const id of newRisks) {
    const [first] = lifeOf(id);
    await store.append('risk', id, 0, first.map(newEvent));
    await store.append('risk', id, first.length, [newEvent(assessed(id, 2, 2))]);
  }
  const query = new GetAnnualSecurityReportQuery(year, undefined, new Date(), EVERYTHING);
  let started = Date.now();
  const fast = (await report.execute(query)).contentHash;
  note(
    `annual security report ${year}, ${RISKS_BEHIND} risks not yet projected`,
    `${Date.now() - started} ms`,
  );
  started = Date.now();
  const folded = (await fold.execute(query)).contentHash;
  note(
    `the same, the fold of the whole log`,
    `${Date.now() - started} ms, ${folded === fast ? 'the same' : 'NOT the same'} hash`,
  );
}
