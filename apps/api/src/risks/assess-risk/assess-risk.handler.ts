import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../../shared/command-executor';
import { riskWrite } from '../../shared/stream-writes';
import { ReferenceData } from '../../shared/reference-data';
import { AssessRiskCommand } from './assess-risk.command';
import type { AssessRiskResponse } from './assess-risk.request.dto';

@CommandHandler(AssessRiskCommand)
export class AssessRiskHandler implements ICommandHandler<AssessRiskCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly referenceData: ReferenceData,
  ) {}

  async execute({
    id: riskId,
    request,
    context,
    expectedVersion,
  }: AssessRiskCommand): Promise<AssessRiskResponse> {
    const { streamVersion, events } = await this.executor.execute(
      riskWrite(
        {
          type: 'AssessRisk',
          riskId,
          basis: request.basis,
          likelihood: request.likelihood,
          consequence: request.consequence,
          matrix: await this.referenceData.currentMatrix(),
        },
        context,
        { reason: request.reason, expectedVersion },
      ),
    );
    const warnings = events.flatMap((e) =>
      e.type === 'RiskAssessed' ? (e.data as { warnings: string[] }).warnings : [],
    );
    return { version: streamVersion, warnings };
  }
}
