/**
 * Jest runs the TypeScript sources through SWC as CommonJS. typebox 1.x ships ESM only, so it
 * is the one node_modules package that must be transformed too.
 * The suite runs on embedded PGlite by default and on PostgreSQL when DATABASE_URL is set
 * (each test file then gets a fresh database of its own on that server; see test/helpers).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.(ts|js|mjs)$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!typebox/)'],
  testTimeout: 60000,
  maxWorkers: process.env.CI ? 2 : '50%',
};
