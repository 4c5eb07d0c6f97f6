import {
  BadRequestException,
  createParamDecorator,
  UnauthorizedException,
  type ExecutionContext,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { rolesOf, visibilityFor } from '@riskledger/domain';
import { PERMISSIONS } from '../access/permissions';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../access/authenticated-request';
import type { CommandContext } from '../shared/command-context';

const TOKEN = /^[\p{L}\p{N}._@:\- ]{1,200}$/u;

/**
 * The command context of a write request: who sent it, as the bearer token says (the access guard
 * verified it), and the ids that let an investigator follow it.
 */
export const RequestContext = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CommandContext => {
    const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = ctx.switchToHttp().getResponse<Response>();
    const principal = request.principal;
    if (!principal) throw new UnauthorizedException('Sign in: this change needs a bearer token');
    const named = request.header('x-correlation-id')?.trim();
    // A UUID made here needs no check (the Unicode pattern is a cost on every write).
    const correlationId = named || randomUUID();
    if (named && (!TOKEN.test(named) || named.includes(' '))) {
      throw new BadRequestException(
        'X-Correlation-Id header must be 1 to 200 letters, digits or . _ @ : -',
      );
    }
    const causationId = request.header('x-causation-id')?.trim() || undefined;
    if (causationId !== undefined && (!TOKEN.test(causationId) || causationId.includes(' '))) {
      throw new BadRequestException(
        'X-Causation-Id header must be 1 to 200 letters, digits or . _ @ : -',
      );
    }
    const requestId = randomUUID();
    response.setHeader('X-Request-Id', requestId);
    response.setHeader('X-Correlation-Id', correlationId);
    return {
      actor: principal.subject,
      actorName: principal.name,
      roles: rolesOf(principal),
      visibility: request.permission
        ? visibilityFor(principal, PERMISSIONS[request.permission])
        : undefined,
      correlationId,
      requestId,
      causationId,
    };
  },
);

/** The stream version from an If-Match header ("3", W/"3" or 3), or undefined when absent. */
export const IfMatch = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): number | undefined => {
    const value = ctx.switchToHttp().getRequest<Request>().header('if-match');
    if (value === undefined) return undefined;
    const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
    if (!match) throw new BadRequestException('If-Match header must be a risk version, e.g. "3"');
    return Number(match[1]);
  },
);
