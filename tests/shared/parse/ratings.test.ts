import { describe, expect, it } from 'vitest';
import { RATING_CODES } from '../../../shared/src/rating-codes.ts';
import { RATING_STEMS, TASK_SUFFIXES, parseValue } from '../../../shared/src/parse/index.ts';

describe('rating', () => {
  it.each([
    ['HTXSNV', 'HTXSNV'],
    ['htxsnv', 'HTXSNV'],
    ['H.T.X.S.N.V', 'HTXSNV'],
    ['H T X S N V', 'HTXSNV'],
    ['HTXS NV', 'HTXSNV'],
    ['HTXS', 'HTXSNV'],
    ['XS', 'HTXSNV'],
    ['Xuất sắc', 'HTXSNV'],
    ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV'],
    ['HOÀN THÀNH XUẤT SẮC NHIỆM VỤ', 'HTXSNV'],
    ['Hoan thanh xuat sac nhiem vu', 'HTXSNV'],
    ['HT xuất sắc NV', 'HTXSNV'],
    ['HTTNV', 'HTTNV'],
    ['H.T.T.N.V', 'HTTNV'],
    ['HTT', 'HTTNV'],
    ['htt', 'HTTNV'],
    ['Tốt', 'HTTNV'],
    ['Hoàn thành tốt nhiệm vụ', 'HTTNV'],
    ['Hoan thanh tot nhiem vu', 'HTTNV'],
    ['Hoàn thành tốt NV', 'HTTNV'],
    ['Hoàn thành tốt', 'HTTNV'],
    ['HTNV', 'HTNV'],
    ['H.T.N.V', 'HTNV'],
    ['HT', 'HTNV'],
    ['Hoàn thành', 'HTNV'],
    ['Hoàn thành nhiệm vụ', 'HTNV'],
    ['Hoan thanh nhiem vu', 'HTNV'],
    ['hoàn thành NV', 'HTNV'],
    ['KHTNV', 'KHTNV'],
    ['K.H.T.N.V', 'KHTNV'],
    ['KHT', 'KHTNV'],
    ['Không hoàn thành', 'KHTNV'],
    ['Không hoàn thành nhiệm vụ', 'KHTNV'],
    ['Khong hoan thanh nhiem vu', 'KHTNV'],
    ['Chưa hoàn thành nhiệm vụ', 'KHTNV'],
    ['Không HT NV', 'KHTNV'],
    ['Loại HTXSNV', 'HTXSNV'],
    ['Xếp loại: Hoàn thành tốt nhiệm vụ', 'HTTNV'],
    ['Excellent', 'HTXSNV'],
    ['Good', 'HTTNV'],
    ['Completed', 'HTNV'],
    ['Not completed', 'KHTNV'],
  ] as const)('%j → %s', (raw, code) => {
    expect(parseValue(raw, 'rating')).toEqual({ kind: 'value', value: code });
  });

  it.each([
    'Hoàn thành nhiệm vụ tốt hơn',
    'HTXSNVV',
    'TNV',
    'Khá',
    'Hoàn thành tốt nhiệm vụ và xuất sắc',
    'nhiệm vụ',
    '90',
    90,
    true,
  ])('%j is invalid', (raw) => {
    const out = parseValue(raw, 'rating');
    expect(out.kind).toBe('invalid');
    if (out.kind === 'invalid') {
      expect(out.reason.vi).toContain('không phải là mức xếp loại');
      expect(out.reason.en).toContain('is not a rating');
    }
  });

  it.each(['Không xếp loại', 'Chưa xếp loại', 'KHÔNG XẾP LOẠI', 'Không đánh giá', 'Chưa XL'])(
    '%j is blank: a member not rated that year, on purpose',
    (raw) => {
      expect(parseValue(raw, 'rating')).toEqual({ kind: 'blank' });
    },
  );

  it('no spelling belongs to two levels', () => {
    const owner = new Map<string, string>();
    for (const code of RATING_CODES) {
      for (const stem of RATING_STEMS[code]) {
        for (const suffix of TASK_SUFFIXES) {
          const spelling = stem + suffix;
          expect(owner.get(spelling) ?? code, spelling).toBe(code);
          owner.set(spelling, code);
        }
      }
    }
  });
});

describe('memberStatus', () => {
  it.each([
    ['Chính thức', 'official'],
    ['chính thức', 'official'],
    ['CHÍNH THỨC', 'official'],
    ['chinh thuc', 'official'],
    ['CT', 'official'],
    ['ct', 'official'],
    ['C.T', 'official'],
    ['ĐV chính thức', 'official'],
    ['Đảng viên chính thức', 'official'],
    ['Dự bị', 'probationary'],
    ['dự bị', 'probationary'],
    ['du bi', 'probationary'],
    ['DB', 'probationary'],
    ['ĐB', 'probationary'],
    ['D.B', 'probationary'],
    ['Đảng viên dự bị', 'probationary'],
    ['Chính thức (miễn sinh hoạt)', 'official'],
    ['Dự bị (chuyển đến)', 'probationary'],
  ] as const)('%j → %s', (raw, status) => {
    expect(parseValue(raw, 'memberStatus')).toEqual({ kind: 'value', value: status });
  });

  it.each(['Quần chúng', 'x', 'C', 1, true, 'Miễn sinh hoạt'])('%j is invalid', (raw) => {
    const out = parseValue(raw, 'memberStatus');
    expect(out.kind).toBe('invalid');
    if (out.kind === 'invalid') expect(out.reason.vi).toContain('không phải là "Chính thức" hay "Dự bị"');
  });
});
