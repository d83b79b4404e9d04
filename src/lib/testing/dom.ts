/**
 * Import first in component tests (`import '@/lib/testing/dom';`): jest-dom matchers, and an
 * unmount after each test (vitest runs without globals, so Testing Library cannot do it itself).
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(cleanup);
