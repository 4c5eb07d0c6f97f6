import { Module } from '@nestjs/common';
import { ConfigModule } from '@riskledger/config';
import { DatabaseModule } from '@riskledger/database';
import { EventStoreModule } from '@riskledger/event-store';
import { ReadModelsModule } from '@riskledger/read-models';
import { StreamVisibility } from '../../access/stream-visibility';
import { CommandExecutor } from '../../shared/command-executor';
import { ReferenceData, StoredReferenceData } from '../../shared/reference-data';
import { Clock } from '../../platform/clock';
import { AcceptanceLapseSweep } from './acceptance-lapse-sweep';
import { AcceptanceLapseSweeper } from './acceptance-lapse-sweeper.service';

/** The acceptance sweep, hosted by the launcher beside the relay and the projector. */
@Module({
  imports: [ConfigModule, DatabaseModule, EventStoreModule, ReadModelsModule],
  providers: [
    CommandExecutor,
    // The sweep writes no reference data and checks none: nothing to keep, nothing to forget.
    { provide: ReferenceData, useClass: StoredReferenceData },
    StreamVisibility,
    Clock,
    AcceptanceLapseSweep,
    AcceptanceLapseSweeper,
  ],
})
export class AcceptanceSweepModule {}
