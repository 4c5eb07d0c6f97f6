import { ApiProperty } from '@nestjs/swagger';
import { INCIDENT_KINDS } from '@riskledger/domain';

const OPEN = "GET /incidents?open=true plus the request's filters";

export class IncidentKindCountResponse {
  @ApiProperty({
    description:
      'The kind; null for incidents reported before kinds were recorded (no list filter ' +
      'finds those alone)',
    enum: INCIDENT_KINDS,
    nullable: true,
    example: 'DEVIATION',
  })
  kind!: string | null;

  @ApiProperty({ description: `Open incidents of the kind: ${OPEN}&kind=<kind>`, example: 4 })
  count!: number;
}

export class IncidentOverviewResponse {
  @ApiProperty({
    type: IncidentKindCountResponse,
    isArray: true,
    description: 'Open incidents by kind, kinds with open incidents only, by kind',
  })
  openByKind!: IncidentKindCountResponse[];

  @ApiProperty({
    description: `Open incidents (neither CLOSED nor DISMISSED): ${OPEN}`,
    example: 9,
  })
  open!: number;

  @ApiProperty({
    description:
      'Open incidents with an outward report (to an authority) required and not yet made: ' +
      `${OPEN}&outwardReportsMissing=true`,
    example: 1,
  })
  outwardReportsMissing!: number;
}
