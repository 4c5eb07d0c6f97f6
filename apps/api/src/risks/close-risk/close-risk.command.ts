import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { CloseRiskRequest } from './close-risk.request.dto';

export class CloseRiskCommand extends Command<{ version: number }> {
  constructor(
    readonly riskId: string,
    readonly request: CloseRiskRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
