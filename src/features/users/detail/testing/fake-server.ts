/** Test-only: one msw server per test file, answering for a fresh fake pool in each test. */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createFakePool, fakeAdminContext, fakeCognitoHandlers, type FakePool } from '@/aws/user-detail.fake';

// Each step goes through the real SDK and msw; on a busy 2-core machine one can take over a second.
configure({ asyncUtilTimeout: 5000 });

export function fakePoolPerTest(setup: (pool: FakePool) => void = () => {}) {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    server.resetHandlers();
  });
  afterAll(() => server.close());
  return () => {
    const pool = createFakePool();
    setup(pool);
    server.use(...fakeCognitoHandlers(pool));
    return { pool, ctx: fakeAdminContext(pool) };
  };
}
