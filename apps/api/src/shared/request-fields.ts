import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OptionalText, RequiredText } from '../platform/field-rules';

/**
 * Request fields whose rule and documentation share a fact (the longest text, the values
 * allowed), declared once for both so that the OpenAPI document cannot drift from the rule.
 */
interface FieldDocumentation {
  description: string;
  example?: unknown;
}

/** A text field a request must send, no longer than maxLength. */
export const TextField = (maxLength: number, documentation: FieldDocumentation) =>
  applyDecorators(ApiProperty({ ...documentation, maxLength }), RequiredText(maxLength));

/** A text field a request may leave out, as TextField. */
export const OptionalTextField = (maxLength: number, documentation: FieldDocumentation) =>
  applyDecorators(ApiPropertyOptional({ ...documentation, maxLength }), OptionalText(maxLength));

const oneOf = (values: readonly string[]) =>
  IsIn(values, {
    message: ({ property }) => `${property} must be one of ${values.join(', ')}`,
  });

/** A field a request must send with one of the values. */
export const OneOfField = (
  values: readonly string[],
  { description, ...documentation }: FieldDocumentation,
) => applyDecorators(ApiProperty({ description, enum: values, ...documentation }), oneOf(values));

/** A field a request may leave out, or send with one of the values. */
export const OptionalOneOfField = (
  values: readonly string[],
  { description, ...documentation }: FieldDocumentation,
) =>
  applyDecorators(
    ApiPropertyOptional({ description, enum: values, ...documentation }),
    IsOptional(),
    oneOf(values),
  );
