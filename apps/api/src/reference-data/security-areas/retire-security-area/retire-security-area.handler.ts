import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { securityAreaDecider, securityAreaStreamId } from '@riskledger/domain';
import { SecurityAreasProjection } from '@riskledger/read-models';
import { ReferenceDataCommands } from '../../reference-data-commands';
import { RetireSecurityAreaCommand } from './retire-security-area.command';

@CommandHandler(RetireSecurityAreaCommand)
export class RetireSecurityAreaHandler implements ICommandHandler<RetireSecurityAreaCommand> {
  constructor(private readonly commands: ReferenceDataCommands) {}

  async execute({ code, request, context, expectedVersion }: RetireSecurityAreaCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: securityAreaDecider,
      streamType: 'security-area',
      streamId: securityAreaStreamId(code),
      command: { type: 'RetireSecurityArea', code, reason: request.reason },
      projection: new SecurityAreasProjection(),
      context,
      reason: request.reason,
      expectedVersion,
    });
    return { code, version: streamVersion };
  }
}
