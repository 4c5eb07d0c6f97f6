import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/command-context';
import type { PublishRiskMatrixRequest } from './publish-risk-matrix.request.dto';

export class PublishRiskMatrixCommand extends Command<{ version: number }> {
  constructor(
    readonly request: PublishRiskMatrixRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
