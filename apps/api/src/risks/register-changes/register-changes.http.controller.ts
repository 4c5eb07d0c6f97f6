import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvalidValueError, type Principal } from '@riskledger/domain';
import { registerChanges } from '@riskledger/read-models';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { RestrictedReads } from '../../access/restricted-reads';
import { Requires } from '../../access/requires.decorator';
import { Clock } from '../../platform/clock';
import { restrictedIds, RisksAsOf } from '../as-of/risks-as-of';
import { riskFilterOf } from '../risk-filter.request.dto';
import { RegisterChangesRequest } from './register-changes.request.dto';
import { RegisterChangesResponse } from './register-changes.response';

@ApiTags('risks')
@Controller('risks')
export class RegisterChangesController {
  constructor(
    private readonly risksAsOf: RisksAsOf,
    private readonly restrictedReads: RestrictedReads,
    private readonly clock: Clock,
  ) {}

  @Requires('risks.read')
  @Get('changes')
  @ApiOperation({
    summary:
      'What changed in the register between two moments, from the log: the risks the caller may ' +
      'see that match the filters (as they stood at the later moment) and appeared, closed, ' +
      'reopened or changed level. Reads the log twice: seconds on a large one.',
  })
  @ApiOkResponse({ type: RegisterChangesResponse })
  @ApiBadRequestResponse({ description: 'A moment or filter is wrong; the message names it' })
  async changes(@Query() query: RegisterChangesRequest, @Caller() caller: Principal) {
    const from = new Date(query.from);
    const now = this.clock.now();
    const to = new Date(Math.min(new Date(query.to).getTime(), now.getTime()));
    if (from >= to) throw new InvalidValueError('from', 'must be before to (and before now)');
    const visibility = visibilityOf(caller, 'risks.read');
    const filter = riskFilterOf(query);
    // Those found at the later moment; the earlier register whole, to tell what is new.
    const [before, after] = await this.risksAsOf.selectAt(
      [
        { asOf: from, filter: {} },
        { asOf: to, filter },
      ],
      visibility,
    );
    const changes = registerChanges(before, after);
    const { appeared, closed, reopened, levelChanged } = changes;
    const listed = new Set(
      [...appeared, ...closed, ...reopened, ...levelChanged].map((change) => change.riskId),
    );
    await this.restrictedReads.record(
      caller,
      restrictedIds(after.filter((risk) => listed.has(risk.riskId))),
      `GET /risks/changes?from=${from.toISOString()}&to=${to.toISOString()}`,
    );
    return { from: from.toISOString(), to: to.toISOString(), ...changes };
  }
}
