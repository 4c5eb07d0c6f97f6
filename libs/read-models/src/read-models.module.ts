import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { PostgresEventStore } from '@riskledger/event-store';
import type { DataSource } from 'typeorm';
import { RiskRegisterAsOf } from './risk-register/risk-register.as-of';
import { RiskRegisterQueries } from './risk-register/risk-register.queries';
import { TraceabilityLogQueries } from './traceability-log/traceability-log.queries';

/** The read side's queries, for the API; the register "as of" a past moment reads the log. */
@Global()
@Module({
  providers: [
    {
      provide: RiskRegisterQueries,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new RiskRegisterQueries(dataSource),
    },
    {
      provide: TraceabilityLogQueries,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new TraceabilityLogQueries(dataSource),
    },
    {
      provide: RiskRegisterAsOf,
      inject: [PostgresEventStore],
      useFactory: (store: PostgresEventStore) => new RiskRegisterAsOf(store),
    },
  ],
  exports: [RiskRegisterQueries, TraceabilityLogQueries, RiskRegisterAsOf],
})
export class ReadModelsModule {}
