import { Query } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import type { IncidentRegisterFilter, IncidentSort } from '@riskledger/read-models';
import type { ExportFile, ExportFormat, ExportLanguage } from '../../platform/table-export';

/** The export as a file: the incidents the caller may see that match the filter. */
export class ExportIncidentsQuery extends Query<ExportFile> {
  constructor(
    readonly visibility: Visibility,
    readonly filter: IncidentRegisterFilter,
    readonly sort: IncidentSort,
    readonly file: {
      format: ExportFormat;
      language: ExportLanguage;
      /** The query fields that chose the rows, noted in a spreadsheet. */
      selection: [string, string][];
    },
  ) {
    super();
  }
}
