import { StartCommand } from '../../shared/request-commands';
import type { ReportIncidentRequest } from './report-incident.request.dto';

export class ReportIncidentCommand extends StartCommand<ReportIncidentRequest, { id: string }> {}
