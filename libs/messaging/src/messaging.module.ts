import { Global, Inject, Logger, Module } from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { createKafka } from './kafka-client';

export const KAFKA = Symbol('KAFKA');

/** One configured Kafka client per process; producers and consumers are made from it. */
@Global()
@Module({
  providers: [
    {
      provide: KAFKA,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        createKafka(
          { clientId: config.KAFKA_CLIENT_ID, brokers: config.kafkaBrokers },
          new Logger('Kafka'),
        ),
    },
  ],
  exports: [KAFKA],
})
export class MessagingModule {}

export const InjectKafka = () => Inject(KAFKA);
export type { Kafka } from 'kafkajs';
