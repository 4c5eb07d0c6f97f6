import { applyDecorators } from '@nestjs/common';
import { SECURITY_AREA_CODES } from '@riskledger/domain';
import {
  IsIn,
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

export const AreaCode = () =>
  IsIn(SECURITY_AREA_CODES, {
    message: ({ property }) => `${property} must be one of ${SECURITY_AREA_CODES.join(', ')}`,
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
