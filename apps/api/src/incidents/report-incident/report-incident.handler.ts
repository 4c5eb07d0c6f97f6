import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidValueError, type Visibility } from '@riskledger/domain';
import { ReferencedRecords } from '../../access/referenced-records';
import { randomUUID } from 'node:crypto';
import { CommandExecutor } from '../../shared/command-executor';
import { incidentWrite } from '../../shared/stream-writes';
import { Clock } from '../../platform/clock';
import { ReferenceData } from '../../shared/reference-data';
import { ReportIncidentCommand } from './report-incident.command';

@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: ReferencedRecords,
    private readonly referenceData: ReferenceData,
    private readonly clock: Clock,
  ) {}

  async execute({ request, context }: ReportIncidentCommand): Promise<{ id: string }> {
    const riskIds = request.riskIds ?? [];
    await this.requireKnownRisks(riskIds, context.visibility);
    const incidentId = randomUUID();
    const { activeAreas, unitKnown } = await this.referenceData.forNewRecord(request.unit.trim());
    await this.executor.execute(
      incidentWrite(
        {
          type: 'ReportIncident',
          incidentId,
          title: request.title,
          description: request.description,
          area: request.area,
          unit: request.unit,
          occurredAt: new Date(request.occurredAt),
          riskIds,
          kind: request.kind,
          severity: request.severity,
          immediateActions: request.immediateActions,
          discoveredAt: request.discoveredAt === undefined ? null : new Date(request.discoveredAt),
          personalDataAffected: request.personalDataAffected ?? null,
          now: this.clock.now(),
          reference: { activeAreas, unitKnown },
        },
        context,
        { newStream: true },
      ),
    );
    return { id: incidentId };
  }

  /** A link to a risk that does not exist would make the incident untraceable to it. */
  private async requireKnownRisks(riskIds: string[], scope?: Visibility): Promise<void> {
    for (const [index, riskId] of riskIds.entries()) {
      if (!(await this.records.existFor('risk', riskId, scope))) {
        throw new InvalidValueError(`riskIds[${index}]`, `there is no risk ${riskId}`);
      }
    }
  }
}
