/**
 * Folding Vietnamese text for matching: headers, ratings and yes/no answers are typed with or
 * without diacritics, in any case, with stray spaces and punctuation.
 */

/** Codes gathered by foldText, reused from one call to the next. */
let folded = new Uint16Array(256);

/** "Số  Đảng viên (ĐV)" → "so dang vien dv". */
export function foldText(s: string): string {
  // Names and headers fold on every row of a province's sheets: a character at a time through
  // a table when every character is in it, the Unicode way otherwise (same result, tested).
  // The folded characters are gathered as codes and made into one string at the end: adding
  // them to a string one by one left a chain of partial strings for each name, which hashing
  // the result then had to copy into one, and the collector to carry.
  // Each character gives at most the longest piece, and a space before it.
  const room = (LONGEST_PIECE + 1) * s.length;
  if (folded.length < room) folded = new Uint16Array(room);
  let n = 0;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let piece: string | undefined;
    if (c < 0x80) piece = ASCII_FOLD[c];
    else if (c < 0x370) piece = LATIN_FOLD[c - 0x80];
    else if (c >= 0x1e00 && c < 0x1f00) piece = VIETNAMESE_FOLD[c - 0x1e00];
    if (piece === undefined) return foldTextUnicode(s);
    if (piece === '') continue;
    if (piece === GAP) {
      gap = n !== 0;
      continue;
    }
    if (gap) {
      folded[n++] = 32;
      gap = false;
    }
    for (let k = 0; k < piece.length; k++) folded[n++] = piece.charCodeAt(k);
  }
  return textOfCodes(folded, n);
}

/** The text of the first `n` codes, made in pieces small enough to pass as arguments. */
function textOfCodes(codes: Uint16Array, n: number): string {
  const CHUNK = 4096;
  let out = '';
  for (let from = 0; from < n; from += CHUNK)
    out += String.fromCharCode.apply(
      null,
      codes.subarray(from, Math.min(n, from + CHUNK)) as unknown as number[],
    );
  return out;
}

/** foldText by its definition: decompose, drop the marks, đ → d, lower case, words kept. */
export function foldTextUnicode(s: string): string {
  return bareLower(s)
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** Decomposed, without its combining marks, đ → d, in lower case. */
function bareLower(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** A character that separates words once folded. */
const GAP = ' ';

/**
 * What one character folds to: the letters and digits it keeps, '' for a mark, GAP when it
 * keeps none; undefined when it would keep both kinds, which the table leaves to Unicode.
 */
function foldOne(c: number): string | undefined {
  const kept = bareLower(String.fromCharCode(c));
  if (/^[a-z0-9%]*$/.test(kept)) return kept;
  return /[a-z0-9%]/.test(kept) ? undefined : GAP;
}

function foldTable(from: number, to: number): (string | undefined)[] {
  const table: (string | undefined)[] = [];
  for (let c = from; c < to; c++) table.push(foldOne(c));
  return table;
}

const ASCII_FOLD = foldTable(0, 0x80);
/** Latin-1, Latin Extended-A and -B, IPA, modifier letters and the combining marks (U+0300…). */
const LATIN_FOLD = foldTable(0x80, 0x370);
/** Latin Extended Additional: the precomposed Vietnamese vowels (ạ, ả, ấ … ỹ). */
const VIETNAMESE_FOLD = foldTable(0x1e00, 0x1f00);
const LONGEST_PIECE = Math.max(
  ...[ASCII_FOLD, LATIN_FOLD, VIETNAMESE_FOLD].flatMap((table) => table.map((piece) => piece?.length ?? 0)),
);

/**
 * foldText remembering its answers, for one check: counting and the rules fold the same
 * names (a province's 5,000 cell names), and one cache serves both.
 */
export function foldingCache(): (s: string) => string {
  const answers = new Map<string, string>();
  return (s) => {
    let f = answers.get(s);
    if (f === undefined) answers.set(s, (f = foldText(s)));
    return f;
  };
}

/** foldText without any spaces: "h t x s n v" and "HTXSNV" fold alike. */
export function foldCompact(s: string): string {
  return foldText(s).replace(/ /g, '');
}

/** Whitespace normalized (non-breaking spaces, line breaks in merged headers), case kept. */
export function tidyText(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** True when the text is empty or only whitespace: `s.trim() === ''` without making a string. */
export function isBlankText(s: string): boolean {
  // Most texts begin with a letter or digit: answered without the regular expression.
  if (s.length > 0 && s.charCodeAt(0) > 0x20 && s.charCodeAt(0) < 0x7f) return false;
  return !NON_SPACE.test(s);
}

const NON_SPACE = /\S/;
