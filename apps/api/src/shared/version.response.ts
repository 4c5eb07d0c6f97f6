import { ApiProperty } from '@nestjs/swagger';

export class VersionResponse {
  @ApiProperty({
    description: "The risk's version after the change (use it in If-Match)",
    example: 3,
  })
  version!: number;
}
