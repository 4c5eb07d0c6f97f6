import { Controller, Get, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DEVELOPMENT_ISSUER } from '@riskledger/identity';
import type { Request } from 'express';
import { Public } from '../../access/requires.decorator';
import { DevelopmentModeOnly } from './development-mode-only.guard';
import { DevelopmentSignIn } from './development-sign-in';
import { JwksResponse, OpenIdConfigurationResponse } from './discovery.response';
import { originOf } from './same-origin';

/** What an OpenID Connect client (oidc-client-ts) reads first: the issuer's endpoints and keys. */
@ApiTags('sign-in')
@Controller('dev-issuer')
@UseGuards(DevelopmentModeOnly)
export class DevelopmentIssuerDiscoveryController {
  constructor(private readonly signIn: DevelopmentSignIn) {}

  @Public()
  @Get('.well-known/openid-configuration')
  @ApiOperation({
    summary: "The development issuer's OpenID configuration (AUTH_MODE=development only; else 404)",
  })
  @ApiOkResponse({ type: OpenIdConfigurationResponse })
  configuration(@Req() request: Request): OpenIdConfigurationResponse {
    // Absolute URLs on the origin the browser came in at: the console resolves nothing itself.
    const base = `${originOf(request)}/dev-issuer`;
    return {
      issuer: DEVELOPMENT_ISSUER,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      end_session_endpoint: `${base}/end-session`,
      jwks_uri: `${base}/jwks`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      scopes_supported: ['openid', 'profile'],
    };
  }

  @Public()
  @Get('jwks')
  @ApiOperation({ summary: "The development issuer's public signing keys (development mode only)" })
  @ApiOkResponse({ type: JwksResponse })
  async jwks() {
    return (await this.signIn.issuer()).jwks();
  }
}
