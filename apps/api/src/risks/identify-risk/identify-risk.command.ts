import { StartCommand } from '../../shared/request-commands';
import type { IdentifyRiskRequest } from './identify-risk.request.dto';

export class IdentifyRiskCommand extends StartCommand<IdentifyRiskRequest, { id: string }> {}
