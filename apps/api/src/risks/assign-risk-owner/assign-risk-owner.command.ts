import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { AssignRiskOwnerRequest } from './assign-risk-owner.request.dto';

export class AssignRiskOwnerCommand extends Command<{ version: number }> {
  constructor(
    readonly riskId: string,
    readonly request: AssignRiskOwnerRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
