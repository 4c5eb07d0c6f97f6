import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/command-context';
import type { MoveOrganisationalUnitRequest } from './move-organisational-unit.request.dto';

export class MoveOrganisationalUnitCommand extends Command<{ code: string; version: number }> {
  constructor(
    readonly code: string,
    readonly request: MoveOrganisationalUnitRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
