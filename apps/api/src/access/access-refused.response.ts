import { ApiProperty } from '@nestjs/swagger';

/** 403: what the endpoint needs and what the caller holds, for a client to say in its own words. */
export class AccessRefusedResponse {
  @ApiProperty({ description: 'The HTTP status', example: 403 })
  statusCode!: number;

  @ApiProperty({ description: 'The reason phrase', example: 'Forbidden' })
  error!: string;

  @ApiProperty({
    description: 'The refusal in words (English), naming the permission and the roles',
    example:
      'Not allowed: incidents.manage needs one of the roles SECURITY_COORDINATOR, AREA_RESPONSIBLE; you hold REPORTER',
  })
  message!: string;

  @ApiProperty({ description: 'The permission the endpoint needs', example: 'incidents.manage' })
  permission!: string;

  @ApiProperty({
    description: 'Any one of these roles would be allowed',
    example: ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE'],
  })
  requiredRoles!: string[];

  @ApiProperty({ description: 'The roles the caller holds', example: ['REPORTER'] })
  heldRoles!: string[];
}
