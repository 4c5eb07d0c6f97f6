import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ProjectorModule } from './projector.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ProjectorModule);
  app.enableShutdownHooks();
}

void bootstrap();
