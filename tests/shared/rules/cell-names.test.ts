/**
 * How a party cell's name is matched across sheets and named in English messages: the leading
 * "chi bộ" and hamlet-kind word ("bản", "thôn", "tổ dân phố"…) are dropped as text from the
 * folded name. Checked against the definition by words, on names made of those very words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yearPeriod } from '../../../shared/src/period.ts';
import { DEFAULT_RULEBOOK } from '../../../shared/src/rulebook/default.ts';
import { cellKeys, createHelpers } from '../../../shared/src/rules/helpers.ts';
import { foldText } from '../../../shared/src/text.ts';
import { summaryWith } from '../../helpers/records.ts';
import { one } from './run.ts';

const KIND_WORDS = [
  ['to', 'dan', 'pho'],
  ['tieu', 'khu'],
  ['khu', 'pho'],
  ['ban'],
  ['thon'],
  ['xom'],
  ['ap'],
  ['lang'],
  ['bon'],
  ['buon'],
  ['soc'],
  ['khu'],
  ['to'],
];

function stripLeading(words: string[], prefix: string[]): string[] | undefined {
  if (words.length <= prefix.length) return undefined;
  return prefix.every((p, i) => words[i] === p) ? words.slice(prefix.length) : undefined;
}

function dropKindWord(words: string[]): string[] {
  for (const kind of KIND_WORDS) {
    const rest = stripLeading(words, kind);
    if (rest && !/^\d/.test(rest[0]!)) return rest;
  }
  return words;
}

/** The definition: words of the folded name, "chi bo" then a hamlet-kind word dropped. */
function keysByWords(name: string): { exact: string; loose: string } | undefined {
  let words = foldText(name)
    .split(' ')
    .filter((w) => w !== '');
  words = stripLeading(words, ['chi', 'bo']) ?? words;
  if (words.length === 0) return undefined;
  return { exact: words.join(' '), loose: dropKindWord(words).join(' ') };
}

function labelByWords(name: string): string {
  let words = foldText(name)
    .split(' ')
    .filter((w) => w !== '');
  let dropped = 0;
  const afterCell = stripLeading(words, ['chi', 'bo']);
  if (afterCell) {
    dropped += 2;
    words = afterCell;
  }
  dropped += words.length - dropKindWord(words).length;
  const rest = name.trim().split(/\s+/).slice(dropped).join(' ');
  return `${rest === '' ? name.trim() : rest} cell`;
}

/** Names as officials type them: the words that get dropped, in any case, with or without marks. */
const names = fc
  .array(
    fc.constantFrom(
      'Chi',
      'chi',
      'bộ',
      'Bộ',
      'bo',
      'Bản',
      'bản',
      'Thôn',
      'thon',
      'Tổ',
      'dân',
      'phố',
      'Tiểu',
      'khu',
      'Khu',
      'Xóm',
      'Ấp',
      'Làng',
      'Buôn',
      'Bon',
      'Sóc',
      'Nặm',
      'Bao',
      '1',
      '12A',
      '9B',
      '0',
      '3',
      '-',
      '',
      '  ',
    ),
    { maxLength: 7 },
  )
  .map((words) => words.join(' '));

describe('party cell names', () => {
  it('match by the same keys as the definition by words', () => {
    expect(cellKeys('Chi bộ bản Nặm Bao')).toEqual({ exact: 'ban nam bao', loose: 'nam bao' });
    expect(cellKeys('Thôn 1')).toEqual({ exact: 'thon 1', loose: 'thon 1' });
    expect(cellKeys('Tổ dân phố 5')).toEqual({ exact: 'to dan pho 5', loose: 'dan pho 5' });
    expect(cellKeys('Chi bộ')).toEqual({ exact: 'chi bo', loose: 'chi bo' });
    expect(cellKeys(' - ')).toBeUndefined();
    fc.assert(
      fc.property(names, (name) => {
        expect(cellKeys(name)).toEqual(keysByWords(name));
      }),
      { numRuns: 5000 },
    );
  });

  it('are named in English as the definition by words names them', () => {
    const labelOf = (name: string): string => {
      const data = one('partyCells', ['name'], [[name]]);
      const h = createHelpers({
        data,
        rulebook: DEFAULT_RULEBOOK,
        summary: summaryWith({}, yearPeriod(2023)),
      });
      return h.label(data.records[0]!).en;
    };
    expect(labelOf('Chi bộ bản Nặm Bao')).toBe('Nặm Bao cell');
    expect(labelOf('Thôn 1')).toBe('Thôn 1 cell');
    fc.assert(
      fc.property(
        names.filter((n) => foldText(n) !== ''),
        (name) => {
          expect(labelOf(name)).toBe(labelByWords(name));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
