import { Query } from '@nestjs/cqrs';
import type { SecurityAreaEntry } from '@riskledger/read-models';

export class ListSecurityAreasQuery extends Query<SecurityAreaEntry[]> {}
