/**
 * Quality ratings (xếp loại chất lượng) in every spelling officials use: the codes (HTXSNV,
 * "H.T.X.S.N.V", "htt nv"), short forms (HTXS, HTT, HT, KHT, "Xuất sắc", "Tốt"), and full
 * names with or without diacritics ("Hoan thanh tot nhiem vu").
 *
 * Matching is exact on the compact folded text (foldCompact), never by prefix or substring:
 * "Hoàn thành nhiệm vụ" is a prefix-neighbour of "Hoàn thành tốt nhiệm vụ" and a suffix of
 * "Không hoàn thành nhiệm vụ", so only a whole-text match keeps the four levels apart.
 */
import type { CellValue } from '../grid.ts';
import { RATING_CODES, type RatingCode } from '../rating-codes.ts';
import { foldCompact } from '../text.ts';
import { BLANK, invalid, quote, screen, valueOf, type Present } from './common.ts';
import type { ParseOutcome } from './index.ts';

/** Stems (folded, without spaces) naming each level, before the optional "nhiệm vụ". */
export const RATING_STEMS: Record<RatingCode, readonly string[]> = {
  HTXSNV: ['htxs', 'hoanthanhxuatsac', 'htxuatsac', 'xuatsac', 'xs'],
  HTTNV: ['htt', 'hoanthanhtot', 'httot', 'tot'],
  HTNV: ['ht', 'hoanthanh'],
  KHTNV: [
    'kht',
    'khonght',
    'khonghoanthanh',
    'chuahoanthanh', // "chưa hoàn thành": older forms' wording for not completed
    'chuaht',
  ],
};

/** How "nhiệm vụ" follows a stem: left out, abbreviated (NV) or in full. */
export const TASK_SUFFIXES: readonly string[] = ['', 'nv', 'nhiemvu'];

/** The English labels, as the product's own English reports write them. */
const ENGLISH: Record<string, RatingCode> = {
  excellent: 'HTXSNV',
  good: 'HTTNV',
  completed: 'HTNV',
  notcompleted: 'KHTNV',
};

/** Every accepted compact spelling → its code. */
export const RATING_SPELLINGS: ReadonlyMap<string, RatingCode> = (() => {
  const map = new Map<string, RatingCode>(Object.entries(ENGLISH));
  for (const code of RATING_CODES) {
    for (const stem of RATING_STEMS[code]) {
      for (const suffix of TASK_SUFFIXES) map.set(stem + suffix, code);
    }
  }
  return map;
})();

/** Reads a rating text; undefined when it is none of the four. */
export function ratingFromText(text: string): RatingCode | undefined {
  const compact = foldCompact(text);
  const direct = RATING_SPELLINGS.get(compact);
  if (direct) return direct;
  // "Loại HTXSNV", "Xếp loại: Hoàn thành tốt nhiệm vụ".
  const labelled = /^(?:xeploai|loai)(.+)$/.exec(compact);
  return labelled ? RATING_SPELLINGS.get(labelled[1]!) : undefined;
}

export function parseRating(raw: CellValue): ParseOutcome {
  return screen(raw, readRating);
}

/**
 * "Không xếp loại", "Chưa xếp loại": some members are not rated in a year (admitted less than
 * six months before, on long sick leave…). That is no rating, written on purpose: blank, not
 * an error.
 */
const NOT_RATED = new Set([
  'khongxeploai',
  'chuaxeploai',
  'khongdanhgia',
  'chuadanhgia',
  'khongxl',
  'chuaxl',
]);

function readRating(v: Present): ParseOutcome {
  const code = typeof v === 'string' ? ratingFromText(v) : undefined;
  if (code) return valueOf(code);
  if (typeof v === 'string' && NOT_RATED.has(foldCompact(v))) return BLANK;
  const q = quote(v);
  return invalid(
    `${q.vi} không phải là mức xếp loại; cần HTXSNV, HTTNV, HTNV hoặc KHTNV (hoặc tên đầy đủ)`,
    `${q.en} is not a rating; expected HTXSNV, HTTNV, HTNV or KHTNV (or the full name)`,
  );
}
