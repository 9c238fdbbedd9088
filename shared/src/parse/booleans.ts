/**
 * Yes/no answers. Officials tick a column with "x" or "✓", or write "Có"/"Không", with or
 * without diacritics; Excel booleans and 1/0 count too. Anything else is refused with a reason
 * (never read as "no"), since an unreadable answer must be fixed, not guessed.
 */
import type { CellValue } from '../grid.ts';
import { foldText } from '../text.ts';
import { invalid, quote, screen, valueOf, type Present } from './common.ts';
import type { ParseOutcome } from './index.ts';

const TRUE_MARKS = new Set(['✓', '✔', '☑', '✅', '🗸', '√']);
const FALSE_MARKS = new Set(['✗', '✘', '☒', '❌', '☐']);

/**
 * Folded spellings (foldText) of yes. "Đ"/"Đạt" is used in checklists for "met"; "Đã có",
 * "Rồi" answer "has it already?". Not "v": on attendance lists it means "vắng" (absent).
 */
const TRUE_WORDS = new Set([
  'x',
  'co',
  'c',
  'true',
  '1',
  'd',
  'dat',
  'yes',
  'y',
  'dung',
  'da co',
  'co roi',
  'roi',
  'da',
]);
/** Folded spellings of no. */
const FALSE_WORDS = new Set([
  'khong',
  'k',
  'ko',
  'kh',
  'khong co',
  'khong dat',
  'chua',
  'chua co',
  'false',
  '0',
  'no',
  'n',
  'sai',
]);

export function parseBoolean(raw: CellValue): ParseOutcome {
  return screen(raw, readBoolean);
}

function readBoolean(v: Present): ParseOutcome {
  if (typeof v === 'boolean') return valueOf(v);
  if (typeof v === 'number') {
    if (v === 1) return valueOf(true);
    if (v === 0) return valueOf(false);
  } else {
    if (TRUE_MARKS.has(v)) return valueOf(true);
    if (FALSE_MARKS.has(v)) return valueOf(false);
    const folded = foldText(v);
    if (TRUE_WORDS.has(folded)) return valueOf(true);
    if (FALSE_WORDS.has(folded)) return valueOf(false);
  }
  const q = quote(v);
  return invalid(
    `${q.vi} không phải là câu trả lời có/không; cần ghi "x", "Có", "✓" hoặc "Không"`,
    `${q.en} is not a yes/no answer; expected "x", "Có", "✓" or "Không"`,
  );
}
