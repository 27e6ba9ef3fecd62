/**
 * Edits between two strings, a swap of neighbouring letters counting as one (optimal string alignment):
 * "Acem" is one typo away from "Acme", as a person would count it.
 */
export function typoDistance(a: string, b: string): number {
  const cols = b.length + 1;
  // One flat table, (a.length + 1) × (b.length + 1): cell i, j is the distance between a's first i
  // characters and b's first j.
  const table = new Array<number>((a.length + 1) * cols).fill(0);
  const at = (i: number, j: number) => table[i * cols + j] ?? 0;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        table[i * cols + j] = i + j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (swapped) best = Math.min(best, at(i - 2, j - 2) + 1);
      table[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Typos a reference of this many characters may carry and still name an account: none below four. */
export function typosAllowed(length: number): number {
  if (length < 4) return 0;
  if (length < 7) return 1;
  if (length < 12) return 2;
  return 3;
}

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * The fewest typos between the reference and the name, or any run of as many consecutive words of
 * the name: "acem" is one typo from "Acme Corporation", because it is one from its first word.
 * Candidates whose length alone puts them more than `limit` away are skipped (Infinity if all are).
 */
export function typosBetween(reference: string, name: string, limit = Number.POSITIVE_INFINITY): number {
  const wanted = words(reference).join(' ');
  const have = words(name);
  const width = wanted.split(' ').length;
  const candidates = [have.join(' ')];
  for (let start = 0; start + width <= have.length; start++)
    candidates.push(have.slice(start, start + width).join(' '));

  let best = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - wanted.length) > limit) continue;
    best = Math.min(best, typoDistance(wanted, candidate));
  }
  return best;
}
