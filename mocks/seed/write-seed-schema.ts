/**
 * Writes mocks/schema/seed.schema.json from the zod schema (npm run seed-schema). A test checks the
 * committed file is current, so editors validating seed files see what the loader accepts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedJsonSchema } from './seed-schema';

export const SEED_SCHEMA_PATH = fileURLToPath(new URL('../schema/seed.schema.json', import.meta.url));

export function seedSchemaText(): string {
  return `${JSON.stringify({ title: 'Poolkeeper emulator seed file', ...seedJsonSchema() }, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SEED_SCHEMA_PATH, seedSchemaText());
  console.info(`Wrote ${SEED_SCHEMA_PATH}`);
}
