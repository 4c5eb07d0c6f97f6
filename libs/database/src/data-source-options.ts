import {
  AddTamperEvidence1732300002000,
  AnchorLogTransactions1732300013000,
  AppendInOneRoundTrip1732300015000,
  AppendOneEventRowByRow1732300017150,
  AppendWithOneTransactionId1732300018300,
  CreateEventStore1732300000000,
  IndexEventsByType1732300010000,
  CreateStoreIdentity1732300013100,
  RecordSettledRestores1732300016000,
} from '@riskledger/event-store';
import { CreateDeadLetters1732300003000 } from '@riskledger/messaging';
import {
  AddTraceabilityInvestigation1732300002100,
  AddTraceabilityRestricted1732300009000,
  AddTraceabilityUnit1732300017500,
  IndexRegisterByIdentification1732300017600,
  AddReportingObligations1732300017700,
  CreateRiskRegisterVersions1732300017900,
  SummariseRegisterVersions1732300018310,
  RegisterVersionsColumns1732300018400,
  CreateAnnualReportRiskVersions1732300018500,
  CreateGoalRegister1732300007000,
  CreateIncidentRegister1732300006000,
  CreateReadModels1732300001000,
  CreateReferenceData1732300008000,
  ExtendRiskRegister1732300005000,
} from '@riskledger/read-models';
import { CreateWebhookDeliveries1732300004000 } from '@riskledger/webhooks';
import { DataSource, type DataSourceOptions } from 'typeorm';

/** Every schema change, in order: the event store's and the read models'. */
export const MIGRATIONS = [
  CreateEventStore1732300000000,
  CreateReadModels1732300001000,
  AddTamperEvidence1732300002000,
  AddTraceabilityInvestigation1732300002100,
  CreateDeadLetters1732300003000,
  CreateWebhookDeliveries1732300004000,
  ExtendRiskRegister1732300005000,
  CreateIncidentRegister1732300006000,
  CreateGoalRegister1732300007000,
  CreateReferenceData1732300008000,
  AddTraceabilityRestricted1732300009000,
  IndexEventsByType1732300010000,
  AnchorLogTransactions1732300013000,
  CreateStoreIdentity1732300013100,
  AppendInOneRoundTrip1732300015000,
  RecordSettledRestores1732300016000,
  AppendOneEventRowByRow1732300017150,
  AddTraceabilityUnit1732300017500,
  IndexRegisterByIdentification1732300017600,
  AddReportingObligations1732300017700,
  CreateRiskRegisterVersions1732300017900,
  AppendWithOneTransactionId1732300018300,
  SummariseRegisterVersions1732300018310,
  RegisterVersionsColumns1732300018400,
  CreateAnnualReportRiskVersions1732300018500,
];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    entities: [],
    // Fail fast instead of hanging when the database is unreachable.
    extra: { max: 10, connectionTimeoutMillis: 3000, statement_timeout: 30000 },
  };
}

/** Brings the schema up to date. Run on purpose (the launcher, the migrate command, tests), never implicitly by an app. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
