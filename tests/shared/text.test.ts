import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCompact, foldText, foldTextUnicode, isBlankText } from '@kiemtra/shared';
import { foldingCache } from '../../shared/src/text.ts';

/** Characters officials type, and the ones that would trip a table: marks, other scripts. */
const PIECES = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789%',
  ...'áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ',
  ...'ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ',
  ' ',
  '  ',
  '\u00a0',
  '\t',
  '\n',
  '(',
  ')',
  '.',
  ',',
  '-',
  '/',
  '\u0300',
  '\u0301',
  '\u0303',
  '\u0309',
  '\u0323',
  '\u0302',
  'İ',
  'ß',
  'æ',
  'Ǆ',
  'ǅ',
  'ʰ',
  'Σ',
  'ς',
  'ﬁ',
  '①',
  '²',
  'Ⅻ',
  '😀',
  '\ud800',
  'ᴬ',
];

const typed = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((xs) => xs.join(''));

describe('foldText', () => {
  it('folds Vietnamese as officials type it', () => {
    expect(foldText('Số  Đảng viên (ĐV)')).toBe('so dang vien dv');
    expect(foldText('  CHI BỘ bản Nặm Bao  ')).toBe('chi bo ban nam bao');
    // Decomposed input (a mark typed after its letter) folds like the precomposed one.
    expect(foldText('Nă\u0301m')).toBe(foldText('Nắm'));
    expect(foldText('Tỷ lệ 6,8%')).toBe('ty le 6 8%');
    expect(foldText('— ; —')).toBe('');
  });

  it('gives what the Unicode definition gives, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(typed, fc.string({ unit: 'binary', maxLength: 20 })), (s) => {
        expect(foldText(s)).toBe(foldTextUnicode(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('folds long texts whole, and a short one after a long one without leftovers', () => {
    // A note pasted into a cell: longer than the pieces the folded text is made in.
    const words = Array.from({ length: 3000 }, (_, i) => `Đảng viên ${i}`);
    const long = words.join(', ');
    expect(foldText(long)).toBe(foldTextUnicode(long));
    expect(foldText(long).length).toBeGreaterThan(4096 * 3);
    expect(foldText('Bản Nặm Bao')).toBe('ban nam bao');
    expect(foldText('')).toBe('');
  });

  it('foldingCache gives what foldText gives, the same text each time it is asked again', () => {
    const fold = foldingCache();
    const first = fold('Chi bộ bản Nặm Bao');
    expect(first).toBe('chi bo ban nam bao');
    expect(fold('Chi bộ bản Nặm Bao')).toBe(first);
    expect(fold('Bản Lạnh')).toBe(foldText('Bản Lạnh'));
  });

  it('foldCompact drops the spaces', () => {
    expect(foldCompact('h t x s n v')).toBe(foldCompact('HTXSNV'));
  });
});

describe('isBlankText', () => {
  it('is true for empty and whitespace-only texts, false otherwise', () => {
    for (const s of ['', ' ', '\u00a0', '\t\n ', '\u3000']) expect(isBlankText(s)).toBe(true);
    for (const s of ['a', ' a', '\u00a0x', '0', '-', 'Đ']) expect(isBlankText(s)).toBe(false);
  });

  it('agrees with trim for any text', () => {
    fc.assert(
      fc.property(fc.oneof(typed, fc.string({ unit: 'binary', maxLength: 10 })), (s) => {
        expect(isBlankText(s)).toBe(s.trim() === '');
      }),
      { numRuns: 3000 },
    );
  });
});
