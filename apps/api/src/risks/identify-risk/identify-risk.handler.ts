import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@riskledger/domain';
import { randomUUID } from 'node:crypto';
import { ReferencedRecords } from '../../access/referenced-records';
import { CommandExecutor } from '../../shared/command-executor';
import { riskWrite } from '../../shared/stream-writes';
import { ReferenceData } from '../../shared/reference-data';
import { Clock } from '../../platform/clock';
import { IdentifyRiskCommand } from './identify-risk.command';

@CommandHandler(IdentifyRiskCommand)
export class IdentifyRiskHandler implements ICommandHandler<IdentifyRiskCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly referenceData: ReferenceData,
    private readonly records: ReferencedRecords,
    private readonly clock: Clock,
  ) {}

  async execute({ request, context }: IdentifyRiskCommand): Promise<{ id: string }> {
    const riskId = randomUUID();
    const { sourceIncidentId } = request;
    if (
      sourceIncidentId !== undefined &&
      !(await this.records.existFor('incident', sourceIncidentId, context.visibility))
    ) {
      throw new NotFoundError('incident', sourceIncidentId);
    }
    const { activeAreas, unitKnown, matrix } = await this.referenceData.forNewRecord(
      request.unit.trim(),
    );
    await this.executor.execute(
      riskWrite(
        {
          type: 'IdentifyRisk',
          riskId,
          ...request,
          reference: { activeAreas, unitKnown },
          matrix,
          today: this.clock.today(),
        },
        // A risk identified from an incident follows from it, unless the caller names another cause.
        { ...context, causationId: context.causationId ?? sourceIncidentId },
        { newStream: true },
      ),
    );
    return { id: riskId };
  }
}
