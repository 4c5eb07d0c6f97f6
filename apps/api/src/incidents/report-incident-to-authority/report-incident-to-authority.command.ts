import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { ReportIncidentToAuthorityRequest } from './report-incident-to-authority.request.dto';

export class ReportIncidentToAuthorityCommand extends Command<{ version: number }> {
  constructor(
    readonly incidentId: string,
    readonly request: ReportIncidentToAuthorityRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
