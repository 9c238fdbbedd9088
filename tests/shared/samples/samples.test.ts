import { describe, expect, it } from 'vitest';
import { cellAt, parseA1, type WorkbookGrid } from '../../../shared/src/grid.ts';
import {
  communeSample,
  districtWorkbooks,
  provinceWorkbook,
  seededRandom,
  SHEET_NAMES,
} from '../../../shared/src/samples/index.ts';

function valueAt(grid: WorkbookGrid, sheet: string, address: string) {
  const s = grid.sheets.find((x) => x.name === sheet)!;
  const p = parseA1(address)!;
  return cellAt(s, p.row, p.col);
}

describe('seededRandom', () => {
  it('is the same sequence for the same seed, another for another seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('communeSample', () => {
  const s = communeSample();

  it('is deterministic', () => {
    expect(communeSample().grid).toEqual(s.grid);
    expect(communeSample({ seed: 9 }).grid).not.toEqual(s.grid);
  });

  it('looks like a printed report: header block, title, merged headers, column numbers, signature', () => {
    const sheet = s.grid.sheets.find((x) => x.name === SHEET_NAMES.cells)!;
    const text = sheet.rows.flat().filter((v): v is string => typeof v === 'string');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('ĐẢNG ỦY XÃ NẬM LẠNH');
    expect(text.some((t) => /^BIỂU TỔNG HỢP .* NĂM 2023$/.test(t))).toBe(true);
    expect(text).toContain('(1)');
    expect(text).toContain('Tổng cộng');
    expect(text).toContain('T/M ĐẢNG ỦY');
    expect(text.some((t) => /^Số \d+-BC\/ĐU$/.test(t))).toBe(true);
    expect(sheet.merges!.length).toBeGreaterThan(10);
    expect(s.grid.sheets.map((x) => x.name)).toEqual(['Chi bộ', 'Thôn bản', 'Đảng viên', 'Chỉ tiêu']);
  });

  it('seeds the errors where it says, with the values it says', () => {
    const byKind = Object.fromEntries(s.seeded.map((x) => [x.kind, x]));
    expect(valueAt(s.grid, 'Chi bộ', byKind['fewMeetings']!.cells[0]!)).toBe(6);
    expect(byKind['fewMeetings']!.unitName).toBe('Chi bộ bản Nặm Bao');
    expect(byKind['noRecentAdmission']!.unitName).toBe('Chi bộ bản Pò Cại');
    expect(valueAt(s.grid, 'Chi bộ', byKind['noRecentAdmission']!.cells[0]!)).toBe(2019);
    const total = Number(valueAt(s.grid, 'Chi bộ', byKind['totalRowOff']!.cells[0]!));
    expect(total).toBe(s.cells.reduce((n, c) => n + c.total, 0) + 1);
    expect(s.seeded.filter((x) => x.justified).map((x) => x.kind)).toEqual(['fewMembers']);
  });

  it('lists as many members per cell as the cell table says, except the seeded mismatch', () => {
    for (const c of s.cells) {
      const listed = s.members.filter((m) => m.cell === c.name).length;
      expect(listed).toBe(c.official + c.probationary);
      if (c.total !== listed)
        expect(s.seeded.some((x) => x.kind === 'memberSumMismatch' && x.unitName === c.name)).toBe(true);
    }
  });

  it('clean has no seeded error but the justified small cell', () => {
    const clean = communeSample({ clean: true });
    expect(clean.seeded.map((x) => x.kind)).toEqual(['fewMembers']);
    expect(clean.hamlets.every((h) => h.members > 0)).toBe(true);
  });
});

describe('districtWorkbooks', () => {
  it('gives distinct communes and a unit list naming each', () => {
    const d = districtWorkbooks(5);
    const names = d.communes.map((c) => c.commune);
    expect(new Set(names).size).toBe(5);
    expect(new Set(d.communes.map((c) => c.grid.name)).size).toBe(5);
    expect(d.units.filter((u) => u.parentCode === 'SC').map((u) => u.name)).toEqual(
      names.map((n) => `Đảng bộ xã ${n}`),
    );
    const codes = d.unitList.sheets[0]!.rows.flat();
    for (const u of d.units) expect(codes).toContain(u.code);
  });
});

describe('provinceWorkbook', () => {
  it('has ~100,000 member rows, ~5,000 cells and ~700 organizations, built in under 2 s', () => {
    const t0 = performance.now();
    const g = provinceWorkbook();
    const ms = performance.now() - t0;
    const members = g.sheets.find((s) => s.name === 'Đảng viên')!;
    const numbered = (name: string) =>
      g.sheets.find((s) => s.name === name)!.rows.filter((r) => typeof r[0] === 'number').length;
    expect(numbered('Đảng viên')).toBe(100_000);
    expect(numbered('Chi bộ')).toBe(5000);
    expect(numbered('TCCSĐ')).toBe(700);
    expect(members.rows.length).toBeGreaterThan(100_000);
    // Generous: this machine is shared; the point is that generating is not the slow part.
    expect(ms).toBeLessThan(2000 * 3);
  });
});
