import { FromReadModel } from '../../shared/from-read-model';
import { IncidentRegisterQueries } from '@riskledger/read-models';
import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IncidentWithClockResponse } from '../reporting-clock/reporting-clock.response';
import { ReportingClocks } from '../reporting-clock/reporting-clocks';
import { Requires } from '../../access/requires.decorator';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import type { Principal } from '@riskledger/domain';

@ApiTags('incidents')
@Controller('incidents')
export class GetIncidentController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly clocks: ReportingClocks,
  ) {}

  @Requires('incidents.read')
  @Get(':id')
  @ApiOperation({
    summary:
      'One incident as the register holds it (its ETag is its version): linked risks, ' +
      'investigation, actions, outward reports made, required and missing, and its reporting ' +
      'clock (each authority, stage and deadline counted from discovery)',
  })
  @ApiOkResponse({ type: IncidentWithClockResponse })
  @ApiNotFoundResponse({
    description:
      'No such incident in the register (yet), or none the caller may see (outside their units ' +
      'and areas, or, for a reporter, reported by someone else)',
  })
  async get(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Principal,
  ) {
    const [entry, obligations] = await Promise.all([
      this.queryBus.execute(
        new FromReadModel(IncidentRegisterQueries, (register) =>
          register.get(incidentId, visibilityOf(caller, 'incidents.read')),
        ),
      ),
      this.clocks.inForce(),
    ]);
    if (!entry) throw new NotFoundException(`incident ${incidentId} is not in the register`);
    response.setHeader('ETag', `"${entry.version}"`);
    return { ...entry, reportingClock: this.clocks.of(entry, obligations) };
  }
}
