import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { VerifyMitigationRequest } from './verify-mitigation.request.dto';

export class VerifyMitigationCommand extends Command<{ version: number }> {
  constructor(
    readonly riskId: string,
    readonly mitigationId: string,
    readonly request: VerifyMitigationRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
