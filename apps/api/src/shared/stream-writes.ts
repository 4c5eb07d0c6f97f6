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
  type Decider,
  type DomainEvent,
  type StreamType,
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
import { announceReferenceDataChange } from './reference-data-changes';
import { CommandExecutor, type StreamWrite } from './command-executor';

/** Which stream a command goes to, with the decider that judges it. */
export interface WriteOptions {
  reason?: string | null;
  expectedVersion?: number;
  newStream?: boolean;
}

/**
 * Every risk, incident and goal command checks its area, unit and matrix against the reference
 * data's tables, so they never lag behind the log: the read model is updated in the transaction
 * that appends the events, and a retired area is refused by the very next request.
 */
const inStep =
  (projection: Projection, checked: boolean) =>
  async (manager: EntityManagerOf, appended: AppendResult) => {
    await projectInTransaction(manager, projection, appended.events.map(envelopeOf));
    // Commands check these against a cache in each API process (cached-reference-data.ts).
    if (checked) await announceReferenceDataChange(manager);
  };
type EntityManagerOf = Parameters<typeof projectInTransaction>[0];

/** The write of a command to the stream it names, judged by the stream's decider. */
const writeTo =
  <S, C, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    streamType: StreamType,
    streamIdOf: (command: C) => string,
    keptInStep?: new () => Projection,
    { checkedByCommands = false } = {},
  ) =>
  (command: C, context: CommandContext, options: WriteOptions = {}): StreamWrite<S, C, E> => ({
    decider,
    streamType,
    streamId: streamIdOf(command),
    command,
    context,
    ...(keptInStep && { inTransaction: inStep(new keptInStep(), checkedByCommands) }),
    ...(checkedByCommands && { changesReferenceData: true }),
    ...options,
  });

export const riskWrite = writeTo(riskDecider, 'risk', (command: RiskCommand) => command.riskId);
export const incidentWrite = writeTo(
  incidentDecider,
  'incident',
  (command: IncidentCommand) => command.incidentId,
);
export const goalWrite = writeTo(goalDecider, 'goal', (command: GoalCommand) => command.goalId);
export const securityAreaWrite = writeTo(
  securityAreaDecider,
  'security-area',
  (command: SecurityAreaCommand) => securityAreaStreamId(command.code),
  SecurityAreasProjection,
  { checkedByCommands: true },
);
export const organisationWrite = writeTo(
  organisationDecider,
  'organisation',
  (_: OrganisationalUnitCommand) => ORGANISATION_STREAM_ID,
  OrganisationalUnitsProjection,
  { checkedByCommands: true },
);
export const riskMatrixWrite = writeTo(
  riskMatrixDecider,
  'risk-matrix',
  (_: RiskMatrixCommand) => RISK_MATRIX_STREAM_ID,
  RiskMatricesProjection,
  { checkedByCommands: true },
);
export const reportingObligationWrite = writeTo(
  reportingObligationDecider,
  'reporting-obligation',
  (command: ReportingObligationCommand) => reportingObligationStreamId(command.code),
  ReportingObligationsProjection,
);

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
