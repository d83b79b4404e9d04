/**
 * embedded-emulator-config.json is what the build serves as /config.json when the deployer gave none (no public/config.json).
 * Without it every load of the demo asked for a file that was not there, and the browser logged
 * the 404 as a console error; with it the answer is a file that says "use the embedded emulator".
 * A deployer's own config.json replaces it (public/ is copied over it at build, or the file is
 * swapped on the static host), so "without public/config.json Poolkeeper runs on the embedded
 * emulator" still holds — and a host that serves no config.json at all still means the same.
 */
export { default as EMBEDDED_EMULATOR_CONFIG } from './embedded-emulator-config.json';

export function isEmbeddedEmulatorMarker(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { embeddedEmulator?: unknown }).embeddedEmulator === true;
}
