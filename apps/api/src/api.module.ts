import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig, ConfigModule } from '@riskledger/config';
import { DatabaseModule } from '@riskledger/database';
import { EventStoreModule } from '@riskledger/event-store';
import { MessagingModule } from '@riskledger/messaging';
import { ReadModelsModule } from '@riskledger/read-models';
import { AccessGuard } from './access/access.guard';
import { RestrictedReads } from './access/restricted-reads';
import { ReferencedRecords } from './access/referenced-records';
import { StreamVisibility } from './access/stream-visibility';
import { tokenVerifierProvider } from './access/token-verifier.provider';
import { AsyncApiController } from './contract/asyncapi.http.controller';
import { ConsoleController } from './console/console.http.controller';
import { MetricsController } from './metrics/metrics.http.controller';
import { GoalsController } from './goals/goals.http.controller';
import { HealthChecks } from './health/health-checks';
import { LiveLag } from './live/live-lag';
import { LiveController } from './live/live.http.controller';
import { ReadModelListener } from './live/read-model-listener';
import { GetAnnualSecurityReportHandler } from './reports/annual-security-report/get-annual-security-report.handler';
import { GetAnnualSecurityReportController } from './reports/annual-security-report/get-annual-security-report.http.controller';
import { HealthController } from './health/health.http.controller';
import { ReportIncidentHandler } from './incidents/report-incident/report-incident.handler';
import { DecideIncidentActionsHandler } from './incidents/decide-incident-actions/decide-incident-actions.handler';
import { ReportingClocks } from './incidents/reporting-clock/reporting-clocks';
import { GetIntegrityController } from './integrity/get-integrity/get-integrity.http.controller';
import { DeadLetterOperations } from './operations/dead-letter-operations';
import { DeadLettersController } from './operations/dead-letters.http.controller';
import { GracefulHttpShutdown } from './platform/graceful-http-shutdown';
import { AssessRiskHandler } from './risks/assess-risk/assess-risk.handler';
import { IdentifyRiskHandler } from './risks/identify-risk/identify-risk.handler';
import { RequestReassessmentsHandler } from './risks/request-reassessments/request-reassessments.handler';
import { Clock } from './platform/clock';
import { PdfPrinter } from './platform/pdf-printer';
import { ReminderBacklog } from './reminders/reminder-backlog';
import { RiskOverview } from './risks/overview/risk-overview';
import { RiskTrend } from './risks/trend/risk-trend';
import { RiskMoments } from './risks/risk-moments';
import { IncidentsController } from './incidents/incidents.http.controller';
import { RisksController } from './risks/risks.http.controller';
import { CommandExecutor } from './shared/command-executor';
import { WriteToStreamHandler } from './shared/stream-writes';
import { StreamHistory } from './shared/stream-history';
import { FromReadModelHandler } from './shared/from-read-model';
import { ImportsModule } from './imports/imports.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { SignInModule } from './sign-in/sign-in.module';
import { TraceabilityController } from './traceability/traceability.http.controller';
import { CaseFilesController } from './traceability/case-files/case-files.http.controller';
import { CaseFileJobs } from './traceability/case-files/case-file-jobs';

const commandHandlers = [
  WriteToStreamHandler,
  IdentifyRiskHandler,
  AssessRiskHandler,
  RequestReassessmentsHandler,
  ReportIncidentHandler,
  DecideIncidentActionsHandler,
];
const queryHandlers = [FromReadModelHandler, GetAnnualSecurityReportHandler];
const controllers = [
  RisksController,
  IncidentsController,
  TraceabilityController,
  CaseFilesController,
  GetIntegrityController,
  LiveController,
  HealthController,
  DeadLettersController,
  AsyncApiController,
  MetricsController,
  GoalsController,
  GetAnnualSecurityReportController,
  // Last: the console's pages and assets, on paths no API route uses.
  ConsoleController,
];

/** The HTTP API: commands through the CommandBus into the store, queries from the read models. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    EventStoreModule,
    MessagingModule,
    ReadModelsModule,
    CqrsModule.forRoot(),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }],
        skipIf: () => config.RATE_LIMIT_PER_MINUTE === 0,
      }),
    }),
    ReferenceDataModule,
    SignInModule,
    ImportsModule,
  ],
  controllers,
  providers: [
    // Guards run in this order: a flood is cut off before any token is checked.
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    tokenVerifierProvider,
    RestrictedReads,
    StreamVisibility,
    ReferencedRecords,
    CommandExecutor,
    HealthChecks,
    LiveLag,
    ReadModelListener,
    DeadLetterOperations,
    GracefulHttpShutdown,
    Clock,
    ReportingClocks,
    PdfPrinter,
    ReminderBacklog,
    RiskMoments,
    RiskOverview,
    RiskTrend,
    StreamHistory,
    CaseFileJobs,
    ...commandHandlers,
    ...queryHandlers,
  ],
})
export class ApiModule {}
