import { FromReadModel } from '../../../shared/from-read-model';
import { ReferenceDataQueries, treeOf } from '@riskledger/read-models';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationalUnitResponse } from '../organisational-unit.response';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('organisational-units')
export class ListOrganisationalUnitsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('reference.read')
  @Get()
  @ApiOperation({
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
}
