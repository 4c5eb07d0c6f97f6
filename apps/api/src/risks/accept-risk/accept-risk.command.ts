import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { AcceptRiskRequest, AcceptRiskResponse } from './accept-risk.request.dto';

export class AcceptRiskCommand extends Command<AcceptRiskResponse> {
  constructor(
    readonly riskId: string,
    readonly request: AcceptRiskRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
