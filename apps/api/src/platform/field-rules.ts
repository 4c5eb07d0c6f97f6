import { applyDecorators } from '@nestjs/common';
import { SECURITY_AREA_CODES } from '@riskledger/domain';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

/** The validation rules request fields share, written once. */
export const RequiredText = (maxLength: number) =>
  applyDecorators(IsString(), IsNotEmpty(), MaxLength(maxLength));

export const OptionalText = (maxLength: number) =>
  applyDecorators(IsOptional(), IsString(), MaxLength(maxLength));

/**
 * The form of a security area code. Which codes are in use is reference data a region extends
 * (POST /security-areas), so the command checks the code against the areas in use, not this rule.
 */
export const AreaCode = () =>
  Matches(/^[A-Z][A-Z0-9_]{1,63}$/, {
    message: ({ property }) =>
      `${property} must be a security area code: upper-case letters, digits or _, e.g. ${SECURITY_AREA_CODES[0]}`,
  });

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const instantMessage = ({ property }: { property: string }) =>
  `${property} must be an ISO 8601 time with its time zone, e.g. 2026-11-23T09:00:00Z`;

/** A moment: an ISO 8601 date and time with a time zone (a time without one is ambiguous). */
export const IsoInstant = () =>
  applyDecorators(
    IsString({ message: instantMessage }),
    Matches(INSTANT, { message: instantMessage }),
    IsISO8601({ strict: true }, { message: instantMessage }),
  );

/** A query flag: "true" or "false"; anything else stays as sent, for IsBoolean to refuse. */
export const QueryFlag = (name: string) => (target: object, property: string) => {
  Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))(
    target,
    property,
  );
  IsOptional()(target, property);
  IsBoolean({ message: `${name} must be true or false` })(target, property);
};
