import { Query } from '@nestjs/cqrs';
import type { GoalRegisterEntry, GoalRegisterFilter } from '@riskledger/read-models';

export class ListGoalsQuery extends Query<GoalRegisterEntry[]> {
  constructor(readonly filter: GoalRegisterFilter) {
    super();
  }
}
