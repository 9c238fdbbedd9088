/**
 * Data-quality rules: blanks in required columns, impossible values, sums that do not add up,
 * duplicated rows. These are errors: the figures contradict themselves and must be fixed
 * before anything computed from them can be trusted.
 */
import { FIELDS, type FieldDef, type TableKind } from '../fields.ts';
import { a1, type CellValue } from '../grid.ts';
import { bi, type Bilingual } from '../i18n.ts';
import { fieldValue, type FieldValue, type RowRecord } from '../table.ts';
import { BASIS } from './basis.ts';
import { fieldColumn, nums, textValue, type RuleHelpers } from './helpers.ts';
import { FNV_OFFSET, FNV_PRIME, hashText } from '../hash.ts';
import { nameKey, nameKeyHash } from './name-key.ts';
import { rowRule, type Finding, type RuleDef } from './types.ts';

const fieldDefs = (kind: TableKind): Map<string, FieldDef> => new Map(FIELDS[kind].map((d) => [d.id, d]));
const DEFS = new Map<TableKind, Map<string, FieldDef>>(
  (Object.keys(FIELDS) as TableKind[]).map((k) => [k, fieldDefs(k)]),
);

function defOf(kind: TableKind, field: string): FieldDef | undefined {
  return DEFS.get(kind)?.get(field);
}

/** Blank as the parser reads it: nothing, spaces, or a lone dash. */
function isBlankRaw(raw: CellValue): boolean {
  if (raw === null) return true;
  if (typeof raw === 'string') return /^[\s\u00a0]*([-–—][\s\u00a0]*)?$/.test(raw);
  return false;
}

/** Required, non-personal fields per kind (personal cells are removed before data leaves). */
const REQUIRED = new Map<TableKind, FieldDef[]>(
  (Object.keys(FIELDS) as TableKind[]).map((k) => [k, FIELDS[k].filter((d) => d.required && !d.personal)]),
);

/** Kinds whose rows are asked for their required cells (targets' where targets are read). */
const REQUIRED_KINDS: TableKind[] = [
  'partyCells',
  'hamlets',
  'members',
  'organizations',
  'units',
  'justifications',
];

/**
 * Which of `fields` a record's table has a column for. Apart from the loop over the rows: a
 * closure there that captures the row makes V8 allocate a scope for every row it visits, used
 * or not (4 MB a check over a province's member rows).
 */
function mappedFields(h: RuleHelpers, rec: RowRecord, fields: readonly FieldDef[]): boolean[] {
  return fields.map((d) => h.mapped(rec, d.id));
}

/** Count fields per kind: the ones that must not be negative and that totals add up. */
const COUNT_FIELDS = new Map<TableKind, FieldDef[]>(
  (Object.keys(FIELDS) as TableKind[]).map((k) => [k, FIELDS[k].filter((d) => d.type === 'int')]),
);

/*
 * Loops rather than .some() with an arrow: these run on every row of every table, and a
 * closure made per row costs more than the test itself.
 */
function hasNumberFor(rec: RowRecord, defs: readonly FieldDef[]): boolean {
  for (const d of defs) if (typeof fieldValue(rec, d.id) === 'number') return true;
  return false;
}

const BALANCE_FLOWS: { field: string; sign: 1 | -1; vi: string; en: string }[] = [
  { field: 'admitted', sign: 1, vi: 'kết nạp', en: 'admitted' },
  { field: 'transferredIn', sign: 1, vi: 'chuyển đến', en: 'transferred in' },
  { field: 'transferredOut', sign: -1, vi: 'chuyển đi', en: 'transferred out' },
  { field: 'deceased', sign: -1, vi: 'từ trần', en: 'deceased' },
  { field: 'removed', sign: -1, vi: 'xóa tên, khai trừ', en: 'removed' },
];

const DUPLICATE_KINDS: TableKind[] = ['partyCells', 'hamlets', 'organizations', 'members', 'units'];
const TOTAL_KINDS: TableKind[] = ['partyCells', 'hamlets', 'organizations'];

const FIX = bi('Sửa lại số liệu cho khớp.', 'Correct the figures so that they agree.');

export const DATA_RULES: RuleDef[] = [
  {
    id: 'data.required',
    severity: 'error',
    title: bi('Thiếu số liệu bắt buộc', 'Required value missing'),
    basis: BASIS.consistency,
    kinds: REQUIRED_KINDS,
    // By column: nearly every row of a province's 100,000 is complete, and which required
    // fields a row has a column for is the same down its table.
    check(_ctx, h) {
      const findings: Finding[] = [];
      let checked = 0;
      for (const kind of REQUIRED_KINDS) {
        const required = REQUIRED.get(kind) ?? [];
        if (required.length === 0) continue;
        // A field's column, asked for once a table has it: a field no table has needs none.
        const columns: (readonly (FieldValue | undefined)[] | undefined)[] = [];
        const records = h.records(kind);
        let table: string | undefined;
        let known = false;
        let mapped: boolean[] = [];
        let anyMapped = false;
        for (let i = 0; i < records.length; i++) {
          const rec = records[i]!;
          // A record of no detected table says by its own cells which fields it has.
          if (rec.tableId !== table || !known) {
            table = rec.tableId;
            known = h.table(table) !== undefined;
            mapped = mappedFields(h, rec, required);
            anyMapped = mapped.includes(true);
          }
          if (!anyMapped) continue;
          checked++;
          for (let k = 0; k < required.length; k++) {
            if (!mapped[k] || (columns[k] ??= h.column(kind, required[k]!.id))[i] !== undefined) continue;
            // A value that is there but unreadable is reported by the parser, not here.
            const d = required[k]!;
            const cell = rec.cells[d.id];
            if (!cell || !isBlankRaw(cell.raw)) continue;
            const l = h.label(rec);
            findings.push(
              h.finding(
                rec,
                d.id,
                bi(`${l.vi}: thiếu "${d.label.vi}"`, `${l.en}: "${d.label.en}" is blank`),
                { field: d.id },
                bi(`Điền "${d.label.vi}".`, `Fill in "${d.label.en}".`),
              ),
            );
          }
        }
      }
      return { findings, checked };
    },
  },
  rowRule({
    id: 'data.negative',
    severity: 'error',
    title: bi('Số lượng âm', 'Negative count'),
    basis: BASIS.consistency,
    kinds: ['partyCells', 'hamlets', 'organizations'],
    needs: [],
    when: (rec) => hasNumberFor(rec, COUNT_FIELDS.get(rec.kind) ?? []),
    row(rec, h) {
      const out: Finding[] = [];
      for (const d of COUNT_FIELDS.get(rec.kind) ?? []) {
        const v = fieldValue(rec, d.id);
        if (typeof v !== 'number' || v >= 0) continue;
        const l = h.label(rec);
        const n = nums(v);
        out.push(
          h.finding(
            rec,
            d.id,
            bi(
              `${l.vi}: "${d.label.vi}" là số âm (${n.vi})`,
              `${l.en}: "${d.label.en}" is negative (${n.en})`,
            ),
            { field: d.id, value: v },
            FIX,
          ),
        );
      }
      return out;
    },
  }),
  rowRule({
    id: 'data.range.meetings',
    severity: 'error',
    title: bi(
      'Số kỳ sinh hoạt vượt số tháng của kỳ báo cáo',
      'More regular meetings than months in the period',
    ),
    basis: BASIS.consistency,
    kinds: ['partyCells'],
    needs: ['meetingsRegular'],
    row(rec, h) {
      const held = h.num(rec, 'meetingsRegular')!;
      // One regular meeting a month; a rulebook asking for more raises the ceiling with it.
      const maximum = Math.max(h.months, h.requiredRegular);
      if (held <= maximum) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'meetingsRegular',
        bi(
          `${l.vi}: ${held} kỳ sinh hoạt thường kỳ, nhiều hơn ${maximum} tháng của kỳ báo cáo`,
          `${l.en}: ${held} regular meetings, more than the ${maximum} months of the period`,
        ),
        { held, maximum },
        bi(
          'Kiểm tra lại số kỳ sinh hoạt (sinh hoạt chuyên đề ghi ở cột riêng).',
          'Check the number of meetings (thematic meetings go in their own column).',
        ),
      );
    },
  }),
  rowRule({
    id: 'data.range.score',
    severity: 'error',
    title: bi('Điểm tự chấm ngoài thang điểm', 'Score outside the scale'),
    basis: BASIS.consistency,
    kinds: ['partyCells', 'organizations'],
    needs: ['score'],
    row(rec, h) {
      const score = h.num(rec, 'score')!;
      const max = h.thresholds.maxScore;
      if (score >= 0 && score <= max) return undefined;
      const l = h.label(rec);
      const s = nums(score);
      return h.finding(
        rec,
        'score',
        bi(`${l.vi}: điểm ${s.vi} ngoài thang 0–${max}`, `${l.en}: score ${s.en} is outside 0–${max}`),
        { score, min: 0, max },
        bi('Kiểm tra lại điểm tự chấm.', 'Check the score.'),
      );
    },
  }),
  rowRule({
    id: 'data.range.tasks',
    severity: 'error',
    title: bi('Số nhiệm vụ không khớp', 'Task figures do not add up'),
    basis: BASIS.consistency,
    kinds: ['partyCells', 'organizations'],
    needs: [],
    when: (rec, h) =>
      h.num(rec, 'tasksTotal') !== undefined ||
      (h.num(rec, 'membersWithTask') !== undefined && h.num(rec, 'membersTotal') !== undefined),
    row(rec, h) {
      const out: Finding[] = [];
      const total = h.num(rec, 'tasksTotal');
      if (total !== undefined) {
        let partOver = false;
        for (const f of ['tasksOnTime', 'tasksLate', 'tasksUndone', 'tasksExceeded']) {
          const v = h.num(rec, f);
          if (v === undefined || v <= total) continue;
          partOver = true;
          const d = defOf(rec.kind, f)!;
          const l = h.label(rec);
          out.push(
            h.finding(
              rec,
              f,
              bi(
                `${l.vi}: "${d.label.vi}" là ${v}, nhiều hơn ${total} nhiệm vụ được giao`,
                `${l.en}: "${d.label.en}" is ${v}, more than the ${total} tasks assigned`,
              ),
              { field: f, value: v, tasksTotal: total },
              FIX,
            ),
          );
        }
        const onTime = h.num(rec, 'tasksOnTime') ?? 0;
        const late = h.num(rec, 'tasksLate') ?? 0;
        const undone = h.num(rec, 'tasksUndone') ?? 0;
        const sum = onTime + late + undone;
        if (!partOver && sum > total) {
          const l = h.label(rec);
          out.push(
            h.finding(
              rec,
              'tasksTotal',
              bi(
                `${l.vi}: đúng hạn ${onTime} + chậm ${late} + chưa hoàn thành ${undone} = ${sum}, nhiều hơn ${total} nhiệm vụ được giao`,
                `${l.en}: on time ${onTime} + late ${late} + not done ${undone} = ${sum}, more than the ${total} tasks assigned`,
              ),
              { tasksOnTime: onTime, tasksLate: late, tasksUndone: undone, sum, tasksTotal: total },
              FIX,
            ),
          );
        }
      }
      const withTask = h.num(rec, 'membersWithTask');
      const members = h.num(rec, 'membersTotal');
      if (withTask !== undefined && members !== undefined && withTask > members) {
        const l = h.label(rec);
        out.push(
          h.finding(
            rec,
            'membersWithTask',
            bi(
              `${l.vi}: ${withTask} đảng viên được phân công nhiệm vụ, nhiều hơn tổng số ${members} đảng viên`,
              `${l.en}: ${withTask} members assigned a task, more than the ${members} members`,
            ),
            { membersWithTask: withTask, membersTotal: members },
            FIX,
          ),
        );
      }
      return out;
    },
  }),
  rowRule({
    id: 'data.members.sum',
    severity: 'error',
    title: bi('Chính thức + dự bị khác tổng số đảng viên', 'Official + probationary differs from the total'),
    basis: BASIS.consistency,
    kinds: ['partyCells', 'organizations'],
    needs: ['membersTotal', 'membersOfficial', 'membersProbationary'],
    row(rec, h) {
      const total = h.num(rec, 'membersTotal')!;
      const official = h.num(rec, 'membersOfficial')!;
      const probationary = h.num(rec, 'membersProbationary')!;
      const sum = official + probationary;
      if (sum === total) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'membersTotal',
        bi(
          `${l.vi}: ${official} chính thức + ${probationary} dự bị = ${sum}, khác tổng số ${total}`,
          `${l.en}: ${official} official + ${probationary} probationary = ${sum}, not the total of ${total}`,
        ),
        { official, probationary, sum, total },
        FIX,
      );
    },
  }),
  rowRule({
    id: 'data.members.balance',
    severity: 'error',
    title: bi('Biến động đảng viên không cân', 'Member balance does not add up'),
    basis: BASIS.consistency,
    kinds: ['partyCells', 'organizations'],
    needs: ['membersStart', 'membersEnd'],
    // Every flow needs its column; a blank flow cell is zero.
    when: (rec, h) => BALANCE_FLOWS.every((f) => h.mapped(rec, f.field)),
    row(rec, h) {
      const start = h.num(rec, 'membersStart')!;
      const end = h.num(rec, 'membersEnd')!;
      let expected = start;
      const values: Record<string, number> = { membersStart: start };
      const partsVi: string[] = [`đầu kỳ ${start}`];
      const partsEn: string[] = [`start ${start}`];
      for (const f of BALANCE_FLOWS) {
        const v = h.num(rec, f.field) ?? 0;
        expected += f.sign * v;
        values[f.field] = v;
        const op = f.sign > 0 ? '+' : '−';
        partsVi.push(`${op} ${f.vi} ${v}`);
        partsEn.push(`${op} ${f.en} ${v}`);
      }
      if (expected === end) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'membersEnd',
        bi(
          `${l.vi}: ${partsVi.join(' ')} = ${expected}, khác cuối kỳ ${end}`,
          `${l.en}: ${partsEn.join(' ')} = ${expected}, not the end-of-period ${end}`,
        ),
        { ...values, expected, membersEnd: end },
        FIX,
      );
    },
  }),
  {
    id: 'data.duplicateRow',
    severity: 'warning',
    title: bi('Dòng trùng lặp', 'Duplicated row'),
    basis: BASIS.consistency,
    kinds: DUPLICATE_KINDS,
    check(_ctx, h) {
      const findings: Finding[] = [];
      let checked = 0;
      for (const kind of DUPLICATE_KINDS) {
        const earlier = kind === 'members' ? memberFinder(h) : unitFinder(h);
        const records = h.records(kind);
        for (let i = 0; i < records.length; i++) {
          const rec = records[i]!;
          const first = earlier(rec, i);
          if (first === null) continue;
          checked++;
          if (first === undefined) continue;
          const l = h.label(rec);
          const firstRow = first.row + 1;
          findings.push(
            h.finding(
              rec,
              kind === 'members' ? ['cell'] : ['name', 'code'],
              kind === 'members'
                ? bi(
                    `${l.vi}: trùng họ tên${birthSame(rec).vi} và chi bộ với dòng ${firstRow}`,
                    `${l.en}: same name${birthSame(rec).en} and cell as row ${firstRow}`,
                  )
                : bi(`${l.vi}: trùng với dòng ${firstRow}`, `${l.en}: same as row ${firstRow}`),
              { row: rec.row + 1, firstRow },
              bi(
                'Xóa dòng trùng hoặc sửa tên để phân biệt (tránh cộng hai lần).',
                'Remove the duplicate or tell the rows apart (it would be counted twice).',
              ),
            ),
          );
        }
      }
      return { findings, checked };
    },
  },
  {
    id: 'data.total.mismatch',
    severity: 'error',
    title: bi('Dòng tổng cộng khác tổng các dòng', 'Total row differs from the sum of its rows'),
    basis: BASIS.consistency,
    kinds: TOTAL_KINDS,
    check(_ctx, h) {
      const findings: Finding[] = [];
      let checked = 0;
      for (const kind of TOTAL_KINDS) {
        const tables = h.tables(kind).filter((t) => t.totalRows.length > 0);
        if (tables.length === 0) continue;
        // The records of each table with totals, in row order.
        const byTable = new Map<string, RowRecord[]>(tables.map((t) => [t.id, []]));
        const records = h.records(kind);
        for (let i = 0; i < records.length; i++) byTable.get(records[i]!.tableId)?.push(records[i]!);
        for (const table of tables) {
          const rows = byTable.get(table.id)!;
          for (const total of table.totalRows) {
            const covered = recordsAtRows(rows, total.coversRows);
            let compared = false;
            for (const [field, shown] of Object.entries(total.values)) {
              if (typeof shown !== 'number' || defOf(kind, field)?.type !== 'int') continue;
              const col = fieldColumn(table, field);
              if (col === undefined) continue;
              let sum = 0;
              let any = false;
              for (let i = 0; i < covered.length; i++) {
                const v = fieldValue(covered[i]!, field);
                if (typeof v === 'number') {
                  sum += v;
                  any = true;
                }
              }
              if (!any) continue;
              compared = true;
              if (sum === shown) continue;
              const d = defOf(kind, field)!;
              findings.push({
                sheet: table.sheet,
                cell: a1(total.row, col),
                message: bi(
                  `${total.label}: "${d.label.vi}" ghi ${shown} nhưng cộng ${total.coversRows.length} dòng được ${sum}`,
                  `${total.label}: "${d.label.en}" shows ${shown} but its ${total.coversRows.length} rows add up to ${sum}`,
                ),
                suggestion: bi(
                  'Sửa dòng tổng cộng hoặc các dòng chi tiết cho khớp.',
                  'Correct the total or the rows so that they agree.',
                ),
                values: { field, total: shown, sum, difference: shown - sum },
                unitName: total.label,
              });
            }
            if (compared) checked++;
          }
        }
      }
      return { findings, checked };
    },
  },
];

/**
 * The records on the given rows, both in row order: walked side by side, since a total over a
 * province's cells covers thousands of rows (a map from row to record cost a map entry per row).
 */
function recordsAtRows(records: readonly RowRecord[], rows: readonly number[]): RowRecord[] {
  const out: RowRecord[] = [];
  let at = 0;
  for (const row of rows) {
    while (at < records.length && records[at]!.row < row) at++;
    if (at < records.length && records[at]!.row === row) out.push(records[at]!);
  }
  return out;
}

/** What else two member rows found the same share besides the name: the birth date or year. */
function birthSame(rec: RowRecord): Bilingual {
  const birth = fieldValue(rec, 'birthDate');
  // A "Ngày sinh" cell may hold the year alone.
  if (typeof birth === 'string') return bi(', ngày sinh', ', date of birth');
  if (birth !== undefined || fieldValue(rec, 'birthYear') !== undefined)
    return bi(', năm sinh', ', year of birth');
  return bi('', '');
}

/**
 * For each row in turn (`at`: its place in the records of its kind), the first earlier row
 * with the same key; `null` for a row with no key.
 */
type EarlierRow = (rec: RowRecord, at: number) => RowRecord | undefined | null;

/**
 * The same table and parent group, as one text: worked out once per table and groups array
 * (rows of one group share their array), since the search asks for it on every row.
 */
function scopes(h: RuleHelpers): (rec: RowRecord) => string {
  const byGroups = new Map<readonly string[], Map<string, string>>();
  return (rec) => {
    const groups = rec.groups;
    let byTable = byGroups.get(groups);
    if (byTable === undefined) byGroups.set(groups, (byTable = new Map()));
    let scope = byTable.get(rec.tableId);
    if (scope === undefined)
      byTable.set(rec.tableId, (scope = `${rec.tableId}|${groups.map(h.fold).join('/')}|`));
    return scope;
  };
}

/**
 * Units (cells, hamlets, organizations): the same scope and code, or name when there is no code.
 * Looked up by scope, then by the code or folded name as they are: no key text made per row.
 */
function unitFinder(h: RuleHelpers): EarlierRow {
  const scopeOf = scopes(h);
  const seen = new Map<string, { byCode: Map<string, RowRecord>; byName: Map<string, RowRecord> }>();
  return (rec) => {
    const code = h.text(rec, 'code');
    const name = code === undefined ? h.text(rec, 'name') : undefined;
    if (code === undefined && name === undefined) return null;
    const scope = scopeOf(rec);
    let mine = seen.get(scope);
    if (mine === undefined) seen.set(scope, (mine = { byCode: new Map(), byName: new Map() }));
    const byKey = code !== undefined ? mine.byCode : mine.byName;
    const key = code !== undefined ? code.trim().toUpperCase() : h.fold(name!);
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, rec);
    return first;
  };
}

/** Interns texts as small whole numbers. */
class Ids {
  private readonly ids = new Map<string, number>();
  of(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    return id;
  }
}

/**
 * Members: the same scope, name (by nameKey), birth and cell. A province has 100,000 member
 * rows, so no key text is built per row: scope and cell (which repeat) become interned ids,
 * each row's scope, cell and birth one hash, and the rows are sorted by that hash (a radix
 * sort, which keeps row order among equal hashes). Only rows sharing a hash with another are
 * looked at again: within a cell few members share a birth, so most names are never read, and
 * the rows that do share one are told apart part by part and by their names' key hashes. A
 * hash table probed once per row instead spent a third of the search waiting on memory.
 */
function memberFinder(h: RuleHelpers): EarlierRow {
  const records = h.records('members');
  const count = records.length;
  // Read by column: the search visits every member row. A detected table's name column holds
  // texts, never blank: a row's name is then not read to learn that it has one.
  const parsed = h.parsedColumns('members');
  const nameColumn = h.column('members', 'fullName');
  const cellColumn = h.column('members', 'cell');
  const birthColumn = h.column('members', 'birthDate');
  const birthDays = h.days('members', 'birthDate');
  const birthYearColumn = h.column('members', 'birthYear');
  const nameAt = (at: number): string | undefined =>
    parsed ? (nameColumn[at] as string | undefined) : textValue(nameColumn[at]);
  // A list giving only the year of birth tells members apart by the year.
  const birthAt = (at: number): string =>
    birthDays[at] !== 0 ? '' : (textValue(birthColumn[at]) ?? textValue(birthYearColumn[at]) ?? '');

  // Each named row's scope and cell ids and its hash, in row order; `firstOf` ends up holding,
  // per row, the first earlier row of the same member, -1 for none, -2 for a row with no name.
  const scopeOf = scopes(h);
  const scopeIds = new Ids();
  const cellIds = new Map<string, number>();
  const cellKeys = new Ids();
  const scopeAt = new Int32Array(count);
  const cellAt = new Int32Array(count);
  const firstOf = new Int32Array(count).fill(-2);
  let hashes = new Int32Array(count);
  let rows = new Int32Array(count);
  let named = 0;
  let lastGroups: readonly string[] | undefined;
  let lastTable = '';
  let scopeId = 0;
  let lastCell: string | undefined;
  let cellId = 0;
  for (let at = 0; at < count; at++) {
    if (nameAt(at) === undefined) continue;
    const rec = records[at]!;
    if (rec.groups !== lastGroups || rec.tableId !== lastTable) {
      lastGroups = rec.groups;
      lastTable = rec.tableId;
      scopeId = scopeIds.of(scopeOf(rec));
    }
    const cell = textValue(cellColumn[at]) ?? '';
    // Members are listed cell by cell: most rows have the row before's cell.
    if (cell !== lastCell) {
      lastCell = cell;
      const id = cellIds.get(cell);
      if (id === undefined) cellIds.set(cell, (cellId = cellKeys.of(h.fold(cell))));
      else cellId = id;
    }
    scopeAt[at] = scopeId;
    cellAt[at] = cellId;
    firstOf[at] = -1;
    let hash = Math.imul(FNV_OFFSET ^ scopeId, FNV_PRIME);
    hash = Math.imul(hash ^ cellId, FNV_PRIME);
    hashes[named] = hashText(birthAt(at), Math.imul(hash ^ birthDays[at]!, FNV_PRIME));
    rows[named++] = at;
  }

  // Least significant byte first: each pass keeps the order the previous one left.
  let spareHashes = new Int32Array(named);
  let spareRows = new Int32Array(named);
  const starts = new Int32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    starts.fill(0);
    for (let k = 0; k < named; k++) starts[(hashes[k]! >>> shift) & 255]!++;
    for (let b = 0, sum = 0; b < 256; b++) {
      const n = starts[b]!;
      starts[b] = sum;
      sum += n;
    }
    for (let k = 0; k < named; k++) {
      const to = starts[(hashes[k]! >>> shift) & 255]!++;
      spareHashes[to] = hashes[k]!;
      spareRows[to] = rows[k]!;
    }
    [hashes, spareHashes] = [spareHashes, hashes];
    [rows, spareRows] = [spareRows, rows];
  }

  // Rows sharing a hash, in row order: each is the member of the first earlier one with the
  // same parts and name, found among those by the hash of the name's key.
  const sameParts = (a: number, b: number): boolean =>
    scopeAt[a] === scopeAt[b] &&
    cellAt[a] === cellAt[b] &&
    birthDays[a] === birthDays[b] &&
    (birthDays[a] !== 0 || birthAt(a) === birthAt(b));
  for (let from = 0; from < named;) {
    let to = from + 1;
    while (to < named && hashes[to] === hashes[from]) to++;
    if (to - from > 1) {
      const byName = new Map<number, number[]>();
      for (let k = from; k < to; k++) {
        const at = rows[k]!;
        const name = nameAt(at)!;
        const withName = nameKeyHash(name, hashes[k]!);
        const earlier = byName.get(withName);
        const first = earlier?.find((e) => sameParts(e, at) && sameName(nameAt(e)!, name));
        if (first !== undefined) firstOf[at] = first;
        else if (earlier) earlier.push(at);
        else byName.set(withName, [at]);
      }
    }
    from = to;
  }

  return (_rec, at) => {
    const first = firstOf[at]!;
    return first === -2 ? null : first === -1 ? undefined : records[first];
  };
}

/** Two members' names the same by nameKey. */
function sameName(a: string, b: string): boolean {
  return a === b || nameKey(a) === nameKey(b);
}
