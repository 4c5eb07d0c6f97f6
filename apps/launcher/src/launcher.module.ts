import { Module } from '@nestjs/common';
import { ApiModule } from '../../api/src/api.module';
import { AcceptanceSweepModule } from '../../api/src/risks/lapse-acceptances/acceptance-sweep.module';
import { RemindersModule } from '../../api/src/reminders/reminders.module';
import { NotifierModule } from '../../notifier/src/notifier.module';
import { ProjectorModule } from '../../projector/src/projector.module';
import { RelayModule } from '../../relay/src/relay.module';

/**
 * The local default: api, relay, projector, the acceptance sweep (and the notifier, when a webhook
 * is configured, and the owners' reminders, when SMTP is) in one process. In production each
 * runs on its own.
 */
@Module({
  imports: [
    ApiModule,
    RelayModule,
    ProjectorModule,
    NotifierModule,
    AcceptanceSweepModule,
    RemindersModule,
  ],
})
export class LauncherModule {}
