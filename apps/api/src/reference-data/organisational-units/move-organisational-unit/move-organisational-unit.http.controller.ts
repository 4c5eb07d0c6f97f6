import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
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
import { MoveOrganisationalUnitCommand } from './move-organisational-unit.command';
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
  change(
    @Param('code', UnitCodeParam()) code: string,
    @Body() body: MoveOrganisationalUnitRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new MoveOrganisationalUnitCommand(code, body, context, expectedVersion),
    );
  }
}
