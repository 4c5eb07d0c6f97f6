import { Query } from '@nestjs/cqrs';
import type { PublishedRiskMatrix } from '@riskledger/read-models';

export class ListRiskMatricesQuery extends Query<PublishedRiskMatrix[]> {}
