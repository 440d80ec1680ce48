/**
 * Lists of document numbers in increasing order (postings), as the search keeps them: adding
 * to one, and the numbers in all or any of several.
 */

/** Adds `id` to the postings of `key` (ids come in increasing order; the same id twice is kept once). */
export function post<K>(postings: Map<K, number[]>, key: K, id: number): void {
  const list = postings.get(key);
  if (!list) postings.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

/** The numbers in both sorted lists. */
export function intersectSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out.push(a[i]);
      i++;
      j++;
    }
  }
  return out;
}

/** The numbers in any of the sorted lists, sorted. */
export function unionSorted(lists: number[][]): number[] {
  if (lists.length === 1) return lists[0];
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}
