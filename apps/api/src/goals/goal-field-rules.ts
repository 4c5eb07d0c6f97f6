import { applyDecorators } from '@nestjs/common';
import { IsNumber, IsString, Matches } from 'class-validator';

/** A finite number (an indicator value or a target); NaN and Infinity cannot come through JSON anyway. */
export const FiniteNumber = () =>
  IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: ({ property }) => `${property} must be a finite number` },
  );

/**
 * An area code as reference data writes them. Whether it is in use is the handler's question to
 * ReferenceData, since a region adds and retires its own areas.
 */
export const AreaCodeFormat = () =>
  applyDecorators(
    IsString(),
    Matches(/^[A-Z][A-Z0-9_]{0,63}$/, {
      message: ({ property }) => `${property} must be an area code such as FIRE_SAFETY`,
    }),
  );

/** A calendar day; the domain checks that it exists and lies where it must. */
export const CalendarDate = () =>
  applyDecorators(
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, {
      message: ({ property }) => `${property} must be a calendar date written YYYY-MM-DD`,
    }),
  );
