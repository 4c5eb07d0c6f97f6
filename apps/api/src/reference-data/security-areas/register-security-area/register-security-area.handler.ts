import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { securityAreaDecider, securityAreaStreamId } from '@riskledger/domain';
import { SecurityAreasProjection } from '@riskledger/read-models';
import { ReferenceDataCommands } from '../../reference-data-commands';
import { RegisterSecurityAreaCommand } from './register-security-area.command';

@CommandHandler(RegisterSecurityAreaCommand)
export class RegisterSecurityAreaHandler implements ICommandHandler<RegisterSecurityAreaCommand> {
  constructor(private readonly commands: ReferenceDataCommands) {}

  async execute({ request, context }: RegisterSecurityAreaCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: securityAreaDecider,
      streamType: 'security-area',
      streamId: securityAreaStreamId(request.code),
      command: { type: 'RegisterSecurityArea', ...request },
      projection: new SecurityAreasProjection(),
      context,
    });
    return { code: request.code, version: streamVersion };
  }
}
