import { Module } from '@nestjs/common';
import { ConfigModule } from '@riskledger/config';
import { DatabaseModule } from '@riskledger/database';
import { EventStoreModule } from '@riskledger/event-store';
import { ReadModelsModule } from '@riskledger/read-models';
import { Clock } from '../platform/clock';
import { OwnerReminders } from './owner-reminders';
import { OwnerRemindersService } from './owner-reminders.service';
import { SmtpMailer } from './smtp-mailer';

/** Owners' e-mail reminders, hosted by the launcher beside the acceptance sweep (SMTP_URL). */
@Module({
  imports: [ConfigModule, DatabaseModule, EventStoreModule, ReadModelsModule],
  providers: [Clock, SmtpMailer, OwnerReminders, OwnerRemindersService],
})
export class RemindersModule {}
