import { Query } from '@nestjs/cqrs';
import type { DeadLetterFilter } from '@riskledger/messaging';
import type { DeadLetterResponse } from '../dead-letter.response';

export class ListDeadLettersQuery extends Query<DeadLetterResponse[]> {
  constructor(readonly filter: DeadLetterFilter) {
    super();
  }
}
