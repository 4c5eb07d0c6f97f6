import { ApiProperty } from '@nestjs/swagger';

export class GoalVersionResponse {
  @ApiProperty({
    description: "The goal's version after the change (use it in If-Match)",
    example: 3,
  })
  version!: number;
}
