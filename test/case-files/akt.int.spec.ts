import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCommand } from '../../apps/cli/src/commands/export.command';
import {
  ACTOR,
  expectInvalidField,
  riskBody,
  startApi,
  type ApiUnderTest,
} from '../support/api-under-test';
import { eventually } from '../support/running-system';
import { bearerFor } from '../support/sign-in';
import type { CaseFileSelection } from '@riskledger/case-file';

const quietIo = {
  out: () => undefined,
  err: () => undefined,
  progress: () => Object.assign(() => undefined, { stop: () => undefined }),
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The API's Akt (apps/api/src/traceability/case-files) against the CLI's export of the same selection. */
describe('Akt: a case file from the API', () => {
  let t: ApiUnderTest;
  let dir: string;
  let first: string;
  let follower: string;

  beforeAll(async () => {
    t = await startApi();
    dir = mkdtempSync(join(tmpdir(), 'riskledger-akt-'));
    first = await t.givenRisk({ title: 'Olåst läkemedelsrum' });
    const [identified] = await t.store.readStream(first);
    // A risk identified because of the first: the first's chain holds it.
    const created = await t.api.post('/risks', riskBody({ title: 'Kopierade nycklar' }), {
      'X-Causation-Id': identified.eventId,
    });
    follower = created.body.id;
    await t.projectStream(first);
    await t.projectStream(follower);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.stop();
  });

  /** Starts one, follows it until done, downloads it: the zip's files and the hash header. */
  const made = async (body: Record<string, unknown>) => {
    const started = await t.api.post('/case-files', body);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ id: expect.any(String), status: 'RUNNING' });
    const done = await eventually(async () => {
      const { body: job } = await t.api.get(`/case-files/${started.body.id}`);
      return job.status === 'RUNNING' ? undefined : job;
    });
    expect(done).toMatchObject({ status: 'DONE', phase: 'zip', logIntact: true });
    expect(done.done).toBe(done.total);
    const response = await fetch(`${t.baseUrl}/case-files/${started.body.id}/zip`, {
      headers: { Authorization: `Bearer ${await bearerFor(ACTOR)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain(done.fileName);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const read = (name: string) => zip.file(name)!.async('string');
    return {
      job: done,
      header: response.headers.get('x-events-sha256'),
      events: await read('events.jsonl'),
      manifest: JSON.parse(await read('manifest.json')),
      summary: await read('summary.md'),
    };
  };

  const writtenByCli = async (selection: CaseFileSelection, name: string) => {
    await exportCommand(quietIo, t.db.dataSource, selection, { out: join(dir, name) });
    return readFileSync(join(dir, name, 'events.jsonl'), 'utf8');
  };

  it('gives a stream with its chain as a zip whose events.jsonl hashes to the header, as the CLI writes it', async () => {
    const akt = await made({ streamId: first, chain: true });

    expect(akt.header).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(akt.events)).toBe(akt.header);
    expect(akt.manifest).toMatchObject({ eventsSha256: akt.header, events: 2, streams: 2 });
    expect(akt.job).toMatchObject({ eventsSha256: akt.header, events: 2 });
    expect(akt.summary).toContain(`SHA-256 of events.jsonl: \`${akt.header}\``);
    const lines = akt.events
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((e) => e.streamId)).toEqual([first, follower]);
    expect(akt.events).toBe(await writtenByCli({ streamId: first, chain: true }, 'chain'));
  });

  it('gives a time range, the same as the CLI, and records that restricted risks were shown', async () => {
    const restricted = await t.givenRisk({ title: 'Skyddat objekt', classification: 'RESTRICTED' });
    const from = new Date(Date.now() - 3_600_000);
    // Up to now: the read it records comes after, and the CLI's export below must not see it.
    const to = new Date();

    const akt = await made({ from: from.toISOString(), to: to.toISOString() });

    expect(akt.manifest.events).toBeGreaterThanOrEqual(2);
    expect(sha256(akt.events)).toBe(akt.header);
    expect(akt.events).toBe(await writtenByCli({ from, to }, 'range'));
    expect(akt.events).toContain(restricted);
    const [shown] = await t.db.dataSource.query(
      `SELECT data, metadata->>'actor' AS actor FROM events WHERE event_type = 'RestrictedRiskRead'`,
    );
    expect(shown).toEqual({
      data: { riskIds: [restricted], what: 'POST /case-files' },
      actor: ACTOR,
    });
  });

  it('refuses a selection that is neither a stream nor a time range, naming the field', async () => {
    expectInvalidField(await t.api.post('/case-files', {}), 'from');
    expectInvalidField(
      await t.api.post('/case-files', { streamId: first, from: new Date().toISOString() }),
      'from',
    );
    expectInvalidField(
      await t.api.post('/case-files', {
        from: '2026-12-01T00:00:00Z',
        to: '2026-11-01T00:00:00Z',
      }),
      'to',
    );
    expectInvalidField(await t.api.post('/case-files', { chain: true }), 'chain');
    expect((await t.api.post('/case-files', { streamId: 'no-such-stream' })).status).toBe(404);
  });

  it('is for log readers who are cleared, and each follows only their own', async () => {
    const owner = t.client({ 'X-Actor': 'ward.manager', 'X-Actor-Role': 'RISK_OWNER' });
    expect((await owner.post('/case-files', { streamId: first })).status).toBe(403);
    const uncleared = t.client({
      'X-Actor': 'ida',
      'X-Actor-Role': 'INVESTIGATOR',
      'X-Actor-Cleared': 'no',
    });
    const refused = await uncleared.post('/case-files', { streamId: first });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('cleared');

    const started = await t.api.post('/case-files', { streamId: first });
    const investigator = t.client({ 'X-Actor': 'ida', 'X-Actor-Role': 'INVESTIGATOR' });
    expect((await investigator.get(`/case-files/${started.body.id}`)).status).toBe(404);
    expect((await investigator.get(`/case-files/${started.body.id}/zip`)).status).toBe(404);
  });
});
