import { Controller, Get, Header, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@riskledger/config';
import { Gauge, Registry } from 'prom-client';
import { HealthChecks } from '../health/health-checks';
import { Public, Requires } from '../access/requires.decorator';
import { ReminderBacklog } from '../reminders/reminder-backlog';

/** The consumer groups of the system whose progress operators watch. */
async function watchedGroups(config: AppConfig, checks: HealthChecks): Promise<string[]> {
  return [
    await checks.groupId('projector'),
    ...(config.NOTIFIER_WEBHOOK_URL ? [await checks.groupId('notifier')] : []),
  ];
}

/** Consumer lag per group and partition, and the relay backlog: as JSON and for Prometheus. */
@ApiTags('operations')
@Controller()
export class MetricsController {
  private readonly registry = new Registry();

  constructor(
    private readonly checks: HealthChecks,
    private readonly config: AppConfig,
    reminders: ReminderBacklog,
  ) {
    const lag = new Gauge({
      name: 'riskledger_consumer_lag',
      help: 'Messages a consumer group has yet to process, per topic and partition',
      labelNames: ['group', 'topic', 'partition'],
      registers: [this.registry],
      collect: async () => {
        lag.reset();
        for (const group of await watchedGroups(this.config, this.checks)) {
          const { partitions } = await this.checks.groupLag(group);
          for (const p of partitions) {
            lag.set({ group, topic: p.topic, partition: String(p.partition) }, p.lag);
          }
        }
      },
    });
    const backlog = new Gauge({
      name: 'riskledger_relay_backlog',
      help: 'Events in the store that the relay has not published to Kafka yet',
      registers: [this.registry],
      collect: async () => {
        const events = await this.checks.relayBacklog();
        if (events !== null) backlog.set(events);
      },
    });
    const held = new Gauge({
      name: 'riskledger_relay_held_back_events',
      help: 'Committed events the relay may not take yet: an older transaction is still running',
      registers: [this.registry],
      collect: async () => {
        const hold = await this.checks.relayHold();
        if (hold !== null) held.set(hold.events);
      },
    });
    const digests = new Gauge({
      name: 'riskledger_reminder_digests_unsent',
      help: "Owners' reminder digests not sent: waiting (to be tried, or again) or given up",
      labelNames: ['state'],
      registers: [this.registry],
      collect: async () => {
        const { waiting, givenUp } = await reminders.counts();
        digests.set({ state: 'waiting' }, waiting);
        digests.set({ state: 'given_up' }, givenUp);
      },
    });
    const oldest = new Gauge({
      name: 'riskledger_oldest_transaction_age_seconds',
      help: 'Age of the oldest transaction running on the PostgreSQL server, which readers of the log wait for',
      labelNames: ['pid', 'database', 'application'],
      registers: [this.registry],
      collect: async () => {
        const t = (await this.checks.relayHold())?.oldestTransaction;
        oldest.reset();
        if (t) {
          const labels = {
            pid: String(t.pid),
            database: t.database ?? '',
            application: t.application,
          };
          oldest.set(labels, t.ageSeconds);
        }
      },
    });
  }

  @Requires('operations')
  @Get('consumer-lag')
  @ApiOperation({ summary: 'What each consumer group has yet to process, per partition' })
  @ApiOkResponse({ description: '{ groups: [{ groupId, total, partitions: [...] }] }' })
  async consumerLag() {
    try {
      const groups = await Promise.all(
        (await watchedGroups(this.config, this.checks)).map(async (groupId) => ({
          groupId,
          ...(await this.checks.groupLag(groupId)),
        })),
      );
      return { groups };
    } catch (error) {
      throw new ServiceUnavailableException(`Kafka does not answer: ${(error as Error).message}`);
    }
  }

  @Public()
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary: 'Prometheus metrics: consumer lag, relay backlog, unsent reminder digests',
  })
  metrics() {
    return this.registry.metrics();
  }
}
