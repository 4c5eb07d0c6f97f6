import { Body, Controller, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { OrganisationalUnitCommand } from '@riskledger/domain';
import { ReferenceDataQueries, treeOf } from '@riskledger/read-models';
import { Requires } from '../../access/requires.decorator';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { FromReadModel } from '../../shared/from-read-model';
import { organisationWrite, WriteToStream, type WriteOptions } from '../../shared/stream-writes';
import { UnitCodeParam } from '../code-param.pipe';
import {
  CloseOrganisationalUnitRequest,
  MoveOrganisationalUnitRequest,
  RegisterOrganisationalUnitRequest,
  RenameOrganisationalUnitRequest,
} from './organisational-unit.request.dto';
import {
  OrganisationalUnitResponse,
  OrganisationChangedResponse,
} from './organisational-unit.response';

/**
 * The organisational tree and its changes. Each operation keeps the operationId it had as a
 * controller of its own, which the console's generated types name.
 */
@ApiTags('reference data')
@Controller('organisational-units')
export class OrganisationalUnitsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  private async write(
    command: OrganisationalUnitCommand,
    context: CommandContext,
    options: WriteOptions,
  ): Promise<OrganisationChangedResponse> {
    const { version } = await this.commandBus.execute(
      new WriteToStream(organisationWrite(command, context, options)),
    );
    return { code: command.code, version };
  }

  @Requires('reference.read')
  @Get()
  @ApiOperation({
    operationId: 'ListOrganisationalUnitsController_list',
    summary:
      'The organisation as a tree: the region, its administrations and companies, departments and units (closed ones flagged)',
  })
  @ApiOkResponse({ type: OrganisationalUnitResponse, isArray: true })
  list() {
    return this.queryBus.execute(
      new FromReadModel(ReferenceDataQueries, async (queries) =>
        treeOf(await queries.organisationalUnits()),
      ),
    );
  }

  @Requires('reference.read')
  @Get(':code')
  @ApiOperation({
    operationId: 'GetOrganisationalUnitController_get',
    summary: 'One organisational unit with everything below it',
  })
  @ApiParam({ name: 'code', description: "The unit's code", example: 'MED' })
  @ApiOkResponse({ type: OrganisationalUnitResponse })
  @ApiNotFoundResponse({ description: 'No such organisational unit' })
  async get(@Param('code', UnitCodeParam()) code: string) {
    const unit = await this.queryBus.execute(
      new FromReadModel(
        ReferenceDataQueries,
        async (queries) => treeOf(await queries.unitWithSubtree(code))[0] ?? null,
      ),
    );
    if (!unit) throw new NotFoundException(`organisational unit ${code} does not exist`);
    return unit;
  }

  @Requires('reference.write')
  @Post()
  @ApiOperation({
    operationId: 'RegisterOrganisationalUnitController_register',
    summary:
      'Register a unit of the organisation (OrganisationalUnitRegistered): first the region, then each unit under an open parent',
  })
  @ApiCreatedResponse({ type: OrganisationChangedResponse })
  @WriteEndpoint({ conditional: true })
  register(
    @Body() body: RegisterOrganisationalUnitRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'RegisterOrganisationalUnit', ...body }, context, {
      expectedVersion,
    });
  }

  @Requires('reference.write')
  @Post(':code/name')
  @ApiOperation({
    operationId: 'RenameOrganisationalUnitController_change',
    summary: 'Rename a unit (OrganisationalUnitRenamed); its code stays',
  })
  @ApiParam({ name: 'code', description: "The unit's code", example: 'WARD12' })
  @ApiCreatedResponse({ type: OrganisationChangedResponse })
  @ApiNotFoundResponse({ description: 'No such organisational unit' })
  @WriteEndpoint({ conditional: true })
  rename(
    @Param('code', UnitCodeParam()) code: string,
    @Body() body: RenameOrganisationalUnitRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'RenameOrganisationalUnit', code, name: body.name }, context, {
      reason: body.reason,
      expectedVersion,
    });
  }

  @Requires('reference.write')
  @Post(':code/parent')
  @ApiOperation({
    operationId: 'MoveOrganisationalUnitController_change',
    summary:
      'Move a unit, with everything below it, under another open unit (OrganisationalUnitMoved); a move into its own subtree is refused',
  })
  @ApiParam({ name: 'code', description: "The unit's code", example: 'WARD12' })
  @ApiCreatedResponse({ type: OrganisationChangedResponse })
  @ApiNotFoundResponse({ description: 'No such organisational unit' })
  @WriteEndpoint({ conditional: true })
  move(
    @Param('code', UnitCodeParam()) code: string,
    @Body() body: MoveOrganisationalUnitRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write(
      { type: 'MoveOrganisationalUnit', code, parentCode: body.parentCode },
      context,
      { reason: body.reason, expectedVersion },
    );
  }

  @Requires('reference.write')
  @Post(':code/closure')
  @ApiOperation({
    operationId: 'CloseOrganisationalUnitController_change',
    summary:
      'Close a unit (OrganisationalUnitClosed): no new risks or incidents may name it; its open units must be moved or closed first',
  })
  @ApiParam({ name: 'code', description: "The unit's code", example: 'WARD12' })
  @ApiCreatedResponse({ type: OrganisationChangedResponse })
  @ApiNotFoundResponse({ description: 'No such organisational unit' })
  @WriteEndpoint({ conditional: true })
  close(
    @Param('code', UnitCodeParam()) code: string,
    @Body() body: CloseOrganisationalUnitRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'CloseOrganisationalUnit', code, reason: body.reason }, context, {
      reason: body.reason,
      expectedVersion,
    });
  }
}
