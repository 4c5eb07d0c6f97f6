import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '../../../platform/request-context.decorator';
import { WriteEndpoint } from '../../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../../shared/command-context';
import { SecurityAreaChangedResponse } from '../security-area.response';
import { RegisterSecurityAreaCommand } from './register-security-area.command';
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
  register(@Body() body: RegisterSecurityAreaRequest, @RequestContext() context: CommandContext) {
    return this.commandBus.execute(new RegisterSecurityAreaCommand(body, context));
  }
}
