import { configure } from '@testing-library/react';

// findBy*/waitFor default to 1 s. Component tests go through the real SDK and msw, which on a
// busy 2-core CI machine can take longer than that without anything being wrong; a real failure
// still fails, just later.
configure({ asyncUtilTimeout: 5_000 });
