import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { securityAreaDecider, securityAreaStreamId } from '@riskledger/domain';
import { SecurityAreasProjection } from '@riskledger/read-models';
import { ReferenceDataCommands } from '../../reference-data-commands';
import { AssignSecurityAreaResponsibleCommand } from './assign-security-area-responsible.command';

@CommandHandler(AssignSecurityAreaResponsibleCommand)
export class AssignSecurityAreaResponsibleHandler implements ICommandHandler<AssignSecurityAreaResponsibleCommand> {
  constructor(private readonly commands: ReferenceDataCommands) {}

  async execute({ code, request, context, expectedVersion }: AssignSecurityAreaResponsibleCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: securityAreaDecider,
      streamType: 'security-area',
      streamId: securityAreaStreamId(code),
      command: { type: 'AssignSecurityAreaResponsible', code, responsible: request.responsible },
      projection: new SecurityAreasProjection(),
      context,
      reason: request.reason,
      expectedVersion,
    });
    return { code, version: streamVersion };
  }
}
