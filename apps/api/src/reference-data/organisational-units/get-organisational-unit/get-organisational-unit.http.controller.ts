import { ReferenceDataQueries, treeOf } from '@riskledger/read-models';
import { FromReadModel } from '../../../shared/from-read-model';
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { OrganisationalUnitResponse } from '../organisational-unit.response';
import { UnitCodeParam } from '../../code-param.pipe';
import { Requires } from '../../../access/requires.decorator';

@ApiTags('reference data')
@Controller('organisational-units')
export class GetOrganisationalUnitController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('reference.read')
  @Get(':code')
  @ApiOperation({ summary: 'One organisational unit with everything below it' })
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
}
