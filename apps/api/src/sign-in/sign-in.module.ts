import { Module } from '@nestjs/common';
import { DevelopmentIssuerController } from './development-issuer/development-issuer.http.controller';
import { DevelopmentModeOnly } from './development-issuer/development-mode-only.guard';
import { DevelopmentSignIn } from './development-issuer/development-sign-in';
import { GetSignInConfigurationController } from './get-sign-in-configuration/get-sign-in-configuration.http.controller';

const controllers = [GetSignInConfigurationController, DevelopmentIssuerController];

/**
 * How the web console signs in: its configuration, and in development mode the built-in issuer
 * acting as a small OpenID provider (code flow with PKCE) in place of the region's.
 */
@Module({
  controllers,
  providers: [DevelopmentSignIn, DevelopmentModeOnly],
})
export class SignInModule {}
