import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { isRole, ROLES } from '@riskledger/domain';
import type { Request, Response } from 'express';
import type { CommandContext } from '../shared/command-context';

const TOKEN = /^[\p{L}\p{N}._@:\- ]{1,200}$/u;

/**
 * The command context of a write request. Until authentication replaces it, the actor is named by
 * the X-Actor header; a write without it is refused.
 */
export const RequestContext = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CommandContext => {
    const request = ctx.switchToHttp().getRequest<Request>();
    const response = ctx.switchToHttp().getResponse<Response>();
    const actor = utf8Header(request.header('x-actor'))?.trim();
    if (!actor)
      throw new BadRequestException('X-Actor header is required: who is making this change');
    if (!TOKEN.test(actor)) {
      throw new BadRequestException(
        'X-Actor header must be 1 to 200 letters, digits, spaces or . _ @ : -',
      );
    }
    const correlationId = request.header('x-correlation-id')?.trim() || randomUUID();
    if (!TOKEN.test(correlationId) || correlationId.includes(' ')) {
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
    const role = request.header('x-actor-role')?.trim() || undefined;
    if (role !== undefined && !isRole(role)) {
      throw new BadRequestException(`X-Actor-Role header must be one of ${ROLES.join(', ')}`);
    }
    const requestId = randomUUID();
    response.setHeader('X-Request-Id', requestId);
    response.setHeader('X-Correlation-Id', correlationId);
    return { actor, role, correlationId, requestId, causationId };
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

/**
 * Node reads header bytes as Latin-1; a client that sends a UTF-8 name ("Åsa Öberg") gets it
 * back as written. A value that is not UTF-8 is kept as Latin-1.
 */
function utf8Header(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const decoded = Buffer.from(value, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? value : decoded;
}
