import { ApiProperty } from '@nestjs/swagger';

export class IncidentVersionResponse {
  @ApiProperty({
    description: "The incident's version after the change (use it in If-Match)",
    example: 3,
  })
  version!: number;
}
