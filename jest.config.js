/** Jest in native ESM mode with @swc/jest (see README: Development). */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/tests/global-setup.mjs',
  setupFiles: ['<rootDir>/tests/helpers/fast-check-setup.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022', experimental: { keepImportAttributes: true } },
    }],
  },
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  testTimeout: 30000,
};
