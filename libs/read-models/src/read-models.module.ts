import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RiskRegisterQueries } from './risk-register/risk-register.queries';
import { TraceabilityLogQueries } from './traceability-log/traceability-log.queries';

/** The read side's queries, for the API. */
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
  ],
  exports: [RiskRegisterQueries, TraceabilityLogQueries],
})
export class ReadModelsModule {}
