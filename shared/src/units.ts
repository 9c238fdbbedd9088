/**
 * Which unit is which. A workbook's header block says "ĐẢNG ỦY XÃ NẬM LẠNH", a unit list says
 * "Đảng bộ xã Nậm Lạnh", a letter says "ĐU xã Nậm Lạnh": the same commune committee. These
 * functions decide identity once, for every host (completeness of a roll-up, last period's
 * summary, the unit tree imported from a sheet).
 */
import { bi, type Bilingual } from './i18n.ts';
import type { Issue, Severity } from './issue.ts';
import type { UnitRef, UnitSummary } from './summary.ts';
import { fieldValue, type RowRecord } from './table.ts';
import { foldText } from './text.ts';
import type { WorkbookData } from './workbook-data.ts';

/**
 * Words naming the party body rather than the place, folded: "Đảng ủy", "Đảng bộ (cơ sở)",
 * "Chi bộ", "Ban Thường vụ", "Ban Chấp hành", and their abbreviations. Longest first, so that
 * "đảng bộ cơ sở" is taken whole.
 */
const BODY_WORDS: readonly string[][] = [
  ['ban', 'chap', 'hanh', 'dang', 'bo'],
  ['ban', 'thuong', 'vu'],
  ['ban', 'chap', 'hanh'],
  ['dang', 'bo', 'co', 'so'],
  ['dang', 'bo', 'bo', 'phan'],
  ['chi', 'bo', 'co', 'so'],
  ['dang', 'bo'],
  ['dang', 'uy'],
  ['chi', 'bo'],
  ['chi', 'uy'],
];

/**
 * Abbreviations of the same: dropped only before another such word or a level word, since
 * "Du", "Cb" could begin a place name ("Chi bộ Du Già").
 */
const BODY_ABBREVIATIONS: readonly string[][] = [
  ['t', 'm'], // T/M (thay mặt) in a signature line
  ['btv'],
  ['bch'],
  ['du'], // ĐU: đảng ủy
  ['db'], // ĐB: đảng bộ
  ['cb'], // CB: chi bộ
];

/**
 * A committee whose name carries its level: "Huyện ủy Sốp Cộp" is the district's committee,
 * so its key keeps "huyện" as "Đảng bộ huyện Sốp Cộp" does.
 */
const LEVEL_COMMITTEES: readonly { words: string[]; level: string }[] = [
  { words: ['huyen', 'uy'], level: 'huyen' },
  { words: ['tinh', 'uy'], level: 'tinh' },
  { words: ['thanh', 'uy'], level: 'thanh pho' },
  { words: ['thi', 'uy'], level: 'thi xa' },
  { words: ['quan', 'uy'], level: 'quan' },
];

/**
 * Administrative level words, folded. They stay in the key: "xã Nậm Lạnh" and "bản Nậm Lạnh"
 * are different units.
 */
const LEVEL_WORDS: readonly string[][] = [
  ['thanh', 'pho'],
  ['thi', 'xa'],
  ['thi', 'tran'],
  ['to', 'dan', 'pho'],
  ['tieu', 'khu'],
  ['khu', 'pho'],
  ['xa'],
  ['phuong'],
  ['huyen'],
  ['quan'],
  ['tinh'],
  ['ban'],
  ['thon'],
  ['xom'],
  ['lang'],
  ['ap'],
  ['buon'],
  ['bon'],
  ['plei'],
];

/** Level abbreviations officials write: "TP. Sơn La", "TT. Sốp Cộp", "TX. Mộc Châu". */
const LEVEL_ABBREVIATIONS: Record<string, string> = { tp: 'thanh pho', tx: 'thi xa', tt: 'thi tran' };

function startsWith(words: string[], at: number, prefix: readonly string[]): boolean {
  if (words.length - at <= prefix.length) return false; // a name must remain after the prefix
  return prefix.every((w, i) => words[at + i] === w);
}

/**
 * The identity of a unit's name: folded, the party-body words in front dropped, the level word
 * kept. "ĐẢNG ỦY XÃ NẬM LẠNH", "Đảng bộ xã Nậm Lạnh", "ĐU xã Nậm Lạnh" and "Xã Nậm Lạnh" all
 * give "xa nam lanh"; "Chi bộ bản Nậm Lạnh" gives "ban nam lanh"; "Huyện ủy Sốp Cộp" and
 * "Đảng bộ huyện Sốp Cộp" give "huyen sop cop". A name that is nothing but such words keeps
 * its folded text.
 */
export function unitKey(name: string): string {
  const words = foldText(name)
    .split(' ')
    .filter((w) => w !== '');
  let at = 0;
  const out: string[] = [];
  const levelAt = (i: number) =>
    LEVEL_WORDS.some((l) => startsWith(words, i, l)) || Object.hasOwn(LEVEL_ABBREVIATIONS, words[i] ?? '');
  const partyWordsAt = (i: number): boolean =>
    BODY_WORDS.some((p) => startsWith(words, i, p)) ||
    LEVEL_COMMITTEES.some((c) => startsWith(words, i, c.words)) ||
    BODY_ABBREVIATIONS.some(
      (p) => startsWith(words, i, p) && (partyWordsAt(i + p.length) || levelAt(i + p.length)),
    );
  for (;;) {
    const body =
      BODY_WORDS.find((p) => startsWith(words, at, p)) ??
      BODY_ABBREVIATIONS.find(
        (p) => startsWith(words, at, p) && (partyWordsAt(at + p.length) || levelAt(at + p.length)),
      );
    if (body) {
      at += body.length;
      continue;
    }
    const committee = LEVEL_COMMITTEES.find((c) => startsWith(words, at, c.words));
    if (committee) {
      at += committee.words.length;
      if (!levelAt(at)) out.push(committee.level);
      continue;
    }
    break;
  }
  const first = words[at];
  if (first !== undefined && Object.hasOwn(LEVEL_ABBREVIATIONS, first) && words.length - at > 1) {
    out.push(LEVEL_ABBREVIATIONS[first]!);
    at++;
  }
  out.push(...words.slice(at));
  return out.length > 0 ? out.join(' ') : words.join(' ');
}

/** Codes compare without surrounding spaces or case: " sc01" is "SC01". */
function codeKey(code: string): string {
  return code.trim().toUpperCase();
}

function hasCode(u: UnitRef): u is UnitRef & { code: string } {
  return u.code !== undefined && u.code.trim() !== '';
}

/** The same unit: by code when both have one, else by unitKey of their names. */
export function sameUnit(a: UnitRef, b: UnitRef): boolean {
  if (hasCode(a) && hasCode(b)) return codeKey(a.code) === codeKey(b.code);
  return unitKey(a.name) === unitKey(b.name);
}

/** The unit of `units` that `ref` names (sameUnit), if any. */
export function findUnit(units: readonly UnitRef[], ref: UnitRef): UnitRef | undefined {
  return units.find((u) => sameUnit(u, ref));
}

function fieldText(rec: RowRecord, field: string): string | undefined {
  const v = fieldValue(rec, field);
  if (v === undefined || typeof v === 'boolean') return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** A row of a unit list as read, any cell of it possibly blank. */
export interface UnitRow {
  name?: string;
  code?: string;
  parentCode?: string;
  level?: string;
}

/** Every row of a unit list ("Đơn vị": code, name, parent code, level), in order, blanks kept. */
export function unitRowsFromRecords(data: Pick<WorkbookData, 'records'>): UnitRow[] {
  const rows: UnitRow[] = [];
  for (const rec of data.records) {
    if (rec.kind !== 'units') continue;
    const row: UnitRow = {};
    for (const field of ['name', 'code', 'parentCode', 'level'] as const) {
      const text = fieldText(rec, field);
      if (text !== undefined) row[field] = text;
    }
    rows.push(row);
  }
  return rows;
}

/** The units of a unit list, in order: its rows that name a unit. */
export function unitsFromRecords(data: Pick<WorkbookData, 'records'>): UnitRef[] {
  return unitRowsFromRecords(data).filter((r): r is UnitRef => r.name !== undefined);
}

/**
 * The units expected to report to `parent`: its direct children by parent code when the list
 * names the parent (with a code). Otherwise — no parent given, or one the list does not know —
 * the units that report are the leaves: a unit that others name as their parent rolls up
 * rather than reports.
 */
export function expectedChildren(units: readonly UnitRef[], parent?: UnitRef): UnitRef[] {
  const known = parent ? findUnit(units, parent) : undefined;
  if (known && hasCode(known)) {
    const code = codeKey(known.code);
    return units.filter((u) => u.parentCode !== undefined && codeKey(u.parentCode) === code);
  }
  const parents = new Set(units.flatMap((u) => (u.parentCode ? [codeKey(u.parentCode)] : [])));
  return units.filter((u) => !hasCode(u) || !parents.has(codeKey(u.code)));
}

/** Checks of a unit list, for the catalogue of checks. */
export const UNIT_LIST_RULES = {
  duplicateCode: 'units.code.duplicate',
  unknownParent: 'units.parent.unknown',
} as const;

const CONSISTENCY = bi('Tính nhất quán của số liệu', 'Data consistency');

export const UNIT_LIST_CHECKS: readonly {
  id: string;
  severity: Severity;
  title: Bilingual;
  basis: Bilingual;
}[] = [
  {
    id: UNIT_LIST_RULES.duplicateCode,
    severity: 'error',
    title: bi('Mã đơn vị trùng nhau trong danh sách đơn vị', 'The same unit code twice in a unit list'),
    basis: CONSISTENCY,
  },
  {
    id: UNIT_LIST_RULES.unknownParent,
    severity: 'warning',
    title: bi(
      'Mã đơn vị cấp trên không có trong danh sách đơn vị',
      'A parent unit code that is not in the unit list',
    ),
    basis: CONSISTENCY,
  },
];

function cellOf(rec: RowRecord, field: string): string {
  const cells = rec.cells;
  return cells[field]?.address ?? Object.values(cells)[0]?.address ?? 'A1';
}

/**
 * What is wrong with a unit list, at the cell:
 * - a code used twice (an error: a submission could not tell which unit it belongs to);
 * - a parent code no row of the list has, on a unit with no children of its own, when the
 *   list has more than one level. The top of a list names its own superior, which the list
 *   need not hold ("SC" under "SL"), and that unit has children: it is not flagged; a commune
 *   whose parent code is mistyped is.
 */
export function unitListIssues(data: WorkbookData): Issue[] {
  const records = data.records.filter((r) => r.kind === 'units' && fieldText(r, 'name') !== undefined);
  const issues: Issue[] = [];
  const firstByCode = new Map<string, RowRecord>();
  for (const rec of records) {
    const code = fieldText(rec, 'code');
    if (code === undefined) continue;
    const first = firstByCode.get(codeKey(code));
    if (!first) {
      firstByCode.set(codeKey(code), rec);
      continue;
    }
    const firstCell = cellOf(first, 'code');
    issues.push({
      ruleId: UNIT_LIST_RULES.duplicateCode,
      severity: 'error',
      sheet: rec.sheet,
      cell: cellOf(rec, 'code'),
      message: bi(
        `Mã đơn vị ${code} của "${fieldText(rec, 'name')}" đã dùng cho "${fieldText(first, 'name')}" (ô ${firstCell})`,
        `Unit code ${code} of "${fieldText(rec, 'name')}" is already used by "${fieldText(first, 'name')}" (cell ${firstCell})`,
      ),
      suggestion: bi(
        'Mỗi đơn vị cần một mã riêng: sửa một trong hai mã.',
        'Each unit needs its own code: correct one of the two.',
      ),
      basis: CONSISTENCY,
      values: { code, row: rec.row + 1, firstRow: first.row + 1 },
      unitName: fieldText(rec, 'name')!,
      rowRef: rec.ref,
      justified: false,
    });
  }
  const parentCodes = new Set(
    records.flatMap((r) => {
      const p = fieldText(r, 'parentCode');
      return p === undefined ? [] : [codeKey(p)];
    }),
  );
  const hasChildren = (rec: RowRecord) => {
    const code = fieldText(rec, 'code');
    return code !== undefined && parentCodes.has(codeKey(code));
  };
  const multiLevel = records.some(hasChildren);
  if (!multiLevel) return issues;
  for (const rec of records) {
    const parent = fieldText(rec, 'parentCode');
    if (parent === undefined || firstByCode.has(codeKey(parent)) || hasChildren(rec)) continue;
    const name = fieldText(rec, 'name')!;
    issues.push({
      ruleId: UNIT_LIST_RULES.unknownParent,
      severity: 'warning',
      sheet: rec.sheet,
      cell: cellOf(rec, 'parentCode'),
      message: bi(
        `"${name}": mã đơn vị cấp trên ${parent} không có trong danh sách`,
        `"${name}": parent unit code ${parent} is not in the list`,
      ),
      suggestion: bi(
        'Kiểm tra lại mã đơn vị cấp trên (có thể gõ nhầm).',
        'Check the parent unit code (it may be mistyped).',
      ),
      basis: CONSISTENCY,
      values: { parentCode: parent },
      unitName: name,
      rowRef: rec.ref,
      justified: false,
    });
  }
  return issues;
}

/**
 * Last period's summary of `unit`: the only one when a single summary was given (the user
 * pointed at it), otherwise the one with the same code, else the one with the same unitKey.
 */
export function findPrevious(
  summaries: readonly UnitSummary[],
  unit: UnitRef | undefined,
): UnitSummary | undefined {
  if (summaries.length === 1) return summaries[0];
  if (!unit) return undefined;
  if (hasCode(unit)) {
    const code = codeKey(unit.code);
    const byCode = summaries.find((s) => hasCode(s.unit) && codeKey(s.unit.code) === code);
    if (byCode) return byCode;
  }
  return summaries.find((s) => sameUnit(s.unit, unit));
}
