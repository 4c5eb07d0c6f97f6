import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { randomUUID } from 'node:crypto';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { ReferenceData } from '../../shared/reference-data';
import { RiskClock } from '../risk-clock';
import { AcceptRiskCommand } from './accept-risk.command';

@CommandHandler(AcceptRiskCommand)
export class AcceptRiskHandler implements ICommandHandler<AcceptRiskCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    private readonly referenceData: ReferenceData,
    private readonly clock: RiskClock,
  ) {}

  async execute({ riskId, request, context, expectedVersion }: AcceptRiskCommand) {
    const acceptanceId = randomUUID();
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: {
        type: 'AcceptRisk',
        riskId,
        acceptanceId,
        justification: request.justification,
        roles: context.roles,
        lapsesOn: request.lapsesOn,
        matrix: await this.referenceData.currentMatrix(),
        today: this.clock.today(),
      },
      context,
      reason: request.justification,
      expectedVersion,
    });
    return { acceptanceId, version: streamVersion };
  }
}
