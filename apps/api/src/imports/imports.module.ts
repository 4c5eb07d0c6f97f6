import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { StreamVisibility } from '../access/stream-visibility';
import { Clock } from '../platform/clock';
import { CommandExecutor } from '../shared/command-executor';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { takeFileBodies } from './file-body';
import { ImportRisksHandler } from './import-risks/import-risks.handler';
import { ImportUnitsHandler } from './import-units/import-units.handler';
import { ImportsController } from './imports.http.controller';

/** Bulk import of risks and of the organisational tree from CSV or XLSX files, and their templates. */
@Module({
  imports: [ReferenceDataModule],
  controllers: [ImportsController],
  providers: [CommandExecutor, StreamVisibility, Clock, ImportRisksHandler, ImportUnitsHandler],
})
export class ImportsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    takeFileBodies(consumer);
  }
}
