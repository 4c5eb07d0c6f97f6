import { FromReadModel } from '../../shared/from-read-model';
import { TraceabilityLogQueries } from '@riskledger/read-models';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { TraceabilityEntryResponse } from '../traceability-entry.response';
import { ListTraceabilityRequest } from './list-traceability.request.dto';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import type { Principal } from '@riskledger/domain';
import { Requires } from '../../access/requires.decorator';

const instant = (value: string | undefined) => (value ? new Date(value) : undefined);

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
    const entries = await this.queryBus.execute(
      new FromReadModel(TraceabilityLogQueries, (log) =>
        log.list({
          streamId: query.streamId,
          streamType: query.streamType,
          actor: query.actor,
          area: query.area,
          eventType: query.eventType,
          correlationId: query.correlationId,
          causationId: query.causationId,
          from: instant(query.from),
          to: instant(query.to),
          after: query.after,
          limit,
          cleared: visibilityOf(caller, 'log.read').cleared,
        }),
      ),
    );
    if (entries.length === limit) {
      const next = new URL(request.originalUrl, 'http://localhost');
      next.searchParams.set('after', String(entries[entries.length - 1].position));
      response.setHeader('Link', `<${next.pathname}${next.search}>; rel="next"`);
    }
    return entries;
  }
}
