import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskRegisterAsOf, RiskRegisterQueries, viewOf } from '@riskledger/read-models';
import { ReferenceData } from '../../shared/reference-data';
import { calendarDayInSweden, RiskClock } from '../risk-clock';
import { GetRiskQuery } from './get-risk.query';

@QueryHandler(GetRiskQuery)
export class GetRiskHandler implements IQueryHandler<GetRiskQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly registerAsOf: RiskRegisterAsOf,
    private readonly referenceData: ReferenceData,
    private readonly clock: RiskClock,
  ) {}

  async execute({ riskId, asOf }: GetRiskQuery) {
    const entry = asOf
      ? await this.registerAsOf.get(riskId, asOf)
      : await this.register.get(riskId);
    if (!entry) return null;
    const { version } = await this.referenceData.currentMatrix();
    const today = asOf ? calendarDayInSweden(asOf) : this.clock.today();
    return viewOf(entry, { today, matrixVersion: version });
  }
}
