import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NotifierModule } from './notifier.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(NotifierModule);
  app.enableShutdownHooks();
}

void bootstrap();
