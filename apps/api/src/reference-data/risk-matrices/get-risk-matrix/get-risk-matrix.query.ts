import { Query } from '@nestjs/cqrs';
import type { PublishedRiskMatrix } from '@riskledger/read-models';

export class GetRiskMatrixQuery extends Query<PublishedRiskMatrix | null> {
  constructor(readonly version: number) {
    super();
  }
}
