import { describe, expect, it } from 'vitest';
import { cellAt, type WorkbookGrid } from '../../../shared/src/grid.ts';
import { checkWorkbook } from '../../../shared/src/pipeline.ts';
import {
  applyPlanToGrid,
  blockRows,
  NOTE_PREFIX,
  planWrites,
  RESULT_MARKER,
  RESULT_SHEET_LAYOUT,
  RESULT_SHEETS,
  rowStatusText,
  SEVERITY_FILL,
  type ResultColumnBlock,
  type WritePlan,
} from '../../../shared/src/plan/index.ts';
import { communeWorkbook } from '../../../shared/src/samples/index.ts';
import { ISSUES, literalData, literalEvaluation, literalGrid, SHEET, TABLE } from './fixture.ts';

describe('planWrites: result columns', () => {
  const plan = planWrites(literalData(), literalEvaluation());

  it('puts one block at the table’s result column, headers spanning the header rows', () => {
    expect(plan.resultColumns).toHaveLength(1);
    const block = plan.resultColumns[0]!;
    expect(block).toMatchObject({
      sheet: SHEET,
      tableId: TABLE.id,
      firstCol: 5,
      headerTop: 3,
      headerBottom: 4,
      lastRow: 8,
    });
    expect(block.headers).toEqual(['[KT] Kết quả kiểm tra', '[KT] Nội dung', '[KT] Xếp loại tính toán']);
    for (const h of block.headers) expect(h.startsWith(RESULT_MARKER)).toBe(true);
    expect(block.widths).toHaveLength(3);
    for (const w of block.widths) expect(w).toBeGreaterThanOrEqual(10);
  });

  it('writes each data row’s status, open issues and computed rating', () => {
    const [r6, r7] = plan.resultColumns[0]!.rows;
    expect(r6).toEqual({
      row: 6,
      status: 'error',
      values: [
        'Lỗi: 1, cảnh báo: 1',
        '6 kỳ sinh hoạt / 12 kỳ yêu cầu; Chi bộ có 7 đảng viên chính thức, dưới 9',
        'HTNV: điểm 60 trong khoảng 50–<70',
      ],
    });
    expect(r7).toEqual({
      row: 7,
      status: 'ok',
      values: ['Đạt (đã giải trình: 1)', '4 năm không kết nạp đảng viên (đã giải trình)', null],
    });
  });

  it('leaves out the rating column when no row of the table has a rating', () => {
    const evaluation = literalEvaluation();
    evaluation.rows = evaluation.rows.map(({ rating: _r, ...rest }) => rest);
    const block = planWrites(literalData(), evaluation).resultColumns[0]!;
    expect(block.headers).toEqual(['[KT] Kết quả kiểm tra', '[KT] Nội dung']);
    expect(block.rows[0]!.values).toHaveLength(2);
  });

  it('writes nothing where a column the official typed lies', () => {
    const data = literalData();
    data.tables = [{ ...TABLE, columns: [...TABLE.columns, { col: 6, header: 'Ghi chú', confidence: 0 }] }];
    expect(planWrites(data, literalEvaluation()).resultColumns).toEqual([]);
  });

  it('writes nothing where another table on the sheet reaches into the block', () => {
    const data = literalData();
    data.tables = [
      TABLE,
      { ...TABLE, id: `${SHEET}#1`, kind: 'hamlets', firstCol: 6, lastCol: 9, resultCol: 10, columns: [] },
    ];
    expect(planWrites(data, literalEvaluation()).resultColumns.map((b) => b.tableId)).toEqual([`${SHEET}#1`]);
  });

  it('writes nothing when the result column is not right of the table', () => {
    const data = literalData();
    data.tables = [{ ...TABLE, resultCol: 3 }];
    expect(planWrites(data, literalEvaluation()).resultColumns).toEqual([]);
  });

  it('gives no result columns to a targets table', () => {
    const data = literalData();
    data.tables = [{ ...TABLE, kind: 'targets' }];
    expect(planWrites(data, literalEvaluation()).resultColumns).toEqual([]);
  });
});

describe('planWrites: highlights', () => {
  const plan = planWrites(literalData(), literalEvaluation());
  const at = (cell: string) => plan.highlights.find((h) => h.cell === cell);

  it('one highlight per flagged cell, worst open severity, every issue in the note', () => {
    expect(plan.highlights.map((h) => h.cell).sort()).toEqual(['C8', 'C9', 'D7']);
    const d7 = at('D7')!;
    expect(d7.severity).toBe('error');
    expect(d7.note.startsWith(NOTE_PREFIX)).toBe(true);
    expect(d7.note).toContain('Lỗi: 6 kỳ sinh hoạt / 12 kỳ yêu cầu');
    expect(d7.note).toContain('Cảnh báo: Chi bộ có 7 đảng viên chính thức, dưới 9');
  });

  it('marks a justified-only cell as info, naming the justification', () => {
    const c8 = at('C8')!;
    expect(c8.severity).toBe('info');
    expect(c8.note).toContain('4 năm không kết nạp đảng viên (đã giải trình: Bản có 100% hộ');
  });

  it('skips issues on sheets the workbook does not have', () => {
    const issues = [...ISSUES, { ...ISSUES[0]!, sheet: 'Không có', cell: 'A1' }];
    const p = planWrites(literalData(), literalEvaluation(issues));
    expect(p.highlights.every((h) => h.sheet === SHEET)).toBe(true);
  });
});

describe('planWrites: result sheets', () => {
  const plan = planWrites(literalData(), literalEvaluation());
  const issues = plan.sheets.find((s) => s.name === RESULT_SHEETS.issues)!;
  const targets = plan.sheets.find((s) => s.name === RESULT_SHEETS.targets)!;

  it('lists every issue with its cell, a link to it and its severity', () => {
    expect(issues.role).toBe('issues');
    expect(issues.columns.map((c) => c.header)).toEqual([
      'STT',
      'Mức độ',
      'Trang tính',
      'Ô',
      'Đơn vị',
      'Nội dung',
      'Giá trị',
      'Gợi ý',
      'Căn cứ',
      'Mã quy tắc',
      'Giải trình',
    ]);
    expect(issues.rows).toHaveLength(ISSUES.length);
    expect(issues.rows[1]).toEqual([
      2,
      'Lỗi',
      SHEET,
      'D7',
      'Chi bộ bản Nặm Bao',
      '6 kỳ sinh hoạt / 12 kỳ yêu cầu',
      'thực hiện: 6; yêu cầu: 12',
      null,
      'Điều lệ Đảng',
      'cell.meetings.regular',
      null,
    ]);
    expect(issues.rows[3]![10]).toBe('Bản có 100% hộ là đảng viên hoặc người cao tuổi');
    expect(issues.rowStatus).toEqual(['error', 'error', 'warning', 'ok']);
    expect(issues.links).toEqual(
      ISSUES.map((i, n) => ({
        row: RESULT_SHEET_LAYOUT.firstDataRow + n,
        col: 3,
        sheet: SHEET,
        cell: i.cell,
      })),
    );
    expect(issues.title).toContain('Đảng bộ xã Nậm Lạnh');
    expect(issues.title).toContain('năm 2023');
    expect(issues.title).toContain('lỗi: 2, cảnh báo: 1, lưu ý: 0, đã giải trình: 1');
  });

  it('lists every target with requirement, result, attainment, gap and status', () => {
    expect(targets.columns.map((c) => c.header)).toEqual([
      'Chỉ tiêu',
      'Yêu cầu',
      'Thực hiện',
      'Tỷ lệ đạt',
      'Còn thiếu',
      'Trạng thái',
      'Căn cứ',
    ]);
    expect(targets.rows).toEqual([
      [
        'Đảng viên xếp loại HTT trở lên',
        '≥ 85%',
        '88,89% (16/18)',
        '104,58%',
        null,
        'Đạt',
        'Nghị quyết 02-NQ/TU',
      ],
      [
        'Chi bộ có chi ủy',
        '> 90%',
        '50,00% (1/2)',
        '55,56%',
        '1 chi bộ nữa cần có chi ủy',
        'Chưa đạt',
        'Nghị quyết 02-NQ/TU',
      ],
    ]);
    expect(targets.rowStatus).toEqual(['met', 'notMet']);
  });
});

describe('applyPlanToGrid', () => {
  const grid = literalGrid();
  const plan = planWrites(literalData(), literalEvaluation());
  const applied = applyPlanToGrid(grid, plan);
  const sheet = applied.sheets[0]!;

  it('writes headers, row values and header merges into the result columns', () => {
    expect(cellAt(sheet, 3, 5)).toBe('[KT] Kết quả kiểm tra');
    expect(cellAt(sheet, 3, 7)).toBe('[KT] Xếp loại tính toán');
    expect(sheet.merges).toContainEqual({ top: 3, left: 5, bottom: 4, right: 5 });
    expect(cellAt(sheet, 6, 5)).toBe('Lỗi: 1, cảnh báo: 1');
    expect(cellAt(sheet, 7, 6)).toBe('4 năm không kết nạp đảng viên (đã giải trình)');
    expect(cellAt(sheet, 8, 5)).toBeNull();
  });

  it('changes no cell the official typed, and leaves the signature below the table alone', () => {
    const original = grid.sheets[0]!;
    original.rows.forEach((line, r) =>
      line.forEach((v, c) => {
        expect(cellAt(sheet, r, c)).toEqual(v);
      }),
    );
    expect(cellAt(sheet, 10, 5)).toBe('T/M ĐẢNG ỦY');
  });

  it('fills and annotates flagged cells, keeping the official’s own note', () => {
    expect(sheet.fills?.['D7']).toBe(SEVERITY_FILL.error);
    expect(sheet.fills?.['C8']).toBe(SEVERITY_FILL.info);
    expect(sheet.notes?.['D7']?.startsWith(NOTE_PREFIX)).toBe(true);
    expect(sheet.notes?.['B7']).toBe('Chi bộ ghép từ tháng 7');
  });

  it('appends its note after the official’s, and takes it away again', () => {
    const g = literalGrid();
    g.sheets[0]!.notes = { D7: 'Sổ ghi 6 kỳ' };
    const once = applyPlanToGrid(g, plan);
    expect(once.sheets[0]!.notes?.['D7']).toMatch(/^Sổ ghi 6 kỳ\n\nKiểm tra TCCSĐ:/);
    const emptyPlan: WritePlan = { version: 2, resultColumns: [], highlights: [], sheets: [] };
    expect(applyPlanToGrid(once, emptyPlan).sheets[0]!.notes).toEqual({ D7: 'Sổ ghi 6 kỳ' });
  });

  it('adds the two result sheets with title, header row and data', () => {
    expect(applied.sheets.map((s) => s.name)).toEqual([SHEET, RESULT_SHEETS.issues, RESULT_SHEETS.targets]);
    const issues = applied.sheets[1]!;
    expect(String(issues.rows[RESULT_SHEET_LAYOUT.titleRow]![0])).toContain('KẾT QUẢ KIỂM TRA');
    expect(issues.rows[RESULT_SHEET_LAYOUT.headerRow]![0]).toBe('STT');
    expect(issues.rows[RESULT_SHEET_LAYOUT.firstDataRow + 1]![3]).toBe('D7');
    expect(issues.rows).toHaveLength(RESULT_SHEET_LAYOUT.firstDataRow + ISSUES.length);
  });

  it('applying the plan to its own output changes nothing', () => {
    expect(applyPlanToGrid(applied, plan)).toEqual(applied);
  });

  it('an empty plan removes every earlier result and restores the official’s cells', () => {
    const emptyPlan: WritePlan = { version: 2, resultColumns: [], highlights: [], sheets: [] };
    const back = applyPlanToGrid(applied, emptyPlan);
    const s = back.sheets.find((x) => x.name === SHEET)!;
    for (let r = 0; r < 12; r++)
      for (let c = 0; c < 9; c++) expect(cellAt(s, r, c)).toEqual(cellAt(grid.sheets[0]!, r, c));
    expect(s.fills).toBeUndefined();
    expect(s.notes).toEqual({ B7: 'Chi bộ ghép từ tháng 7' });
    expect(s.merges).toEqual(grid.sheets[0]!.merges);
    // Result sheets are replaced by name: a plan without sheets keeps them.
    expect(back.sheets).toHaveLength(3);
  });

  it('a later run with fewer rows flagged replaces the earlier columns whole', () => {
    const lighter = planWrites(literalData(), literalEvaluation([ISSUES[0]!]));
    const again = applyPlanToGrid(applied, lighter);
    const s = again.sheets[0]!;
    expect(cellAt(s, 6, 5)).toBe('Đạt');
    expect(cellAt(s, 6, 6)).toBeNull();
    expect(s.fills?.['D7']).toBeUndefined();
    expect(s.notes?.['D7']).toBeUndefined();
    expect(again).toEqual(applyPlanToGrid(grid, lighter));
  });

  it('does not write a block over a value the plan did not expect', () => {
    const g = literalGrid();
    g.sheets[0]!.rows[7]![6] = 'ghi chú tay';
    const s = applyPlanToGrid(g, plan).sheets[0]!;
    expect(cellAt(s, 3, 5)).toBeNull();
    expect(cellAt(s, 7, 6)).toBe('ghi chú tay');
  });

  it('honours a grid whose used range does not start at A1', () => {
    const g = literalGrid();
    const s0 = g.sheets[0]!;
    s0.origin = { row: 2, col: 0 };
    s0.rows = s0.rows.slice(2);
    const s = applyPlanToGrid(g, plan).sheets[0]!;
    expect(s.rows[1]![5]).toBe('[KT] Kết quả kiểm tra');
    expect(cellAt(s, 6, 5)).toBe('Lỗi: 1, cảnh báo: 1');
    expect(applyPlanToGrid({ name: g.name, sheets: [s] }, plan).sheets[0]).toEqual(s);
  });
});

describe('result columns beside a table with a note typed a column or two to its right', () => {
  const grid = (): WorkbookGrid => ({
    name: 'ghi-chu.xlsx',
    sheets: [
      {
        name: 'Chi bộ',
        rows: [
          ['STT', 'Tên chi bộ', 'Tổng số đảng viên', 'Có chi ủy'],
          [1, 'Chi bộ bản Huổi Lạ', 11, 'x'],
          [2, 'Chi bộ bản Pá Lau', 6, null, null, 'đã nhắc nhở'],
        ],
      },
    ],
  });

  it('go where every result column is empty, past the note, and the note stays as typed', () => {
    const report = checkWorkbook(grid());
    // E is empty but F holds the note: the first three empty columns are G:I.
    expect(report.plan.resultColumns.map((b) => [b.firstCol, b.headers.length])).toEqual([[6, 2]]);
    const s = applyPlanToGrid(grid(), report.plan).sheets[0]!;
    expect(cellAt(s, 0, 6)).toBe('[KT] Kết quả kiểm tra');
    expect(cellAt(s, 2, 5)).toBe('đã nhắc nhở');
    expect(cellAt(s, 0, 4)).toBeNull();
  });
});

describe('result columns list the rows with something to say', () => {
  const block: ResultColumnBlock = {
    sheet: SHEET,
    tableId: TABLE.id,
    firstCol: 5,
    headerTop: 3,
    headerBottom: 4,
    headers: ['[KT] Kết quả kiểm tra', '[KT] Nội dung'],
    widths: [22, 60],
    rows: [
      { row: 6, values: ['Lỗi: 1', '6 kỳ sinh hoạt / 12 kỳ yêu cầu'], status: 'error' },
      { row: 9, values: ['Cảnh báo: 1', 'Chi bộ dưới 5 đảng viên'], status: 'warning' },
    ],
    dataRows: [5, 6, 7, 9],
    clean: ['Đạt', null],
    lastRow: 9,
  };

  it('and blockRows gives every data row in order, the clean values where none is listed', () => {
    expect(Array.from(blockRows(block), (r) => [r.row, r.status, r.values[0]])).toEqual([
      [5, 'ok', 'Đạt'],
      [6, 'error', 'Lỗi: 1'],
      [7, 'ok', 'Đạt'],
      [9, 'warning', 'Cảnh báo: 1'],
    ]);
    // A listed row the data rows do not name still comes, in its place.
    const odd = { ...block, dataRows: [5, 7] };
    expect(Array.from(blockRows(odd), (r) => r.row)).toEqual([5, 6, 7, 9]);
  });

  it('on a sample: each listed row has an issue or a rating, every other data row is clean', () => {
    const report = checkWorkbook(communeWorkbook());
    const cleanValues = [rowStatusText({ error: 0, warning: 0, info: 0 }, 0), null];
    const flagged = new Set(report.issues.map((i) => i.rowRef));
    let mixed = 0;
    for (const b of report.plan.resultColumns) {
      const table = report.tables.find((t) => t.id === b.tableId)!;
      expect(b.dataRows).toHaveLength(table.dataRowCount);
      const said = report.rows.filter((r) => r.tableId === b.tableId);
      expect(b.rows.map((r) => r.row)).toEqual(said.map((r) => r.row));
      for (const r of said) expect(flagged.has(r.rowRef) || r.rating !== undefined).toBe(true);
      const listed = new Set(said.map((r) => r.row));
      const clean = Array.from(blockRows(b)).filter((r) => !listed.has(r.row));
      expect(clean).toHaveLength(b.dataRows.length - listed.size);
      for (const r of clean) expect([r.status, [...r.values.slice(0, 2)]]).toEqual(['ok', cleanValues]);
      if (listed.size > 0 && clean.length > 0) mixed++;
    }
    expect(mixed).toBeGreaterThan(0);
  });

  it('on a sample: every rated row is listed, its computed rating in the rating column', () => {
    const report = checkWorkbook(communeWorkbook());
    const rated = report.ratings.filter((r) => r.computed !== undefined);
    expect(rated.length).toBeGreaterThan(0);
    for (const rating of rated) {
      expect(report.rows.find((r) => r.rowRef === rating.rowRef)?.rating).toEqual(rating);
      const block = report.plan.resultColumns.find((b) => b.tableId === rating.tableId)!;
      const row = Array.from(blockRows(block)).find((r) => r.row === rating.row)!;
      expect(String(row.values[2])).toContain(rating.computed);
    }
  });
});
