import { describe, expect, it } from 'vitest';
import { applyJustifications } from '../../../shared/src/rules/index.ts';
import type { Issue } from '../../../shared/src/issue.ts';
import { buildTable, buildWorkbook } from '../../helpers/records.ts';
import { byRule, run } from './run.ts';

const REASON = '  Chi bộ ít đảng viên,  đi làm ăn xa — đã có kế hoạch khắc phục quý I/2024 ';

function workbook(justifications: (string | number | null)[][] = []) {
  return buildWorkbook([
    buildTable({
      sheet: 'Chi bộ',
      kind: 'partyCells',
      fields: [
        'name',
        'membersTotal',
        'membersOfficial',
        'membersProbationary',
        'meetingsRegular',
        'justification',
      ],
      rows: [
        // A warning (6 meetings) and an error (8 + 1 ≠ 10) on the same row, with a reason typed.
        ['Chi bộ bản Nặm Bao', 10, 8, 1, 6, REASON],
        ['Chi bộ bản Pò Cại', 12, 12, 0, 9, null],
        ['Chi bộ bản Nà Mò', 13, 12, 0, 12, null],
      ],
    }),
    buildTable({
      sheet: 'Giải trình',
      kind: 'justifications',
      fields: ['ruleId', 'sheet', 'cell', 'text'],
      rows: justifications,
    }),
  ]);
}

function justify(data: ReturnType<typeof workbook>): Issue[] {
  return applyJustifications(run(data).issues, data);
}

const open = (issues: Issue[]) => issues.filter((i) => !i.justified);

describe('applyJustifications', () => {
  it('a "Giải trình" column justifies the warnings of its row, keeping the text as typed, and leaves errors open', () => {
    const data = workbook();
    const before = run(data).issues;
    const after = applyJustifications(before, data);
    expect(after).toHaveLength(before.length);

    const meetings = byRule(after, 'cell.meetings.regular');
    expect(meetings.map((i) => [i.cell, i.justified])).toEqual([
      ['E5', true],
      ['E6', false],
    ]);
    expect(meetings[0]!.justification).toBe(REASON);
    expect(meetings[0]!.severity).toBe('warning');
    expect(meetings[1]!.justification).toBeUndefined();

    const sum = byRule(after, 'data.members.sum');
    expect(sum.map((i) => [i.cell, i.severity, i.justified])).toEqual([
      ['B5', 'error', false],
      ['B7', 'error', false],
    ]);
    expect(open(after)).toHaveLength(open(before).length - 1);
    // The input is not changed.
    expect(before.every((i) => !i.justified)).toBe(true);
  });

  it('a justification sheet justifies the issue at a given cell, errors included (they stay errors)', () => {
    const data = workbook([
      ['data.members.sum', 'Chi bộ', 'B7', 'Một đảng viên chuyển đến chưa nhập danh sách'],
    ]);
    const after = justify(data);
    const sum = byRule(after, 'data.members.sum');
    expect(sum.map((i) => [i.cell, i.severity, i.justified])).toEqual([
      ['B5', 'error', false],
      ['B7', 'error', true],
    ]);
    expect(sum[1]!.justification).toBe('Một đảng viên chuyển đến chưa nhập danh sách');
  });

  it('matches a bare row number, with or without the sheet, and no other rule', () => {
    const data = workbook([['cell.meetings.regular', null, 6, 'Bí thư ốm dài ngày']]);
    const after = justify(data);
    const pc = byRule(after, 'cell.meetings.regular').find((i) => i.cell === 'E6')!;
    expect(pc).toMatchObject({ justified: true, justification: 'Bí thư ốm dài ngày' });
    expect(byRule(after, 'data.members.sum').filter((i) => i.justified)).toHaveLength(0);
  });

  it('does not match another sheet, another cell or another rule', () => {
    const data = workbook([
      ['data.members.sum', 'Thôn bản', 'B7', 'sai trang'],
      ['data.members.sum', 'Chi bộ', 'C7', 'sai ô'],
      ['cell.meetings.regular', 'Chi bộ', 'B7', 'sai quy tắc'],
    ]);
    const after = justify(data);
    expect(byRule(after, 'data.members.sum').filter((i) => i.justified)).toHaveLength(0);
  });

  it('reads rule ids and sheet names without regard to case, addresses with $', () => {
    const data = workbook([['DATA.MEMBERS.SUM', 'chi bo', '$B$7', 'đã rà soát']]);
    const sum = byRule(justify(data), 'data.members.sum');
    expect(sum.find((i) => i.cell === 'B7')).toMatchObject({ justified: true, justification: 'đã rà soát' });
  });

  it('the sheet text wins over the column on the same row', () => {
    const data = workbook([['cell.meetings.regular', 'Chi bộ', 'E5', 'Lý do cụ thể']]);
    const nb = byRule(justify(data), 'cell.meetings.regular').find((i) => i.cell === 'E5')!;
    expect(nb.justification).toBe('Lý do cụ thể');
  });

  it('justifies issues without a row reference through their cell', () => {
    const data = workbook();
    const foreign: Issue = {
      ruleId: 'parse.number',
      severity: 'warning',
      sheet: 'Chi bộ',
      cell: 'D5',
      message: { vi: 'x', en: 'x' },
      values: {},
      justified: false,
    };
    const [j] = applyJustifications([foreign], data);
    expect(j).toMatchObject({ justified: true, justification: REASON });
  });
});
