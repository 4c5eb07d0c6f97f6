import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, consumerGroupId } from '@riskledger/config';
import { isTransientDatabaseError } from '@riskledger/database';
import { loadStoreId } from '@riskledger/event-store';
import {
  allTopics,
  deadLetterTopic,
  DeadLetterStore,
  EventSubscriber,
  InjectKafka,
  type Kafka,
} from '@riskledger/messaging';
import { WebhookDeliveries, WebhookDispatcher, type NotificationRules } from '@riskledger/webhooks';
import type { DataSource } from 'typeorm';

const DISPATCH_EVERY_MS = 250;

/**
 * The reference subscriber: reads the public topics with its own consumer group, as an outside
 * integration would, and calls a webhook when a risk reaches high or very high or an incident is
 * reported in a chosen area. Consuming only records what is owed; a dispatcher sends it, with
 * retries, so a failing webhook never holds up the topic.
 */
@Injectable()
export class NotifierService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifier');
  private subscriber: EventSubscriber | null = null;
  private timer: NodeJS.Timeout | null = null;
  private dispatching: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectKafka() private readonly kafka: Kafka,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const url = this.config.NOTIFIER_WEBHOOK_URL;
    if (!url || !this.config.NOTIFIER_WEBHOOK_SECRET) {
      this.logger.log('no NOTIFIER_WEBHOOK_URL: the notifier is off');
      return;
    }
    const deliveries = new WebhookDeliveries(this.dataSource);
    const rules: NotificationRules = {
      incidentAreas: this.config.NOTIFIER_INCIDENT_AREAS.split(',').filter(Boolean),
    };
    const dispatcher = new WebhookDispatcher(deliveries, {
      url,
      secret: this.config.NOTIFIER_WEBHOOK_SECRET,
      maxAttempts: this.config.NOTIFIER_MAX_ATTEMPTS,
      backoffMs: this.config.NOTIFIER_BACKOFF_MS,
      timeoutMs: 5000,
    });
    const storeId = await loadStoreId(this.dataSource);
    const deadLetters = new DeadLetterStore(this.dataSource);
    this.subscriber = new EventSubscriber(this.kafka, {
      groupId: consumerGroupId(this.config, 'notifier', storeId),
      topics: allTopics(this.config.KAFKA_TOPIC_PREFIX),
      own: { storeId, topicSetting: 'KAFKA_TOPIC_PREFIX' },
      deadLetters: {
        topic: deadLetterTopic(this.config.KAFKA_TOPIC_PREFIX),
        isTransient: isTransientDatabaseError,
        record: async (letter) => {
          this.logger.warn(`dead letter: ${letter.reason}: ${letter.detail}`);
          await deadLetters.record(letter);
        },
      },
    });
    await this.subscriber.start(async (envelope) => {
      await deliveries.record(envelope, rules, new Date());
    });
    this.timer = setInterval(() => {
      this.dispatching = this.dispatching
        .then(() => dispatcher.dispatchDue())
        .catch((error: Error) => this.logger.warn(`dispatch failed: ${error.message}`));
    }, DISPATCH_EVERY_MS);
    this.logger.log(`notifying ${url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.dispatching;
    await this.subscriber?.stop();
  }
}
