import { Query } from '@nestjs/cqrs';
import type { GoalRegisterEntry } from '@riskledger/read-models';

export class GetGoalQuery extends Query<GoalRegisterEntry | null> {
  constructor(readonly goalId: string) {
    super();
  }
}
