import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { RiskClock } from '../risk-clock';
import { ReviewRiskCommand } from './review-risk.command';

@CommandHandler(ReviewRiskCommand)
export class ReviewRiskHandler implements ICommandHandler<ReviewRiskCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    private readonly clock: RiskClock,
  ) {}

  async execute({ riskId, request, context, expectedVersion }: ReviewRiskCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: {
        type: 'ReviewRisk',
        riskId,
        notes: request.notes,
        nextReviewDate: request.nextReviewDate,
        today: this.clock.today(),
      },
      context,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
