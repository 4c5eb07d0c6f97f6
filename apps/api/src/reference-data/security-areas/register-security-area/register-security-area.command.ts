import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/command-context';
import type { RegisterSecurityAreaRequest } from './register-security-area.request.dto';

export class RegisterSecurityAreaCommand extends Command<{ code: string; version: number }> {
  constructor(
    readonly request: RegisterSecurityAreaRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
