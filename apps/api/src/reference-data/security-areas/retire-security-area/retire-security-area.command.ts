import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/command-context';
import type { RetireSecurityAreaRequest } from './retire-security-area.request.dto';

export class RetireSecurityAreaCommand extends Command<{ code: string; version: number }> {
  constructor(
    readonly code: string,
    readonly request: RetireSecurityAreaRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
