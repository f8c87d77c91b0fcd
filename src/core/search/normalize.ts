// Letters that Unicode does not decompose into a base letter and a mark.
const SPECIAL: Record<string, string> = { ł: 'l', ß: 'ss', ø: 'o', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd', ħ: 'h' };

/** Folds text for matching: case, accents and a few special letters no longer matter. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łßøđæœıþðħ]/g, (c) => SPECIAL[c] ?? c);
}

/** The words of a query, folded, without duplicates. */
export function queryTerms(query: string): string[] {
  return [...new Set(foldText(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}
