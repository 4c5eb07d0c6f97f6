import { Catch, HttpStatus, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { isDatabaseUnavailable } from '@riskledger/database';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';

/** How long a client should wait before it tries again, in seconds (Retry-After). */
const RETRY_AFTER_SECONDS = 2;

/**
 * The one place where an outage of PostgreSQL becomes an HTTP status: 503 at once with a message
 * saying so, instead of a 500 or a request that hangs. Everything else goes on to Nest's own
 * handling (HttpExceptions as they are; anything unexpected as a bare 500, logged here with its
 * stack, never sent with it). Register it before DomainErrorFilter: Nest tries global filters in
 * reverse order of registration, so the domain's refusals keep their own mapping.
 */
@Catch()
export class InfrastructureErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('HTTP');

  override catch(error: unknown, host: ArgumentsHost): void {
    if (!isDatabaseUnavailable(error)) {
      super.catch(error, host);
      return;
    }
    this.logger.warn(`database unavailable: ${(error as Error).message}`);
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const status = HttpStatus.SERVICE_UNAVAILABLE;
    response.status(status).setHeader('Retry-After', String(RETRY_AFTER_SECONDS)).json({
      statusCode: status,
      error: STATUS_CODES[status],
      message: 'The database is not reachable at the moment; try again shortly.',
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  }
}
