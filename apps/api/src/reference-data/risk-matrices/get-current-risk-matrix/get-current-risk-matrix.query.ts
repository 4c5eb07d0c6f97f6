import { Query } from '@nestjs/cqrs';
import type { PublishedRiskMatrix } from '@riskledger/read-models';

export class GetCurrentRiskMatrixQuery extends Query<PublishedRiskMatrix | null> {}
