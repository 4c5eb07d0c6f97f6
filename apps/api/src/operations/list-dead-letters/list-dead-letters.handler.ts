import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DeadLetterOperations } from '../dead-letter-operations';
import { deadLetterResponseOf } from '../dead-letter.response';
import { ListDeadLettersQuery } from './list-dead-letters.query';

@QueryHandler(ListDeadLettersQuery)
export class ListDeadLettersHandler implements IQueryHandler<ListDeadLettersQuery> {
  constructor(private readonly deadLetters: DeadLetterOperations) {}

  async execute({ filter }: ListDeadLettersQuery) {
    return (await this.deadLetters.store.list(filter)).map(deadLetterResponseOf);
  }
}
