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
import { AssignSecurityAreaResponsibleRequest } from './assign-security-area-responsible.request.dto';
import { AreaCodeParam } from '../../code-param.pipe';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('security-areas')
export class AssignSecurityAreaResponsibleController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('reference.write')
  @Post(':code/responsible')
  @ApiOperation({
    summary: 'Make a person responsible for a security area (SecurityAreaResponsibleAssigned)',
  })
  @ApiParam({ name: 'code', description: 'The area code', example: 'FIRE_SAFETY' })
  @ApiCreatedResponse({ type: SecurityAreaChangedResponse })
  @ApiNotFoundResponse({ description: 'No such security area' })
  @WriteEndpoint({ conditional: true })
  async assign(
    @Param('code', AreaCodeParam()) code: string,
    @Body() body: AssignSecurityAreaResponsibleRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const { version } = await this.commandBus.execute(
      new WriteToStream(
        securityAreaWrite(
          { type: 'AssignSecurityAreaResponsible', code, responsible: body.responsible },
          context,
          { reason: body.reason, expectedVersion },
        ),
      ),
    );
    return { code: code, version };
  }
}
