import { Module } from '@nestjs/common';
import { ConfigModule } from '@riskledger/config';
import { DatabaseModule } from '@riskledger/database';
import { EventStoreModule } from '@riskledger/event-store';
import { MessagingModule } from '@riskledger/messaging';
import { RelayService } from './relay.service';

/** The relay: event store -> Kafka, in commit order, at least once. */
@Module({
  imports: [ConfigModule, DatabaseModule, EventStoreModule, MessagingModule],
  providers: [RelayService],
})
export class RelayModule {}
