import { FromReadModel } from '../../shared/from-read-model';
import { IncidentRegisterQueries } from '@riskledger/read-models';
import { incidentsCsv } from './incidents-csv';
import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { incidentFilterOf } from '../incident-filter.request.dto';
import { incidentSortOf } from '../incident-sort';
import { ExportIncidentsRequest } from './export-incidents.request.dto';
import { Requires } from '../../access/requires.decorator';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import type { Principal } from '@riskledger/domain';

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
      "filters as GET /incidents; cells that a spreadsheet would run as formulas start with '",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A header row, then one row per incident',
    schema: { type: 'string', example: 'incidentId,title,description,kind,...\r\n' },
  })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="incidents.csv"')
  export(@Query() query: ExportIncidentsRequest, @Caller() caller: Principal) {
    return this.queryBus.execute(
      new FromReadModel(IncidentRegisterQueries, async (register) =>
        incidentsCsv(
          await register.all(
            incidentFilterOf(query),
            incidentSortOf(query.sort),
            undefined,
            visibilityOf(caller, 'incidents.read'),
          ),
        ),
      ),
    );
  }
}
