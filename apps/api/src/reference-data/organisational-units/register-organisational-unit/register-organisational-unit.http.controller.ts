import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { organisationWrite, WriteToStream } from '../../../shared/stream-writes';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../../platform/request-context.decorator';
import { WriteEndpoint } from '../../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../../shared/command-context';
import { OrganisationChangedResponse } from '../organisational-unit.response';
import { RegisterOrganisationalUnitRequest } from './register-organisational-unit.request.dto';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('organisational-units')
export class RegisterOrganisationalUnitController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('reference.write')
  @Post()
  @ApiOperation({
    summary:
      'Register a unit of the organisation (OrganisationalUnitRegistered): first the region, then each unit under an open parent',
  })
  @ApiCreatedResponse({ type: OrganisationChangedResponse })
  @WriteEndpoint({ conditional: true })
  async register(
    @Body() body: RegisterOrganisationalUnitRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const { version } = await this.commandBus.execute(
      new WriteToStream(
        organisationWrite({ type: 'RegisterOrganisationalUnit', ...body }, context, {
          expectedVersion,
        }),
      ),
    );
    return { code: body.code, version };
  }
}
