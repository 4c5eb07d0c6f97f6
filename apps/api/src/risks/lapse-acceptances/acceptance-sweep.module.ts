import { Module } from '@nestjs/common';
import { ConfigModule } from '@riskledger/config';
import { DatabaseModule } from '@riskledger/database';
import { EventStoreModule } from '@riskledger/event-store';
import { ReadModelsModule } from '@riskledger/read-models';
import { StreamVisibility } from '../../access/stream-visibility';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { RiskClock } from '../risk-clock';
import { AcceptanceLapseSweep } from './acceptance-lapse-sweep';
import { AcceptanceLapseSweeper } from './acceptance-lapse-sweeper.service';

/** The acceptance sweep, hosted by the launcher beside the relay and the projector. */
@Module({
  imports: [ConfigModule, DatabaseModule, EventStoreModule, ReadModelsModule],
  providers: [
    EventSourcedCommands,
    StreamVisibility,
    RiskClock,
    AcceptanceLapseSweep,
    AcceptanceLapseSweeper,
  ],
})
export class AcceptanceSweepModule {}
