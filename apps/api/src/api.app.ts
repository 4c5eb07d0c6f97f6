import type { INestApplication } from '@nestjs/common';
import { DomainErrorFilter } from './platform/domain-error.filter';
import { harden } from './platform/hardening';
import { InfrastructureErrorFilter } from './platform/infrastructure-error.filter';
import { useJsonBodies } from './platform/json-body';
import { setUpOpenApi } from './platform/openapi';
import { createValidationPipe } from './platform/validation.pipe';

/** The HTTP settings of the API, the same wherever it runs (its own process, the launcher, tests). */
export function configureApi(app: INestApplication): INestApplication {
  harden(app);
  useJsonBodies(app);
  app.useGlobalPipes(createValidationPipe());
  // Nest tries global filters last-registered first: the domain's refusals before the rest.
  app.useGlobalFilters(
    new InfrastructureErrorFilter(app.getHttpAdapter()),
    new DomainErrorFilter(),
  );
  setUpOpenApi(app);
  return app;
}
