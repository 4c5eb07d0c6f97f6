import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InvalidValueError } from '@riskledger/domain';
import { DEVELOPMENT_ISSUER } from '@riskledger/identity';
import type { Request, Response } from 'express';
import { Public } from '../../access/requires.decorator';
import { OptionalText } from '../../platform/field-rules';
import { AuthorizationRequest, AuthorizeQuery, SignInRequest } from './authorization.request.dto';
import { DevelopmentModeOnly } from './development-mode-only.guard';
import { DevelopmentSignIn, redirectTo } from './development-sign-in';
import { JwksResponse, OpenIdConfigurationResponse } from './discovery.response';
import { OAuthErrorFilter } from './oauth-error.filter';
import { isSameOrigin, originOf } from './same-origin';
import { endSession, keepSession, sessionOf } from './session-cookie';
import { TokenRequest } from './token.request.dto';
import { TokenErrorResponse, TokenResponse } from './token.response';

/** The console's own page where a developer picks who to sign in as. */
const DEVELOPMENT_SIGN_IN_PAGE = '/utvecklingsinloggning';

export class AuthorizationResponse {
  @ApiProperty({
    description: 'Where the page sends the browser: redirect_uri with code and state',
    example: 'http://localhost:3000/inloggad?code=Zm9yIGV4YW1wbGUgb25seQ&state=6f1c3a0e',
  })
  location!: string;
}

/** OpenID Connect RP-initiated logout 1.0, as oidc-client-ts sends it. */
export class EndSessionQuery {
  @ApiPropertyOptional({
    description: 'Where to return after signing out; only on this server, else to /',
    example: 'http://localhost:3000/',
  })
  @OptionalText(2000)
  post_logout_redirect_uri?: string;

  @ApiPropertyOptional({ description: 'Returned unchanged', example: '3b9d2f0a7c1e4d5b' })
  @OptionalText(1000)
  state?: string;

  @ApiPropertyOptional({ description: 'Ignored by the development issuer', example: 'eyJhbGciOi…' })
  @OptionalText(10000)
  id_token_hint?: string;

  @ApiPropertyOptional({
    description: 'Ignored by the development issuer',
    example: 'riskledger-console',
  })
  @OptionalText(200)
  client_id?: string;
}

/**
 * The built-in issuer (AUTH_MODE=development only), a small OpenID provider: what a client
 * (oidc-client-ts) reads first, the issuer's endpoints and keys; the authorization endpoint; the
 * token endpoint; and signing out. A browser arriving at the authorization endpoint is sent on to
 * the console's development sign-in page, which posts the chosen user back; the issuer then
 * remembers them in a cookie, so that a silent renewal or a reloaded page (prompt=none) signs them
 * in without the page. Each operation keeps the operationId it had as a controller of its own,
 * which the console's generated types name.
 */
@ApiTags('sign-in')
@Controller('dev-issuer')
@UseGuards(DevelopmentModeOnly)
export class DevelopmentIssuerController {
  constructor(private readonly signIn: DevelopmentSignIn) {}

  @Public()
  @Get('.well-known/openid-configuration')
  @ApiOperation({
    operationId: 'DevelopmentIssuerDiscoveryController_configuration',
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
  @ApiOperation({
    operationId: 'DevelopmentIssuerDiscoveryController_jwks',
    summary: "The development issuer's public signing keys (development mode only)",
  })
  @ApiOkResponse({ type: JwksResponse })
  async jwks() {
    return (await this.signIn.issuer()).jwks();
  }

  @Public()
  @Get('authorize')
  @ApiOperation({
    operationId: 'DevelopmentIssuerAuthorizeController_authorize',
    summary:
      'Start signing in (development mode only): to the development sign-in page, or with ' +
      'prompt=none straight back to redirect_uri with a code (session cookie) or login_required',
  })
  @ApiFoundResponse({ description: 'To the sign-in page, or back to redirect_uri' })
  @ApiBadRequestResponse({ description: 'A foreign redirect_uri or an unsupported request' })
  async authorize(
    @Query() query: AuthorizeQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    refuseForeignRedirect(request, query);
    if (query.prompt === 'none') {
      response.redirect(302, await this.signIn.signInSilently(query, sessionOf(request)));
      return;
    }
    const search = request.originalUrl.slice(request.originalUrl.indexOf('?'));
    response.redirect(302, `${DEVELOPMENT_SIGN_IN_PAGE}${search}`);
  }

  @Public()
  @Post('authorize')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'DevelopmentIssuerAuthorizeController_signInAs',
    summary:
      'Sign in as the user chosen on the development sign-in page (development mode only): ' +
      'the location to send the browser to, and a session cookie for silent sign-in',
  })
  @ApiOkResponse({ type: AuthorizationResponse })
  @ApiBadRequestResponse({ description: 'A field is missing or wrong; the message names it' })
  async signInAs(
    @Body() body: SignInRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthorizationResponse> {
    refuseForeignRedirect(request, body);
    const { user, ...authorization } = body;
    const { location, session, sessionSeconds } = await this.signIn.signIn(authorization, user);
    keepSession(request, response, session, sessionSeconds);
    return { location };
  }

  /** An authorization code and its PKCE verifier for an access and id token. */
  @Public()
  @Post('token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseFilters(OAuthErrorFilter)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({
    operationId: 'DevelopmentIssuerTokenController_exchange',
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

  @Public()
  @Get('end-session')
  @ApiOperation({
    operationId: 'DevelopmentIssuerEndSessionController_endSession',
    summary: 'Sign out (development mode only): ends the session cookie and returns the browser',
  })
  @ApiFoundResponse({ description: 'To post_logout_redirect_uri (with state), or to /' })
  endSession(
    @Query() query: EndSessionQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    endSession(request, response);
    const back = query.post_logout_redirect_uri;
    response.redirect(
      302,
      back && isSameOrigin(request, back) ? redirectTo(back, { state: query.state }) : '/',
    );
  }
}

/** No open redirect: a 400 naming the field, in the form of any refused value. */
function refuseForeignRedirect(request: Request, authorization: AuthorizationRequest): void {
  if (!isSameOrigin(request, authorization.redirect_uri)) {
    throw new InvalidValueError(
      'redirect_uri',
      `must be an absolute URL on ${originOf(request)}: the development issuer sends the ` +
        'browser back to this server only',
    );
  }
}
