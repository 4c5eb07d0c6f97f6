import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LogIntegrity } from '@riskledger/event-store';
import { GetIntegrityQuery } from './get-integrity.query';

/** Seals what is new, then checks the whole log: the same check as `npm run cli -- verify-log`. */
@QueryHandler(GetIntegrityQuery)
export class GetIntegrityHandler implements IQueryHandler<GetIntegrityQuery> {
  constructor(private readonly integrity: LogIntegrity) {}

  execute() {
    return this.integrity.check();
  }
}
