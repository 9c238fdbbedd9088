/**
 * The lines above a table: the committee's name on the left ("HUYỆN ỦY SỐP CỘP" over "ĐẢNG ỦY
 * XÃ NẬM LẠNH"), "ĐẢNG CỘNG SẢN VIỆT NAM" and the date line on the right, then the title
 * ("BIỂU TỔNG HỢP … NĂM 2023"). They give the table's title, the period and the unit.
 */
import { halfPeriod, monthPeriod, quarterPeriod, termPeriod, yearPeriod, type Period } from '../period.ts';
import type { UnitRef } from '../summary.ts';
import { foldText, tidyText } from '../text.ts';
import type { SheetView } from './sheet-view.ts';
import { isDateLineFolded, isSignatureFolded } from './signature.ts';

/** How far above a header we look for its title and committee lines. */
export const HEADER_BLOCK_ROWS = 10;

export interface HeaderBlock {
  title?: string;
  period?: Period;
  unit?: UnitRef;
}

type UnitLevel = 'province' | 'district' | 'commune' | 'grassroots';
const SPECIFICITY: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2, grassroots: 3 };

/** Office prefixes in front of a committee's name: "Ban Tổ chức Huyện ủy …" is the Huyện ủy's. */
const OFFICE_PREFIXES = [
  'ban to chuc',
  'ban thuong vu',
  'ban chap hanh',
  'van phong',
  'uy ban kiem tra',
  'don vi',
];

function unitLevel(folded: string): UnitLevel | undefined {
  if (/^(tinh uy|dang bo tinh)\b/.test(folded)) return 'province';
  if (/^(huyen uy|thi uy|quan uy|thanh uy|dang bo (huyen|thi xa|quan|thanh pho))\b/.test(folded))
    return 'district';
  if (/^(dang uy|dang bo) (xa|phuong|thi tran)\b/.test(folded)) return 'commune';
  if (/^(chi bo|dang uy|dang bo)\b/.test(folded)) return 'grassroots';
  return undefined;
}

/** Drops the first `n` words of a tidy text, keeping the rest as written. */
function dropWords(text: string, n: number): string {
  return text.split(' ').slice(n).join(' ');
}

function readUnitLine(text: string): { unit: UnitRef; level: UnitLevel } | undefined {
  let folded = foldText(text);
  let name = text;
  for (const p of OFFICE_PREFIXES) {
    if (folded.startsWith(`${p} `)) {
      folded = folded.slice(p.length + 1);
      name = dropWords(text, p.split(' ').length);
      break;
    }
  }
  const level = unitLevel(folded);
  if (!level) return undefined;
  return { unit: { name: name.replace(/^[:\s]+/, ''), level }, level };
}

const ROMAN_QUARTER: Record<string, 1 | 2 | 3 | 4> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};

function sensibleYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}

/** The reporting period a (folded) title names, if any. */
export function parsePeriod(text: string, allowBareYear = false): Period | undefined {
  const f = foldText(text);
  let m = /\bnhiem ky (\d{4}) (\d{4})\b/.exec(f);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (sensibleYear(a) && b > a && b - a <= 10) return termPeriod(a, b);
  }
  m = /\bquy (iv|iii|ii|i|[1-4]) (?:nam )?(\d{4})\b/.exec(f);
  if (m && sensibleYear(Number(m[2]))) return quarterPeriod(Number(m[2]), ROMAN_QUARTER[m[1]!]!);
  m = /\b(?:6|sau) thang (dau|cuoi) (?:nam )?(\d{4})\b/.exec(f) ?? /\bnua (dau|cuoi) nam (\d{4})\b/.exec(f);
  if (m && sensibleYear(Number(m[2]))) return halfPeriod(Number(m[2]), m[1] === 'dau' ? 1 : 2);
  m = /\bthang (\d{1,2}) (?:nam )?(\d{4})\b/.exec(f);
  if (m) {
    const month = Number(m[1]);
    if (month >= 1 && month <= 12 && sensibleYear(Number(m[2]))) return monthPeriod(Number(m[2]), month);
  }
  m = /\bnam (\d{4})\b/.exec(f);
  if (m && sensibleYear(Number(m[1]))) return yearPeriod(Number(m[1]));
  if (allowBareYear) {
    m = /\b((?:19|20)\d\d)\b/.exec(f);
    if (m) return yearPeriod(Number(m[1]));
  }
  return undefined;
}

/**
 * The party cell a member list is of, when the lines above it name one: the committee line
 * ("CHI BỘ BẢN LẠNH" under "ĐẢNG BỘ XÃ NẬM LẠNH") or the title ("DANH SÁCH ĐẢNG VIÊN CHI BỘ
 * BẢN LẠNH NĂM 2023"). A title naming several ("… CÁC CHI BỘ TRỰC THUỘC") names none.
 */
export function cellNamedAbove(block: HeaderBlock): string | undefined {
  if (block.unit && /^chi bo \S/.test(foldText(block.unit.name))) return block.unit.name;
  if (!block.title) return undefined;
  const words = block.title.split(' ');
  const folded = words.map((w) => foldText(w));
  const at = folded.findIndex((w, i) => w === 'chi' && folded[i + 1] === 'bo');
  if (at < 0 || !/^(danh sach|ds) dang vien (cua )?$/.test(`${folded.slice(0, at).join(' ')} `))
    return undefined;
  const name: string[] = [];
  for (let i = at + 2; i < words.length; i++) {
    const w = folded[i]!;
    // The name ends where the period, a dash or the committee above it begins.
    if (w === '' || CELL_NAME_ENDS.has(w) || /^[(\-–]/.test(words[i]!)) break;
    name.push(words[i]!.replace(/[,;:]$/, ''));
    if (/[,;:]$/.test(words[i]!)) break;
  }
  if (name.length === 0 || (folded[at + 2] === 'truc' && folded[at + 3] === 'thuoc')) return undefined;
  return [words[at], words[at + 1], ...name].join(' ');
}

/** Words after a cell's name in a title: "… NĂM 2023", "NHIỆM KỲ …", "ĐẢNG BỘ XÃ …". */
const CELL_NAME_ENDS = new Set(['nam', 'nhiem', 'quy', 'thang', 'tinh', 'den', 'giai', 'thuoc', 'dang']);

/** Reads the lines of rows [from, to) above a header, nearest first. */
export function readHeaderBlock(view: SheetView, from: number, to: number): HeaderBlock {
  const titleRows: string[] = [];
  let titleDone = false;
  const others: string[] = [];
  let unit: { unit: UnitRef; level: UnitLevel } | undefined;
  let code: string | undefined;
  scan: for (let r = to - 1; r >= Math.max(from, to - HEADER_BLOCK_ROWS); r--) {
    const cells = view.nonBlankCells(r);
    if (cells.length === 0) {
      if (titleRows.length > 0) titleDone = true;
      continue;
    }
    const titleParts: string[] = [];
    for (const [, v] of cells) {
      if (typeof v !== 'string') continue;
      const text = tidyText(v);
      const f = foldText(text);
      if (
        f === '' ||
        f.startsWith('dang cong san viet nam') ||
        f.startsWith('cong hoa xa hoi') ||
        f.startsWith('doc lap tu do')
      )
        continue;
      if (isDateLineFolded(f)) continue;
      // Above a signature line lies the previous table.
      if (isSignatureFolded(f)) break scan;
      if (f.startsWith('ma don vi')) {
        const c = text.includes(':') ? tidyText(text.slice(text.indexOf(':') + 1)) : dropWords(text, 3);
        if (c) code ??= c;
        continue;
      }
      const u = readUnitLine(text);
      if (u) {
        if (!unit || SPECIFICITY[u.level] > SPECIFICITY[unit.level]) unit = u;
        continue;
      }
      // "Số 125-BC/ĐU", "(Kèm theo …)", "Đơn vị tính: …" are not the title.
      if (/^so\b/.test(f) && /\d/.test(f) && /[-/]/.test(text)) continue;
      if (text.startsWith('(') || f.startsWith('don vi tinh')) {
        others.push(text);
        continue;
      }
      titleParts.push(text);
    }
    if (titleParts.length > 0) {
      if (titleDone) others.push(...titleParts);
      else titleRows.unshift(titleParts.join(' '));
    } else if (titleRows.length > 0) titleDone = true;
  }
  const title = titleRows.length > 0 ? titleRows.join(' ') : undefined;
  let period = title ? parsePeriod(title, true) : undefined;
  for (const o of others) period ??= parsePeriod(o);
  const out: HeaderBlock = {};
  if (title) out.title = title;
  if (period) out.period = period;
  if (unit) out.unit = code ? { ...unit.unit, code } : unit.unit;
  else if (code) out.unit = { code, name: code };
  return out;
}
