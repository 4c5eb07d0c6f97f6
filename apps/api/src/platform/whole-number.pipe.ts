import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { refusal } from './validation.pipe';

/** What a PostgreSQL integer column holds: beyond it a lookup fails in the database (a 500). */
const MAX_INTEGER = 2_147_483_647;

/**
 * A whole number in a path: plain decimal digits, 0 to 2^31 - 1; anything else a 400 naming the
 * parameter. ParseIntPipe takes "1e3" and digits beyond 2^53, which it rounds or lets overflow.
 */
export class WholeNumberPipe implements PipeTransform<string, number> {
  /** `max`: a log position is a bigint, read up to 2^53 - 1. */
  constructor(private readonly max = MAX_INTEGER) {}

  transform(value: string, metadata: ArgumentMetadata): number {
    const field = metadata.data ?? 'parameter';
    if (!/^\d{1,16}$/.test(value) || Number(value) > this.max) {
      throw refusal([{ field, message: `${field} must be a whole number from 0 to ${this.max}` }]);
    }
    return Number(value);
  }
}
