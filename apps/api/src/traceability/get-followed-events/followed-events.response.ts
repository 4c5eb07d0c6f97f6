import { ApiProperty } from '@nestjs/swagger';
import { TraceabilityEntryResponse } from '../traceability-entry.response';

export class FollowedEventsResponse {
  @ApiProperty({
    type: [TraceabilityEntryResponse],
    description:
      'Everything recorded because of the event, to the end of the chain, in log order: each ' +
      "entry's causationId names the event or an entry before it in this list",
  })
  entries!: TraceabilityEntryResponse[];

  @ApiProperty({
    description: 'False when the chain was longer than the 1,000 entries given (it was cut)',
    example: true,
  })
  complete!: boolean;
}
