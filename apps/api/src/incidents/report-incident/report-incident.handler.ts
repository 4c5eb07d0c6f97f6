import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { incidentDecider, InvalidValueError } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { randomUUID } from 'node:crypto';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { ReferenceData } from '../../shared/reference-data';
import { ReportIncidentCommand } from './report-incident.command';

@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    private readonly store: PostgresEventStore,
    private readonly referenceData: ReferenceData,
  ) {}

  async execute({ request, context }: ReportIncidentCommand): Promise<{ id: string }> {
    const riskIds = request.riskIds ?? [];
    await this.requireKnownRisks(riskIds);
    const incidentId = randomUUID();
    const [activeAreas, unitKnown] = await Promise.all([
      this.referenceData.activeAreaCodes(),
      this.referenceData.unitIsKnown(request.unit.trim()),
    ]);
    await this.commands.execute({
      decider: incidentDecider,
      streamType: 'incident',
      streamId: incidentId,
      command: {
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
        now: new Date(),
        reference: { activeAreas, unitKnown },
      },
      context,
    });
    return { id: incidentId };
  }

  /** A link to a risk that does not exist would make the incident untraceable to it. */
  private async requireKnownRisks(riskIds: string[]): Promise<void> {
    for (const [index, riskId] of riskIds.entries()) {
      if ((await this.store.streamTypeOf(riskId)) !== 'risk') {
        throw new InvalidValueError(`riskIds[${index}]`, `there is no risk ${riskId}`);
      }
    }
  }
}
