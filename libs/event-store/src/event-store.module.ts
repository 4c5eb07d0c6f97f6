import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LogCheckpoints } from './checkpoints/log-checkpoints';
import { PostgresEventStore } from './postgres-event-store';

/** The event store and the log checkpoints, on the application's DataSource. */
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
  ],
  exports: [PostgresEventStore, LogCheckpoints],
})
export class EventStoreModule {}
