import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@riskledger/config';
import { configureApi } from './api.app';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const app = configureApi(await NestFactory.create(ApiModule));
  app.enableShutdownHooks();
  await app.listen(app.get(AppConfig).PORT);
}

void bootstrap();
