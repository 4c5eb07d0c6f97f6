import { Query } from '@nestjs/cqrs';
import type { Principal, Visibility } from '@riskledger/domain';
import type { RiskRegisterFilter, RiskSort } from '@riskledger/read-models';
import type { ExportFile, ExportFormat, ExportLanguage } from '../../platform/table-export';

/** The export as a file: the risks the caller may see that match the filter. */
export class ExportRisksQuery extends Query<ExportFile> {
  constructor(
    readonly caller: Principal,
    readonly visibility: Visibility,
    readonly filter: RiskRegisterFilter,
    readonly sort: RiskSort,
    readonly file: {
      format: ExportFormat;
      language: ExportLanguage;
      /** The query fields that chose the rows, noted in a spreadsheet. */
      selection: [string, string][];
      /** The request, as recorded when restricted risks are shown. */
      what: string;
    },
  ) {
    super();
  }
}
