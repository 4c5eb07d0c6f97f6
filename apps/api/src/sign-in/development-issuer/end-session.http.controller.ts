import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiFoundResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../access/requires.decorator';
import { OptionalText } from '../../platform/field-rules';
import { DevelopmentModeOnly } from './development-mode-only.guard';
import { redirectTo } from './development-sign-in';
import { isSameOrigin } from './same-origin';
import { endSession } from './session-cookie';

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

@ApiTags('sign-in')
@Controller('dev-issuer/end-session')
@UseGuards(DevelopmentModeOnly)
export class DevelopmentIssuerEndSessionController {
  @Public()
  @Get()
  @ApiOperation({
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
