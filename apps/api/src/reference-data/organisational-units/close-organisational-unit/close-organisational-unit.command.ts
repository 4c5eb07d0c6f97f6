import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/command-context';
import type { CloseOrganisationalUnitRequest } from './close-organisational-unit.request.dto';

export class CloseOrganisationalUnitCommand extends Command<{ code: string; version: number }> {
  constructor(
    readonly code: string,
    readonly request: CloseOrganisationalUnitRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
