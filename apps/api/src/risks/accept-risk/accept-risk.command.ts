import { ChangeCommand } from '../../shared/request-commands';
import type { AcceptRiskRequest, AcceptRiskResponse } from './accept-risk.request.dto';

export class AcceptRiskCommand extends ChangeCommand<AcceptRiskRequest, AcceptRiskResponse> {}
