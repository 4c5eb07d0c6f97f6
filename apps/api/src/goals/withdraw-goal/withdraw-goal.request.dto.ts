import { TextField } from '../../shared/text-field';

export class WithdrawGoalRequest {
  @TextField(2000, {
    description: 'Why the goal is withdrawn (shown in the annual report)',
    example: 'The course is replaced by practical evacuation drills',
  })
  reason!: string;
}
