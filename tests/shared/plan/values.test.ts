import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../shared/src/detect/index.ts';
import { evaluate } from '../../../shared/src/pipeline.ts';
import { planWrites } from '../../../shared/src/plan/planner.ts';
import { issueValuesText } from '../../../shared/src/plan/texts.ts';
import { RESULT_SHEETS } from '../../../shared/src/plan/types.ts';

describe('issue values in Vietnamese', () => {
  it('names the keys in Vietnamese and writes numbers as officials do', () => {
    expect(issueValuesText({ held: 6, required: 12, months: 12 })).toBe(
      'đã sinh hoạt: 6; yêu cầu: 12; số tháng của kỳ: 12',
    );
    expect(issueValuesText({ total: 1922, sum: 1921.5, difference: 0.5 })).toBe(
      'tổng ghi: 1.922; cộng lại: 1.921,5; chênh lệch: 0,5',
    );
    expect(issueValuesText({ maxShareOfGood: 0.2, share: 0.3333 })).toBe(
      'tối đa so với số HTTNV: 20%; tỉ lệ thay đổi: 33,33%',
    );
    expect(issueValuesText({ lastAdmissionYear: 2019, years: 4, firstRow: 1234 })).toBe(
      'năm kết nạp gần nhất: 2019; số năm: 4; trùng với dòng: 1234',
    );
  });

  it('shows field ids and table kinds by their labels, yes/no in words, and leaves blanks out', () => {
    expect(issueValuesText({ field: 'membersTotal', kind: 'partyCells' })).toBe(
      'cột: Tổng số đảng viên; loại bảng: Chi bộ trực thuộc',
    );
    expect(issueValuesText({ fields: 'name,membersTotal' })).toContain('các cột: ');
    expect(issueValuesText({ hamletHeadIsMember: false, raw: null, proposed: '' })).toBe(
      'trưởng thôn, bản là đảng viên: không',
    );
    // A flow of the member balance is a field id used as a key.
    expect(issueValuesText({ membersStart: 30 })).toBe('Đảng viên đầu kỳ: 30');
    expect(issueValuesText({ someNewKey: 3 })).toBe('someNewKey: 3');
    expect(issueValuesText({})).toBe('');
  });

  it('fills the issues sheet\'s "Giá trị" column without English keys', () => {
    const data = readWorkbook({
      name: 'x.xlsx',
      sheets: [
        {
          name: 'Chi bộ',
          rows: [
            ['ĐẢNG ỦY XÃ NẬM LẠNH'],
            ['BIỂU TỔNG HỢP CHI BỘ TRỰC THUỘC NĂM 2023'],
            ['STT', 'Tên chi bộ', 'Tổng số đảng viên', 'Số kỳ sinh hoạt thường kỳ'],
            [1, 'Chi bộ bản Nặm Bao', 12, 6],
            [2, 'Chi bộ bản Nà Mò', 10, 12],
          ],
        },
      ],
    });
    const evaluation = evaluate(data);
    const plan = planWrites(data, evaluation);
    const sheet = plan.sheets.find((s) => s.name === RESULT_SHEETS.issues)!;
    const valuesCol = sheet.columns.findIndex((c) => c.header === 'Giá trị');
    const meetings = evaluation.issues.findIndex((i) => i.ruleId === 'cell.meetings.regular');
    expect(meetings).toBeGreaterThanOrEqual(0);
    const text = sheet.rows[meetings]![valuesCol] as string;
    expect(text).toContain('đã sinh hoạt: 6');
    expect(text).toContain('yêu cầu: 12');
    expect(text).not.toMatch(/\b(held|required|months):/);
  });
});
