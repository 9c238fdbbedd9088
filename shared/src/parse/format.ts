/** Numbers written the Vietnamese way: "." between thousands, "," before decimals. */

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Plain decimal digits of a finite number, without exponent notation. */
function plainDigits(n: number, decimals?: number): string {
  if (decimals !== undefined) return n.toFixed(Math.max(0, Math.min(100, Math.trunc(decimals))));
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Very large or very small numbers: toFixed keeps every digit JavaScript knows of.
  return Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20).replace(/0+$/, '');
}

/**
 * 1922 → "1.922", 6.8 → "6,8", 1234.5 → "1.234,5"; with `decimals`, rounded to that many
 * places (6.8, 2 → "6,80"). Non-finite numbers come back as JavaScript writes them.
 */
export function formatVietnameseNumber(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const negative = n < 0 || Object.is(n, -0);
  const body = plainDigits(Math.abs(n), decimals);
  const [intPart = '0', fracPart] = body.split('.');
  const sign = negative && /[1-9]/.test(body) ? '-' : '';
  return `${sign}${groupThousands(intPart)}${fracPart ? `,${fracPart}` : ''}`;
}
