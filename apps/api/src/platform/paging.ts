import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 500;

/** The page size of a list: 1 to 500. */
export const PageLimit = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: `Page size, 1 to ${MAX_PAGE_SIZE}`,
      minimum: 1,
      maximum: MAX_PAGE_SIZE,
      example: 50,
    }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` }),
    Min(1),
    Max(MAX_PAGE_SIZE),
  );

/** How many entries of a list to skip: 0 or more. */
export const PageOffset = (what: string) =>
  applyDecorators(
    ApiPropertyOptional({ description: `${what} to skip (paging)`, minimum: 0, example: 0 }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: 'offset must be a whole number, 0 or more' }),
    Min(0),
  );
