import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { PlanMitigationRequest, PlanMitigationResponse } from './plan-mitigation.request.dto';

export class PlanMitigationCommand extends Command<PlanMitigationResponse> {
  constructor(
    readonly riskId: string,
    readonly request: PlanMitigationRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
