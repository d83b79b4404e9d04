import { describe, expect, it } from 'vitest';
import type { UserColumn } from './column-model';
import { sortRows } from './derive-view';
import type { UserRow } from './user-row';

// A column whose value is the row's `text`; its sort key is that text lower-cased, '' as empty.
const column = { id: 'text', value: (row: UserRow) => (row as unknown as { text?: string }).text } as unknown as UserColumn;
const columns = new Map([['text', column]]);

function expected(texts: (string | undefined)[], desc: boolean): number[] {
  return texts
    .map((text, index) => ({ text: text === '' ? undefined : text?.toLowerCase(), index }))
    .sort((a, b) => {
      if (a.text === b.text) return a.index - b.index;
      if (a.text === undefined) return 1;
      if (b.text === undefined) return -1;
      const c = a.text < b.text ? -1 : 1;
      return desc ? -c : c;
    })
    .map((e) => e.index);
}

describe('first sort of a text column (numeric prefixes, then full comparison)', () => {
  it('orders exactly like string comparison: shared prefixes, short strings, NUL, DEL, non-ASCII, empties', () => {
    const texts: (string | undefined)[] = [
      'abcdefgh', 'abcdefg', 'abcdefghijklmno', 'abcdefghijklmnp', 'abcdefghijklmn', 'abcdefghijklm\u00e9', 'abcdefghi\u007fa', 'abcdefgz', 'abcdefga', 'abc', 'ab', 'ab\u0000', 'ab\u0000c', 'a', '', undefined,
      'ab\u007f', 'ab\u007fz', 'ab\u00e9', 'ab\u00e9a', 'abé', 'ab\u4e00', 'zzzzzzzzz', 'zzzzzzz', undefined, 'abcdefgh',
      'lucia.patel.1237@example.org', 'lucia.patel.1238@example.org', 'lucia.p', '\u{1f600}x', '\u{1f600}', 'Zed', 'zed',
    ];
    // Deterministic pseudo-random extras over a small alphabet, so many rows share long prefixes.
    let seed = 7;
    for (let i = 0; i < 600; i += 1) {
      let text = '';
      const length = (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 19;
      for (let c = 0; c < length; c += 1) text += 'ab\u007fé\u0000'[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 5];
      texts.push(length === 18 ? undefined : text);
    }
    const rows = texts.map((text, index) => ({ key: String(index), text }) as unknown as UserRow);
    for (const desc of [false, true]) {
      const sorted = sortRows(rows, [{ id: 'text', desc }], columns).map((row) => Number(row.key));
      expect(sorted).toEqual(expected(texts, desc));
    }
  });
});
