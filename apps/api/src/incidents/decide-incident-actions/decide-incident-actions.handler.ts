import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidValueError } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { CommandExecutor } from '../../shared/command-executor';
import { incidentWrite } from '../../shared/stream-writes';
import { DecideIncidentActionsCommand } from './decide-incident-actions.command';
import type { IncidentActionRequest } from './decide-incident-actions.request.dto';

@CommandHandler(DecideIncidentActionsCommand)
export class DecideIncidentActionsHandler implements ICommandHandler<DecideIncidentActionsCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: PostgresEventStore,
  ) {}

  async execute({
    id: incidentId,
    request,
    context,
    expectedVersion,
  }: DecideIncidentActionsCommand) {
    const risksIdentifiedFromIncident = await this.checkAgainstRisks(incidentId, request.actions);
    const { streamVersion } = await this.executor.execute(
      incidentWrite(
        {
          type: 'DecideIncidentActions',
          incidentId,
          actions: request.actions,
          risksIdentifiedFromIncident,
        },
        context,
        { expectedVersion },
      ),
    );
    return { version: streamVersion };
  }

  /**
   * What only the risks' own streams know: which of them were identified from this incident (they
   * count as linked), and whether a named mitigation is planned on its risk.
   */
  private async checkAgainstRisks(
    incidentId: string,
    actions: readonly IncidentActionRequest[],
  ): Promise<string[]> {
    const identifiedFrom = new Set<string>();
    for (const [index, action] of actions.entries()) {
      const events = await this.store.readStream(action.riskId);
      if (events[0]?.streamType !== 'risk') continue;
      const source = (events[0].data as { sourceIncidentId?: unknown }).sourceIncidentId;
      if (events[0].type === 'RiskIdentified' && source === incidentId) {
        identifiedFrom.add(action.riskId);
      }
      if (action.mitigationId === undefined) continue;
      const planned = events.some(
        (e) =>
          e.type === 'MitigationPlanned' &&
          (e.data as { mitigationId?: unknown }).mitigationId === action.mitigationId,
      );
      if (!planned) {
        throw new InvalidValueError(
          `actions[${index}].mitigationId`,
          `no mitigation ${action.mitigationId} is planned on risk ${action.riskId}`,
        );
      }
    }
    return [...identifiedFrom];
  }
}
