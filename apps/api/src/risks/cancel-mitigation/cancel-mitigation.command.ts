import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { CancelMitigationRequest } from './cancel-mitigation.request.dto';

export class CancelMitigationCommand extends Command<{ version: number }> {
  constructor(
    readonly riskId: string,
    readonly mitigationId: string,
    readonly request: CancelMitigationRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
