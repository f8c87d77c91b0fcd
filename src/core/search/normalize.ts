import anyAscii from 'any-ascii';

/**
 * Folds text for matching: case, accents and script no longer matter ("Łódź" and "lodz",
 * "Стара Загора" and "stara zagora", "Θεσσαλονίκη" and "thessaloniki" fold alike).
 */
export function foldText(text: string): string {
  return anyAscii(text).toLowerCase();
}

/** A folded key for names: letters and digits, single spaces between words. */
export function nameKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a query, folded, without duplicates. */
export function queryTerms(query: string): string[] {
  return [...new Set(nameKey(query).split(' ').filter(Boolean))];
}

/** A URL slug from a name in any script: "Łódź" → "lodz". */
export function slugify(text: string): string {
  return nameKey(text).replace(/ /g, '-') || 'x';
}
