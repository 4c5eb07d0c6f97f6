import { Command } from '@nestjs/cqrs';
import type { CommandContext } from './command-context';

/** A request that starts a record (a risk, an incident, a goal): its body and who sends it. */
export abstract class StartCommand<Request, Result> extends Command<Result> {
  constructor(
    readonly request: Request,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A request that changes one record: its id, the body, who sends it and the If-Match version. */
export abstract class ChangeCommand<Request, Result> extends Command<Result> {
  constructor(
    readonly id: string,
    readonly request: Request,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
