import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalText, RequiredText } from '../platform/field-rules';

interface TextDocumentation {
  description: string;
  example?: unknown;
}

/**
 * A text field a request must send: its rule and its documentation, with the longest text it may
 * be declared once for both.
 */
export const TextField = (maxLength: number, documentation: TextDocumentation) =>
  applyDecorators(ApiProperty({ ...documentation, maxLength }), RequiredText(maxLength));

/** A text field a request may leave out, as TextField. */
export const OptionalTextField = (maxLength: number, documentation: TextDocumentation) =>
  applyDecorators(ApiPropertyOptional({ ...documentation, maxLength }), OptionalText(maxLength));
