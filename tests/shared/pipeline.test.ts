import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../shared/src/detect/index.ts';
import { checkWorkbook, evaluate } from '../../shared/src/pipeline.ts';
import { communeSample, communeWorkbook } from '../../shared/src/samples/index.ts';

describe('checkWorkbook on the commune sample', () => {
  const sample = communeSample();
  const report = checkWorkbook(sample.grid);

  it('reads the unit, the period and the four tables', () => {
    expect(report.period?.key).toBe(String(sample.year));
    expect(report.unit.name.toLowerCase()).toContain(sample.commune.toLowerCase());
    expect(report.tables.map((t) => t.kind).sort()).toEqual(['hamlets', 'members', 'partyCells', 'targets']);
    const cells = report.tables.find((t) => t.kind === 'partyCells')!;
    expect(cells.dataRowCount).toBe(sample.cells.length);
    expect(report.tables.find((t) => t.kind === 'members')!.dataRowCount).toBe(sample.members.length);
  });

  it.each(communeSample().seeded.map((s) => [s.kind, s] as const))(
    'finds the seeded %s at its cell',
    (_kind, seeded) => {
      const found = report.issues.filter((i) => i.sheet === seeded.sheet && seeded.cells.includes(i.cell));
      expect(found.length, `${seeded.kind} at ${seeded.cells.join('/')}`).toBeGreaterThan(0);
      expect(found.some((i) => i.justified === seeded.justified)).toBe(true);
      if (seeded.value !== undefined) {
        expect(found.some((i) => i.message.vi.includes(String(seeded.value)))).toBe(true);
      }
    },
  );

  it('counts the seeded errors among the open errors and warnings', () => {
    const open = report.issues.filter((i) => !i.justified && i.severity !== 'info');
    const seededOpen = sample.seeded.filter((s) => !s.justified);
    for (const s of seededOpen)
      expect(open.some((i) => i.sheet === s.sheet && s.cells.includes(i.cell))).toBe(true);
    expect(report.totals.error).toBeGreaterThan(0);
  });

  it('applies the commune’s own target over the default', () => {
    const t = report.targets.find((x) => x.measure === 'membersGoodOrBetter');
    expect(t?.required).toBe(0.9);
  });

  it('plans result columns beside every unit table and a highlight on every seeded cell', () => {
    const blocks = report.plan.resultColumns.map((b) => b.sheet).sort();
    expect(blocks).toEqual(['Chi bộ', 'Thôn bản', 'Đảng viên']);
    for (const s of sample.seeded) {
      expect(report.plan.highlights.some((h) => h.sheet === s.sheet && s.cells.includes(h.cell))).toBe(true);
    }
  });
});

describe('checkWorkbook on the clean commune sample', () => {
  const sample = communeSample({ clean: true });
  const report = checkWorkbook(sample.grid);

  it('has no open error and no open warning', () => {
    const open = report.issues.filter((i) => !i.justified && i.severity !== 'info');
    expect(open.map((i) => `${i.sheet}!${i.cell} ${i.ruleId}: ${i.message.vi}`)).toEqual([]);
    expect(report.totals.error).toBe(0);
  });

  it('still reads the small cell’s justification', () => {
    expect(report.totals.justified).toBe(1);
    expect(sample.seeded).toHaveLength(1);
  });
});

describe('row results', () => {
  it('list, in the order of the records, every row an issue or a rating names', () => {
    const data = readWorkbook(communeWorkbook());
    const evaluation = evaluate(data);
    const named = new Set([
      ...evaluation.issues.map((i) => i.rowRef),
      ...evaluation.ratings.map((r) => r.rowRef),
    ]);
    const expected = data.records.filter((r) => named.has(r.ref)).map((r) => r.ref);
    expect(expected.length).toBeGreaterThan(0);
    expect(evaluation.rows.map((r) => r.rowRef)).toEqual(expected);
  });

  it("find a row named by an issue placed on another sheet than the row's", () => {
    const data = readWorkbook(communeWorkbook());
    const member = data.records.filter((r) => r.kind === 'members').at(-1)!;
    const before = evaluate(data).rows.some((r) => r.rowRef === member.ref);
    expect(before).toBe(false);
    data.issues.push({
      ruleId: 'value.invalid',
      severity: 'error',
      sheet: 'Sheet elsewhere',
      cell: 'A1',
      message: { vi: 'x', en: 'x' },
      values: {},
      rowRef: member.ref,
      justified: false,
    });
    const row = evaluate(data).rows.find((r) => r.rowRef === member.ref);
    expect(row).toMatchObject({ sheet: member.sheet, row: member.row, status: 'error', openIssues: 1 });
  });
});
