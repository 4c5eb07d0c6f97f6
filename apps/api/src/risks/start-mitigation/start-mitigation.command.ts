import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { StartMitigationRequest } from './start-mitigation.request.dto';

export class StartMitigationCommand extends Command<{ version: number }> {
  constructor(
    readonly riskId: string,
    readonly mitigationId: string,
    readonly request: StartMitigationRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
