import { registerSeed, registerSeedFileLoader } from '../model/emulator';
import { seedDemo } from './demo';
import { seedEmpty } from './empty';
import { deployTemplate } from './cfn-template';
import { loadSeedFile } from './seed-file';

registerSeed('demo', seedDemo);
registerSeed('empty', seedEmpty);
registerSeedFileLoader(loadSeedFile, (emulator, template) => deployTemplate(emulator, template.body, template));

export { ADMIN_POLICY, DEMO, seedDemo, type DemoConfig } from './demo';
export { seedEmpty } from './empty';
export { loadSeedFile, parseSeedText, validateSeed, type SeedFileResult } from './seed-file';
export { SeedFileError, type SeedProblem } from './seed-problems';
export { seedFileSchema, seedJsonSchema, type SeedFile } from './seed-schema';
export { deployTemplate, SUPPORTED_TYPES, type DeployOptions, type DeployResult } from './cfn-template';
