import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@riskledger/config';
import type { Response } from 'express';
import type { LogHold } from '@riskledger/event-store';
import { HealthChecks } from './health-checks';
import { Public } from '../access/requires.decorator';

/**
 * Up is not ready. `/health` says whether the API can reach what it cannot work without (a load
 * balancer's liveness probe); `/health/ready` also says whether what it serves is current: Kafka
 * has the store's events (relay backlog) and the read models have Kafka's (projector lag).
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly checks: HealthChecks,
    private readonly config: AppConfig,
  ) {}

  @Public()
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

  @Public()
  @Get('ready')
  @ApiOperation({
    summary:
      'Whether the system is up and current: PostgreSQL and Kafka answer, the relay backlog and ' +
      'the projector lag are within their limits, and no long transaction holds the relay back',
  })
  @ApiResponse({ status: 200, description: 'Ready; the body gives backlog and lag' })
  @ApiResponse({ status: 503, description: 'Not ready; the body says what is behind or down' })
  async ready(@Res({ passthrough: true }) response: Response) {
    const [postgres, kafka, relayBacklog, projectorLag, hold] = await Promise.all([
      this.checks.postgres(),
      this.checks.kafka(),
      this.checks.relayBacklog(),
      this.checks.projectorLag(),
      this.checks.relayHold(),
    ]);
    const limits = {
      relayBacklog: this.config.READY_MAX_RELAY_BACKLOG,
      projectorLag: this.config.READY_MAX_PROJECTOR_LAG,
      relayHoldMs: this.config.READY_MAX_RELAY_HOLD_MS,
    };
    // Held back: committed events wait for an older transaction, running for longer than the limit.
    const relayHeldBack =
      hold && hold.events > 0 && hold.oldestTransaction
        ? { ...hold, reason: heldBecause(hold) }
        : null;
    const holding =
      hold === null ||
      (relayHeldBack !== null &&
        relayHeldBack.oldestTransaction!.ageSeconds * 1000 > limits.relayHoldMs);
    const behind = [
      ...(relayBacklog === null || relayBacklog > limits.relayBacklog ? ['relayBacklog'] : []),
      ...(projectorLag === null || projectorLag > limits.projectorLag ? ['projectorLag'] : []),
      ...(holding ? ['relayHeldBack'] : []),
    ];
    const ready = postgres === 'up' && kafka === 'up' && behind.length === 0;
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ready ? 'ready' : 'not-ready',
      checks: { postgres, kafka },
      relayBacklog,
      projectorLag,
      relayHeldBack,
      limits,
      ...(ready ? {} : { behind }),
    };
  }
}

function heldBecause({ events, oldestTransaction: t }: LogHold): string {
  return (
    `${events} committed events wait for transaction of pid ${t!.pid} ` +
    `(database ${t!.database ?? '?'}, application "${t!.application}", ${t!.state ?? 'state unknown'}) ` +
    `running for ${t!.ageSeconds} s: the relay reads only what no running transaction can still precede`
  );
}
