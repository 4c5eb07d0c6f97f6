import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfigModule } from '@riskledger/config';
import { DatabaseModule } from '@riskledger/database';
import { EventStoreModule } from '@riskledger/event-store';
import { MessagingModule } from '@riskledger/messaging';
import { ReadModelsModule } from '@riskledger/read-models';
import { AsyncApiController } from './contract/asyncapi.http.controller';
import { MetricsController } from './metrics/metrics.http.controller';
import { HealthChecks } from './health/health-checks';
import { HealthController } from './health/health.http.controller';
import { GetIncidentChainHandler } from './incidents/get-incident-chain/get-incident-chain.handler';
import { GetIncidentChainController } from './incidents/get-incident-chain/get-incident-chain.http.controller';
import { GetIncidentHistoryHandler } from './incidents/get-incident-history/get-incident-history.handler';
import { GetIncidentHistoryController } from './incidents/get-incident-history/get-incident-history.http.controller';
import { ReportIncidentController } from './incidents/report-incident/report-incident.http.controller';
import { ReportIncidentHandler } from './incidents/report-incident/report-incident.handler';
import { GetIntegrityHandler } from './integrity/get-integrity/get-integrity.handler';
import { GetIntegrityController } from './integrity/get-integrity/get-integrity.http.controller';
import { DeadLetterOperations } from './operations/dead-letter-operations';
import { GracefulHttpShutdown } from './platform/graceful-http-shutdown';
import { ListDeadLettersHandler } from './operations/list-dead-letters/list-dead-letters.handler';
import { ListDeadLettersController } from './operations/list-dead-letters/list-dead-letters.http.controller';
import { RedriveDeadLetterHandler } from './operations/redrive-dead-letter/redrive-dead-letter.handler';
import { RedriveDeadLetterController } from './operations/redrive-dead-letter/redrive-dead-letter.http.controller';
import { ApplyMitigationHandler } from './risks/apply-mitigation/apply-mitigation.handler';
import { ApplyMitigationController } from './risks/apply-mitigation/apply-mitigation.http.controller';
import { AssessRiskHandler } from './risks/assess-risk/assess-risk.handler';
import { AssessRiskController } from './risks/assess-risk/assess-risk.http.controller';
import { GetRiskHistoryHandler } from './risks/get-risk-history/get-risk-history.handler';
import { GetRiskHistoryController } from './risks/get-risk-history/get-risk-history.http.controller';
import { GetRiskHandler } from './risks/get-risk/get-risk.handler';
import { GetRiskController } from './risks/get-risk/get-risk.http.controller';
import { IdentifyRiskHandler } from './risks/identify-risk/identify-risk.handler';
import { IdentifyRiskController } from './risks/identify-risk/identify-risk.http.controller';
import { ListRisksHandler } from './risks/list-risks/list-risks.handler';
import { ListRisksController } from './risks/list-risks/list-risks.http.controller';
import { PlanMitigationHandler } from './risks/plan-mitigation/plan-mitigation.handler';
import { PlanMitigationController } from './risks/plan-mitigation/plan-mitigation.http.controller';
import { EventSourcedCommands } from './shared/event-sourced-commands';
import { BuiltInReferenceData, ReferenceData } from './shared/reference-data';
import { ListTraceabilityHandler } from './traceability/list-traceability/list-traceability.handler';
import { ListTraceabilityController } from './traceability/list-traceability/list-traceability.http.controller';

const commandHandlers = [
  IdentifyRiskHandler,
  AssessRiskHandler,
  PlanMitigationHandler,
  ApplyMitigationHandler,
  ReportIncidentHandler,
  RedriveDeadLetterHandler,
];
const queryHandlers = [
  ListRisksHandler,
  GetRiskHandler,
  GetRiskHistoryHandler,
  ListTraceabilityHandler,
  ListDeadLettersHandler,
  GetIncidentHistoryHandler,
  GetIncidentChainHandler,
  GetIntegrityHandler,
];
const controllers = [
  // ListRisks before GetRisk so that the static routes are not taken for ids.
  IdentifyRiskController,
  ListRisksController,
  GetRiskController,
  GetRiskHistoryController,
  AssessRiskController,
  PlanMitigationController,
  ApplyMitigationController,
  ReportIncidentController,
  GetIncidentHistoryController,
  GetIncidentChainController,
  ListTraceabilityController,
  GetIntegrityController,
  HealthController,
  ListDeadLettersController,
  RedriveDeadLetterController,
  AsyncApiController,
  MetricsController,
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
  ],
  controllers,
  providers: [
    EventSourcedCommands,
    { provide: ReferenceData, useClass: BuiltInReferenceData },
    HealthChecks,
    DeadLetterOperations,
    GracefulHttpShutdown,
    ...commandHandlers,
    ...queryHandlers,
  ],
})
export class ApiModule {}
