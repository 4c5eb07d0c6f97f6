import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

const AREA_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;
const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * A code in the path must have the form codes are registered with, before it reaches a query: a
 * text PostgreSQL cannot store (a NUL byte) would otherwise fail there as a server error.
 */
@Injectable()
class CodeParamPipe implements PipeTransform<string, string> {
  constructor(
    private readonly form: RegExp,
    private readonly description: string,
  ) {}

  transform(value: string): string {
    if (!this.form.test(value)) throw new BadRequestException(`code must be ${this.description}`);
    return value;
  }
}

export const AreaCodeParam = () =>
  new CodeParamPipe(AREA_CODE, 'a security area code: upper-case letters, digits or _');

export const UnitCodeParam = () =>
  new CodeParamPipe(UNIT_CODE, 'a unit code: 1 to 64 letters, digits, . _ or -');
