import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GoalRegisterQueries } from '@riskledger/read-models';
import { GetGoalQuery } from './get-goal.query';

@QueryHandler(GetGoalQuery)
export class GetGoalHandler implements IQueryHandler<GetGoalQuery> {
  constructor(private readonly goals: GoalRegisterQueries) {}

  execute({ goalId }: GetGoalQuery) {
    return this.goals.get(goalId);
  }
}
