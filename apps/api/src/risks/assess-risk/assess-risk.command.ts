import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { AssessRiskRequest, AssessRiskResponse } from './assess-risk.request.dto';

export class AssessRiskCommand extends Command<AssessRiskResponse> {
  constructor(
    readonly riskId: string,
    readonly request: AssessRiskRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
