import { Converter } from 'opencc-js/t2cn';

// Hong Kong and Taiwan buyers type traditional characters; the catalog is indexed in simplified.
const toSimplified = Converter({ from: 'hk', to: 'cn' });

/** The form both the index and a query are reduced to: simplified, half-width, lower case. */
export function foldForSearch(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Keywords of a query, at most five, each matched as a substring. */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  return [...new Set(foldForSearch(query).split(/[\s,，、。;；]+/).filter(Boolean))].slice(0, 5);
}

/** LIKE treats % and _ as wildcards; a buyer typing them means the characters. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
