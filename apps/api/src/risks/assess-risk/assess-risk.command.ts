import { ChangeCommand } from '../../shared/request-commands';
import type { AssessRiskRequest, AssessRiskResponse } from './assess-risk.request.dto';

export class AssessRiskCommand extends ChangeCommand<AssessRiskRequest, AssessRiskResponse> {}
