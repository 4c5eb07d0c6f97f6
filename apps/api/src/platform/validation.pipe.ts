import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { unstorableTextErrors } from './storable-text';

/**
 * Request bodies and queries are checked against their DTOs; unknown fields are refused, and the
 * answer names every field that is wrong.
 */
export function createValidationPipe(): ValidationPipe {
  return new DtoValidationPipe({
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

/** No request of this API nests deeper; a deeper one would only exhaust the stack (a 500). */
const MAX_DEPTH = 16;

/** Adds to the DTO's own rules the text PostgreSQL cannot store, which no DTO decorator checks. */
class DtoValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = shapeProblem(value);
    if (problem) throw new BadRequestException(`the ${metadata.type} ${problem}`);
    return super.transform(value, metadata);
  }

  protected override async validate(
    object: object,
    options?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    return [...(await super.validate(object, options)), ...unstorableTextErrors(object)];
  }
}

/**
 * Keys JSON.parse keeps as fields but class-transformer drops silently, so that they escape the
 * refusal of unknown fields: the names of Object.prototype's members (__proto__, constructor,
 * valueOf, ...) and `prototype`.
 */
const RESERVED_KEYS = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

/**
 * What no DTO rule sees: nesting deep enough to exhaust the stack, and the reserved keys above.
 * Walked without recursion, so that the check itself cannot run out of stack.
 */
function shapeProblem(value: unknown): string | null {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_DEPTH) return `is nested more than ${MAX_DEPTH} deep`;
    const reserved = RESERVED_KEYS.find((key) =>
      Object.prototype.hasOwnProperty.call(current, key),
    );
    if (reserved) return `must not have a field named ${reserved}`;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return null;
}
