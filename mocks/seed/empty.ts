import type { Emulator } from '../model/emulator';

/** Nothing but the root credentials (test/test): tests and tools create what they need. */
export async function seedEmpty(_emulator: Emulator): Promise<void> {}
