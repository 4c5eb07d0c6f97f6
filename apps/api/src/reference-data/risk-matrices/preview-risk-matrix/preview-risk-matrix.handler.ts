import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { checkedMatrix, levelChangesUnder } from '@riskledger/domain';
import { RiskRegisterQueries } from '@riskledger/read-models';
import { RestrictedReads } from '../../../access/restricted-reads';
import { restrictedIds } from '../../../risks/restricted-ids';
import { ReferenceData } from '../../../shared/reference-data';
import { PreviewRiskMatrixQuery } from './preview-risk-matrix.query';
import type { RiskMatrixPreviewResponse } from './risk-matrix-preview.response';

@QueryHandler(PreviewRiskMatrixQuery)
export class PreviewRiskMatrixHandler implements IQueryHandler<PreviewRiskMatrixQuery> {
  constructor(
    private readonly referenceData: ReferenceData,
    private readonly register: RiskRegisterQueries,
    private readonly restrictedReads: RestrictedReads,
  ) {}

  async execute(query: PreviewRiskMatrixQuery): Promise<RiskMatrixPreviewResponse> {
    const { version } = await this.referenceData.currentMatrix();
    // The same checks as publishing, so that a preview passes exactly when publishing would.
    const proposed = checkedMatrix(query.proposal, version + 1);
    const open = await this.register.list({ status: 'OPEN' }, { visibility: query.visibility });
    const assessed = open.filter((risk) => risk.score !== null);
    const changes = levelChangesUnder(proposed, assessed);
    await this.restrictedReads.record(
      query.caller,
      restrictedIds(changes.map((change) => change.risk)),
      'POST /risk-matrices/preview',
    );
    return {
      proposedVersion: proposed.version,
      assessedOpenRisks: assessed.length,
      changes: changes.map(({ risk, proposedLevel }) => ({
        riskId: risk.riskId,
        title: risk.title,
        area: risk.area,
        unit: risk.unit,
        likelihood: risk.likelihood!,
        consequence: risk.consequence!,
        score: risk.score!,
        level: risk.level!,
        matrixVersion: risk.matrixVersion!,
        proposedLevel,
      })),
    };
  }
}
