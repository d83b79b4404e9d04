/**
 * Arrays of users kept sorted by `seq` (insertion order). New users always carry the highest seq, so
 * the common insert is a push; re-indexing an older user is a binary search and a splice.
 */
export interface HasSeq {
  seq: number;
}

/** Index of the first element whose seq is greater than `seq`. */
export function firstAfter(items: ReadonlyArray<HasSeq>, seq: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Same over a plain array of numbers (the user store's slot seqs, tombstones included). */
export function firstAfterNumber(seqs: ArrayLike<number>, seq: number, length = seqs.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (seqs[mid]! <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertBySeq<T extends HasSeq>(items: T[], item: T): void {
  const last = items[items.length - 1];
  if (!last || last.seq < item.seq) {
    items.push(item);
    return;
  }
  const at = firstAfter(items, item.seq);
  if (items[at - 1] === item) return;
  items.splice(at, 0, item);
}

export function removeBySeq<T extends HasSeq>(items: T[], item: T): boolean {
  const at = firstAfter(items, item.seq) - 1;
  if (at >= 0 && items[at] === item) {
    items.splice(at, 1);
    return true;
  }
  return false;
}
