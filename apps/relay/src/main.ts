import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { RelayModule } from './relay.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(RelayModule);
  app.enableShutdownHooks();
}

void bootstrap();
