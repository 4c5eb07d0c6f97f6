import { Query } from '@nestjs/cqrs';
import type { Principal, PublishRiskMatrix, Visibility } from '@riskledger/domain';
import type { RiskMatrixPreviewResponse } from './risk-matrix-preview.response';

/** What publishing a proposed matrix would mean for the open risks the caller may see. */
export class PreviewRiskMatrixQuery extends Query<RiskMatrixPreviewResponse> {
  constructor(
    readonly proposal: PublishRiskMatrix,
    readonly caller: Principal,
    readonly visibility: Visibility,
  ) {
    super();
  }
}
