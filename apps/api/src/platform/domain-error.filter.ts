import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import {
  DomainError,
  InvalidValueError,
  NotFoundError,
  RuleViolatedError,
} from '@riskledger/domain';
import { VersionConflictError } from '@riskledger/event-store';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';

/** The one place where the domain's and the store's refusals become HTTP statuses. */
@Catch(DomainError, VersionConflictError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError | VersionConflictError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, extra] = describe(error);
    response.status(status).json({
      statusCode: status,
      // The reason phrase ("Bad Request"), as Nest's own exceptions and the validation pipe give it.
      error: STATUS_CODES[status],
      message: error.message,
      ...extra,
    });
  }
}

function describe(error: DomainError | VersionConflictError): [number, Record<string, unknown>] {
  if (error instanceof VersionConflictError) {
    return [HttpStatus.CONFLICT, { currentVersion: error.actualVersion }];
  }
  if (error instanceof InvalidValueError) return [HttpStatus.BAD_REQUEST, { field: error.field }];
  if (error instanceof RuleViolatedError) {
    return [HttpStatus.CONFLICT, { rule: error.rule, ...(error.facts && { facts: error.facts }) }];
  }
  if (error instanceof NotFoundError) return [HttpStatus.NOT_FOUND, {}];
  return [HttpStatus.UNPROCESSABLE_ENTITY, {}];
}
