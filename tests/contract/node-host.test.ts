import { nodeHostTarget } from '../support/targets';
import { allSuites } from './suites/all';

// The real SDK clients against msw setupServer answering the real AWS hostnames.
allSuites(nodeHostTarget());
