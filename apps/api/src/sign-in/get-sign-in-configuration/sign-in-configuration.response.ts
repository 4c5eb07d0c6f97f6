import { ApiProperty } from '@nestjs/swagger';

/** What the web console needs to sign in with oidc-client-ts. */
export class SignInConfigurationResponse {
  @ApiProperty({
    description:
      "The OpenID provider: the region's issuer URL, or the path /dev-issuer (resolve it against " +
      "the console's own origin) in development mode",
    example: 'https://login.region.se/realms/vgr',
  })
  authority!: string;

  @ApiProperty({
    description: "The console's client id at the provider",
    example: 'riskledger-console',
  })
  clientId!: string;

  @ApiProperty({ description: 'The scopes to ask for', example: 'openid profile' })
  scope!: string;

  @ApiProperty({
    description:
      "True when the provider is the API's development issuer (a local run, not production)",
    example: false,
  })
  developmentIssuer!: boolean;
}
