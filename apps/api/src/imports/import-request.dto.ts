import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { QueryFlag } from '../platform/field-rules';
import { EXPORT_FORMATS, XLSX_TYPE, type ExportFormat } from '../platform/table-export';
import { IMPORT_LANGUAGES, type ImportLanguage } from './import-problems';
import { OptionalOneOfField } from '../shared/request-fields';

const LanguageField = (what: string) =>
  applyDecorators(
    ApiPropertyOptional({ description: what, enum: IMPORT_LANGUAGES, example: 'sv' }),
    IsOptional(),
    IsIn(IMPORT_LANGUAGES, { message: `lang must be one of ${IMPORT_LANGUAGES.join(', ')}` }),
  );

export class ImportRequest {
  @ApiPropertyOptional({
    description: 'true: check every row and report, append nothing',
    example: true,
  })
  @QueryFlag('dryRun')
  dryRun?: boolean;

  @LanguageField('The language of the problems: sv (default) or en; each also has a code')
  lang?: ImportLanguage;
}

export class ImportTemplateRequest {
  @OptionalOneOfField(EXPORT_FORMATS, {
    description: `xlsx (default: headers with notes, a sheet explaining the columns, the areas and units in use) or csv (the header row only)`,
    example: 'xlsx',
  })
  format?: ExportFormat;

  @LanguageField('The language of the headers and explanations: sv (default) or en')
  lang?: ImportLanguage;
}

/** The media types an import takes as its body: the file itself, as sent. */
export const IMPORT_BODY_TYPES = ['text/csv', XLSX_TYPE, 'application/octet-stream'];

/** The OpenAPI description of an import's body: the file's bytes, in any of its media types. */
export const ImportBody = () =>
  applyDecorators(
    ApiConsumes(...IMPORT_BODY_TYPES),
    ApiBody({
      description:
        'The file itself as the body (not a form): CSV (UTF-8 or Windows-1252; comma, semicolon ' +
        `or tab separated) or XLSX (the first sheet), Content-Type text/csv, ${XLSX_TYPE} or ` +
        'application/octet-stream. The header row names the columns of the template, in Swedish ' +
        'or English; at most 50,000 rows.',
      required: true,
      schema: { type: 'string', format: 'binary' },
    }),
  );
