import { Module } from '@nestjs/common';
import { ConfigModule } from '@riskledger/config';
import { DatabaseModule } from '@riskledger/database';
import { MessagingModule } from '@riskledger/messaging';
import { ProjectorService } from './projector.service';

/** The projector: Kafka -> read models in PostgreSQL, with exactly-once effect. */
@Module({
  imports: [ConfigModule, DatabaseModule, MessagingModule],
  providers: [ProjectorService],
})
export class ProjectorModule {}
