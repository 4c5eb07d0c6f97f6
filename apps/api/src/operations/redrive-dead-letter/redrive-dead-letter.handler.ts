import { Clock } from '../../platform/clock';
import { Logger, ServiceUnavailableException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@riskledger/domain';
import { DeadLetterOperations } from '../dead-letter-operations';
import { deadLetterResponseOf } from '../dead-letter.response';
import { RedriveDeadLetterCommand } from './redrive-dead-letter.command';

/**
 * Sends the original message back to its topic, then notes who did it. If Kafka is away nothing
 * is noted and the operator is told so; a re-drive that reached Kafka but was not noted (the
 * database went away in between) only means the message comes once more, which consumers absorb.
 */
@CommandHandler(RedriveDeadLetterCommand)
export class RedriveDeadLetterHandler implements ICommandHandler<RedriveDeadLetterCommand> {
  private readonly logger = new Logger('DeadLetters');

  constructor(
    private readonly deadLetters: DeadLetterOperations,
    private readonly clock: Clock,
  ) {}

  async execute({ id, context }: RedriveDeadLetterCommand) {
    const letter = await this.deadLetters.store.get(id);
    if (!letter) throw new NotFoundError('dead letter', id);
    try {
      await this.deadLetters.redriver.redrive(letter);
    } catch (error) {
      this.logger.warn(`re-drive of ${id} failed: ${(error as Error).message}`);
      throw new ServiceUnavailableException(
        'Kafka is not reachable at the moment; the dead letter was not re-driven. Try again shortly.',
      );
    }
    this.logger.log(`${context.actor} re-drove ${id} to ${letter.topic} (${letter.reason})`);
    const redriven = await this.deadLetters.store.markRedriven(id, context.actor, this.clock.now());
    return deadLetterResponseOf(redriven!);
  }
}
