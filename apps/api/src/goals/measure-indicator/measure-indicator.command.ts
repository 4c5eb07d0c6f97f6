import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { MeasureIndicatorRequest } from './measure-indicator.request.dto';

export class MeasureIndicatorCommand extends Command<{ measurementId: string; version: number }> {
  constructor(
    readonly goalId: string,
    readonly request: MeasureIndicatorRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
