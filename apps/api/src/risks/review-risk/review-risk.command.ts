import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { ReviewRiskRequest } from './review-risk.request.dto';

export class ReviewRiskCommand extends Command<{ version: number }> {
  constructor(
    readonly riskId: string,
    readonly request: ReviewRiskRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
