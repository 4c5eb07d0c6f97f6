import { Body, Controller, Get, HttpCode, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { InvalidValueError } from '@riskledger/domain';
import type { Request, Response } from 'express';
import { Public } from '../../access/requires.decorator';
import { AuthorizationRequest, AuthorizeQuery, SignInRequest } from './authorization.request.dto';
import { DevelopmentModeOnly } from './development-mode-only.guard';
import { DevelopmentSignIn } from './development-sign-in';
import { isSameOrigin, originOf } from './same-origin';
import { keepSession, sessionOf } from './session-cookie';

/** The console's own page where a developer picks who to sign in as. */
export const DEVELOPMENT_SIGN_IN_PAGE = '/utvecklingsinloggning';

export class AuthorizationResponse {
  @ApiProperty({
    description: 'Where the page sends the browser: redirect_uri with code and state',
    example: 'http://localhost:3000/inloggad?code=Zm9yIGV4YW1wbGUgb25seQ&state=6f1c3a0e',
  })
  location!: string;
}

/**
 * The authorization endpoint. A browser arriving here is sent on to the console's development
 * sign-in page, which posts the chosen user back; the issuer then remembers them in a cookie, so
 * that a silent renewal or a reloaded page (prompt=none) signs them in without the page.
 */
@ApiTags('sign-in')
@Controller('dev-issuer/authorize')
@UseGuards(DevelopmentModeOnly)
export class DevelopmentIssuerAuthorizeController {
  constructor(private readonly signIn: DevelopmentSignIn) {}

  @Public()
  @Get()
  @ApiOperation({
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
  @Post()
  @HttpCode(200)
  @ApiOperation({
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
