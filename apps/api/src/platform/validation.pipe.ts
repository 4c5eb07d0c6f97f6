import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/**
 * Request bodies and queries are checked against their DTOs; unknown fields are refused, and the
 * answer names every field that is wrong.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: fields.map((f) => f.message).join('; '),
        fields,
      });
    },
  });
}

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: parent ? `${parent}.${message}` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
