import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/command-context';
import type { AssignSecurityAreaResponsibleRequest } from './assign-security-area-responsible.request.dto';

export class AssignSecurityAreaResponsibleCommand extends Command<{
  code: string;
  version: number;
}> {
  constructor(
    readonly code: string,
    readonly request: AssignSecurityAreaResponsibleRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
