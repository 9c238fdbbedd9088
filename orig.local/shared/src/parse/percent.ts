/**
 * Percentages, always returned as a fraction (6,8% → 0.068).
 * - Text with a % sign: the number before it, divided by 100 ("92,45 %" → 0.9245).
 * - A number in a cell formatted as a percentage: Excel already stores the fraction, kept as is.
 * - A bare number (a number cell without a % format, or text without %): above 1 it is read
 *   as percentage points (80.31 → 0.8031), at most 1 as a fraction already (0.8 → 0.8, 1 →
 *   100%). Officials type both, and a share above 100% written as a fraction is rare enough
 *   that the ambiguity is settled this way; values past 100% with a % sign stay as written.
 */
import type { CellValue } from '../grid.ts';
import { invalid, quote, screen, valueOf } from './common.ts';
import { parseNumberText } from './numbers.ts';
import type { ParseOutcome } from './index.ts';

/** Whether an Excel number format shows a percentage ("0%", "0.00%"), ignoring quoted text. */
export function isPercentFormat(numberFormat: string | null | undefined): boolean {
  if (!numberFormat) return false;
  const unquoted = numberFormat.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return unquoted.includes('%');
}

/** n / 100 without binary drift: "6.8" → 0.068 exactly as the literal 0.068 reads. */
function hundredth(literal: string, n: number): number {
  const exact = /e/i.test(literal) ? n / 100 : Number(`${literal}e-2`);
  return exact === 0 ? 0 : exact;
}

function pointsOrFraction(n: number, literal: string): number {
  return Math.abs(n) > 1 ? hundredth(literal, n) : n;
}

export function parsePercent(raw: CellValue, numberFormat?: string | null): ParseOutcome {
  return screen(raw, (v) => {
    if (typeof v === 'number') {
      return valueOf(isPercentFormat(numberFormat) ? v : pointsOrFraction(v, String(v)));
    }
    if (typeof v === 'string') {
      const withSign = /^(.*?)\s?%$/.exec(v);
      const parsed = parseNumberText(withSign ? withSign[1]! : v);
      if (parsed) {
        return valueOf(
          withSign ? hundredth(parsed.literal, parsed.value) : pointsOrFraction(parsed.value, parsed.literal),
        );
      }
    }
    const q = quote(v);
    return invalid(
      `${q.vi} không phải là tỷ lệ phần trăm; cần viết như 6,8% hoặc 92,45`,
      `${q.en} is not a percentage; expected something like 6,8% or 92,45`,
    );
  });
}
