import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { organisationWrite, WriteToStream } from '../../../shared/stream-writes';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../../platform/request-context.decorator';
import { WriteEndpoint } from '../../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../../shared/command-context';
import { OrganisationChangedResponse } from '../organisational-unit.response';
import { MoveOrganisationalUnitRequest } from './move-organisational-unit.request.dto';
import { UnitCodeParam } from '../../code-param.pipe';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('organisational-units')
export class MoveOrganisationalUnitController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('reference.write')
  @Post(':code/parent')
  @ApiOperation({
    summary:
      'Move a unit, with everything below it, under another open unit (OrganisationalUnitMoved); a move into its own subtree is refused',
  })
  @ApiParam({ name: 'code', description: "The unit's code", example: 'WARD12' })
  @ApiCreatedResponse({ type: OrganisationChangedResponse })
  @ApiNotFoundResponse({ description: 'No such organisational unit' })
  @WriteEndpoint({ conditional: true })
  async change(
    @Param('code', UnitCodeParam()) code: string,
    @Body() body: MoveOrganisationalUnitRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const { version } = await this.commandBus.execute(
      new WriteToStream(
        organisationWrite(
          { type: 'MoveOrganisationalUnit', code, parentCode: body.parentCode },
          context,
          { reason: body.reason, expectedVersion },
        ),
      ),
    );
    return { code: code, version };
  }
}
