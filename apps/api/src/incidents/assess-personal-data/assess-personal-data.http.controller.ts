import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiProperty,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { Requires } from '../../access/requires.decorator';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { incidentWrite, WriteToStream } from '../../shared/stream-writes';
import { IncidentVersionResponse } from '../incident-version.response';

export class AssessPersonalDataRequest {
  @ApiProperty({
    description: 'Whether personal data was affected (then IMY must hear of it)',
    example: true,
  })
  @IsBoolean({ message: 'personalDataAffected must be true or false' })
  personalDataAffected!: boolean;
}

@ApiTags('incidents')
@Controller('incidents')
export class AssessPersonalDataController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('incidents.manage')
  @Post(':id/personal-data')
  @ApiOperation({
    summary:
      'Say whether personal data was affected, or correct it (IncidentPersonalDataAssessed): ' +
      'affected, the incident owes IMY a report within 72 hours of discovery',
  })
  @ApiCreatedResponse({ type: IncidentVersionResponse })
  @ApiNotFoundResponse({ description: 'No such incident' })
  @WriteEndpoint({ conditional: true })
  assess(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Body() body: AssessPersonalDataRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new WriteToStream(
        incidentWrite(
          {
            type: 'AssessIncidentPersonalData',
            incidentId,
            personalDataAffected: body.personalDataAffected,
          },
          context,
          { expectedVersion },
        ),
      ),
    );
  }
}
