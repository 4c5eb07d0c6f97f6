import { ApiProperty } from '@nestjs/swagger';

/** RFC 6749 §5.1, with the OpenID Connect id token. */
export class TokenResponse {
  @ApiProperty({
    description: 'Bearer token for this API: the role and its scope, name and clearance',
    example: 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbm5hLmJlcmcifQ.c2lnbmF0dXJl',
  })
  access_token!: string;

  @ApiProperty({
    description: 'OpenID Connect id token: sub, name, nonce; audience the client',
    example: 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbm5hLmJlcmcifQ.c2lnbmF0dXJl',
  })
  id_token!: string;

  @ApiProperty({ description: 'Always Bearer', example: 'Bearer' })
  token_type!: 'Bearer';

  @ApiProperty({
    description: 'Seconds until both tokens expire (the session ends)',
    example: 28800,
  })
  expires_in!: number;

  @ApiProperty({ description: 'The scopes granted', example: 'openid profile' })
  scope!: string;
}

/** RFC 6749 §5.2. */
export class TokenErrorResponse {
  @ApiProperty({
    description: 'invalid_grant (code unknown, used, expired or not matching) or invalid_request',
    example: 'invalid_grant',
  })
  error!: string;

  @ApiProperty({
    description: 'Why, in words',
    example: 'code_verifier does not match code_challenge',
  })
  error_description!: string;
}
