// The layer rules of the architecture, checked on every `npm test`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds the rules only: no framework, database, broker or other lib.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: ['^libs/domain/', '^node:'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-imports-no-packages',
      severity: 'error',
      from: { path: '^libs/domain/src/(?!.*\\.spec\\.ts$)' },
      to: {
        dependencyTypes: [
          'npm',
          'npm-dev',
          'npm-optional',
          'npm-peer',
          'npm-no-pkg',
          'npm-unknown',
        ],
      },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      comment: 'apps wire libs; the launcher is the one app that hosts the others in one process.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/launcher/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'kafkajs-only-in-messaging',
      comment: 'kafkajs is kept behind libs/messaging so that the client can be replaced locally.',
      severity: 'error',
      from: { pathNot: ['^libs/messaging/', '^test/'] },
      to: { path: 'node_modules/kafkajs' },
    },
    {
      name: 'console-is-a-client-of-the-api-only',
      comment:
        'apps/web talks to the server over HTTP only: it imports no other app or lib, just the types generated from the OpenAPI document (apps/web/src/lib/api/schema.d.ts).',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(apps|libs)/', pathNot: '^apps/web/' },
    },
    {
      name: 'nothing-imports-the-console',
      severity: 'error',
      from: { pathNot: '^apps/web/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)(dist|node_modules|\\.data)/' },
  },
};
