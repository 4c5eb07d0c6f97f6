import { ApiProperty } from '@nestjs/swagger';
import { TraceabilityEntryResponse } from '../../traceability/traceability-entry.response';

export class ChainEntryResponse extends TraceabilityEntryResponse {
  @ApiProperty({
    enum: ['INCIDENT', 'CAUSED', 'CORRELATED'],
    description:
      'INCIDENT: an event of the incident itself; CAUSED: its causation id names the incident ' +
      'or an event of the chain; CORRELATED: it shares a correlation id with an event of the chain',
    example: 'CAUSED',
  })
  link!: string;
}
