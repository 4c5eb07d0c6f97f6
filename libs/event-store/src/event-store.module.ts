import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LogCheckpoints } from './checkpoints/log-checkpoints';
import { LogIntegrity } from './integrity/log-integrity';
import { PostgresEventStore } from './postgres-event-store';

/** The event store, the log checkpoints and the log's tamper evidence, on the application's DataSource. */
@Global()
@Module({
  providers: [
    {
      provide: PostgresEventStore,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new PostgresEventStore(dataSource),
    },
    {
      provide: LogCheckpoints,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new LogCheckpoints(dataSource),
    },
    {
      provide: LogIntegrity,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new LogIntegrity(dataSource),
    },
  ],
  exports: [PostgresEventStore, LogCheckpoints, LogIntegrity],
})
export class EventStoreModule {}
