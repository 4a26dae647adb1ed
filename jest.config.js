/**
 * Jest runs the TypeScript sources through SWC as CommonJS. A few dependencies ship ESM only
 * (typebox 1.x, jose 6; content-disposition and cookie under Fastify’s plugins): Node ≥ 20.19 can
 * require() them, Jest's module system cannot, so they are transformed too. PGlite loads Node
 * built-ins with dynamic import(), which Jest allows only under --experimental-vm-modules (set by
 * `npm test`).
 * The suite runs on embedded PGlite by default and on PostgreSQL when DATABASE_URL is set
 * (each test file then gets a fresh database of its own on that server; see test/helpers).
 * @type {import('jest').Config}
 */
// The bureau works on China time; pin it so date-library calls in tests behave the same on every
// machine (the product code itself is time-zone independent, which statutory-holidays.test.ts proves).
process.env.TZ = 'Asia/Shanghai';

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
  transformIgnorePatterns: ['/node_modules/(?!(typebox|content-disposition|cookie|jose)/)'],
  testTimeout: 60000,
  maxWorkers: process.env.CI ? 2 : '50%',
};
