import { StartCommand } from '../../shared/request-commands';
import type { SetGoalRequest } from './set-goal.request.dto';

export class SetGoalCommand extends StartCommand<SetGoalRequest, { id: string }> {}
