import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthChecks } from './health-checks';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthChecks) {}

  @Get()
  @ApiOperation({ summary: 'Whether PostgreSQL and Kafka answer' })
  @ApiResponse({ status: 200, description: 'Both answer' })
  @ApiResponse({ status: 503, description: 'At least one does not; the body says which' })
  async health(@Res({ passthrough: true }) response: Response) {
    const [postgres, kafka] = await Promise.all([this.checks.postgres(), this.checks.kafka()]);
    const healthy = postgres === 'up' && kafka === 'up';
    response.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: healthy ? 'ok' : 'unavailable', checks: { postgres, kafka } };
  }
}
