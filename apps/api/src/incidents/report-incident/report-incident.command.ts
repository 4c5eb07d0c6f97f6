import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { ReportIncidentRequest } from './report-incident.request.dto';

export class ReportIncidentCommand extends Command<{ id: string }> {
  constructor(
    readonly request: ReportIncidentRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
