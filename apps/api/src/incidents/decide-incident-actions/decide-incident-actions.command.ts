import { ChangeCommand } from '../../shared/request-commands';
import type { DecideIncidentActionsRequest } from './decide-incident-actions.request.dto';

export class DecideIncidentActionsCommand extends ChangeCommand<
  DecideIncidentActionsRequest,
  { version: number }
> {}
