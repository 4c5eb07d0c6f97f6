import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { IdentifyRiskRequest } from './identify-risk.request.dto';

export class IdentifyRiskCommand extends Command<{ id: string }> {
  constructor(
    readonly request: IdentifyRiskRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
