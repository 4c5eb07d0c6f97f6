import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { RevokeRiskAcceptanceRequest } from './revoke-risk-acceptance.request.dto';

export class RevokeRiskAcceptanceCommand extends Command<{ version: number }> {
  constructor(
    readonly riskId: string,
    readonly acceptanceId: string,
    readonly request: RevokeRiskAcceptanceRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
