import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiHeader } from '@nestjs/swagger';

/** The headers and refusals every write shares, for the OpenAPI document. */
export function WriteEndpoint(options: { conditional?: boolean } = {}): MethodDecorator {
  const headers = [
    ApiHeader({
      name: 'X-Actor',
      required: true,
      description: 'Who makes the change (until sign-in replaces it)',
      example: 'anna.berg@region.se',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'Groups the events of one flow; generated when absent',
    }),
    ApiBadRequestResponse({
      description: 'Invalid input; the message names the field. Nothing is appended.',
    }),
    ApiConflictResponse({
      description: 'The risk has moved on (If-Match), or the change breaks a rule of the domain.',
    }),
  ];
  if (options.conditional) {
    headers.push(
      ApiHeader({
        name: 'If-Match',
        required: false,
        description: 'Append only if the risk is still at this version',
        example: '"3"',
      }),
    );
  }
  return applyDecorators(...headers);
}
