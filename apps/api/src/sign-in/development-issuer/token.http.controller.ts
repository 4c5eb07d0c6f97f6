import { Body, Controller, Header, HttpCode, Post, UseFilters, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../access/requires.decorator';
import { DevelopmentModeOnly } from './development-mode-only.guard';
import { DevelopmentSignIn } from './development-sign-in';
import { OAuthErrorFilter } from './oauth-error.filter';
import { TokenRequest } from './token.request.dto';
import { TokenErrorResponse, TokenResponse } from './token.response';

/** The token endpoint: an authorization code and its PKCE verifier for an access and id token. */
@ApiTags('sign-in')
@Controller('dev-issuer/token')
@UseGuards(DevelopmentModeOnly)
export class DevelopmentIssuerTokenController {
  constructor(private readonly signIn: DevelopmentSignIn) {}

  @Public()
  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseFilters(OAuthErrorFilter)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({
    summary: 'Exchange a code for tokens (development mode only); errors in the OAuth form',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiBadRequestResponse({ type: TokenErrorResponse })
  exchange(@Body() form: TokenRequest): Promise<TokenResponse> {
    return this.signIn.exchange(form.code, {
      clientId: form.client_id,
      redirectUri: form.redirect_uri,
      codeVerifier: form.code_verifier,
    });
  }
}
