import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/command-context';
import type { RegisterOrganisationalUnitRequest } from './register-organisational-unit.request.dto';

export class RegisterOrganisationalUnitCommand extends Command<{ code: string; version: number }> {
  constructor(
    readonly request: RegisterOrganisationalUnitRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
