import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/command-context';
import type { RenameOrganisationalUnitRequest } from './rename-organisational-unit.request.dto';

export class RenameOrganisationalUnitCommand extends Command<{ code: string; version: number }> {
  constructor(
    readonly code: string,
    readonly request: RenameOrganisationalUnitRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
