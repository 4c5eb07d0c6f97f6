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
import { SecurityAreaChangedResponse } from '../security-area.response';
import { RetireSecurityAreaCommand } from './retire-security-area.command';
import { RetireSecurityAreaRequest } from './retire-security-area.request.dto';
import { AreaCodeParam } from '../../code-param.pipe';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('security-areas')
export class RetireSecurityAreaController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('reference.write')
  @Post(':code/retirement')
  @ApiOperation({
    summary:
      'Retire a security area (SecurityAreaRetired): no new risks, incidents or goals may name it; old ones keep it',
  })
  @ApiParam({ name: 'code', description: 'The area code', example: 'PHYSICAL_SECURITY' })
  @ApiCreatedResponse({ type: SecurityAreaChangedResponse })
  @ApiNotFoundResponse({ description: 'No such security area' })
  @WriteEndpoint({ conditional: true })
  retire(
    @Param('code', AreaCodeParam()) code: string,
    @Body() body: RetireSecurityAreaRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new RetireSecurityAreaCommand(code, body, context, expectedVersion),
    );
  }
}
