import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { unstorableTextErrors } from './storable-text';
import { rememberValidationMetadata } from './validation-metadata-cache';

/**
 * Request bodies and queries are checked against their DTOs; unknown fields are refused, and the
 * answer names every field that is wrong.
 */
export function createValidationPipe(): ValidationPipe {
  rememberValidationMetadata();
  return new DtoValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => refusal(flatten(errors)),
  });
}

/** The one shape of a refusal of bad input: a 400 naming each field that is wrong. */
export function refusal(fields: { field: string; message: string }[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: fields.map((f) => f.message).join('; '),
    fields,
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
    // A custom decorator's value (the command context) is the API's own, not the caller's input:
    // the pipe passes it on unchecked (no validateCustomDecorators), so it is not walked either.
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const problem = shapeProblem(value);
    if (problem) throw new BadRequestException(`the ${metadata.type} ${problem}`);
    if (metadata.type === 'query' || metadata.type === 'param') {
      const fields = numberTextProblems(value, metadata.metatype);
      if (fields.length > 0) throw refusal(fields);
    }
    // A number in the path: the conversion below would read "1e3" as 1000.
    if (metadata.type === 'param' && metadata.metatype === Number && !/^\d+$/.test(`${value}`)) {
      const field = metadata.data ?? 'parameter';
      throw refusal([
        { field, message: `${field} must be a whole number in plain decimal digits` },
      ]);
    }
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

/**
 * Numbers in a query or a path arrive as text, and Number() reads far more than digits: "1e3",
 * "0x10", " 12 ", and digits beyond 2^53 that it rounds ("9007199254740993" becomes ...992) or
 * that overflow further in (a 500). A number field of the DTO takes plain decimal digits only,
 * once, and within the range a JavaScript number holds exactly.
 */
function numberTextProblems(
  value: unknown,
  metatype: ArgumentMetadata['metatype'],
): { field: string; message: string }[] {
  if (typeof value !== 'object' || value === null || typeof metatype !== 'function') return [];
  const problems: { field: string; message: string }[] = [];
  for (const [field, raw] of Object.entries(value)) {
    if (Reflect.getMetadata('design:type', metatype.prototype, field) !== Number) continue;
    if (Array.isArray(raw)) {
      problems.push({ field, message: `${field} must be given once` });
    } else if (typeof raw === 'string' && !/^-?\d+(\.\d+)?$/.test(raw)) {
      problems.push({
        field,
        message: `${field} must be a number in plain decimal digits, e.g. 12`,
      });
    } else if (typeof raw === 'string' && Math.abs(Number(raw)) > Number.MAX_SAFE_INTEGER) {
      problems.push({
        field,
        message: `${field} must be from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`,
      });
    }
  }
  return problems;
}
