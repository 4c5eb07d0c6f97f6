import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseFileSelection } from '@riskledger/case-file';
import { InvalidValueError } from '@riskledger/domain';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsoInstant, OptionalText } from '../../platform/field-rules';

/** A stream (with its chain, if asked), or a time range: the same choice as the CLI's export. */
export class StartCaseFileRequest {
  @ApiPropertyOptional({
    description: 'The risk, incident or other stream whose events the case file holds',
    example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
  })
  @OptionalText(200)
  streamId?: string;

  @ApiPropertyOptional({
    description: "With streamId: also every event that followed from the stream's (its chain)",
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  chain?: boolean;

  @ApiPropertyOptional({
    description: 'Without streamId: every event recorded from this time (ISO 8601, with time zone)',
    example: '2026-11-01T00:00:00+01:00',
  })
  @IsOptional()
  @IsoInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'With from: up to this time (ISO 8601, with time zone)',
    example: '2026-12-01T00:00:00+01:00',
  })
  @IsOptional()
  @IsoInstant()
  to?: string;
}

/** The selection of a checked request; refuses one that is neither or both, naming the field. */
export function caseFileSelectionOf(body: StartCaseFileRequest): CaseFileSelection {
  if (body.streamId !== undefined) {
    if (body.from !== undefined || body.to !== undefined) {
      const field = body.from !== undefined ? 'from' : 'to';
      throw new InvalidValueError(
        field,
        'cannot be given with streamId: choose a stream or a time range',
      );
    }
    return { streamId: body.streamId, chain: body.chain ?? false };
  }
  if (body.chain !== undefined) throw new InvalidValueError('chain', 'needs a streamId');
  if (body.from === undefined || body.to === undefined) {
    throw new InvalidValueError(
      body.from === undefined ? 'from' : 'to',
      'is required: give a streamId, or both from and to',
    );
  }
  const from = new Date(body.from);
  const to = new Date(body.to);
  if (to <= from) throw new InvalidValueError('to', 'must be after from');
  return { from, to };
}
