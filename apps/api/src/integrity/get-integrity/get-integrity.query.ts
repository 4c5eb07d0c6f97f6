import { Query } from '@nestjs/cqrs';
import type { IntegrityReport } from '@riskledger/event-store';

export class GetIntegrityQuery extends Query<IntegrityReport> {}
