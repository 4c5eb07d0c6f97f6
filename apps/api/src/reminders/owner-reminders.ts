import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@riskledger/config';
import { domainEventOf, type EventMetadata } from '@riskledger/contracts';
import {
  addDays,
  digestIsDue,
  evolveReminderDigest,
  isReminderEvent,
  reminderDigestStreamId,
  reminderKey,
  REMINDER_EVENT_TYPES,
  REMINDER_HORIZON_DAYS,
  remindersDue,
  retryAfterFailure,
  type ReminderDigest,
  type ReminderEvent,
} from '@riskledger/domain';
import { PostgresEventStore, sha256Hex, VersionConflictError } from '@riskledger/event-store';
import { RiskRegisterQueries, type RiskRegisterEntry } from '@riskledger/read-models';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Clock } from '../platform/clock';
import { newEvent } from '../shared/command-executor';
import { reminderAddress } from './reminder-address';
import { reminderMail, type RemindedRisk } from './reminder-mail';
import { SmtpMailer } from './smtp-mailer';

/** The actor the reminder events are recorded by: the system itself, not a user. */
export const REMINDER_ACTOR = 'riskledger:reminders';

/** How far back the log is read for what was reminded: longer than anything stays due unseen. */
const LOOK_BACK_DAYS = 400;
/** Any fixed 64-bit key; it names the reminders' lock among the database's advisory locks. */
const REMINDER_LOCK_KEY = '7326158807442015';

export interface ReminderRound {
  prepared: number;
  sent: number;
  failed: number;
}

interface Digest {
  streamId: string;
  version: number;
  state: ReminderDigest;
  metadata: EventMetadata;
}

/**
 * Owners' e-mail digests of what is theirs (reviews due and overdue, mitigations past due,
 * acceptances lapsing within 30 days). A round first records a digest of each owner's new
 * reminders as an event (at most one digest per owner and day: the stream is named by both, and
 * appended at version 0), then sends every digest that waits, recording each outcome as an event.
 * What the log holds decides: a reminder already in a digest is never put in another, and a digest
 * sent is never sent again, whatever process restarts. One round at a time over all instances (a
 * PostgreSQL advisory lock), so two instances never send one digest at once. A process that stops
 * between the mail server's acceptance and the Sent event sends that digest again on its next
 * round, with the same Message-ID: at least once, never lost.
 */
@Injectable()
export class OwnerReminders {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly store: PostgresEventStore,
    private readonly register: RiskRegisterQueries,
    private readonly mailer: SmtpMailer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** One round; null when another instance holds the round. */
  async runOnce(): Promise<ReminderRound | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        REMINDER_LOCK_KEY,
      ]);
      if (!locked) return null;
      try {
        const prepared = await this.prepareDigests();
        return { prepared, ...(await this.sendWaitingDigests()) };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [REMINDER_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  private async prepareDigests(): Promise<number> {
    const today = this.clock.today();
    const reminded = new Set(
      [...(await this.digests()).values()].flatMap((d) => d.state.reminders.map(reminderKey)),
    );
    const risks = await this.risksWithSomethingDue(today);
    let prepared = 0;
    for (const [recipient, due] of remindersDue([...risks.values()], today)) {
      const reminders = due.filter((reminder) => !reminded.has(reminderKey(reminder)));
      if (reminders.length === 0) continue;
      const restricted = reminders.some(
        (r) => risks.get(r.riskId)?.classification === 'RESTRICTED',
      );
      const event: ReminderEvent = {
        type: 'ReminderDigestPrepared',
        data: { recipient, day: today, reminders },
      };
      try {
        await this.store.append('reminder', reminderDigestStreamId(recipient, today), 0, [
          this.recorded(event, restricted ? 'RESTRICTED' : undefined),
        ]);
        prepared++;
      } catch (error) {
        // Today's digest of this owner exists: the new reminders go in tomorrow's.
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    return prepared;
  }

  private async sendWaitingDigests(): Promise<{ sent: number; failed: number }> {
    const outcome = { sent: 0, failed: 0 };
    const now = this.clock.now();
    for (const digest of (await this.digests()).values()) {
      if (!digestIsDue(digest.state, now)) continue;
      const sent = await this.send(digest, now);
      outcome[sent ? 'sent' : 'failed']++;
    }
    return outcome;
  }

  private async send(digest: Digest, now: Date): Promise<boolean> {
    const { recipient, day } = digest.state;
    const attempt = digest.state.attempts + 1;
    const to = reminderAddress(recipient, this.config.REMINDER_MAIL_DOMAIN);
    const messageId = `<${sha256Hex(digest.streamId).slice(0, 32)}@riskledger>`;
    try {
      if (!to) {
        throw new NoAddressError(`no e-mail address for ${recipient} (set REMINDER_MAIL_DOMAIN)`);
      }
      const mail = reminderMail(
        digest.state,
        await this.remindedRisks(digest.state),
        this.config.REMINDER_LANGUAGE,
      );
      await this.mailer.send({ to, messageId, ...mail });
      await this.append(digest, { type: 'ReminderDigestSent', data: { attempt, messageId } });
      this.logger.log(`reminder digest of ${day} sent to ${recipient} (attempt ${attempt})`);
      return true;
    } catch (error) {
      const retryAt =
        error instanceof NoAddressError
          ? null
          : retryAfterFailure(
              attempt,
              {
                maxAttempts: this.config.REMINDER_MAX_ATTEMPTS,
                backoffMs: this.config.REMINDER_BACKOFF_MS,
              },
              now,
            );
      const message = (error as Error).message.slice(0, 1000) || 'unknown error';
      await this.append(digest, {
        type: 'ReminderDigestSendFailed',
        data: { attempt, error: message, retryAt },
      });
      this.logger.warn(
        `reminder digest of ${day} to ${recipient} not sent (attempt ${attempt}): ${message}; ` +
          (retryAt ? `retrying at ${retryAt}` : 'given up'),
      );
      return false;
    }
  }

  /** The digests of the last LOOK_BACK_DAYS, by stream, as their events left them. */
  private async digests(): Promise<Map<string, Digest>> {
    const since = new Date(this.clock.now().getTime() - LOOK_BACK_DAYS * 86_400_000);
    const digests = new Map<string, Digest>();
    for (const stored of await this.store.readOfTypes(REMINDER_EVENT_TYPES, {
      recordedSince: since,
    })) {
      const event = domainEventOf(stored);
      const before = digests.get(stored.streamId);
      const state =
        event && isReminderEvent(event) && evolveReminderDigest(before?.state ?? null, event);
      if (!state) continue;
      digests.set(stored.streamId, {
        streamId: stored.streamId,
        version: stored.streamVersion,
        state,
        metadata: before?.metadata ?? stored.metadata,
      });
    }
    return digests;
  }

  /** Open risks with a review or an acceptance within the horizon, or a mitigation past due. */
  private async risksWithSomethingDue(today: string): Promise<Map<string, RiskRegisterEntry>> {
    const horizon = addDays(today, REMINDER_HORIZON_DAYS);
    const lists = await Promise.all([
      this.register.list({ reviewDueBefore: horizon }),
      // The mitigation filter reads only the day of its moment, not the matrix version.
      this.register.list({ mitigationOverdue: true }, { moment: { today, matrixVersion: 0 } }),
      this.register.list({ status: 'OPEN', acceptanceLapsesBefore: horizon }),
    ]);
    return new Map(lists.flat().map((risk) => [risk.riskId, risk]));
  }

  private async remindedRisks(digest: ReminderDigest): Promise<Map<string, RemindedRisk>> {
    const risks = new Map<string, RemindedRisk>();
    for (const riskId of new Set(digest.reminders.map((r) => r.riskId))) {
      const entry = await this.register.get(riskId);
      if (!entry) continue;
      risks.set(riskId, {
        title: entry.title,
        restricted: entry.classification === 'RESTRICTED',
        mitigations: new Map(entry.mitigations.map((m) => [m.mitigationId, m.title])),
      });
    }
    return risks;
  }

  private async append(digest: Digest, event: ReminderEvent): Promise<void> {
    await this.store.append('reminder', digest.streamId, digest.version, [
      this.recorded(event, digest.metadata.classification, digest.metadata.correlationId),
    ]);
  }

  private recorded(
    event: ReminderEvent,
    classification: 'RESTRICTED' | undefined,
    correlationId: string = randomUUID(),
  ) {
    return newEvent(event, {
      actor: REMINDER_ACTOR,
      actorName: 'Reminders',
      correlationId,
      causationId: null,
      reason: null,
      ...(classification ? { classification } : {}),
    });
  }
}

class NoAddressError extends Error {}
