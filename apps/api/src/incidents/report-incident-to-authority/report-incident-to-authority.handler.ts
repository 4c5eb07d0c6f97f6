import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { incidentDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { ReportIncidentToAuthorityCommand } from './report-incident-to-authority.command';

@CommandHandler(ReportIncidentToAuthorityCommand)
export class ReportIncidentToAuthorityHandler implements ICommandHandler<ReportIncidentToAuthorityCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({
    incidentId,
    request,
    context,
    expectedVersion,
  }: ReportIncidentToAuthorityCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: incidentDecider,
      streamType: 'incident',
      streamId: incidentId,
      command: {
        type: 'ReportIncidentToAuthority',
        incidentId,
        authority: request.authority,
        reference: request.reference,
        reportedAt: new Date(request.reportedAt),
        now: new Date(),
      },
      context,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
