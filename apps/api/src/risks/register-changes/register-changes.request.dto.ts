import { ApiProperty } from '@nestjs/swagger';
import { IsoInstant } from '../../platform/field-rules';
import { RiskFilterRequest } from '../risk-filter.request.dto';

export class RegisterChangesRequest extends RiskFilterRequest {
  @ApiProperty({
    description: 'The earlier moment (ISO 8601 with time zone)',
    example: '2026-11-01T00:00:00+01:00',
  })
  @IsoInstant()
  from!: string;

  @ApiProperty({
    description: 'The later moment (ISO 8601 with time zone); now if it is in the future',
    example: '2026-12-01T00:00:00+01:00',
  })
  @IsoInstant()
  to!: string;
}
