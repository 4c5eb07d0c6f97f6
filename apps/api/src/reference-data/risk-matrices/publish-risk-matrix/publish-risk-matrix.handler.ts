import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RISK_MATRIX_STREAM_ID, riskMatrixDecider } from '@riskledger/domain';
import { RiskMatricesProjection } from '@riskledger/read-models';
import { ReferenceDataCommands } from '../../reference-data-commands';
import { PublishRiskMatrixCommand } from './publish-risk-matrix.command';

@CommandHandler(PublishRiskMatrixCommand)
export class PublishRiskMatrixHandler implements ICommandHandler<PublishRiskMatrixCommand> {
  constructor(private readonly commands: ReferenceDataCommands) {}

  async execute({ request, context }: PublishRiskMatrixCommand) {
    const { events } = await this.commands.execute({
      decider: riskMatrixDecider,
      streamType: 'risk-matrix',
      streamId: RISK_MATRIX_STREAM_ID,
      command: { type: 'PublishRiskMatrix', ...request },
      projection: new RiskMatricesProjection(),
      context,
    });
    return { version: (events[0].data as { version: number }).version };
  }
}
