import { Module } from '@nestjs/common';
import { ConfigModule } from '@riskledger/config';
import { DatabaseModule } from '@riskledger/database';
import { MessagingModule } from '@riskledger/messaging';
import { NotifierService } from './notifier.service';

/** The reference subscriber: Kafka -> signed webhook calls, at least once, recorded. */
@Module({
  imports: [ConfigModule, DatabaseModule, MessagingModule],
  providers: [NotifierService],
})
export class NotifierModule {}
