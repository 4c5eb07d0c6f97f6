import { Controller, Get, Header, Headers, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import {
  fileResponse,
  formatAccepted,
  selectionOf,
  XLSX_TYPE,
  type ExportFile,
} from '../../platform/table-export';
import { incidentFilterOf } from '../incident-filter.request.dto';
import { incidentSortOf } from '../incident-sort';
import { ExportIncidentsQuery } from './export-incidents.query';
import { ExportIncidentsFileRequest, ExportIncidentsRequest } from './export-incidents.request.dto';

@ApiTags('incidents')
@Controller('incidents')
export class ExportIncidentsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('incidents.read')
  @Get('export.csv')
  @ApiOperation({
    summary:
      'The incident register as CSV (RFC 4180, UTF-8), one row per incident the caller ' +
      'may see, with the same ' +
      "filters as GET /incidents; cells that a spreadsheet would run as formulas start with '. " +
      'The same as GET /incidents/export?format=csv, under the file name incidents.csv',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A header row, then one row per incident',
    schema: { type: 'string', example: 'incidentId,title,description,kind,...\r\n' },
  })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="incidents.csv"')
  async export(@Query() query: ExportIncidentsRequest, @Caller() caller: Principal) {
    const file = await this.file(query, caller, { format: 'csv', language: 'en', selection: [] });
    return file.body;
  }

  @Requires('incidents.read')
  @Get('export')
  @ApiOperation({
    summary:
      'The incident register as a file, CSV or XLSX, one row per incident the caller may see, ' +
      'with the same filters as GET /incidents. The XLSX has Swedish headers (English with ' +
      'lang=en), areas, kinds and statuses in words, times as dates (Swedish time) and severity ' +
      'as a number, a frozen header row with an auto filter, and a second sheet (Urval) noting ' +
      'when it was made and the filters',
  })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({
    description:
      'CSV: as GET /incidents/export.csv. XLSX: the same columns. Saved as ' +
      'incidentregister-<Swedish date>.csv or .xlsx',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  async exportFile(
    @Query() query: ExportIncidentsFileRequest,
    @Headers('accept') accept: string | undefined,
    @Caller() caller: Principal,
  ) {
    const file = await this.file(query, caller, {
      format: query.format ?? formatAccepted(accept) ?? 'csv',
      language: query.lang ?? 'sv',
      selection: selectionOf(query),
    });
    return fileResponse(file);
  }

  private file(
    query: ExportIncidentsRequest,
    caller: Principal,
    file: ExportIncidentsQuery['file'],
  ): Promise<ExportFile> {
    return this.queryBus.execute(
      new ExportIncidentsQuery(
        visibilityOf(caller, 'incidents.read'),
        incidentFilterOf(query),
        incidentSortOf(query.sort),
        file,
      ),
    );
  }
}
