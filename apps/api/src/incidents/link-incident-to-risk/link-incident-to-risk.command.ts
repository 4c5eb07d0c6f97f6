import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { LinkIncidentToRiskRequest } from './link-incident-to-risk.request.dto';

export class LinkIncidentToRiskCommand extends Command<{ version: number }> {
  constructor(
    readonly incidentId: string,
    readonly request: LinkIncidentToRiskRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
