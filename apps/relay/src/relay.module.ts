import { Module } from '@nestjs/common';
import { ConfigModule } from '@riskledger/config';
import { DatabaseModule } from '@riskledger/database';
import { EventStoreModule } from '@riskledger/event-store';
import { MessagingModule } from '@riskledger/messaging';
import { LogSealerService } from './log-sealer.service';
import { RelayService } from './relay.service';

/** The relay: event store -> Kafka, in commit order, at least once; and the log's sealer. */
@Module({
  imports: [ConfigModule, DatabaseModule, EventStoreModule, MessagingModule],
  providers: [RelayService, LogSealerService],
})
export class RelayModule {}
