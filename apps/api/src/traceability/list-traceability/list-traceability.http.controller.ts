import { FromReadModel } from '../../shared/from-read-model';
import { TraceabilityLogQueries } from '@riskledger/read-models';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { TraceabilityEntryResponse } from '../traceability-entry.response';
import { ListTraceabilityRequest, traceabilityFilterOf } from './list-traceability.request.dto';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import type { Principal } from '@riskledger/domain';
import { Requires } from '../../access/requires.decorator';

@ApiTags('traceability')
@Controller('traceability')
export class ListTraceabilityController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('log.read')
  @Get()
  @ApiOperation({
    summary:
      'The traceability log: who did what, when and why; oldest first, newest last. Filters ' +
      'combine; pages follow the after cursor.',
  })
  @ApiOkResponse({
    type: TraceabilityEntryResponse,
    isArray: true,
    headers: {
      'X-Total-Count': {
        description: 'How many entries the filters find in all pages (on the first page only)',
        schema: { type: 'integer', example: 1042 },
      },
      Link: {
        description: 'The next page (rel="next"), when this page is full',
        schema: { type: 'string', example: '</traceability?actor=anna&after=1042>; rel="next"' },
      },
    },
  })
  async list(
    @Query() query: ListTraceabilityRequest,
    @Req() request: Request,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const limit = query.limit ?? 100;
    const filter = traceabilityFilterOf(query, visibilityOf(caller, 'log.read').cleared);
    const [entries, total] = await this.queryBus.execute(
      new FromReadModel(TraceabilityLogQueries, (log) =>
        Promise.all([
          log.list({ ...filter, after: query.after, limit }),
          query.after === undefined ? log.count(filter) : undefined,
        ]),
      ),
    );
    if (total !== undefined) response.setHeader('X-Total-Count', String(total));
    if (entries.length === limit) {
      const next = new URL(request.originalUrl, 'http://localhost');
      next.searchParams.set('after', String(entries[entries.length - 1].position));
      response.setHeader('Link', `<${next.pathname}${next.search}>; rel="next"`);
    }
    return entries;
  }
}
