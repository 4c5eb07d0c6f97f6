import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { SecurityAreaCommand } from '@riskledger/domain';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { Requires } from '../../access/requires.decorator';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { FromReadModel } from '../../shared/from-read-model';
import { securityAreaWrite, WriteToStream, type WriteOptions } from '../../shared/stream-writes';
import { AreaCodeParam } from '../code-param.pipe';
import {
  AssignSecurityAreaResponsibleRequest,
  RegisterSecurityAreaRequest,
  RetireSecurityAreaRequest,
} from './security-area.request.dto';
import { SecurityAreaChangedResponse, SecurityAreaResponse } from './security-area.response';

/**
 * The security areas and their changes. Each operation keeps the operationId it had as a
 * controller of its own, which the console's generated types name.
 */
@ApiTags('reference data')
@Controller('security-areas')
export class SecurityAreasController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  private async write(
    command: SecurityAreaCommand,
    context: CommandContext,
    options?: WriteOptions,
  ): Promise<SecurityAreaChangedResponse> {
    const { version } = await this.commandBus.execute(
      new WriteToStream(securityAreaWrite(command, context, options)),
    );
    return { code: command.code, version };
  }

  @Requires('reference.read')
  @Get()
  @ApiOperation({
    operationId: 'ListSecurityAreasController_list',
    summary: 'The security areas: the 14 built in and those the region added, retired ones flagged',
  })
  @ApiOkResponse({ type: SecurityAreaResponse, isArray: true })
  list() {
    return this.queryBus.execute(
      new FromReadModel(ReferenceDataQueries, (queries) => queries.securityAreas()),
    );
  }

  @Requires('reference.write')
  @Post()
  @ApiOperation({
    operationId: 'RegisterSecurityAreaController_register',
    summary:
      "Add one of the region's own security areas (SecurityAreaRegistered); 409 if the code is taken",
  })
  @ApiCreatedResponse({ type: SecurityAreaChangedResponse })
  @WriteEndpoint()
  register(@Body() body: RegisterSecurityAreaRequest, @RequestContext() context: CommandContext) {
    return this.write({ type: 'RegisterSecurityArea', ...body }, context);
  }

  @Requires('reference.write')
  @Post(':code/responsible')
  @ApiOperation({
    operationId: 'AssignSecurityAreaResponsibleController_assign',
    summary: 'Make a person responsible for a security area (SecurityAreaResponsibleAssigned)',
  })
  @ApiParam({ name: 'code', description: 'The area code', example: 'FIRE_SAFETY' })
  @ApiCreatedResponse({ type: SecurityAreaChangedResponse })
  @ApiNotFoundResponse({ description: 'No such security area' })
  @WriteEndpoint({ conditional: true })
  assign(
    @Param('code', AreaCodeParam()) code: string,
    @Body() body: AssignSecurityAreaResponsibleRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write(
      { type: 'AssignSecurityAreaResponsible', code, responsible: body.responsible },
      context,
      { reason: body.reason, expectedVersion },
    );
  }

  @Requires('reference.write')
  @Post(':code/retirement')
  @ApiOperation({
    operationId: 'RetireSecurityAreaController_retire',
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
    return this.write({ type: 'RetireSecurityArea', code, reason: body.reason }, context, {
      reason: body.reason,
      expectedVersion,
    });
  }
}
