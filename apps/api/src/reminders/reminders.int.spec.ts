import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { envelopeOf } from '@riskledger/contracts';
import { addDays } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { project, RiskRegisterProjection } from '@riskledger/read-models';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import {
  mitigationPlanned,
  newEvent,
  riskIdentified,
} from '../../../../test/support/domain-events';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { calendarDayInSweden } from '../platform/clock';
import { OwnerReminders } from './owner-reminders';
import { ReminderBacklog } from './reminder-backlog';
import { RemindersModule } from './reminders.module';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server (smtp-server) that keeps what it accepts, or refuses while told to. */
async function startSmtpServer() {
  const received: Received[] = [];
  const state = { refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.refusing) {
          const error = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 });
          return callback(error);
        }
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The owners' reminders as the launcher hosts them, against a real PostgreSQL and a real SMTP
 * server: each process a fresh application context, rounds run by hand (the interval is a day).
 */
describe('owners’ e-mail reminders', () => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let store: PostgresEventStore;
  const today = calendarDayInSweden(new Date());
  const riskId = randomUUID();
  const mitigationId = randomUUID();

  async function startProcess(): Promise<INestApplicationContext> {
    const app = await NestFactory.createApplicationContext(RemindersModule, { logger: false });
    await app.init();
    return app;
  }

  async function given(streamId: string, events: Parameters<typeof newEvent>[0][]) {
    const version = await store.streamVersion(streamId);
    const { events: stored } = await store.append(
      'risk',
      streamId,
      version,
      events.map((e) => newEvent(e)),
    );
    for (const event of stored) {
      await project(db.dataSource, new RiskRegisterProjection(), envelopeOf(event));
    }
  }

  const reminderEvents = async (): Promise<
    { stream: string; type: string; data: Record<string, unknown> }[]
  > =>
    (
      await db.dataSource.query(
        `SELECT stream_id, event_type, data FROM events WHERE stream_type = 'reminder'
         ORDER BY position`,
      )
    ).map((row: { stream_id: string; event_type: string; data: Record<string, unknown> }) => ({
      stream: row.stream_id,
      type: row.event_type,
      data: row.data,
    }));

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpServer();
    store = new PostgresEventStore(db.dataSource);
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      SMTP_URL: smtp.url,
      REMINDER_MAIL_DOMAIN: 'region.se',
      REMINDER_INTERVAL_MS: '86400000',
      REMINDER_BACKOFF_MS: '10',
    });
    // Review overdue since yesterday; a mitigation past due, owned by someone else.
    await given(riskId, [
      riskIdentified(riskId, {
        title: 'Olåst läkemedelsrum på avdelning 12',
        owner: 'anna.berg@region.se',
        nextReviewDate: addDays(today, -1),
      }),
      mitigationPlanned(riskId, mitigationId, {
        title: 'Kortläsare på dörren',
        owner: 'bo.ek',
        dueDate: addDays(today, -3),
      }),
    ]);
  });
  afterAll(async () => {
    for (const name of [
      'SMTP_URL',
      'REMINDER_MAIL_DOMAIN',
      'REMINDER_INTERVAL_MS',
      'REMINDER_BACKOFF_MS',
    ]) {
      delete process.env[name];
    }
    await smtp?.stop();
    await db?.drop();
  });

  it('records a failed send, retries it, and sends each reminder once, also after a restart', async () => {
    const first = await startProcess();
    try {
      smtp.state.refusing = true;
      expect(await first.get(OwnerReminders).runOnce()).toEqual({
        prepared: 2,
        sent: 0,
        failed: 2,
      });
      expect(smtp.received).toHaveLength(0);
      const failures = (await reminderEvents()).filter(
        (e) => e.type === 'ReminderDigestSendFailed',
      );
      expect(failures).toHaveLength(2);
      expect(failures[0].data).toMatchObject({ attempt: 1, error: expect.stringMatching(/451/) });
      const backlog = new ReminderBacklog(db.dataSource);
      await expect(backlog.counts()).resolves.toEqual({ waiting: 2, givenUp: 0 });

      smtp.state.refusing = false;
      // The retry waits REMINDER_BACKOFF_MS (10 ms) after the failure.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await first.get(OwnerReminders).runOnce()).toEqual({
        prepared: 0,
        sent: 2,
        failed: 0,
      });
      expect(await first.get(OwnerReminders).runOnce()).toEqual({
        prepared: 0,
        sent: 0,
        failed: 0,
      });
      await expect(backlog.counts()).resolves.toEqual({ waiting: 0, givenUp: 0 });
    } finally {
      await first.close();
    }

    const restarted = await startProcess();
    try {
      expect(await restarted.get(OwnerReminders).runOnce()).toEqual({
        prepared: 0,
        sent: 0,
        failed: 0,
      });
    } finally {
      await restarted.close();
    }

    expect(smtp.received.map((m) => m.to).sort()).toEqual([
      ['anna.berg@region.se'],
      ['bo.ek@region.se'],
    ]);
    const toAnna = smtp.received.find((m) => m.to[0] === 'anna.berg@region.se')!.raw;
    expect(toAnna).toMatch(/Subject: =\?UTF-8\?|Subject: P/);
    expect(decoded(toAnna)).toContain('Granskningar som är försenade');
    expect(decoded(toAnna)).toContain('Olåst läkemedelsrum på avdelning 12');
    expect(decoded(smtp.received.find((m) => m.to[0] === 'bo.ek@region.se')!.raw)).toContain(
      'Åtgärden ”Kortläsare på dörren”',
    );
    expect((await reminderEvents()).map((e) => e.type)).toEqual([
      'ReminderDigestPrepared',
      'ReminderDigestPrepared',
      'ReminderDigestSendFailed',
      'ReminderDigestSendFailed',
      'ReminderDigestSent',
      'ReminderDigestSent',
    ]);
  });

  it("lets one of two instances at once send a new owner's digest, once", async () => {
    const before = smtp.received.length;
    const other = randomUUID();
    await given(other, [
      riskIdentified(other, { owner: 'cecilia.lund', nextReviewDate: addDays(today, 10) }),
    ]);
    const [a, b] = [await startProcess(), await startProcess()];
    try {
      const rounds = await Promise.all([
        a.get(OwnerReminders).runOnce(),
        b.get(OwnerReminders).runOnce(),
      ]);
      const sent = rounds.reduce((total, round) => total + (round?.sent ?? 0), 0);
      expect(sent).toBe(1);
    } finally {
      await a.close();
      await b.close();
    }
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([['cecilia.lund@region.se']]);
    expect(decoded(smtp.received[before].raw)).toContain('Granskningar inom 30 dagar');
  });
});

/** The text of a mail as a reader sees it (quoted-printable and soft line breaks undone). */
function decoded(raw: string): string {
  const body = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    body.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}
