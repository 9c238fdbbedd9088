/**
 * Number format of each cell style (`cellXfs`), as the ExcelJS reader resolves it: a custom
 * `<numFmt>` of the workbook, else Excel's built-in format of that id; none for id 0.
 */
import { attr, findTags } from './xml.ts';

/** Excel's built-in number formats that do not depend on the locale. */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export interface StyleFormats {
  /** Number format of cellXfs[i]; undefined when it has none. */
  numFmt: (string | undefined)[];
  /** Whether cellXfs[i]'s format shows a date (its numbers are day serials). */
  isDate: boolean[];
}

/** Date format: y, m, d, h, s or b outside quoted text and [..] sections. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

export function readStyleFormats(xml: string | undefined): StyleFormats {
  const out: StyleFormats = { numFmt: [], isDate: [] };
  if (!xml) return out;
  const custom = new Map<number, string>();
  for (const [s, e] of findTags(xml, 'numFmt')) {
    const id = parseInt(attr(xml, s, e, 'numFmtId') ?? '', 10);
    const code = attr(xml, s, e, 'formatCode');
    // ExcelJS drops the backslash of escaped characters (`\ ` → ` `) when it reads a format.
    if (code !== undefined) custom.set(id, code.replace(/[\\](.)/g, '$1'));
  }
  const xfsAt = findTags(xml, 'cellXfs')[0];
  if (!xfsAt) return out;
  const end = xml.indexOf('cellXfs>', xfsAt[1]);
  for (const [s, e] of findTags(xml, 'xf', xfsAt[1], end < 0 ? xml.length : end)) {
    const id = parseInt(attr(xml, s, e, 'numFmtId') ?? '', 10);
    const fmt = id ? custom.get(id) || BUILTIN_FORMATS[id] : undefined;
    out.numFmt.push(fmt);
    out.isDate.push(isDateFormat(fmt));
  }
  return out;
}
