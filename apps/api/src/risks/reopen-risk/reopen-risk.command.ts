import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { ReopenRiskRequest } from './reopen-risk.request.dto';

export class ReopenRiskCommand extends Command<{ version: number }> {
  constructor(
    readonly riskId: string,
    readonly request: ReopenRiskRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
