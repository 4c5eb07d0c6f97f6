import { Controller, Get, Headers, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import { TraceabilityLogQueries, type TraceabilityEntry } from '@riskledger/read-models';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { Clock } from '../../platform/clock';
import { exportResponse, selectionOf, XLSX_TYPE } from '../../platform/table-export';
import { FromReadModel } from '../../shared/from-read-model';
import { traceabilityFilterOf } from '../list-traceability/list-traceability.request.dto';
import { TRACEABILITY_COLUMNS } from './traceability-columns';
import { ExportTraceabilityRequest } from './export-traceability.request.dto';

/** A file holds at most this many entries; a narrower search gives the rest. */
const MAX_ROWS = 100_000;
const PAGE = 5_000;

@ApiTags('traceability')
@Controller('traceability')
export class ExportTraceabilityController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Requires('log.read')
  @Get('export')
  @ApiOperation({
    summary:
      'The traceability log as a file, CSV or XLSX, oldest first, with the same filters as ' +
      `GET /traceability (at most ${MAX_ROWS.toLocaleString('en')} entries). The XLSX has Swedish ` +
      'headers (English with lang=en), times as dates (Swedish time), a frozen header row and a ' +
      'second sheet (Urval) noting when it was made and the filters',
  })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({
    description: 'Saved as handelselogg-<Swedish date>.csv or .xlsx',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  async export(
    @Query() query: ExportTraceabilityRequest,
    @Headers('accept') accept: string | undefined,
    @Caller() caller: Principal,
  ) {
    const filter = traceabilityFilterOf(query, visibilityOf(caller, 'log.read').cleared);
    const rows: TraceabilityEntry[] = await this.queryBus.execute(
      new FromReadModel(TraceabilityLogQueries, async (log) => {
        const all: TraceabilityEntry[] = [];
        for (let after = 0; all.length < MAX_ROWS;) {
          const page = await log.list({ ...filter, after, limit: PAGE });
          all.push(...page);
          if (page.length < PAGE) break;
          after = page[page.length - 1].position;
        }
        return all.slice(0, MAX_ROWS);
      }),
    );
    return exportResponse(query, accept, {
      sheet: { sv: 'Händelselogg', en: 'Event log' },
      fileName: 'handelselogg',
      columns: TRACEABILITY_COLUMNS,
      rows,
      selection: selectionOf(query),
      at: this.clock.now(),
    });
  }
}
