import { Controller, Get, Headers, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { GoalRegisterQueries, type GoalRegisterEntry } from '@riskledger/read-models';
import { Requires } from '../../access/requires.decorator';
import { Clock } from '../../platform/clock';
import {
  exportResponse,
  ExportFormatField,
  ExportLanguageField,
  selectionOf,
  XLSX_TYPE,
  type ExportFormat,
  type ExportLanguage,
} from '../../platform/table-export';
import { FromReadModel } from '../../shared/from-read-model';
import { ListGoalsRequest } from '../list-goals/list-goals.request.dto';
import { GOAL_COLUMNS } from './goal-columns';

/** GET /goals/export: the list's filters, and the file form. */
export class ExportGoalsRequest extends ListGoalsRequest {
  @ExportFormatField()
  format?: ExportFormat;

  @ExportLanguageField()
  lang?: ExportLanguage;
}

@ApiTags('goals')
@Controller('goals')
export class ExportGoalsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Requires('goals.read')
  @Get('export')
  @ApiOperation({
    summary:
      'The security goals as a file, CSV or XLSX, with the same filters as GET /goals: each ' +
      'goal with its target, latest measurement and fulfilment. The XLSX has Swedish headers ' +
      '(English with lang=en), numbers and dates typed, and a second sheet (Urval) naming the filters',
  })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({
    description: 'Saved as mal-<Swedish date>.csv or .xlsx',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  async export(@Query() query: ExportGoalsRequest, @Headers('accept') accept: string | undefined) {
    const rows: GoalRegisterEntry[] = await this.queryBus.execute(
      new FromReadModel(GoalRegisterQueries, (goals) =>
        goals.list({ area: query.area, year: query.year }),
      ),
    );
    return exportResponse(query, accept, {
      sheet: { sv: 'Mål', en: 'Goals' },
      fileName: 'mal',
      columns: GOAL_COLUMNS,
      rows,
      selection: selectionOf(query),
      at: this.clock.now(),
    });
  }
}
