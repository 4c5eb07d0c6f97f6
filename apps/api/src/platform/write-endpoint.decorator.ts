import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiHeader } from '@nestjs/swagger';

/** The headers and refusals every write shares, for the OpenAPI document. */
export function WriteEndpoint(options: { conditional?: boolean } = {}): MethodDecorator {
  const headers = [
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'Groups the events of one flow; generated when absent',
    }),
    ApiHeader({
      name: 'X-Causation-Id',
      required: false,
      description:
        'What caused this change (an incident id or an event id), recorded as the causation of ' +
        'its events; the request id when absent',
      example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
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
