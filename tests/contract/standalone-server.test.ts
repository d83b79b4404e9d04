import { standaloneServerTarget } from '../support/targets';
import { allSuites } from './suites/all';

// The real SDK clients against `npm run emulator`'s server, started here on a free 127.0.0.1 port.
allSuites(standaloneServerTarget());
