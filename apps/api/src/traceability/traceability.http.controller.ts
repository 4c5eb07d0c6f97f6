import {
  Controller,
  Get,
  Headers,
  NotFoundException,
  Param,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import {
  FOLLOWED_LIMIT,
  TraceabilityLogQueries,
  type TraceabilityEntry,
} from '@riskledger/read-models';
import type { Request, Response } from 'express';
import { Caller, visibilityOf } from '../access/caller.decorator';
import { Requires } from '../access/requires.decorator';
import { Clock } from '../platform/clock';
import { exportResponse, XLSX_TYPE } from '../platform/table-export';
import { WholeNumberPipe } from '../platform/whole-number.pipe';
import { FromReadModel } from '../shared/from-read-model';
import { ExportTraceabilityRequest } from './export-traceability/export-traceability.request.dto';
import { TRACEABILITY_COLUMNS } from './export-traceability/traceability-columns';
import { FollowedEventsResponse } from './get-followed-events/followed-events.response';
import {
  ListTraceabilityRequest,
  traceabilityFilterOf,
} from './list-traceability/list-traceability.request.dto';
import {
  TraceabilityEntryResponse,
  TraceabilityEventResponse,
} from './traceability-entry.response';

/** A file holds at most this many entries; a narrower search gives the rest. */
const MAX_ROWS = 100_000;
const PAGE = 5_000;

/**
 * The traceability log, page by page or as a file, and one entry of it with what followed from
 * it. Each operation keeps the operationId it had as a controller of its own, which the console's
 * generated types name.
 */
@ApiTags('traceability')
@Controller('traceability')
export class TraceabilityController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Requires('log.read')
  @Get()
  @ApiOperation({
    operationId: 'ListTraceabilityController_list',
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

  @Requires('log.read')
  @Get('export')
  @ApiOperation({
    operationId: 'ExportTraceabilityController_export',
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
      at: this.clock.now(),
    });
  }

  @Requires('log.read')
  @Get(':position')
  @ApiOperation({
    operationId: 'GetTraceabilityEventController_get',
    summary:
      'One entry of the traceability log by its position, with the event as the store holds ' +
      'it: its data, metadata and the hash that chains it to the one before',
  })
  @ApiOkResponse({ type: TraceabilityEventResponse })
  @ApiBadRequestResponse({ description: 'The position is not a whole number' })
  @ApiNotFoundResponse({ description: 'No entry there, or one the caller may not see' })
  async get(
    @Param('position', new WholeNumberPipe(Number.MAX_SAFE_INTEGER)) position: number,
    @Caller() caller: Principal,
  ) {
    const event = await this.queryBus.execute(
      new FromReadModel(TraceabilityLogQueries, (log) =>
        log.event(position, visibilityOf(caller, 'log.read').cleared),
      ),
    );
    if (!event) throw new NotFoundException(`no entry at position ${position} in the log`);
    return event;
  }

  @Requires('log.read')
  @Get(':position/followed')
  @ApiOperation({
    operationId: 'GetFollowedEventsController_followed',
    summary:
      'What followed from one event of the log: everything recorded because of it (causation), ' +
      'and because of that in turn, to the end; a tree by each entry’s causationId',
  })
  @ApiOkResponse({ type: FollowedEventsResponse })
  @ApiBadRequestResponse({ description: 'The position is not a whole number' })
  @ApiNotFoundResponse({ description: 'No entry there, or one the caller may not see' })
  async followed(
    @Param('position', new WholeNumberPipe(Number.MAX_SAFE_INTEGER)) position: number,
    @Caller() caller: Principal,
  ): Promise<FollowedEventsResponse> {
    const entries = await this.queryBus.execute(
      new FromReadModel(TraceabilityLogQueries, (log) =>
        log.followedFrom(position, visibilityOf(caller, 'log.read').cleared),
      ),
    );
    if (!entries) throw new NotFoundException(`no entry at position ${position} in the log`);
    return {
      entries: entries.slice(0, FOLLOWED_LIMIT),
      complete: entries.length <= FOLLOWED_LIMIT,
    };
  }
}
