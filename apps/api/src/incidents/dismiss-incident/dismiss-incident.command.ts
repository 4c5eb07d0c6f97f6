import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { DismissIncidentRequest } from './dismiss-incident.request.dto';

export class DismissIncidentCommand extends Command<{ version: number }> {
  constructor(
    readonly incidentId: string,
    readonly request: DismissIncidentRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
