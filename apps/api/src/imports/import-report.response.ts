import { applyDecorators } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProperty,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { WriteEndpoint } from '../platform/write-endpoint.decorator';
import { PROBLEM_CODES, type ImportProblem, type ProblemCode } from './import-problems';

export class ImportProblemResponse implements ImportProblem {
  @ApiProperty({
    description:
      'The row as the spreadsheet numbers it (1 is the header row); null: the whole file',
    nullable: true,
    type: Number,
    example: 7,
  })
  row!: number | null;

  @ApiProperty({
    description: "The column's header as the file writes it; null when no one column is meant",
    nullable: true,
    type: String,
    example: 'Enhet',
  })
  column!: string | null;

  @ApiProperty({
    description: 'What is wrong, for programs',
    enum: PROBLEM_CODES,
    example: 'unknown-unit',
  })
  code!: ProblemCode;

  @ApiProperty({
    description: 'What is wrong, in the language asked for (lang)',
    example: '”HN-W99” är ingen registrerad, öppen enhet (ange enhetens kod)',
  })
  message!: string;
}

/** What an import did, or in a dry run would do: every problem by row and column. */
export class ImportReportResponse {
  @ApiProperty({
    description: 'SHA-256 of the file as sent (hex): the import’s identity',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  fileSha256!: string;

  @ApiProperty({
    description: 'Carried by every event the import appends (X-Correlation-Id, or generated)',
    example: 'import-2026-12',
  })
  correlationId!: string;

  @ApiProperty({ description: 'true: checked only, nothing appended', example: true })
  dryRun!: boolean;

  @ApiProperty({ description: 'Rows with anything in them below the header row', example: 120 })
  rows!: number;

  @ApiProperty({
    description:
      'Rows that were appended (in a dry run: would be, if there were no problems); 0 when ' +
      'any row has a problem, since an import appends every row or none',
    example: 118,
  })
  created!: number;

  @ApiProperty({
    description: 'Rows this same file already imported (or, for units, already registered alike)',
    example: 2,
  })
  alreadyImported!: number;

  @ApiProperty({
    description: 'Everything wrong with the file, row by row; empty when it can be imported',
    type: [ImportProblemResponse],
  })
  problems!: ImportProblemResponse[];
}

/** The answers of an import endpoint, for the OpenAPI document. */
export const ImportResponses = () =>
  applyDecorators(
    ApiOkResponse({
      description:
        'The dry run: what the import would do. With Accept: application/x-ndjson, any import ' +
        'answers 200 with its progress a JSON line at a time ({"progress": {phase, done, total}}, ' +
        'phase checking then appending) and last a line with the status and body it would have ' +
        'answered ({"status": 201, "body": report})',
      type: ImportReportResponse,
    }),
    ApiCreatedResponse({ description: 'Imported', type: ImportReportResponse }),
    ApiUnprocessableEntityResponse({
      description: 'Some rows have problems: nothing was appended; the body names each',
      type: ImportReportResponse,
    }),
    WriteEndpoint(),
  );
