/**
 * Identifiers (mã đơn vị, mã chi bộ): kept as text so that leading zeros survive ("007").
 */
import type { CellValue } from '../grid.ts';
import { invalid, quote, screen, valueOf } from './common.ts';
import type { ParseOutcome } from './index.ts';

export function parseCode(raw: CellValue): ParseOutcome {
  return screen(raw, (v) => {
    if (typeof v === 'string') {
      // A leading apostrophe is how Excel users force text; some exports keep it.
      const text = v.startsWith("'") ? v.slice(1).trim() : v;
      return text === '' ? { kind: 'blank' } : valueOf(text);
    }
    if (typeof v === 'number') {
      // A number cell: any leading zeros were already dropped by Excel when it was typed, so
      // 007 arrives as 7 and can only be read back as "7".
      if (Number.isInteger(v) && !Number.isSafeInteger(v)) {
        const q = quote(v);
        return invalid(
          `${q.vi} quá dài để lưu dạng số, Excel đã làm mất chữ số; cần nhập mã dạng văn bản`,
          `${q.en} is too long to be kept as a number and Excel lost digits; enter the code as text`,
        );
      }
      return valueOf(String(v));
    }
    const q = quote(v);
    return invalid(`${q.vi} không phải là mã hợp lệ`, `${q.en} is not a valid code`);
  });
}
