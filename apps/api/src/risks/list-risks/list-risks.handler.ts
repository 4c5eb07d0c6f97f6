import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskRegisterAsOf, RiskRegisterQueries, viewOf } from '@riskledger/read-models';
import { ReferenceData } from '../../shared/reference-data';
import { calendarDayInSweden, RiskClock } from '../risk-clock';
import { ListRisksQuery } from './list-risks.query';

@QueryHandler(ListRisksQuery)
export class ListRisksHandler implements IQueryHandler<ListRisksQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly registerAsOf: RiskRegisterAsOf,
    private readonly referenceData: ReferenceData,
    private readonly clock: RiskClock,
  ) {}

  async execute({ filter, asOf }: ListRisksQuery) {
    const entries = asOf
      ? await this.registerAsOf.list(asOf, filter)
      : await this.register.list(filter);
    const { version } = await this.referenceData.currentMatrix();
    const today = asOf ? calendarDayInSweden(asOf) : this.clock.today();
    return entries.map((entry) => viewOf(entry, { today, matrixVersion: version }));
  }
}
