import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { ApplyMitigationRequest } from './apply-mitigation.request.dto';

export class ApplyMitigationCommand extends Command<{ version: number }> {
  constructor(
    readonly riskId: string,
    readonly mitigationId: string,
    readonly request: ApplyMitigationRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
