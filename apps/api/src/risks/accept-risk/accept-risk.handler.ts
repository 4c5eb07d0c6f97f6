import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CommandExecutor } from '../../shared/command-executor';
import { riskWrite } from '../../shared/stream-writes';
import { ReferenceData } from '../../shared/reference-data';
import { Clock } from '../../platform/clock';
import { AcceptRiskCommand } from './accept-risk.command';

@CommandHandler(AcceptRiskCommand)
export class AcceptRiskHandler implements ICommandHandler<AcceptRiskCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly referenceData: ReferenceData,
    private readonly clock: Clock,
  ) {}

  async execute({ id: riskId, request, context, expectedVersion }: AcceptRiskCommand) {
    const acceptanceId = randomUUID();
    const { streamVersion } = await this.executor.execute(
      riskWrite(
        {
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
        { reason: request.justification, expectedVersion },
      ),
    );
    return { acceptanceId, version: streamVersion };
  }
}
