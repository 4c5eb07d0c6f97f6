import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { GoalRegisterQueries } from './goal-register/goal-register.queries';
import { IncidentRegisterCounts } from './incident-register/incident-register.counts';
import { IncidentRegisterQueries } from './incident-register/incident-register.queries';
import { ReferenceDataQueries } from './reference-data/reference-data.queries';
import { ReportingObligationQueries } from './reference-data/reporting-obligation.queries';
import { RiskLevelTrend } from './risk-register/risk-level-trend';
import { RiskRegisterAsOf } from './as-of/risk-register.as-of';
import { RiskYearStandings } from './annual-report/risk-year-standings';
import { RiskRegisterCounts } from './risk-register/risk-register.counts';
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
    {
      provide: GoalRegisterQueries,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new GoalRegisterQueries(dataSource),
    },
    {
      provide: IncidentRegisterQueries,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new IncidentRegisterQueries(dataSource),
    },
    {
      provide: ReferenceDataQueries,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new ReferenceDataQueries(dataSource),
    },
    {
      provide: ReportingObligationQueries,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new ReportingObligationQueries(dataSource),
    },
    {
      provide: RiskRegisterAsOf,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new RiskRegisterAsOf(dataSource),
    },
    {
      provide: RiskYearStandings,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new RiskYearStandings(dataSource),
    },
    {
      provide: RiskLevelTrend,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new RiskLevelTrend(dataSource),
    },
    {
      provide: RiskRegisterCounts,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new RiskRegisterCounts(dataSource),
    },
    {
      provide: IncidentRegisterCounts,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new IncidentRegisterCounts(dataSource),
    },
  ],
  exports: [
    RiskRegisterQueries,
    TraceabilityLogQueries,
    RiskRegisterAsOf,
    RiskYearStandings,
    GoalRegisterQueries,
    IncidentRegisterQueries,
    ReferenceDataQueries,
    ReportingObligationQueries,
    RiskLevelTrend,
    RiskRegisterCounts,
    IncidentRegisterCounts,
  ],
})
export class ReadModelsModule {}
