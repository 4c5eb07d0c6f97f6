import { applyDecorators } from '@nestjs/common';
import { SECURITY_AREA_CODES } from '@riskledger/domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** The validation rules request fields share, written once. */
export const RequiredText = (maxLength: number) =>
  applyDecorators(IsString(), IsNotEmpty(), MaxLength(maxLength));

export const OptionalText = (maxLength: number) =>
  applyDecorators(IsOptional(), IsString(), MaxLength(maxLength));

export const AreaCode = () =>
  IsIn(SECURITY_AREA_CODES, {
    message: ({ property }) => `${property} must be one of ${SECURITY_AREA_CODES.join(', ')}`,
  });
