import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { databaseUrl, findCheckoutRoot, localPostgres, migrate } from '@riskledger/database';
import { DEFAULT_DEVELOPMENT_KEY_FILE, DevelopmentIssuer } from '@riskledger/identity';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { configureApi } from '../apps/api/src/api.app';
import { ApiModule } from '../apps/api/src/api.module';
import { startLocalKafka } from '../apps/launcher/src/infra/local-kafka';

/**
 * `npm run bench:import`: 10,000 risks imported over HTTP from one CSV file (and the same rows as
 * XLSX checked in a dry run), against the API in this process on a database of its own (created
 * here, dropped at the end). Prints the time of each step; never asserted. ROWS=<n> for another
 * size.
 */

const ROWS = Number(process.env.ROWS ?? 10_000);
const UNITS = 20;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const root = findCheckoutRoot(__dirname);
const out = (line = '') => process.stdout.write(`${line}\n`);
const AREAS = ['PHARMACEUTICALS', 'FIRE_SAFETY', 'IT_SECURITY', 'PATIENT_SAFETY', 'Arbetsmiljö'];

async function main(): Promise<void> {
  const server =
    process.env.TEST_DATABASE_SERVER_URL ??
    (await localPostgres(join(root, '.data/postgres'), out)).serverUrl;
  const name = `riskledger_bench_import_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  const url = databaseUrl(server, name);
  Object.assign(process.env, {
    DATABASE_URL: url,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? startLocalKafka(root),
    KAFKA_TOPIC_PREFIX: `bench-import-${name.slice(-10)}`,
    RATE_LIMIT_PER_MINUTE: '0',
  });
  try {
    await migrate(url);
    const issuer = await DevelopmentIssuer.load(
      process.env.DEV_ISSUER_KEY_FILE ?? join(root, DEFAULT_DEVELOPMENT_KEY_FILE),
    );
    const token = await issuer.sign({
      subject: 'bench',
      name: 'bench',
      grants: [
        { role: 'SECURITY_COORDINATOR', units: null, areas: null },
        { role: 'ADMINISTRATOR', units: null, areas: null },
      ],
      cleared: true,
    });
    const api = configureApi(await NestFactory.create(ApiModule, { logger: ['error'] }));
    await api.listen(0, '127.0.0.1');
    const { port } = api.getHttpServer().address() as AddressInfo;
    const post = async (path: string, body: Buffer, type: string) => {
      const started = process.hrtime.bigint();
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      });
      const report = (await response.json()) as { created: number; alreadyImported: number };
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (response.status >= 300) throw new Error(`${path} answered ${response.status}`);
      return { seconds, report };
    };

    const tree = ['Kod;Namn;Överordnad enhet;Typ', 'RV;Regionen;;Region'];
    for (let u = 1; u <= UNITS; u++) tree.push(`U${u};Enhet ${u};RV;Enhet`);
    await post('/imports/units', Buffer.from(tree.join('\r\n')), 'text/csv');

    const csv = Buffer.from(csvOf(ROWS));
    const xlsx = await xlsxOf(ROWS);
    out(`riskledger import benchmark: ${ROWS} risks, ${cpus().length} cores (${cpus()[0].model})`);
    out(
      `load average at the start: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
    out(`CSV ${(csv.length / 1e6).toFixed(1)} MB, XLSX ${(xlsx.length / 1e6).toFixed(1)} MB`);
    out();
    out('| step | seconds | rows/s | result |');
    out('| --- | --- | --- | --- |');
    for (const [step, path, body, type] of [
      ['dry run, XLSX', '/imports/risks?dryRun=true', xlsx, XLSX],
      ['dry run, CSV', '/imports/risks?dryRun=true', csv, 'text/csv'],
      ['import, CSV', '/imports/risks', csv, 'text/csv'],
      ['same file again', '/imports/risks', csv, 'text/csv'],
    ] as const) {
      const { seconds, report } = await post(path, body, type);
      const result = `${report.created} created, ${report.alreadyImported} already imported`;
      out(`| ${step} | ${seconds.toFixed(1)} | ${(ROWS / seconds).toFixed(0)} | ${result} |`);
    }
    await api.close();
  } finally {
    await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

/** Rows as a register kept in a spreadsheet has them: half with a first assessment. */
function rowOf(n: number): string[] {
  const scored = n % 2 === 0;
  return [
    `Risk ${n}: obehöriga i lokal ${n % 97}`,
    `Dörren till lokal ${n % 97} står olåst nattetid, så obehöriga kan komma in (${n}).`,
    AREAS[n % AREAS.length],
    `U${(n % UNITS) + 1}`,
    `ägare${n % 50}@region.se`,
    scored ? String((n % 5) + 1) : '',
    scored ? String(((n >> 3) % 5) + 1) : '',
  ];
}

const HEADER = [
  'Titel',
  'Beskrivning',
  'Säkerhetsområde',
  'Enhet',
  'Riskägare',
  'Sannolikhet',
  'Konsekvens',
];

function csvOf(rows: number): string {
  const lines = [HEADER.join(';')];
  for (let n = 1; n <= rows; n++) lines.push(rowOf(n).join(';'));
  return lines.join('\r\n') + '\r\n';
}

async function xlsxOf(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Risker');
  sheet.addRow(HEADER);
  for (let n = 1; n <= rows; n++) sheet.addRow(rowOf(n));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
