import { describe, expect, it } from 'vitest';
import { seededRandom } from '../model/random';
import { writeThrough } from './write-through';

/** A random number of microtask turns: interleavings at the granularity where races hide. */
const tick = async (random: { int(max: number): number }) => {
  for (let i = random.int(6); i > 0; i--) await Promise.resolve();
};

describe('write-through persistence', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('never resolves a flush before the changes marked ahead of it are written (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    let version = 0;
    let written = 0;
    const persistence = writeThrough(async () => {
      const snapshot = version;
      await tick(random);
      written = snapshot;
    });
    const flushes: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      version += 1;
      persistence.markDirty();
      const expected = version;
      flushes.push(persistence.flush().then(() => expect(written).toBeGreaterThanOrEqual(expected)));
      await tick(random);
    }
    await Promise.all(flushes);
    expect(written).toBe(version);
  });

  it('coalesces a burst into few writes and skips writing when nothing changed', async () => {
    let writes = 0;
    const persistence = writeThrough(async () => {
      writes += 1;
      await new Promise((resolve) => setTimeout(resolve, 1));
    });
    await persistence.flush();
    expect(writes).toBe(0);
    const burst = Array.from({ length: 20 }, () => {
      persistence.markDirty();
      return persistence.flush();
    });
    await Promise.all(burst);
    expect(writes).toBeLessThanOrEqual(2);
    expect(persistence.dirty).toBe(false);
  });
});
