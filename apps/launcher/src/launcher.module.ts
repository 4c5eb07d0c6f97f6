import { Module } from '@nestjs/common';
import { ApiModule } from '../../api/src/api.module';
import { ProjectorModule } from '../../projector/src/projector.module';
import { RelayModule } from '../../relay/src/relay.module';

/** The local default: api, relay and projector in one process. In production each runs on its own. */
@Module({ imports: [ApiModule, RelayModule, ProjectorModule] })
export class LauncherModule {}
