import { Body, Controller, Headers, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Requires } from '../access/requires.decorator';
import { RequestContext } from '../platform/request-context.decorator';
import type { CommandContext } from '../shared/command-context';
import { answerImport } from './import.command';
import { ImportResponses, type ImportReportResponse } from './import-report.response';
import { ImportBody, ImportRequest } from './import-request.dto';
import { ImportRisksCommand } from './import-risks/import-risks.command';
import { ImportUnitsCommand } from './import-units/import-units.command';

/** The two imports take the same request and give the same report; only the rows differ. */
@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('risks.write')
  @Post('risks')
  @ApiOperation({
    summary:
      'Import risks from a CSV or XLSX file (GET /imports/risks/template): each row as POST ' +
      '/risks would identify it, in the units and areas the caller may identify risks in. ' +
      'dryRun=true checks every row and appends nothing; otherwise every row is appended, in ' +
      'one transaction, or none. Every event carries the correlation id and, in importedFrom, ' +
      "the file's SHA-256 and its row. The same file imported again appends nothing.",
  })
  @ImportBody()
  @ImportResponses()
  importRisks(
    @Body() body: unknown,
    @Query() query: ImportRequest,
    @RequestContext() context: CommandContext,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReportResponse | StreamableFile> {
    return answerImport(this.commandBus, ImportRisksCommand, {
      body,
      query,
      context,
      accept,
      response,
    });
  }

  @Requires('reference.write')
  @Post('units')
  @ApiOperation({
    summary:
      'Import the organisational tree from a CSV or XLSX file (GET /imports/units/template): ' +
      'each row as POST /organisational-units would register it, parents before children ' +
      'whatever the order of the rows. dryRun=true checks every row and appends nothing; ' +
      'otherwise every unit is registered, in one transaction, or none. A unit already ' +
      'registered as its row says is left as it is, so the same file imported again appends ' +
      'nothing; registered otherwise, it is a problem.',
  })
  @ImportBody()
  @ImportResponses()
  importUnits(
    @Body() body: unknown,
    @Query() query: ImportRequest,
    @RequestContext() context: CommandContext,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReportResponse | StreamableFile> {
    return answerImport(this.commandBus, ImportUnitsCommand, {
      body,
      query,
      context,
      accept,
      response,
    });
  }
}
