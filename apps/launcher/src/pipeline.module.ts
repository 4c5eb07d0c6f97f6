import { Module } from '@nestjs/common';
import { RemindersModule } from '../../api/src/reminders/reminders.module';
import { AcceptanceSweepModule } from '../../api/src/risks/lapse-acceptances/acceptance-sweep.module';
import { NotifierModule } from '../../notifier/src/notifier.module';
import { ProjectorModule } from '../../projector/src/projector.module';
import { RelayModule } from '../../relay/src/relay.module';

/**
 * What runs behind the API: the relay, the projector, the acceptance sweep (and the notifier, when
 * a webhook is configured, and the owners' reminders, when SMTP is). `npm start` runs it in a
 * process of its own beside the API's.
 */
@Module({
  imports: [RelayModule, ProjectorModule, NotifierModule, AcceptanceSweepModule, RemindersModule],
})
export class PipelineModule {}
