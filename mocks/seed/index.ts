import { registerSeed } from '../model/emulator';
import { seedDemo } from './demo';
import { seedEmpty } from './empty';

registerSeed('demo', seedDemo);
registerSeed('empty', seedEmpty);

export { ADMIN_POLICY, DEMO, seedDemo, type DemoConfig } from './demo';
export { seedEmpty } from './empty';
