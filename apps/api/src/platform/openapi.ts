import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** OpenAPI docs at /docs, the document itself at /docs-json. */
export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('riskledger')
      .setDescription(
        'Event-sourced security risk register. Writes append events to the log and return at once; ' +
          'the register and the traceability log follow within moments, through Kafka. Every ' +
          'request but health, metrics and the contracts needs an OpenID Connect bearer token.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, describePathIds(document), { jsonDocumentUrl: 'docs-json' });
}

/** What a path's id names, by the collection it stands in. */
const RECORD_OF_PATH: readonly [RegExp, string][] = [
  [/^\/risks\//, 'risk'],
  [/^\/incidents\//, 'incident'],
  [/^\/goals\//, 'goal'],
  [/^\/dead-letters\//, 'dead letter'],
];

/**
 * Path parameters are declared by the routes (`:id`); their meaning follows from where they stand,
 * so it is written here once rather than on every controller.
 */
function describePathIds(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    const record = RECORD_OF_PATH.find(([pattern]) => pattern.test(path))?.[1];
    for (const operation of Object.values(item)) {
      if (typeof operation !== 'object' || !('parameters' in operation)) continue;
      for (const parameter of operation.parameters ?? []) {
        if (!('in' in parameter) || parameter.in !== 'path' || parameter.description) continue;
        parameter.description = describe(parameter.name, record);
        if (parameter.name !== 'name') parameter.example ??= '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10';
      }
    }
  }
  return document;
}

function describe(name: string, record: string | undefined): string {
  if (name === 'mitigationId') return "The mitigation's id (from planning it)";
  if (name === 'acceptanceId') return "The acceptance's id (from accepting the risk)";
  if (name === 'name') return 'A published event version, e.g. RiskAssessed.v2';
  return `The ${record ?? 'record'}'s id`;
}
