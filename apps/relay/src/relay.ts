import type { Logger } from '@nestjs/common';
import { envelopeOf } from '@riskledger/contracts';
import {
  checkpointOf,
  RELAY_CHECKPOINT,
  type LogCheckpoint,
  type LogCheckpoints,
  type PostgresEventStore,
} from '@riskledger/event-store';
import { type EventPublisher } from '@riskledger/messaging';

export { RELAY_CHECKPOINT };

/** The first wait after a poll that found events; it doubles on each poll that finds none. */
const QUICK_POLL_MS = 10;

export interface RelaySettings {
  batchSize: number;
  pollMs: number;
  /** The store's identity, carried in each event's source (see CreateStoreIdentity). */
  storeId?: string;
}

/**
 * Copies the event store to Kafka in commit order, at least once: a batch is published first and
 * the checkpoint moved after, so a crash between the two republishes that batch (projections
 * absorb the duplicates) but never skips an event.
 */
export class Relay {
  private running = false;
  /** Set by stop(): a run of batches ends with the batch in hand. */
  private stopping = false;
  private stopped: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  /** Set by nudge(): the log grew since the relay last read it. */
  private nudged = false;
  /**
   * The checkpoint this relay last saved, while it runs: it reads the stored one when it starts
   * (as when it takes the leadership over) and need not read it back before every batch.
   */
  private saved: LogCheckpoint | null = null;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly checkpoints: LogCheckpoints,
    private readonly publisher: EventPublisher,
    private readonly settings: RelaySettings,
    private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.saved = null;
    this.stopped = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    this.wake?.();
    await this.stopped;
  }

  /**
   * The log grew (an append was announced): the relay reads at once, or, when it is reading, again
   * right after. The polls stay: an announcement is a hint that may be lost.
   */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Publishes one batch of what was committed after the checkpoint; returns its size. */
  relayOnce(): Promise<number> {
    return this.relayBatches(1);
  }

  /**
   * Publishes everything committed after the checkpoint, batch after batch until it has caught up
   * (or is stopped); returns how many events it relayed.
   */
  relayAvailable(): Promise<number> {
    return this.relayBatches(Infinity);
  }

  /**
   * Each next batch is read, and the batch before it checkpointed, while one is on its way to
   * Kafka: the read, the publish and the checkpoint's commit overlap instead of taking turns. A
   * batch's checkpoint is saved only once Kafka acknowledged it, and only after the one before it
   * was saved (never an older over a newer); a failure leaves the read-ahead unused, waits for the
   * save in flight, and the next attempt starts from the checkpoint saved last.
   */
  private async relayBatches(most: number): Promise<number> {
    const { batchSize, storeId } = this.settings;
    let batch = await this.store.readAllAfter(
      this.saved ?? (await this.checkpoints.load(RELAY_CHECKPOINT)),
      batchSize,
    );
    let relayed = 0;
    let saving: Promise<void> = Promise.resolve();
    try {
      for (let n = 1; batch.length > 0; n++) {
        const last = checkpointOf(batch[batch.length - 1]);
        const more = n < most && batch.length === batchSize && !this.stopping;
        const next = more ? this.store.readAllAfter(last, batchSize) : null;
        // Not awaited if the publish fails; its rejection must not go unhandled meanwhile.
        next?.catch(() => undefined);
        await this.publisher.publish(
          batch.map((event) => (storeId ? { ...envelopeOf(event), storeId } : envelopeOf(event))),
        );
        await saving;
        saving = this.save(last);
        saving.catch(() => undefined);
        relayed += batch.length;
        batch = next ? await next : [];
      }
    } catch (error) {
      await saving.catch(() => undefined);
      throw error;
    }
    await saving;
    return relayed;
  }

  private async save(checkpoint: LogCheckpoint): Promise<void> {
    await this.checkpoints.save(RELAY_CHECKPOINT, checkpoint);
    if (this.running) this.saved = checkpoint;
  }

  /**
   * Reads when nudged; else polls again soon after it found events (more are likely on their way)
   * and backs off to `pollMs` as the log stays quiet.
   */
  private async loop(): Promise<void> {
    let failures = 0;
    let wait = 0;
    while (this.running) {
      try {
        this.nudged = false;
        const relayed = await this.relayAvailable();
        if (failures > 0) this.logger.log(`relaying again after ${failures} failed attempt(s)`);
        failures = 0;
        wait = relayed > 0 ? QUICK_POLL_MS : Math.max(QUICK_POLL_MS, wait * 2);
        await this.sleep(Math.min(wait, this.settings.pollMs));
      } catch (error) {
        failures++;
        this.logger.warn(`relay attempt failed (${(error as Error).message}); retrying`);
        await this.sleep(Math.min(2000, 100 * 2 ** Math.min(failures, 6)));
      }
    }
  }

  /** Until `ms` passed, the relay is stopped or it is nudged. */
  private sleep(ms: number): Promise<void> {
    if (!this.running || this.nudged) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
