import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { incidentDecider, InvalidValueError } from '@riskledger/domain';
import { ReferencedRecords } from '../../access/referenced-records';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { LinkIncidentToRiskCommand } from './link-incident-to-risk.command';

@CommandHandler(LinkIncidentToRiskCommand)
export class LinkIncidentToRiskHandler implements ICommandHandler<LinkIncidentToRiskCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    private readonly records: ReferencedRecords,
  ) {}

  async execute({ incidentId, request, context, expectedVersion }: LinkIncidentToRiskCommand) {
    // A link to a risk that does not exist would make the incident untraceable to it.
    if (!(await this.records.existFor('risk', request.riskId, context.visibility))) {
      throw new InvalidValueError('riskId', `there is no risk ${request.riskId}`);
    }
    const { streamVersion } = await this.commands.execute({
      decider: incidentDecider,
      streamType: 'incident',
      streamId: incidentId,
      command: {
        type: 'LinkIncidentToRisk',
        incidentId,
        riskId: request.riskId,
        relation: request.relation,
      },
      context,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
