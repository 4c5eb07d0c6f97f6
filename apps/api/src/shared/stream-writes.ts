import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { envelopeOf } from '@riskledger/contracts';
import {
  goalDecider,
  incidentDecider,
  ORGANISATION_STREAM_ID,
  organisationDecider,
  reportingObligationDecider,
  reportingObligationStreamId,
  RISK_MATRIX_STREAM_ID,
  riskDecider,
  riskMatrixDecider,
  securityAreaDecider,
  securityAreaStreamId,
  type GoalCommand,
  type IncidentCommand,
  type OrganisationalUnitCommand,
  type ReportingObligationCommand,
  type RiskCommand,
  type RiskMatrixCommand,
  type SecurityAreaCommand,
} from '@riskledger/domain';
import type { AppendResult } from '@riskledger/event-store';
import {
  OrganisationalUnitsProjection,
  projectInTransaction,
  ReportingObligationsProjection,
  RiskMatricesProjection,
  SecurityAreasProjection,
  type Projection,
} from '@riskledger/read-models';
import type { CommandContext } from './command-context';
import { CommandExecutor, type StreamWrite } from './command-executor';

/** Which stream a command goes to, with the decider that judges it. */
export interface WriteOptions {
  reason?: string | null;
  expectedVersion?: number;
  newStream?: boolean;
}

export const riskWrite = (
  command: RiskCommand,
  context: CommandContext,
  options: WriteOptions = {},
): StreamWrite<unknown, RiskCommand> => ({
  decider: riskDecider,
  streamType: 'risk',
  streamId: command.riskId,
  command,
  context,
  ...options,
});

export const incidentWrite = (
  command: IncidentCommand,
  context: CommandContext,
  options: WriteOptions = {},
): StreamWrite<unknown, IncidentCommand> => ({
  decider: incidentDecider,
  streamType: 'incident',
  streamId: command.incidentId,
  command,
  context,
  ...options,
});

export const goalWrite = (
  command: GoalCommand,
  context: CommandContext,
  options: WriteOptions = {},
): StreamWrite<unknown, GoalCommand> => ({
  decider: goalDecider,
  streamType: 'goal',
  streamId: command.goalId,
  command,
  context,
  ...options,
});

/**
 * Every risk, incident and goal command checks its area, unit and matrix against the reference
 * data's tables, so they never lag behind the log: the read model is updated in the transaction
 * that appends the events, and a retired area is refused by the very next request.
 */
const inStep = (projection: Projection) => (manager: EntityManagerOf, appended: AppendResult) =>
  projectInTransaction(manager, projection, appended.events.map(envelopeOf));
type EntityManagerOf = Parameters<typeof projectInTransaction>[0];

export const securityAreaWrite = (
  command: SecurityAreaCommand,
  context: CommandContext,
  options: WriteOptions = {},
): StreamWrite<unknown, SecurityAreaCommand> => ({
  decider: securityAreaDecider,
  streamType: 'security-area',
  streamId: securityAreaStreamId(command.code),
  command,
  context,
  inTransaction: inStep(new SecurityAreasProjection()),
  ...options,
});

export const organisationWrite = (
  command: OrganisationalUnitCommand,
  context: CommandContext,
  options: WriteOptions = {},
): StreamWrite<unknown, OrganisationalUnitCommand> => ({
  decider: organisationDecider,
  streamType: 'organisation',
  streamId: ORGANISATION_STREAM_ID,
  command,
  context,
  inTransaction: inStep(new OrganisationalUnitsProjection()),
  ...options,
});

export const riskMatrixWrite = (
  command: RiskMatrixCommand,
  context: CommandContext,
): StreamWrite<unknown, RiskMatrixCommand> => ({
  decider: riskMatrixDecider,
  streamType: 'risk-matrix',
  streamId: RISK_MATRIX_STREAM_ID,
  command,
  context,
  inTransaction: inStep(new RiskMatricesProjection()),
});

export const reportingObligationWrite = (
  command: ReportingObligationCommand,
  context: CommandContext,
  options: WriteOptions = {},
): StreamWrite<unknown, ReportingObligationCommand> => ({
  decider: reportingObligationDecider,
  streamType: 'reporting-obligation',
  streamId: reportingObligationStreamId(command.code),
  command,
  context,
  inTransaction: inStep(new ReportingObligationsProjection()),
  ...options,
});

/**
 * A use case with no logic of its own: its controller sends the domain command with the stream it
 * goes to, and this one handler executes it. Answers the stream's version after the append.
 */
export class WriteToStream<C = unknown> extends Command<{ version: number }> {
  constructor(readonly write: StreamWrite<unknown, C>) {
    super();
  }
}

@CommandHandler(WriteToStream)
export class WriteToStreamHandler implements ICommandHandler<WriteToStream> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ write }: WriteToStream) {
    const { streamVersion } = await this.executor.execute(write);
    return { version: streamVersion };
  }
}
