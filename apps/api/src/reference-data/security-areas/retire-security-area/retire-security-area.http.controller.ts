import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { securityAreaWrite, WriteToStream } from '../../../shared/stream-writes';
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
  async retire(
    @Param('code', AreaCodeParam()) code: string,
    @Body() body: RetireSecurityAreaRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const { version } = await this.commandBus.execute(
      new WriteToStream(
        securityAreaWrite({ type: 'RetireSecurityArea', code, reason: body.reason }, context, {
          reason: body.reason,
          expectedVersion,
        }),
      ),
    );
    return { code: code, version };
  }
}
