import { Injectable, NotFoundException, type CanActivate } from '@nestjs/common';
import { AppConfig } from '@riskledger/config';

/** The development issuer exists only in development mode: with AUTH_MODE=oidc it is not there. */
@Injectable()
export class DevelopmentModeOnly implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(): boolean {
    if (this.config.AUTH_MODE !== 'development') {
      throw new NotFoundException('There is no development issuer: AUTH_MODE is oidc');
    }
    return true;
  }
}
