/**
 * Folding Vietnamese text for matching: headers, ratings and yes/no answers are typed with or
 * without diacritics, in any case, with stray spaces and punctuation.
 */

/** "Số  Đảng viên (ĐV)" → "so dang vien dv". */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
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
  return !NON_SPACE.test(s);
}

const NON_SPACE = /\S/;
