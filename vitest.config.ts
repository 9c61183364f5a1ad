import { defineConfig } from 'vitest/config';

/**
 * One DynamoDB Local for the whole run (test/support/global-setup.ts); every test file that needs
 * data creates its own fresh table (test/support/dynamo.ts), so files run in parallel safely.
 */
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'functions/*/src/**/*.test.ts',
      'test/**/*.test.ts',
      'web/src/**/*.test.tsx',
    ],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // expect.poll waits for a page to settle (a title, focus after a save); 1 s, the default, flaked on a
    // busy 2-core machine. Patience only: a poll that passes sooner returns at once.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    // Lambda runs Node 22; the SDK's Node 20 notice is known and only noise here (docs/architecture.md).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
