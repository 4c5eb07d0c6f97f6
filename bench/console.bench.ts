import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  DEFAULT_MATRIX,
  EVENT_CATALOGUE,
  fold,
  riskDecider,
  type RiskCommand,
  type RiskEvent,
} from '@riskledger/domain';
import { databaseUrl, findCheckoutRoot, localPostgres, migrate } from '@riskledger/database';
import { PostgresEventStore, type NewEvent } from '@riskledger/event-store';
import { DevelopmentIssuer, DEFAULT_DEVELOPMENT_KEY_FILE } from '@riskledger/identity';
import { allProjections, replayProjection } from '@riskledger/read-models';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { chromium, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { configureApi } from '../apps/api/src/api.app';
import { ApiModule } from '../apps/api/src/api.module';
import { startLocalKafka } from '../apps/launcher/src/infra/local-kafka';

/**
 * `npm run bench:console`: how fast the web console shows its content, with 10,000 risks and
 * 100,000 events in the log, in headless Chromium on this machine. For the register, the
 * dashboard and a risk page with 200 events: the time from navigation until the content is on
 * screen, p50 and p95 of 20 loads each; and the compressed JavaScript the first page loads.
 * Printed, and written to .data/bench/console.json; never asserted.
 */

const RISKS = 10_000;
const LOADS = 20;
/** `-- --keep`: leave the filled database for a closer look (its URL is printed). */
const KEEP = process.argv.includes('--keep');
const WRITERS = 16;
const root = findCheckoutRoot(__dirname);
const out = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const server =
    process.env.TEST_DATABASE_SERVER_URL ??
    (await localPostgres(join(root, '.data/postgres'), out)).serverUrl;
  const name = `riskledger_bench_console_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  const url = databaseUrl(server, name);
  Object.assign(process.env, {
    DATABASE_URL: url,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? startLocalKafka(root),
    KAFKA_TOPIC_PREFIX: `bench-console-${name.slice(-10)}`,
    RATE_LIMIT_PER_MINUTE: '0',
    CONSOLE_DIR: join(root, 'apps/web/dist'),
  });
  try {
    await migrate(url);
    // The API seeds the reference data (areas, matrix) as it starts; then the log is filled.
    await (await startApi()).close();
    const dataSource = await new DataSource({
      type: 'postgres',
      url,
      extra: { max: WRITERS + 2 },
    }).initialize();
    const store = new PostgresEventStore(dataSource);
    let started = Date.now();
    const { events, longRisk } = await fill(store);
    out(
      `filled the log: ${RISKS} risks, ${events} events in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    started = Date.now();
    for (const projection of allProjections())
      await replayProjection(dataSource, store, projection);
    out(`read models rebuilt in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await dataSource.destroy();

    // The API alone: the read models hold the whole log, nothing more arrives while measuring.
    const api = await startApi();
    const { port } = api.getHttpServer().address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const figures = await measure(baseUrl, longRisk);
    await api.close();
    print(figures, events);
  } finally {
    if (KEEP) out(`kept the database for inspection: ${url}`);
    else await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

interface Figures {
  pages: { page: string; p50: number; p95: number; min: number; max: number }[];
  firstPageJsKb: number;
}

async function measure(baseUrl: string, longRisk: { id: string; title: string }): Promise<Figures> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1280, height: 900 },
      locale: 'sv-SE',
    });
    const page = await context.newPage();
    // Each script once: the sign-in round trip loads the same bundle on several navigations.
    const scripts = new Map<string, Buffer>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        void response.body().then((body) => scripts.set(response.url(), body));
    });
    await signIn(page);
    await page.getByRole('table', { name: /^Nuvarande risk/ }).waitFor();
    const firstPageJsKb =
      [...scripts.values()].reduce((sum, body) => sum + gzipSync(body).length, 0) / 1024;
    const pages = [
      {
        page: 'Översikt (/)',
        path: '/',
        content: (p: Page) =>
          p
            .getByRole('table', { name: /^Nuvarande risk/ })
            .locator('td a')
            .first(),
      },
      {
        page: 'Riskregister (/risker)',
        path: '/risker',
        content: (p: Page) => p.locator('main table tbody tr a').first(),
      },
      {
        page: 'A risk with 200 events',
        path: `/risker/${longRisk.id}`,
        content: (p: Page) => p.getByRole('heading', { level: 1, name: longRisk.title }),
      },
      {
        page: 'Its history (200 events)',
        path: `/risker/${longRisk.id}/historik`,
        content: (p: Page) => p.locator('ol.timeline > li').nth(199),
      },
    ];
    const results: Figures['pages'] = [];
    for (const { page: label, path, content } of pages) {
      const times: number[] = [];
      for (let load = 0; load < LOADS + 2; load++) {
        await page.goto(path, { waitUntil: 'commit' });
        await content(page).waitFor({ timeout: 30_000 });
        const shownAt = await page.evaluate(() => performance.now());
        if (load >= 2) times.push(shownAt); // two warm-up loads
      }
      times.sort((a, b) => a - b);
      results.push({
        page: label,
        p50: times[Math.floor(LOADS / 2)],
        p95: times[Math.ceil(LOADS * 0.95) - 1],
        min: times[0],
        max: times[LOADS - 1],
      });
    }
    return { pages: results, firstPageJsKb };
  } finally {
    await browser.close();
  }
}

/** Through the development issuer's sign-in page, as a person would. */
async function signIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByLabel(/^Användar-id/).fill('anna.berg');
  await page.getByLabel(/^Roll$/).selectOption('SECURITY_COORDINATOR');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
}

async function startApi() {
  // The development issuer's key is shared with `npm start` and the tests (the same file).
  await DevelopmentIssuer.load(
    process.env.DEV_ISSUER_KEY_FILE ?? join(root, DEFAULT_DEVELOPMENT_KEY_FILE),
  );
  const app = configureApi(await NestFactory.create(ApiModule, { logger: ['error'] }));
  await app.listen(0, '127.0.0.1');
  return app;
}

/** 10,000 risks of about 10 events each, made by the risk decider, and one with 200 events. */
async function fill(
  store: PostgresEventStore,
): Promise<{ events: number; longRisk: { id: string; title: string } }> {
  let events = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < RISKS) {
        const index = next++;
        const life = decide(lifeOf(randomUUID(), index));
        await store.append('risk', life[0].data.riskId, 0, life.map(newEvent));
        events += life.length;
      }
    }),
  );
  const longRisk = { id: randomUUID(), title: 'Risk med 200 händelser' };
  const long = decide(longLife(longRisk.id, longRisk.title));
  await store.append('risk', longRisk.id, 0, long.map(newEvent));
  return { events: events + long.length, longRisk };
}

const AREAS = [
  'PHARMACEUTICALS',
  'FIRE_SAFETY',
  'IT_SECURITY',
  'PATIENT_SAFETY',
  'WORK_ENVIRONMENT',
  'INFORMATION_SECURITY',
];

function identify(riskId: string, title: string, index: number): RiskCommand {
  return {
    type: 'IdentifyRisk',
    riskId,
    title,
    scenario: { cause: 'en trasig dörrstängare', event: 'obehöriga går in', consequence: 'stöld' },
    area: AREAS[index % AREAS.length],
    unit: `Enhet ${index % 40}`,
    likelihood: 1 + (index % 5),
    consequence: 1 + ((index * 7) % 5),
    reference: { activeAreas: AREAS, unitKnown: true },
    matrix: DEFAULT_MATRIX,
    today: '2026-06-01',
  };
}

function lifeOf(riskId: string, index: number): RiskCommand[] {
  const mitigationId = randomUUID();
  const matrix = DEFAULT_MATRIX;
  return [
    identify(riskId, `Risk ${index + 1}`, index),
    { type: 'AssignRiskOwner', riskId, owner: `owner.${index % 200}` },
    {
      type: 'AssessRisk',
      riskId,
      basis: 'INHERENT',
      likelihood: 5,
      consequence: 1 + (index % 5),
      matrix,
    },
    {
      type: 'AssessRisk',
      riskId,
      basis: 'TARGET',
      likelihood: 1,
      consequence: 1 + (index % 5),
      matrix,
    },
    {
      type: 'PlanMitigation',
      riskId,
      mitigationId,
      title: 'Kortläsare',
      kind: 'LIMIT',
      dueDate: '2027-03-31',
    },
    { type: 'StartMitigation', riskId, mitigationId },
    { type: 'ApplyMitigation', riskId, mitigationId, note: null },
    { type: 'VerifyMitigation', riskId, mitigationId, effect: 'Inga obehöriga' },
    {
      type: 'ReviewRisk',
      riskId,
      notes: 'Fortfarande aktuell',
      nextReviewDate: '2027-06-01',
      today: '2026-06-01',
    },
  ];
}

function longLife(riskId: string, title: string): RiskCommand[] {
  const commands: RiskCommand[] = [identify(riskId, title, 3)];
  for (let step = 1; commands.length < 200; step++) {
    commands.push({
      type: 'AssessRisk',
      riskId,
      basis: 'CURRENT',
      likelihood: 1 + (step % 5),
      consequence: 1 + ((step * 3) % 5),
      matrix: DEFAULT_MATRIX,
    });
  }
  return commands;
}

function decide(commands: RiskCommand[]): RiskEvent[] {
  const events: RiskEvent[] = [];
  for (const command of commands)
    events.push(...riskDecider.decide(command, fold(riskDecider, events)));
  return events;
}

function newEvent(event: RiskEvent): NewEvent {
  return {
    type: event.type,
    schemaVersion: EVENT_CATALOGUE[event.type].schemaVersion,
    data: event.data,
    metadata: {
      actor: 'anna.berg',
      actorName: 'Anna Berg',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      reason: null,
    },
  };
}

async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

function print(figures: Figures, events: number): void {
  const rows = figures.pages.map(
    (p) =>
      `| ${p.page} | ${p.p50.toFixed(0)} ms | ${p.p95.toFixed(0)} ms | ${p.min.toFixed(0)}–${p.max.toFixed(0)} ms |`,
  );
  const table = [
    `Web console, ${RISKS} risks and ${events} events, headless Chromium, ${LOADS} loads each (after 2 warm-up loads):`,
    '',
    '| page | p50 | p95 | range | ',
    '|---|---|---|---|',
    ...rows,
    '',
    `JavaScript of the first page, gzip-compressed: ${figures.firstPageJsKb.toFixed(0)} kB (target: at most 300 kB)`,
    'Time: from the start of navigation until the content is on screen (target: p95 within 1 s).',
  ].join('\n');
  out();
  out(table);
  mkdirSync(join(root, '.data/bench'), { recursive: true });
  writeFileSync(
    join(root, '.data/bench/console.json'),
    JSON.stringify({ at: new Date().toISOString(), risks: RISKS, events, ...figures }, null, 2),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
