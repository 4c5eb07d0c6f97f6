import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GoalRegisterQueries } from '@riskledger/read-models';
import { ListGoalsQuery } from './list-goals.query';

@QueryHandler(ListGoalsQuery)
export class ListGoalsHandler implements IQueryHandler<ListGoalsQuery> {
  constructor(private readonly goals: GoalRegisterQueries) {}

  execute({ filter }: ListGoalsQuery) {
    return this.goals.list(filter);
  }
}
