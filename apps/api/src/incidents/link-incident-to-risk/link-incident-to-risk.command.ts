import { ChangeCommand } from '../../shared/request-commands';
import type { LinkIncidentToRiskRequest } from './link-incident-to-risk.request.dto';

export class LinkIncidentToRiskCommand extends ChangeCommand<
  LinkIncidentToRiskRequest,
  { version: number }
> {}
