import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { securityAreaWrite, WriteToStream } from '../../../shared/stream-writes';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '../../../platform/request-context.decorator';
import { WriteEndpoint } from '../../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../../shared/command-context';
import { SecurityAreaChangedResponse } from '../security-area.response';
import { RegisterSecurityAreaRequest } from './register-security-area.request.dto';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('security-areas')
export class RegisterSecurityAreaController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('reference.write')
  @Post()
  @ApiOperation({
    summary:
      "Add one of the region's own security areas (SecurityAreaRegistered); 409 if the code is taken",
  })
  @ApiCreatedResponse({ type: SecurityAreaChangedResponse })
  @WriteEndpoint()
  async register(
    @Body() body: RegisterSecurityAreaRequest,
    @RequestContext() context: CommandContext,
  ) {
    const { version } = await this.commandBus.execute(
      new WriteToStream(securityAreaWrite({ type: 'RegisterSecurityArea', ...body }, context)),
    );
    return { code: body.code, version };
  }
}
