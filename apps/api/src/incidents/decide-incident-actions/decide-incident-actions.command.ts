import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { DecideIncidentActionsRequest } from './decide-incident-actions.request.dto';

export class DecideIncidentActionsCommand extends Command<{ version: number }> {
  constructor(
    readonly incidentId: string,
    readonly request: DecideIncidentActionsRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
