import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

const CELLS =
  'rows are likelihood 1 to 5 and columns consequence 1 to 5: [likelihood - 1][consequence - 1]';
const EXAMPLE = [
  [0, 1, 0, 0, 0],
  [0, 0, 2, 0, 0],
  [0, 0, 0, 3, 0],
  [0, 0, 0, 1, 0],
  [0, 0, 0, 0, 1],
];
const matrix = (what: string): ApiPropertyOptions => ({
  description: `How many risks ${what} lie in each cell; ${CELLS}`,
  type: 'array',
  items: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 5, maxItems: 5 },
  example: EXAMPLE,
});

export class RiskMatrixCountsResponse {
  @ApiProperty(matrix('by their inherent assessment (before any mitigation)'))
  inherent!: number[][];
  @ApiProperty(
    matrix(
      'by their headline assessment: the current one, or the inherent one while no current ' +
        'assessment exists',
    ),
  )
  current!: number[][];
  @ApiProperty(matrix('by their target (residual) assessment'))
  target!: number[][];
  @ApiProperty({
    description:
      'Risks matching the filter that the caller may see, assessed or not (a basis not yet ' +
      'assessed is in no cell of its matrix)',
    example: 9,
  })
  total!: number;
}
