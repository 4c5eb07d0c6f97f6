import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskRegisterQueries } from '@riskledger/read-models';
import { ReferenceData } from '../../shared/reference-data';
import { RiskClock } from '../risk-clock';
import { RiskMatrixCountsQuery } from './risk-matrix-counts.query';

@QueryHandler(RiskMatrixCountsQuery)
export class RiskMatrixCountsHandler implements IQueryHandler<RiskMatrixCountsQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly referenceData: ReferenceData,
    private readonly clock: RiskClock,
  ) {}

  async execute({ visibility, filter }: RiskMatrixCountsQuery) {
    const { version } = await this.referenceData.currentMatrix();
    const moment = { today: this.clock.today(), matrixVersion: version };
    return this.register.matrix(filter, { visibility, moment });
  }
}
