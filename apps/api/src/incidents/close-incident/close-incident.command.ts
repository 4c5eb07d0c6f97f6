import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { CloseIncidentRequest } from './close-incident.request.dto';

export class CloseIncidentCommand extends Command<{ version: number }> {
  constructor(
    readonly incidentId: string,
    readonly request: CloseIncidentRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
