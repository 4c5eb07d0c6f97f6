import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { InvestigateIncidentRequest } from './investigate-incident.request.dto';

export class InvestigateIncidentCommand extends Command<{ version: number }> {
  constructor(
    readonly incidentId: string,
    readonly request: InvestigateIncidentRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
