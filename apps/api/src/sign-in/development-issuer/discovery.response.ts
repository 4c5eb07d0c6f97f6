import { ApiProperty } from '@nestjs/swagger';

/** OpenID Connect Discovery 1.0 §3, as much of it as the issuer serves. */
export class OpenIdConfigurationResponse {
  @ApiProperty({
    description: 'The iss of every token the issuer signs',
    example: 'urn:riskledger:development-issuer',
  })
  issuer!: string;

  @ApiProperty({
    description: 'Where the browser is sent to sign in',
    example: 'http://localhost:3000/dev-issuer/authorize',
  })
  authorization_endpoint!: string;

  @ApiProperty({
    description: 'Where the client exchanges a code for tokens',
    example: 'http://localhost:3000/dev-issuer/token',
  })
  token_endpoint!: string;

  @ApiProperty({
    description: 'Where the browser is sent to sign out',
    example: 'http://localhost:3000/dev-issuer/end-session',
  })
  end_session_endpoint!: string;

  @ApiProperty({
    description: 'The public keys tokens are signed with',
    example: 'http://localhost:3000/dev-issuer/jwks',
  })
  jwks_uri!: string;

  @ApiProperty({ description: 'Only code', example: ['code'], type: [String] })
  response_types_supported!: string[];

  @ApiProperty({
    description: 'Only authorization_code',
    example: ['authorization_code'],
    type: [String],
  })
  grant_types_supported!: string[];

  @ApiProperty({ description: 'Only S256', example: ['S256'], type: [String] })
  code_challenge_methods_supported!: string[];

  @ApiProperty({
    description: 'Subjects are the same for every client',
    example: ['public'],
    type: [String],
  })
  subject_types_supported!: string[];

  @ApiProperty({
    description: 'Id tokens are signed with ES256',
    example: ['ES256'],
    type: [String],
  })
  id_token_signing_alg_values_supported!: string[];

  @ApiProperty({ description: 'The scopes known', example: ['openid', 'profile'], type: [String] })
  scopes_supported!: string[];
}

/** One public key (RFC 7517), an EC P-256 key here. */
export class JwkResponse {
  @ApiProperty({ description: 'Key type', example: 'EC' })
  kty!: string;

  @ApiProperty({ description: 'Curve', example: 'P-256' })
  crv!: string;

  @ApiProperty({
    description: 'x coordinate, base64url',
    example: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  })
  x!: string;

  @ApiProperty({
    description: 'y coordinate, base64url',
    example: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  })
  y!: string;

  @ApiProperty({
    description: "The key's id, as in the tokens' kid header",
    example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
  })
  kid!: string;

  @ApiProperty({ description: 'The algorithm', example: 'ES256' })
  alg!: string;

  @ApiProperty({ description: 'What the key is for: sig (signatures)', example: 'sig' })
  use!: string;
}

export class JwksResponse {
  @ApiProperty({ description: 'The signing keys in use', type: [JwkResponse] })
  keys!: JwkResponse[];
}
