import { Command } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import type { CommandContext } from '../../shared/command-context';
import type {
  RequestReassessmentsRequest,
  RequestReassessmentsResponse,
} from './request-reassessments.request.dto';

export class RequestReassessmentsCommand extends Command<RequestReassessmentsResponse> {
  constructor(
    readonly request: RequestReassessmentsRequest,
    readonly context: CommandContext,
    /** Only risks the caller may change are asked for. */
    readonly visibility: Visibility,
  ) {
    super();
  }
}
