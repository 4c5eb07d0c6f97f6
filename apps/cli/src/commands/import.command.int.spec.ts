import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { bearerFor } from '../../../../test/support/sign-in';
import type { CliIo } from '../cli-io';
import { importCommand } from './import.command';

/** The CLI's import against the API: the problems printed by row, then a file that imports. */
describe('riskledger import', () => {
  let t: ApiUnderTest;
  let dir: string;
  const io = {
    lines: [] as string[],
    errors: [] as string[],
    /** The last (done, total) each progress bar was given, by its label. */
    bars: new Map<string, [number, number]>(),
    out: (line: string) => void io.lines.push(line),
    err: (line: string) => void io.errors.push(line),
    progress: (label: string) =>
      Object.assign((done: number, total: number) => void io.bars.set(label, [done, total]), {
        stop: () => {},
      }),
  } satisfies CliIo & Record<string, unknown>;
  const file = (name: string, ...lines: string[]) => {
    writeFileSync(join(dir, name), lines.join('\r\n'));
    return join(dir, name);
  };

  beforeAll(async () => {
    t = await startApi();
    dir = mkdtempSync(join(tmpdir(), 'riskledger-import-'));
  });
  afterAll(() => t?.stop());

  it('prints every problem by row and imports nothing, then imports a good file', async () => {
    const options = { api: t.baseUrl, token: await bearerFor('anna'), lang: 'en' as const };
    const units = file(
      'units.csv',
      'Code,Name,Parent unit,Kind',
      'RV,Region,,REGION',
      'U1,Unit 1,RV,UNIT',
    );
    expect(await importCommand(io, 'units', units, options)).toBe(0);

    const before = await t.eventCount();
    const bad = file(
      'bad.csv',
      'Title,Description,Security area,Unit',
      'A,Text,PHARMACEUTICALS,U9',
    );
    expect(await importCommand(io, 'risks', bad, options)).toBe(1);
    expect(io.lines.at(-1)).toBe(
      'row 2, Unit: "U9" is not a registered, open organisational unit (give its code) [unknown-unit]',
    );
    expect(await t.eventCount()).toBe(before);

    const good = file(
      'good.csv',
      'Title,Description,Security area,Unit',
      'A,Text,PHARMACEUTICALS,U1',
    );
    expect(await importCommand(io, 'risks', good, options)).toBe(0);
    expect(io.lines.at(-1)).toMatch(/^1 rows: 1 created, 0 already imported/);
    // The upload, then the server's own work, each a bar that reached its end.
    const bytes = Buffer.byteLength(
      'Title,Description,Security area,Unit\r\nA,Text,PHARMACEUTICALS,U1',
    );
    expect(Object.fromEntries(io.bars)).toMatchObject({
      'checking: upload': [bytes, bytes],
      'checking: checking': [1, 1],
      'importing: upload': [bytes, bytes],
      'importing: checking': [1, 1],
      'importing: appending': [1, 1],
    });
    expect(await t.eventCount()).toBe(before + 1);
  });
});
