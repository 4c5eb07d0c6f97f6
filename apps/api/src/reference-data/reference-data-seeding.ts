import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { envelopeOf } from '@riskledger/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_MATRIX,
  reportingObligationDecider,
  reportingObligationStreamId,
  RISK_MATRIX_STREAM_ID,
  riskMatrixDecider,
  SECURITY_AREAS,
  SEEDED_REPORTING_OBLIGATIONS,
  securityAreaDecider,
  securityAreaStreamId,
} from '@riskledger/domain';
import { PostgresEventStore, VersionConflictError } from '@riskledger/event-store';
import {
  projectInTransaction,
  ReportingObligationsProjection,
  RiskMatricesProjection,
  SecurityAreasProjection,
} from '@riskledger/read-models';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { newEvent } from '../shared/command-executor';
import { ReferenceData } from '../shared/reference-data';
import { announceReferenceDataChange } from '../shared/reference-data-changes';

/** Who the seeded events name as their actor. */
export const SEEDING_ACTOR = 'riskledger';

/** Enough for every process of a region starting at once to see the others' seeding. */
const ATTEMPTS = 3;

/**
 * Seeds the 14 security areas of the annual security report, matrix version 1 and the four
 * reporting obligations when the API starts. Each seeded stream has a fixed id and is appended at version 0, so a stream that exists
 * is already seeded: starting again adds nothing, and of two processes starting at once one
 * appends and the other's conflict sends it round to find everything there. The missing streams
 * are found with one query and appended in one transaction, so a start on a seeded database costs
 * one round trip.
 */
@Injectable()
export class ReferenceDataSeeding implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferenceDataSeeding.name);

  constructor(
    private readonly store: PostgresEventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceData,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const seeded = await this.seedMissing();
        if (seeded > 0) this.logger.log(`seeded ${seeded} reference data streams`);
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  /** Appends every seed stream that does not exist yet; returns how many it appended. */
  async seedMissing(): Promise<number> {
    const seeds = [
      ...SECURITY_AREAS.map((area) => ({
        streamType: 'security-area' as const,
        streamId: securityAreaStreamId(area.code),
        events: securityAreaDecider.decide(
          { type: 'RegisterSecurityArea', ...area, builtIn: true },
          securityAreaDecider.initialState(),
        ),
        projection: new SecurityAreasProjection(),
      })),
      {
        streamType: 'risk-matrix' as const,
        streamId: RISK_MATRIX_STREAM_ID,
        events: riskMatrixDecider.decide(
          { type: 'PublishRiskMatrix', ...DEFAULT_MATRIX },
          riskMatrixDecider.initialState(),
        ),
        projection: new RiskMatricesProjection(),
      },
      ...SEEDED_REPORTING_OBLIGATIONS.map((obligation) => ({
        streamType: 'reporting-obligation' as const,
        streamId: reportingObligationStreamId(obligation.code),
        events: reportingObligationDecider.decide(
          { type: 'RegisterReportingObligation', ...obligation, builtIn: true },
          reportingObligationDecider.initialState(),
        ),
        projection: new ReportingObligationsProjection(),
      })),
    ];
    const existing: { stream_id: string }[] = await this.dataSource.query(
      `SELECT stream_id FROM events WHERE stream_id = ANY($1) AND stream_version = 1`,
      [seeds.map((s) => s.streamId)],
    );
    const seeded = new Set(existing.map((row) => row.stream_id));
    const missing = seeds.filter((s) => !seeded.has(s.streamId));
    if (missing.length === 0) return 0;
    const metadata = {
      actor: SEEDING_ACTOR,
      correlationId: randomUUID(),
      causationId: null,
      reason: 'Built-in reference data',
    };
    await this.dataSource.transaction(async (manager) => {
      for (const seed of missing) {
        const appended = await this.store.append(
          seed.streamType,
          seed.streamId,
          0,
          seed.events.map((event) => newEvent(event, metadata)),
          manager,
        );
        await projectInTransaction(manager, seed.projection, appended.events.map(envelopeOf));
      }
      await announceReferenceDataChange(manager);
    });
    this.referenceData.changed();
    this.store.announceAppended();
    return missing.length;
  }
}
