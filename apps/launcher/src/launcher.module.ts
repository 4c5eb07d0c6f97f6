import { Module } from '@nestjs/common';
import { ApiModule } from '../../api/src/api.module';
import { PipelineModule } from './pipeline.module';

/**
 * The API and everything behind it in one Nest application: how the tests run the whole system
 * in their own process. `npm start` runs the two parts in two processes instead (main.ts).
 */
@Module({
  imports: [ApiModule, PipelineModule],
})
export class LauncherModule {}
