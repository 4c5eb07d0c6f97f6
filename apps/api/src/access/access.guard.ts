import {
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { rolesOf } from '@riskledger/domain';
import { AuthenticationError, TokenVerifier } from '@riskledger/identity';
import type { Response } from 'express';
import type { AccessRefusedResponse } from './access-refused.response';
import type { AuthenticatedRequest } from './authenticated-request';
import { PERMISSIONS, type Permission } from './permissions';
import { PUBLIC_ENDPOINT, REQUIRED_PERMISSION } from './requires.decorator';

/**
 * Every request but the public ones must carry a valid bearer token (401 otherwise) whose roles
 * hold the endpoint's permission (403, with the reason). An endpoint that declares no permission is
 * closed to all: forgetting the declaration must not open it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const where = `${request.method} ${request.path}`;

    const header = request.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (!token) {
      this.logger.warn(`denied ${where}: no bearer token`);
      response.setHeader('WWW-Authenticate', 'Bearer realm="riskledger"');
      throw new UnauthorizedException('Sign in: send an Authorization: Bearer <token> header');
    }
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      this.logger.warn(`denied ${where}: ${error.message}`);
      response.setHeader(
        'WWW-Authenticate',
        `Bearer realm="riskledger", error="invalid_token", error_description="${error.message}"`,
      );
      throw new UnauthorizedException(`Sign in again: ${error.message}`);
    }

    const permission = this.reflector.getAllAndOverride<Permission>(REQUIRED_PERMISSION, targets);
    const held = rolesOf(request.principal);
    const allowed: readonly string[] = permission ? PERMISSIONS[permission] : [];
    if (!held.some((role) => allowed.includes(role))) {
      const reason = permission
        ? `${permission} needs one of the roles ${allowed.join(', ')}; you hold ${held.join(', ') || 'none'}`
        : 'this endpoint is open to no role';
      this.logger.warn(`denied ${where} to ${request.principal.subject}: ${reason}`);
      const refusal: AccessRefusedResponse = {
        statusCode: 403,
        error: 'Forbidden',
        message: `Not allowed: ${reason}`,
        permission: permission ?? 'none',
        requiredRoles: [...allowed],
        heldRoles: [...held],
      };
      throw new ForbiddenException(refusal);
    }
    request.permission = permission;
    return true;
  }
}
