import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@riskledger/config';
import { Public } from '../../access/requires.decorator';
import { CONSOLE_CLIENT_ID, CONSOLE_SCOPE } from '../development-issuer/console-client';
import { SignInConfigurationResponse } from './sign-in-configuration.response';

/** Read before anyone is signed in: where the console sends the browser to sign in. */
@ApiTags('sign-in')
@Controller('sign-in/configuration')
export class GetSignInConfigurationController {
  constructor(private readonly config: AppConfig) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Where and how the web console signs in (public)' })
  @ApiOkResponse({ type: SignInConfigurationResponse })
  configuration(): SignInConfigurationResponse {
    if (this.config.AUTH_MODE === 'oidc') {
      return {
        authority: this.config.OIDC_ISSUER as string,
        clientId: this.config.OIDC_CONSOLE_CLIENT_ID,
        scope: this.config.OIDC_CONSOLE_SCOPE,
        developmentIssuer: false,
      };
    }
    return {
      authority: '/dev-issuer',
      clientId: CONSOLE_CLIENT_ID,
      scope: CONSOLE_SCOPE,
      developmentIssuer: true,
    };
  }
}
