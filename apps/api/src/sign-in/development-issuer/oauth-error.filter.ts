import {
  BadRequestException,
  Catch,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { TokenRequestError } from '@riskledger/identity';
import type { Response } from 'express';

/**
 * OAuth clients read token errors in the form of RFC 6749 §5.2, not the API's own: a refused
 * exchange or a malformed form answers 400 `{ error, error_description }`.
 */
@Catch(TokenRequestError, BadRequestException)
export class OAuthErrorFilter implements ExceptionFilter {
  catch(exception: TokenRequestError | BadRequestException, host: ArgumentsHost): void {
    const error = exception instanceof TokenRequestError ? exception.error : 'invalid_request';
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(400)
      .setHeader('Cache-Control', 'no-store')
      .json({ error, error_description: descriptionOf(exception) });
  }
}

function descriptionOf(exception: TokenRequestError | BadRequestException): string {
  if (exception instanceof TokenRequestError) return exception.message;
  const body = exception.getResponse();
  const message =
    typeof body === 'object' && body !== null && 'message' in body ? body.message : body;
  return Array.isArray(message) ? message.join('; ') : String(message);
}
